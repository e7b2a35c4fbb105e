/* days.c: the day of a site's duty log: the manager's sign-off (经理签字) or a page returned
 * with a reason, the lock that follows, and the printed day with its QR code. */
#include "log.h"
#include <string.h>

/* Columns of S_DAY_GET. */
enum { DY_ID, DY_SITE, DY_DAY, DY_STATUS, DY_SIGNER, DY_SIGNED_AT, DY_COMMENT, DY_OVER };

enum { GF_COMMENT };
static const struct field sign_fields[] = {
	[GF_COMMENT] = { "comment", FT_MULTILINE, 0, 0, 500, NULL, "log.field.comment" },
};
const struct form_spec log_sign_form = FORM_SPEC(sign_fields);

enum { RF_REASON };
static const struct field return_fields[] = {
	[RF_REASON] = { "reason", FT_TEXT, FF_REQUIRED, 0, 500, NULL, "log.field.reason" },
};
const struct form_spec log_return_form = FORM_SPEC(return_fields);

/* GET /log/days: days waiting for sign-off (oldest first) and the latest signed ones. */
int
log_days_list(struct ctx *c)
{
	static const char *const signed_cols[] = { "ID", "DAY", "SIGNER", "SIGNED_AT" };
	struct dbres *r;
	tpl_dict *d = page_begin(c, "log_days.tpl", "log.days.title");
	int rc = db_exec(c->db, c->a, S_DAYS_WAITING, &r, "i", c->user.site_id);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *row = tpl_section(d, "WAITING");
		long long pages = dbres_int(r, i, 2), closed = dbres_int(r, i, 3);

		tpl_set(row, "ID", dbres_str(r, i, 0));
		tpl_set(row, "DAY", dbres_str(r, i, 1));
		tpl_set(row, "PAGES", dbres_str(r, i, 2));
		tpl_set(row, "CLOSED", dbres_str(r, i, 3));
		tpl_set(row, "RETURNED", dbres_str(r, i, 4));
		tpl_set(row, "ENTRIES", dbres_str(r, i, 5));
		tpl_show(row, pages > 0 && pages == closed ? "READY" : "NOT_READY");
	}
	if (r->nrows == 0)
		tpl_show(d, "NONE_WAITING");
	if ((rc = db_exec(c->db, c->a, S_DAYS_RECENT, &r, "i", c->user.site_id)) != DB_OK)
		return DB_STATUS(rc);
	page_rows(d, "SIGNED", r, signed_cols);
	return 200;
}

/* Fills one page of a day (header, staff, entries with correction stamps) into section. */
static int
day_page(struct ctx *c, tpl_dict *d, const struct dbres *p, size_t i, int returnable)
{
	tpl_dict *s = tpl_section(d, "PAGE");
	const char *status = dbres_str(p, i, PG_STATUS);
	struct dbres *e, *st;
	int rc;

	tpl_set(s, "PAGE_ID", dbres_str(p, i, PG_ID));
	tpl_set(s, "SHIFT", dbres_str(p, i, PG_SHIFT));
	tpl_set(s, "SHIFT_TIME", arena_printf(c->a, "%s–%s", dbres_str(p, i, PG_START),
	    dbres_str(p, i, PG_END)));
	tpl_set(s, "STATUS", ctx_t(c, arena_printf(c->a, "log.page.status.%s", status)));
	tpl_set(s, "CLOSED_BY", dbres_str(p, i, PG_CLOSED_BY));
	tpl_set(s, "CLOSED_AT", dbres_str(p, i, PG_CLOSED_AT));
	tpl_set(s, "RETURN_REASON", dbres_str(p, i, PG_RETURN_REASON));
	if (strcmp(status, "returned") == 0)
		tpl_show(s, "RETURNED");
	if (returnable && strcmp(status, "closed") == 0)
		tpl_show(s, "CAN_RETURN");
	if ((rc = db_exec(c->db, c->a, S_PAGE_STAFF, &st, "i", dbres_int(p, i, PG_ID))) != DB_OK)
		return rc;
	for (size_t k = 0; k < st->nrows; k++) {
		tpl_dict *m = tpl_section(s, "STAFF");

		tpl_set(m, "NAME", dbres_str(st, k, 0));
		if (dbres_int(st, k, 1))
			tpl_show(m, "LEAD");
	}
	if ((rc = db_exec(c->db, c->a, S_ENTRIES_OF_PAGE, &e, "i", dbres_int(p, i, PG_ID))) != DB_OK)
		return rc;
	if (e->nrows == 0)
		tpl_show(s, "NO_ENTRIES");
	return log_entries_to_dict(c, s, "ENTRY", e, 0);
}

/* Loads day :id of the user's site; fills the header values. 0 or an HTTP status. */
static int
day_load(struct ctx *c, struct dbres **r)
{
	int rc = db_exec(c->db, c->a, S_DAY_GET, r, "i", c->ids[0]);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if ((*r)->nrows != 1 || !ctx_site_ok(c, dbres_int(*r, 0, DY_SITE)))
		return 404;
	return 0;
}

/* The day's header: date, status (signed with who and when; waiting for the manager once
 * over; in progress before), comment. */
static void
day_header(tpl_dict *d, const struct dbres *r)
{
	int signed_day = strcmp(dbres_str(r, 0, DY_STATUS), "signed") == 0;

	tpl_set(d, "DAY_ID", dbres_str(r, 0, DY_ID));
	tpl_set(d, "DAY", dbres_str(r, 0, DY_DAY));
	tpl_set(d, "SIGNER", dbres_str(r, 0, DY_SIGNER));
	tpl_set(d, "SIGNED_AT", dbres_str(r, 0, DY_SIGNED_AT));
	tpl_set(d, "SIGN_COMMENT", dbres_str(r, 0, DY_COMMENT));
	tpl_show(d, signed_day ? "SIGNED" : dbres_int(r, 0, DY_OVER) ? "NOT_SIGNED" : "IN_PROGRESS");
}

/* GET /log/day/:id: every shift page of the day, with the sign-off form for the manager
 * once the day is over. */
int
log_day_show(struct ctx *c)
{
	struct dbres *r, *p;
	tpl_dict *d;
	const char *number;
	int rc = day_load(c, &r), open_day, signer, over;

	if (rc != 0)
		return rc;
	open_day = strcmp(dbres_str(r, 0, DY_STATUS), "open") == 0;
	signer = ctx_has_role(c, LOG_SIGNERS);
	over = dbres_int(r, 0, DY_OVER) != 0;
	d = page_begin(c, "log_day.tpl", "log.day.title");
	day_header(d, r);
	if ((rc = number_lookup(c, "log_day", c->ids[0], &number)) != DB_OK)
		return DB_STATUS(rc);
	if (number != NULL && (rc = log_paper_copy(c, tpl_section(d, "NUMBER"), number)) != DB_OK)
		return DB_STATUS(rc);
	if ((rc = db_exec(c->db, c->a, S_PAGES_OF_DAY, &p, "i", c->ids[0])) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < p->nrows; i++)
		if ((rc = day_page(c, d, p, i, open_day && signer)) != DB_OK)
			return DB_STATUS(rc);
	if (p->nrows == 0)
		tpl_show(d, "NO_PAGES");
	if (open_day && signer && !over)
		tpl_show(d, "NOT_OVER");
	if (open_day && signer && over) {
		struct form keep = c->form;
		tpl_dict *f = tpl_section(d, "SIGN_FORM");

		if (c->form.spec != &log_sign_form)
			form_empty(c, &log_sign_form);
		form_to_dict(c, f);
		c->form = keep;
		if (c->form.spec == &log_return_form)
			form_to_dict(c, tpl_section(d, "RETURN_ERROR"));
	}
	return 200;
}

/* POST /log/day/:id/sign: signs the day (over, every page closed); it is locked from then on. */
int
log_day_sign_post(struct ctx *c)
{
	struct dbres *r, *n;
	const char *number;
	int rc = day_load(c, &r);

	if (rc != 0)
		return rc;
	if (!dbres_int(r, 0, DY_OVER)) {
		page_error(c, 409, "log.err.day_not_over");
		return 409;
	}
	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, S_DAY_LOCK, &r, "i", c->ids[0])) != DB_OK)
		return DB_STATUS(rc);
	if (strcmp(dbres_str(r, 0, 2), "signed") == 0) {
		page_error(c, 409, "log.err.already_signed");
		return 409;
	}
	if ((rc = db_exec(c->db, c->a, S_DAY_PAGES_UNCLOSED, &n, "i", c->ids[0])) != DB_OK)
		return DB_STATUS(rc);
	if (dbres_int(n, 0, 0) > 0) {
		form_error(c, GF_COMMENT, "log.err.pages_not_closed");
		db_rollback(c->db);
		return log_day_show(c);
	}
	rc = db_exec(c->db, c->a, S_DAY_SIGN, NULL, "isi", c->user.id, form_str(c, GF_COMMENT),
	    c->ids[0]);
	if (rc == DB_OK)
		rc = number_assign(c, "log_day", dbres_int(r, 0, 1), c->ids[0], dbres_str(r, 0, 3),
		    &number);
	if (rc == DB_OK)
		rc = audit_write(c, "sign", "log_day", c->ids[0], dbres_int(r, 0, 1),
		    arena_printf(c->a, "%s %s", ctx_t(c, "log.audit.signed"), dbres_str(r, 0, 3)),
		    NULL, NULL);
	return resp_commit(c, rc, "day_signed", arena_printf(c->a, "/log/day/%lld", c->ids[0]));
}

/* The return form refused (no reason): the day's page again, with the message. */
int
log_page_return_invalid(struct ctx *c)
{
	struct dbres *r;
	int rc = log_page_load(c, c->ids[0], &r);

	if (rc != 0)
		return rc;
	c->ids[0] = dbres_int(r, 0, PG_DAY_ID);
	return log_day_show(c);
}

/* POST /log/page/:id/return: the manager sends a closed page back with a reason. */
int
log_page_return_post(struct ctx *c)
{
	long long page_id = c->ids[0];
	struct dbres *r;
	int rc = log_page_load(c, page_id, &r);

	if (rc != 0)
		return rc;
	/* Shown again (if refused) on the day's page. */
	c->ids[0] = dbres_int(r, 0, PG_DAY_ID);
	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, S_PAGE_LOCK, &r, "i", page_id)) != DB_OK)
		return DB_STATUS(rc);
	if (strcmp(dbres_str(r, 0, 1), "signed") == 0 || strcmp(dbres_str(r, 0, 0), "closed") != 0) {
		page_error(c, 409, "log.err.cannot_return");
		return 409;
	}
	rc = db_exec(c->db, c->a, S_PAGE_RETURN, NULL, "isi", c->user.id, form_str(c, RF_REASON),
	    page_id);
	if (rc == DB_OK)
		rc = audit_write(c, "return", "log_page", page_id, dbres_int(r, 0, 2),
		    arena_printf(c->a, "%s #%lld: %s", ctx_t(c, "log.audit.returned"), page_id,
		    form_str(c, RF_REASON)), NULL, NULL);
	return resp_commit(c, rc, "page_returned", arena_printf(c->a, "/log/day/%lld",
	    dbres_int(r, 0, 3)));
}

/* GET /log/day/:id/print: the day on A4 with its number, QR code and signature boxes. */
int
log_day_print(struct ctx *c)
{
	struct dbres *r, *p;
	tpl_dict *d;
	const char *number;
	int rc = day_load(c, &r);

	if (rc != 0)
		return rc;
	rc = number_assign(c, "log_day", dbres_int(r, 0, DY_SITE), c->ids[0],
	    dbres_str(r, 0, DY_DAY), &number);
	if (rc != DB_OK || (d = print_begin(c, "log_day_print.tpl", "log_day", number, &rc)) == NULL)
		return DB_STATUS(rc);
	day_header(d, r);
	if ((rc = db_exec(c->db, c->a, S_PAGES_OF_DAY, &p, "i", c->ids[0])) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < p->nrows; i++)
		if ((rc = day_page(c, d, p, i, 0)) != DB_OK)
			return DB_STATUS(rc);
	print_sign(c, "print.duty_staff", NULL);
	print_sign(c, "print.manager_sign", dbres_str(r, 0, DY_SIGNER));
	return 200;
}
