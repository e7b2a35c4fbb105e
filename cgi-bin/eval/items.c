/* items.c: the site's evaluation checklist (考核项目): name, maximum score, order, in use.
 * An item scored in any evaluation is never deleted (there is no delete: it is taken out of
 * use) and keeps its name and maximum, so that signed evaluations read as they were signed. */
#include "eval.h"
#include <string.h>

static const char *const bool_choices[] = { "0", "1", NULL };
enum { IF_NAME, IF_MAX, IF_ORDER, IF_ACTIVE };
static const struct field item_fields[] = {
	[IF_NAME]   = { "name", FT_TEXT, FF_REQUIRED, 0, 30, NULL, "eval.field.item" },
	[IF_MAX]    = { "max_score", FT_INT, FF_REQUIRED, 1, 100, NULL, "eval.field.max" },
	[IF_ORDER]  = { "sort_order", FT_INT, 0, 0, 999, NULL, "eval.field.order" },
	[IF_ACTIVE] = { "active", FT_CHOICE, 0, 0, 0, bool_choices, "field.status" },
};
const struct form_spec ev_item_form = FORM_SPEC(item_fields);

/* The item whose deletion was just refused (this request only: read and cleared by
 * ev_items_show, which the refusing handler calls at once). */
static long long delete_refused;

/* GET /evaluations/items: every item of the site (each editable in place), a new one. On a
 * refused change the row (or the new-item form) shows the input again with its message. */
int
ev_items_show(struct ctx *c)
{
	struct dbres *r;
	tpl_dict *d = page_begin(c, "eval_items.tpl", "eval.items.title"), *f;
	int rc = db_exec(c->db, c->a, E_ITEMS_ALL, &r, "i", c->user.site_id);
	int posted = c->form.spec == &ev_item_form, found = 0;
	long long sum = 0, refused = delete_refused, next = 1;

	delete_refused = 0;
	if (rc != DB_OK)
		return DB_STATUS(rc);
	/* A refused change of an item that is not one of the site's: not found. */
	for (size_t i = 0; posted && c->nids == 1 && i < r->nrows; i++)
		found |= dbres_int(r, i, 0) == c->ids[0];
	if (posted && c->nids == 1 && !found)
		return 404;
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *p = tpl_section(d, "ITEM");
		int mine = posted && c->nids == 1 && c->ids[0] == dbres_int(r, i, 0);

		tpl_set(p, "ID", dbres_str(r, i, 0));
		tpl_set(p, "NAME", mine ? form_str(c, IF_NAME) : dbres_str(r, i, 1));
		tpl_set(p, "MAX", mine ? form_str(c, IF_MAX) : dbres_str(r, i, 2));
		tpl_set(p, "ORDER", mine ? form_str(c, IF_ORDER) : dbres_str(r, i, 3));
		tpl_set(p, "USED", dbres_str(r, i, 5));
		tpl_show(p, dbres_int(r, i, 4) ? "ACTIVE" : "INACTIVE");
		if (dbres_int(r, i, 4))
			sum += dbres_int(r, i, 2);
		if (dbres_int(r, i, 3) >= next)
			next = dbres_int(r, i, 3) + 1;
		if (dbres_int(r, i, 5) > 0)
			tpl_show(p, "IN_USE");
		else
			tpl_set(tpl_section(p, "CAN_DELETE"), "ID", dbres_str(r, i, 0));
		if (refused == dbres_int(r, i, 0))
			tpl_show(p, "DELETE_REFUSED");
		if (mine)
			form_to_dict(c, tpl_section(p, "ERRORS"));
	}
	tpl_set_int(d, "SUM", sum);
	if (r->nrows == 0)
		tpl_show(d, "NO_ITEMS");
	f = tpl_section(d, "NEW_FORM");
	if (posted && c->nids == 0)
		form_to_dict(c, f);
	else {
		tpl_set(f, "MAX_SCORE", "10");
		tpl_set_int(f, "SORT_ORDER", next > 999 ? 999 : next);
	}
	/* The refused input went into its own form above; the page's top level (which every
	 * form here would inherit) stays without it. */
	c->form.spec = NULL;
	return 200;
}

static char *
item_json(struct ctx *c, const char *name, long long max, long long order, long long active)
{
	struct json j;

	json_begin(&j);
	json_str(&j, "name", name);
	json_int(&j, "max_score", max);
	json_int(&j, "sort_order", order);
	json_int(&j, "active", active);
	return json_end(&j, c->a);
}

/* POST /evaluations/items/new */
int
ev_item_new_post(struct ctx *c)
{
	const char *name = form_str(c, IF_NAME);
	long long max = form_num(c, IF_MAX), order = form_num(c, IF_ORDER);
	struct dbres *r;
	int rc = db_begin(c->db);

	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, E_ITEM_NEW, &r, "isii", c->user.site_id, name, max, order);
	if (rc == DB_EDUP) {
		db_rollback(c->db);
		form_error(c, IF_NAME, "eval.err.item_taken");
		return ev_items_show(c);
	}
	if (rc == DB_OK)
		rc = audit_write(c, "create", "eval_item", (long long)r->insert_id, c->user.site_id,
		    arena_printf(c->a, "%s %s", ctx_t(c, "eval.audit.item"), name), NULL,
		    item_json(c, name, max, order, 1));
	return resp_commit(c, rc, "saved", "/evaluations/items");
}

/* POST /evaluations/items/:id: rename, reorder, take out of use or back; the maximum only
 * while no evaluation scored the item. */
int
ev_item_update_post(struct ctx *c)
{
	const char *name = form_str(c, IF_NAME);
	long long max = form_num(c, IF_MAX), order = form_num(c, IF_ORDER);
	long long active = strcmp(form_str(c, IF_ACTIVE), "0") == 0 ? 0 : 1;
	struct dbres *r;
	int rc = db_begin(c->db);

	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, E_ITEM_GET, &r, "i", c->ids[0]);
	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || dbres_int(r, 0, 1) != c->user.site_id)
		return 404;
	/* Signed evaluations show the item's name and maximum: an item in use keeps both. */
	if (dbres_int(r, 0, 6) > 0 && (max != dbres_int(r, 0, 3) ||
	    strcmp(name, dbres_str(r, 0, 2)) != 0)) {
		db_rollback(c->db);
		form_error(c, max != dbres_int(r, 0, 3) ? IF_MAX : IF_NAME, max != dbres_int(r, 0, 3) ?
		    "eval.err.max_in_use" : "eval.err.name_in_use");
		return ev_items_show(c);
	}
	rc = db_exec(c->db, c->a, E_ITEM_UPDATE, NULL, "siiii", name, max, order, active, c->ids[0]);
	if (rc == DB_EDUP) {
		db_rollback(c->db);
		form_error(c, IF_NAME, "eval.err.item_taken");
		return ev_items_show(c);
	}
	if (rc == DB_OK)
		rc = audit_write(c, "update", "eval_item", c->ids[0], c->user.site_id,
		    arena_printf(c->a, "%s %s", ctx_t(c, "eval.audit.item"), name),
		    item_json(c, dbres_str(r, 0, 2), dbres_int(r, 0, 3), dbres_int(r, 0, 4),
		    dbres_int(r, 0, 5)), item_json(c, name, max, order, active));
	return resp_commit(c, rc, "saved", "/evaluations/items");
}

/* POST /evaluations/items/defaults: the default checklist for a site that has none of those
 * names yet (a site created after sql/013). */
int
ev_items_defaults_post(struct ctx *c)
{
	long long s = c->user.site_id;
	struct dbres *r;
	int rc = db_begin(c->db);

	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, E_ITEMS_DEFAULTS, &r, "iiiiiii", s, s, s, s, s, s, s);
	if (rc == DB_OK && r->affected > 0)
		rc = audit_write(c, "create", "eval_item", 0, s,
		    arena_printf(c->a, "%s (%llu)", ctx_t(c, "eval.audit.defaults"), r->affected),
		    NULL, NULL);
	return resp_commit(c, rc, "saved", "/evaluations/items");
}

/* POST /evaluations/items/:id/delete: an item no evaluation scored (a mistake just made);
 * one in use is refused beside it (take it out of use instead). */
int
ev_item_delete_post(struct ctx *c)
{
	struct dbres *r;
	int rc = db_begin(c->db);

	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, E_ITEM_GET, &r, "i", c->ids[0]);
	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || dbres_int(r, 0, 1) != c->user.site_id)
		return 404;
	if (dbres_int(r, 0, 6) > 0) {
		db_rollback(c->db);
		delete_refused = c->ids[0];
		return ev_items_show(c);
	}
	rc = db_exec(c->db, c->a, E_ITEM_DELETE, NULL, "iii", c->ids[0], c->user.site_id, c->ids[0]);
	if (rc == DB_OK)
		rc = audit_write(c, "delete", "eval_item", c->ids[0], c->user.site_id,
		    arena_printf(c->a, "%s %s", ctx_t(c, "eval.audit.item_deleted"), dbres_str(r, 0, 2)),
		    item_json(c, dbres_str(r, 0, 2), dbres_int(r, 0, 3), dbres_int(r, 0, 4),
		    dbres_int(r, 0, 5)), NULL);
	return resp_commit(c, rc, "saved", "/evaluations/items");
}
