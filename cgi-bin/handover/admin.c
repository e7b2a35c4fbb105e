/* admin.c: the handover lists (home, the supervisor's alerts, a day and its review) and the
 * site's inventory items and arrival rule. */
#include "handover.h"
#include <string.h>

/* GET /handover: the site's open log pages to hand over, recent days, links. */
int
ho_home(struct ctx *c)
{
	struct dbres *r;
	tpl_dict *d = page_begin(c, "handover_home.tpl", "handover.home.title");
	int rc = db_exec(c->db, c->a, H_PAGES_OPEN, &r, "i", c->user.site_id);
	int writer = ctx_has_role(c, HO_WRITERS);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *p = tpl_section(d, "PAGE");

		tpl_set(p, "PAGE_ID", dbres_str(r, i, 0));
		tpl_set(p, "DAY", dbres_str(r, i, 1));
		tpl_set(p, "SHIFT", dbres_str(r, i, 2));
		tpl_set(p, "OPENER", dbres_str(r, i, 3));
		tpl_set(p, "END_AT", dbres_str(r, i, 6));
		if (dbres_int(r, i, 7))
			tpl_show(p, "ENDED");
		if (dbres_int(r, i, 4)) {
			tpl_dict *h = tpl_section(p, "HANDOVER");

			tpl_set(h, "ID", dbres_str(r, i, 4));
			tpl_set(h, "STATUS", ctx_t(c, arena_printf(c->a, "handover.status.%s",
			    dbres_str(r, i, 5))));
			tpl_set(h, "STATUS_CLASS", dbres_str(r, i, 5));
		} else if (writer) {
			tpl_set(tpl_section(p, "CAN_OPEN"), "PAGE_ID", dbres_str(r, i, 0));
		}
	}
	if (r->nrows == 0)
		tpl_show(d, "NO_PAGES");
	if ((rc = db_exec(c->db, c->a, H_DAYS, &r, "i", c->user.site_id)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *p = tpl_section(d, "DAY");

		tpl_set(p, "DAY", dbres_str(r, i, 0));
		tpl_set(p, "COUNT", dbres_str(r, i, 1));
		tpl_set(p, "ACCEPTED", dbres_str(r, i, 2));
		if (dbres_int(r, i, 3))
			tpl_show(p, "REVIEWED");
	}
	if (r->nrows == 0)
		tpl_show(d, "NO_DAYS");
	if (ctx_has_role(c, HO_DECIDERS | ROLE_DIRECTOR))
		tpl_show(d, "CAN_ALERTS");
	if (ctx_has_role(c, HO_CONFIG))
		tpl_show(d, "CAN_CONFIG");
	return 200;
}

/* GET /handover/alerts: refused handovers waiting for a decision; shifts not relieved. */
int
ho_alerts(struct ctx *c)
{
	struct dbres *r;
	tpl_dict *d = page_begin(c, "handover_alerts.tpl", "handover.alerts.title");
	int rc = db_exec(c->db, c->a, H_ALERT_REFUSED, &r, "i", c->user.site_id);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *p = tpl_section(d, "REFUSED");

		tpl_set(p, "ID", dbres_str(r, i, 0));
		tpl_set(p, "DAY", dbres_str(r, i, 1));
		tpl_set(p, "SHIFT", dbres_str(r, i, 2));
		tpl_set(p, "OUTGOING", dbres_str(r, i, 3));
		tpl_set(p, "BY", dbres_str(r, i, 4));
		tpl_set(p, "REASON", dbres_str(r, i, 5));
		tpl_set(p, "AT", dbres_str(r, i, 6));
	}
	if (r->nrows == 0)
		tpl_show(d, "NO_REFUSED");
	if ((rc = db_exec(c->db, c->a, H_ALERT_UNRELIEVED, &r, "i", c->user.site_id)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *p = tpl_section(d, "UNRELIEVED");

		tpl_set(p, "PAGE_ID", dbres_str(r, i, 0));
		tpl_set(p, "DAY", dbres_str(r, i, 1));
		tpl_set(p, "SHIFT", dbres_str(r, i, 2));
		tpl_set(p, "OUTGOING", dbres_str(r, i, 3));
		tpl_set(p, "END_AT", dbres_str(r, i, 4));
		if (dbres_int(r, i, 5))
			tpl_set(tpl_section(p, "HANDOVER"), "ID", dbres_str(r, i, 5));
	}
	if (r->nrows == 0)
		tpl_show(d, "NO_UNRELIEVED");
	return 200;
}

enum { VF_COMMENT };
static const struct field review_fields[] = {
	[VF_COMMENT] = { "comment", FT_MULTILINE, 0, 0, 500, NULL, "handover.field.comment" },
};
const struct form_spec ho_review_form = FORM_SPEC(review_fields);

/* GET /handover/day/:day: the day's handovers and its review (or the form to sign it). */
int
ho_day_show(struct ctx *c)
{
	const char *day = c->args[0];
	struct dbres *r;
	tpl_dict *d;
	int rc;

	if (c->nargs < 1 || !valid_date(day))
		return 404;
	d = page_begin(c, "handover_day.tpl", "handover.day.title");
	tpl_set(d, "DAY", day);
	if ((rc = db_exec(c->db, c->a, H_DAY_LIST, &r, "is", c->user.site_id, day)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *p = tpl_section(d, "HANDOVER");

		tpl_set(p, "ID", dbres_str(r, i, 0));
		tpl_set(p, "SHIFT", dbres_str(r, i, 1));
		tpl_set(p, "STATUS", ctx_t(c, arena_printf(c->a, "handover.status.%s",
		    dbres_str(r, i, 2))));
		tpl_set(p, "STATUS_CLASS", dbres_str(r, i, 2));
		tpl_set(p, "OUTGOING", dbres_str(r, i, 3));
		tpl_set(p, "INCOMING", dbres_str(r, i, 4));
		tpl_set(p, "SIGNED_AT", dbres_str(r, i, 5));
		if (dbres_int(r, i, 6))
			tpl_show(p, "UNRELIEVED");
	}
	if (r->nrows == 0)
		tpl_show(d, "NO_HANDOVERS");
	if ((rc = db_exec(c->db, c->a, H_REVIEW_GET, &r, "is", c->user.site_id, day)) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows == 1) {
		tpl_dict *s = tpl_section(d, "REVIEWED");

		tpl_set(s, "BY", dbres_str(r, 0, 0));
		tpl_set(s, "AT", dbres_str(r, 0, 1));
		tpl_set(s, "COMMENT", dbres_str(r, 0, 2));
	} else if (ctx_has_role(c, HO_REVIEWERS)) {
		tpl_dict *f = tpl_section(d, "REVIEW_FORM");

		tpl_set(f, "DAY", day);
		if (c->form.spec == &ho_review_form)
			form_to_dict(c, f);
	}
	return 200;
}

/* POST /handover/day/:day/review: the manager or the lead signs the day's handovers (none may
 * still be open or refused); from then on, corrections only. */
int
ho_review_post(struct ctx *c)
{
	const char *day = c->args[0];
	struct dbres *r;
	int rc;

	if (c->nargs < 1 || !valid_date(day))
		return 404;
	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, H_DAY_PENDING, &r, "is", c->user.site_id, day)) != DB_OK)
		return DB_STATUS(rc);
	if (dbres_int(r, 0, 0) > 0) {
		db_rollback(c->db);
		form_error(c, VF_COMMENT, "handover.err.day_pending");
		return ho_day_show(c);
	}
	rc = db_exec(c->db, c->a, H_REVIEW_ADD, NULL, "isis", c->user.site_id, day, c->user.id,
	    form_str(c, VF_COMMENT));
	if (rc == DB_EDUP) {
		page_error(c, 409, "handover.err.already_reviewed");
		return 409;
	}
	if (rc == DB_OK)
		rc = audit_write(c, "review", "handover_day", 0, c->user.site_id,
		    arena_printf(c->a, "%s %s", ctx_t(c, "handover.audit.reviewed"), day), NULL, NULL);
	return resp_commit(c, rc, "handover_reviewed", arena_printf(c->a, "/handover/day/%s", day));
}

/* ---- inventory items and the arrival rule ---- */

static const char *const bool_choices[] = { "0", "1", NULL };
enum { IF_NAME, IF_EXPECTED, IF_ACTIVE };
static const struct field item_fields[] = {
	[IF_NAME]     = { "name", FT_TEXT, FF_REQUIRED, 0, 30, NULL, "handover.field.item" },
	[IF_EXPECTED] = { "expected", FT_INT, FF_REQUIRED, 0, 9999, NULL, "handover.field.expected" },
	[IF_ACTIVE]   = { "active", FT_CHOICE, 0, 0, 0, bool_choices, "field.status" },
};
const struct form_spec ho_item_form = FORM_SPEC(item_fields);

enum { UF_EARLY };
static const struct field rule_fields[] = {
	[UF_EARLY] = { "early_minutes", FT_INT, FF_REQUIRED, 0, 120, NULL, "handover.field.early" },
};
const struct form_spec ho_rule_form = FORM_SPEC(rule_fields);

/* GET /handover/items: the site's items (each editable), a new one, the arrival rule. */
int
ho_items_show(struct ctx *c)
{
	struct dbres *r;
	tpl_dict *d = page_begin(c, "handover_items.tpl", "handover.items.title"), *f;
	int rc = db_exec(c->db, c->a, H_ITEMS_ALL, &r, "i", c->user.site_id);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *p = tpl_section(d, "ITEM");

		tpl_set(p, "ID", dbres_str(r, i, 0));
		tpl_set(p, "NAME", dbres_str(r, i, 1));
		tpl_set(p, "EXPECTED", dbres_str(r, i, 2));
		tpl_show(p, dbres_int(r, i, 3) ? "ACTIVE" : "INACTIVE");
		if (c->form.spec == &ho_item_form && c->nids == 1 && c->ids[0] == dbres_int(r, i, 0))
			form_to_dict(c, tpl_section(p, "ERRORS"));
	}
	f = tpl_section(d, "NEW_FORM");
	if (c->form.spec == &ho_item_form && c->nids == 0)
		form_to_dict(c, f);
	f = tpl_section(d, "RULE_FORM");
	if (c->form.spec == &ho_rule_form) {
		form_to_dict(c, f);
	} else {
		if ((rc = db_exec(c->db, c->a, H_RULE_GET, &r, "i", c->user.site_id)) != DB_OK)
			return DB_STATUS(rc);
		tpl_set(f, "EARLY_MINUTES", dbres_str(r, 0, 0));
	}
	return 200;
}

static char *
item_json(struct ctx *c, const char *name, long long expected, long long active)
{
	struct json j;

	json_begin(&j);
	json_str(&j, "name", name);
	json_int(&j, "expected", expected);
	json_int(&j, "active", active);
	return json_end(&j, c->a);
}

/* POST /handover/items/new */
int
ho_item_new_post(struct ctx *c)
{
	const char *name = form_str(c, IF_NAME);
	long long expected = form_num(c, IF_EXPECTED);
	struct dbres *r;
	int rc = db_begin(c->db);

	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, H_ITEM_NEW, &r, "isii", c->user.site_id, name, expected,
		    c->user.site_id);
	if (rc == DB_EDUP) {
		db_rollback(c->db);
		form_error(c, IF_NAME, "handover.err.item_taken");
		return ho_items_show(c);
	}
	if (rc == DB_OK)
		rc = audit_write(c, "create", "handover_item", (long long)r->insert_id, c->user.site_id,
		    arena_printf(c->a, "%s %s", ctx_t(c, "handover.audit.item"), name), NULL,
		    item_json(c, name, expected, 1));
	return resp_commit(c, rc, "saved", "/handover/items");
}

/* POST /handover/items/:id */
int
ho_item_update_post(struct ctx *c)
{
	const char *name = form_str(c, IF_NAME);
	long long expected = form_num(c, IF_EXPECTED);
	long long active = strcmp(form_str(c, IF_ACTIVE), "0") == 0 ? 0 : 1;
	struct dbres *r;
	int rc = db_exec(c->db, c->a, H_ITEM_GET, &r, "i", c->ids[0]);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || dbres_int(r, 0, 1) != c->user.site_id)
		return 404;
	if ((rc = db_begin(c->db)) == DB_OK)
		rc = db_exec(c->db, c->a, H_ITEM_UPDATE, NULL, "siii", name, expected, active, c->ids[0]);
	if (rc == DB_EDUP) {
		db_rollback(c->db);
		form_error(c, IF_NAME, "handover.err.item_taken");
		return ho_items_show(c);
	}
	if (rc == DB_OK)
		rc = audit_write(c, "update", "handover_item", c->ids[0], c->user.site_id,
		    arena_printf(c->a, "%s %s", ctx_t(c, "handover.audit.item"), name),
		    item_json(c, dbres_str(r, 0, 2), dbres_int(r, 0, 3), dbres_int(r, 0, 4)),
		    item_json(c, name, expected, active));
	return resp_commit(c, rc, "saved", "/handover/items");
}

/* POST /handover/rule: minutes before the shift change the incoming must arrive. */
int
ho_rule_post(struct ctx *c)
{
	long long m = form_num(c, UF_EARLY);
	struct dbres *r;
	int rc = db_exec(c->db, c->a, H_RULE_GET, &r, "i", c->user.site_id);
	struct json o, n;

	if (rc != DB_OK)
		return DB_STATUS(rc);
	json_begin(&o);
	json_int(&o, "early_minutes", dbres_int(r, 0, 0));
	json_begin(&n);
	json_int(&n, "early_minutes", m);
	if ((rc = db_begin(c->db)) == DB_OK)
		rc = db_exec(c->db, c->a, H_RULE_SET, NULL, "iii", c->user.site_id, m, c->user.id);
	if (rc == DB_OK)
		rc = audit_write(c, "update", "handover_rule", c->user.site_id, c->user.site_id,
		    arena_printf(c->a, "%s %lld", ctx_t(c, "handover.audit.rule"), m),
		    json_end(&o, c->a), json_end(&n, c->a));
	else {
		(void)json_end(&o, c->a);
		(void)json_end(&n, c->a);
	}
	return resp_commit(c, rc, "saved", "/handover/items");
}
