/* pages.c: the shift pages of the duty log: the current shift, opening a page, showing it
 * with the items handed over from earlier pages, and closing it (open items must be
 * explicitly carried over: nothing open is lost between shifts). */
#include "log.h"
#include <stdlib.h>
#include <string.h>

/* Column indexes of S_NOW_SHIFT. */
enum { NS_ID, NS_NAME, NS_DAY, NS_TODAY, NS_TIME };

/* Adds the entry form (new entry) to d: categories, the form's values (defaults: now, open,
 * a fresh form key). */
static int
page_entry_form(struct ctx *c, tpl_dict *d, const char *action, const char *today,
    const char *now)
{
	tpl_dict *s = tpl_section(d, "ENTRY_FORM");
	tpl_dict *f = page_include(c, s, "FIELDS", "log_entry_fields.tpl");
	struct form keep = c->form;   /* another form of the page (closing) keeps its state */
	int rc;

	tpl_set(s, "ACTION", action);
	if (c->form.spec != &log_entry_form) {
		form_empty(c, &log_entry_form);
		form_set(c, EF_DATE, today);
		form_set(c, EF_TIME, now);
		form_set(c, EF_STATUS, "open");
		form_set(c, EF_KEY, log_form_key(c));
	}
	/* The form's fields go into the section, where the template reads them. */
	form_to_dict(c, f);
	rc = log_entry_form_fill(c, f, form_num(c, EF_CATEGORY));
	if (keep.spec != &log_entry_form)
		c->form = keep;
	return rc;
}

/* The items handed to a page (page_id 0 for the current page not yet open). */
static int
page_carried(struct ctx *c, tpl_dict *d, long long page_id)
{
	struct dbres *r;
	long long s = c->user.site_id;
	int rc = db_exec(c->db, c->a, S_CARRIED, &r, "iiiiiii", s, page_id, page_id, s, page_id,
	    page_id, page_id);

	if (rc != DB_OK)
		return rc;
	if (r->nrows > 0)
		tpl_show(d, "HAS_CARRIED");
	return log_entries_to_dict(c, d, "CARRIED", r, 1);
}

/* GET /log: the shift running now; its page if it is open, else the page to open it. */
int
log_home(struct ctx *c)
{
	struct dbres *r, *p;
	tpl_dict *d;
	int rc = db_exec(c->db, c->a, S_NOW_SHIFT, &r, "i", c->user.site_id);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows == 1) {
		rc = db_exec(c->db, c->a, S_PAGE_FIND, &p, "isi",
		    c->user.site_id, dbres_str(r, 0, NS_DAY), dbres_int(r, 0, NS_ID));
		if (rc != DB_OK)
			return DB_STATUS(rc);
		if (p->nrows == 1 && c->form.spec == NULL)
			return resp_redirect(c, arena_printf(c->a, "/log/page/%s",
			    dbres_str(p, 0, 0)));
	}
	d = page_begin(c, "log_open.tpl", "log.title");
	if (r->nrows != 1) {
		tpl_show(d, "NO_SHIFT");
		return 200;
	}
	tpl_show(d, "HAS_SHIFT");
	tpl_set(d, "SHIFT", dbres_str(r, 0, NS_NAME));
	tpl_set(d, "DAY", dbres_str(r, 0, NS_DAY));
	if (ctx_has_role(c, LOG_WRITERS)) {
		tpl_show(d, "CAN_OPEN");
		rc = page_entry_form(c, d, "/log/open/entry", dbres_str(r, 0, NS_TODAY),
		    dbres_str(r, 0, NS_TIME));
	}
	if (rc == DB_OK)
		rc = page_carried(c, d, 0);
	return rc == DB_OK ? 200 : DB_STATUS(rc);
}

int
log_page_open_current(struct ctx *c, long long *page_id)
{
	struct dbres *r, *p;
	long long day_id;
	int rc;

	*page_id = 0;
	if ((rc = db_exec(c->db, c->a, S_NOW_SHIFT, &r, "i", c->user.site_id)) != DB_OK)
		return rc;
	if (r->nrows != 1)
		return DB_EFAIL;
	/* Usually the page is open already: one look-up, no failed insert. */
	if ((rc = db_exec(c->db, c->a, S_PAGE_FIND, &p, "isi", c->user.site_id,
	    dbres_str(r, 0, NS_DAY), dbres_int(r, 0, NS_ID))) != DB_OK)
		return rc;
	if (p->nrows == 1) {
		*page_id = dbres_int(p, 0, 0);
		return DB_OK;
	}
	if ((rc = db_exec(c->db, c->a, S_DAY_GET_OR_NEW, &p, "is", c->user.site_id,
	    dbres_str(r, 0, NS_DAY))) != DB_OK)
		return rc;
	day_id = (long long)p->insert_id;
	rc = db_exec(c->db, c->a, S_PAGE_NEW, &p, "iiiii", c->user.site_id, day_id,
	    dbres_int(r, 0, NS_ID), c->user.id, c->user.id);
	if (rc == DB_OK) {
		*page_id = (long long)p->insert_id;
		rc = db_exec(c->db, c->a, S_PAGE_STAFF_ADD, NULL, "iii", *page_id, c->user.id, 1LL);
		if (rc == DB_OK)
			rc = audit_write(c, "open", "log_page", *page_id, c->user.site_id,
			    arena_printf(c->a, "%s %s %s", ctx_t(c, "log.audit.page_opened"),
			    dbres_str(r, 0, NS_DAY), dbres_str(r, 0, NS_NAME)), NULL, NULL);
		return rc;
	}
	if (rc != DB_EDUP)
		return rc;
	/* Someone opened it a moment ago: use theirs. */
	if ((rc = db_exec(c->db, c->a, S_PAGE_FIND, &p, "isi", c->user.site_id,
	    dbres_str(r, 0, NS_DAY), dbres_int(r, 0, NS_ID))) == DB_OK && p->nrows == 1)
		*page_id = dbres_int(p, 0, 0);
	return rc;
}

/* POST /log/open: opens the current shift's page (or finds it open). */
int
log_page_open_post(struct ctx *c)
{
	long long id = 0;
	int rc = db_begin(c->db);

	if (rc == DB_OK)
		rc = log_page_open_current(c, &id);
	if (rc == DB_EFAIL && id == 0)
		return 404;
	return resp_commit(c, rc, NULL, arena_printf(c->a, "/log/page/%lld", id));
}

/* The open items the close form must list, with a checkbox each. */
static int
page_close_form(struct ctx *c, tpl_dict *d, long long page_id, const char *opened_at)
{
	struct dbres *r;
	tpl_dict *f = tpl_section(d, "CLOSE_FORM");
	int rc = db_exec(c->db, c->a, S_PAGE_OPEN_ENTRIES, &r, "iis", c->user.site_id, page_id,
	    opened_at);

	if (rc != DB_OK)
		return rc;
	tpl_set_int(f, "PAGE_ID", page_id);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *o = tpl_section(f, "OPEN_ITEM");
		const char *id = dbres_str(r, i, 0);
		int checked = 0;

		tpl_set(o, "ID", id);
		tpl_set(o, "WHAT", dbres_str(r, i, 1));
		for (size_t k = 0; k < c->post.n; k++)
			if (strcmp(c->post.v[k].name, "carry") == 0 &&
			    strcmp(c->post.v[k].value, id) == 0)
				checked = 1;
		if (checked)
			tpl_show(o, "ON");
	}
	if (r->nrows > 0)
		tpl_show(f, "HAS_OPEN");
	if (c->form.spec == &log_close_form) {
		form_to_dict(c, f);
	}
	return DB_OK;
}

/* GET /log/page/:id: a shift page: its staff, the items handed to it, its entries, the form
 * for a new entry and the form to close it (while it is open). */
int
log_page_show(struct ctx *c)
{
	long long id = c->ids[0];
	struct dbres *r, *e, *s;
	tpl_dict *d;
	const char *status;
	int rc = log_page_load(c, id, &r), writable;

	if (rc != 0)
		return rc;
	status = dbres_str(r, 0, PG_STATUS);
	writable = strcmp(dbres_str(r, 0, PG_DAY_STATUS), "open") == 0 &&
	    strcmp(status, "closed") != 0 && ctx_has_role(c, LOG_WRITERS);
	d = page_begin(c, "log_page.tpl", "log.page.title");
	tpl_set(d, "ID", dbres_str(r, 0, PG_ID));
	tpl_set(d, "DAY", dbres_str(r, 0, PG_DAY));
	tpl_set(d, "DAY_ID", dbres_str(r, 0, PG_DAY_ID));
	tpl_set(d, "SHIFT", dbres_str(r, 0, PG_SHIFT));
	tpl_set(d, "SHIFT_TIME", arena_printf(c->a, "%s–%s", dbres_str(r, 0, PG_START),
	    dbres_str(r, 0, PG_END)));
	tpl_set(d, "OPENED_BY", dbres_str(r, 0, PG_OPENED_BY));
	tpl_set(d, "OPENED_AT", dbres_str(r, 0, PG_OPENED_AT));
	tpl_set(d, "LEAD", dbres_str(r, 0, PG_LEAD));
	tpl_set(d, "STATUS", ctx_t(c, arena_printf(c->a, "log.page.status.%s", status)));
	tpl_show(d, arena_printf(c->a, "STATUS_%s", strcmp(status, "open") == 0 ? "OPEN" :
	    strcmp(status, "closed") == 0 ? "CLOSED" : "RETURNED"));
	tpl_set(d, "CLOSED_BY", dbres_str(r, 0, PG_CLOSED_BY));
	tpl_set(d, "CLOSED_AT", dbres_str(r, 0, PG_CLOSED_AT));
	tpl_set(d, "RETURN_REASON", dbres_str(r, 0, PG_RETURN_REASON));
	tpl_set(d, "RETURNED_BY", dbres_str(r, 0, PG_RETURNED_BY));
	if (strcmp(dbres_str(r, 0, PG_DAY_STATUS), "signed") == 0)
		tpl_show(d, "DAY_SIGNED");
	if ((rc = db_exec(c->db, c->a, S_PAGE_STAFF, &s, "i", id)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < s->nrows; i++) {
		tpl_dict *p = tpl_section(d, "STAFF");

		tpl_set(p, "NAME", dbres_str(s, i, 0));
		if (dbres_int(s, i, 1))
			tpl_show(p, "LEAD");
		if (!dbres_int(s, i, 2))
			tpl_show(p, "NOT_ROSTERED");
	}
	if ((rc = db_exec(c->db, c->a, S_PAGE_ROSTERED, &s, "i", id)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < s->nrows; i++)
		tpl_set(tpl_section(d, "ROSTERED"), "NAME", dbres_str(s, i, 0));
	if (s->nrows == 0)
		tpl_show(d, "NO_ROSTER");
	rc = page_carried(c, d, id);
	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, S_ENTRIES_OF_PAGE, &e, "i", id);
	if (rc == DB_OK) {
		if (log_entries_to_dict(c, d, "ENTRY", e, 0) != DB_OK)
			rc = DB_EFAIL;
		if (e->nrows == 0)
			tpl_show(d, "NO_ENTRIES");
	}
	if (rc == DB_OK && writable) {
		struct dbres *now;

		rc = db_exec(c->db, c->a, S_NOW_SHIFT, &now, "i", c->user.site_id);
		if (rc == DB_OK)
			rc = page_entry_form(c, d, arena_printf(c->a, "/log/page/%lld/entries", id),
			    now->nrows ? dbres_str(now, 0, NS_TODAY) : dbres_str(r, 0, PG_DAY),
			    now->nrows ? dbres_str(now, 0, NS_TIME) : "00:00");
		if (rc == DB_OK)
			rc = page_close_form(c, d, id, dbres_str(r, 0, PG_OPENED_AT));
	}
	return rc == DB_OK ? 200 : DB_STATUS(rc);
}

enum { KF_NOTE };
static const struct field close_fields[] = {
	[KF_NOTE] = { "note", FT_MULTILINE, 0, 0, 500, NULL, "log.field.close_note" },
};
const struct form_spec log_close_form = FORM_SPEC(close_fields);

/* Whether the POSTed carry boxes include entry id. */
static int
carry_ticked(const struct ctx *c, const char *id)
{
	for (size_t k = 0; k < c->post.n; k++)
		if (strcmp(c->post.v[k].name, "carry") == 0 && strcmp(c->post.v[k].value, id) == 0)
			return 1;
	return 0;
}

/* POST /log/page/:id/close: every open item must be ticked as carried over. */
int
log_page_close_post(struct ctx *c)
{
	long long id = c->ids[0];
	struct dbres *r, *open;
	int rc = log_page_load(c, id, &r);

	if (rc != 0)
		return rc;
	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	if ((rc = db_exec(c->db, c->a, S_PAGE_LOCK, &r, "i", id)) != DB_OK)
		return DB_STATUS(rc);
	if (strcmp(dbres_str(r, 0, 1), "signed") == 0 || strcmp(dbres_str(r, 0, 0), "closed") == 0) {
		page_error(c, 403, "log.err.page_not_open");
		return 403;
	}
	if ((rc = db_exec(c->db, c->a, S_PAGE_OPEN_ENTRIES, &open, "iis", c->user.site_id, id,
	    dbres_str(r, 0, 4))) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < open->nrows; i++)
		if (!carry_ticked(c, dbres_str(open, i, 0))) {
			form_error(c, KF_NOTE, "log.err.carry_all");
			db_rollback(c->db);
			return log_page_show(c);
		}
	for (size_t i = 0; rc == DB_OK && i < open->nrows; i++)
		rc = db_exec(c->db, c->a, S_CARRY_ADD, NULL, "iii", dbres_int(open, i, 0), id,
		    c->user.id);
	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, S_PAGE_CLOSE, NULL, "isi", c->user.id,
		    form_str(c, KF_NOTE), id);
	if (rc == DB_OK)
		rc = audit_write(c, "close", "log_page", id, c->user.site_id,
		    arena_printf(c->a, "%s #%lld (%zu %s)", ctx_t(c, "log.audit.page_closed"), id,
		    open->nrows, ctx_t(c, "log.audit.carried")), NULL, NULL);
	return resp_commit(c, rc, "page_closed", "/log");
}
