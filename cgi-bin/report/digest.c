/* digest.c: the manager's daily digest (客服经理日报) of a site's day: each shift's log page,
 * the open items carried, requests registered and closed, escalations, missing signatures
 * and overdue reports; printed with its ZY number. */
#include "report.h"
#include <stdio.h>
#include <string.h>

/* Every table of the digest of site's day. DB_OK or an error. */
static int
digest_tables(struct ctx *c, struct rpage *pg, long long site, const char *day)
{
	struct dbres *r, *in, *closed;
	struct rtable *t;
	int rc;

	/* 1. The shifts' log pages. */
	t = rt_new(c, pg, "shifts", "report.d.shifts", 6, "report.col.shift", "report.col.status",
	    "report.col.opened_by", "report.col.entries", "report.col.open_items",
	    "report.col.major");
	if ((rc = db_exec(c->db, c->a, R_D_PAGES, &r, "is", site, day)) != DB_OK)
		return rc;
	for (size_t i = 0; i < r->nrows; i++) {
		struct rcell *row = rt_row(c, t);

		rc_set(c, row, 0, dbres_str(r, i, 1), rep_link(c, site, "/log/page/%lld",
		    dbres_int(r, i, 0)));
		rc_set(c, row, 1, ctx_t(c, arena_printf(c->a, "report.page.%s", dbres_str(r, i, 2))),
		    NULL);
		rc_set(c, row, 2, dbres_str(r, i, 3), NULL);
		rc_int(c, row, 3, dbres_int(r, i, 4), NULL);
		rc_int(c, row, 4, dbres_int(r, i, 5), NULL);
		rc_int(c, row, 5, dbres_int(r, i, 6), NULL);
	}
	if ((rc = db_exec(c->db, c->a, R_LOGDAY_ID, &r, "is", site, day)) != DB_OK)
		return rc;
	t->note = r->nrows == 0 ? ctx_t(c, "report.d.no_log") :
	    strcmp(dbres_str(r, 0, 1), "signed") == 0 ?
	    arena_printf(c->a, "%s %s", ctx_t(c, "report.d.signed"), dbres_str(r, 0, 2)) :
	    ctx_t(c, "report.d.not_signed");

	/* 2. Open items carried from the day's pages. */
	t = rt_new(c, pg, "carried", "report.d.carried", 5, "report.col.entry",
	    "report.col.occurred", "report.col.place", "report.col.what", "report.col.age");
	if ((rc = db_exec(c->db, c->a, R_D_CARRIED, &r, "sis", day, site, day)) != DB_OK)
		return rc;
	for (size_t i = 0; i < r->nrows; i++) {
		struct rcell *row = rt_row(c, t);

		rc_set(c, row, 0, arena_printf(c->a, "#%s%s", dbres_str(r, i, 0),
		    strcmp(dbres_str(r, i, 4), "open") == 0 ? "" :
		    arena_printf(c->a, " (%s)", ctx_t(c, "report.d.closed_since"))),
		    rep_link(c, site, "/log/entry/%lld", dbres_int(r, i, 0)));
		rc_set(c, row, 1, dbres_str(r, i, 1), NULL);
		rc_set(c, row, 2, dbres_str(r, i, 2), NULL);
		rc_set(c, row, 3, dbres_str(r, i, 3), NULL);
		rc_set(c, row, 4, arena_printf(c->a, "%s %s", dbres_str(r, i, 5),
		    ctx_t(c, "report.unit.d")), NULL);
	}

	/* 3. Requests registered and closed. */
	t = rt_new(c, pg, "requests", "report.d.requests", 4, "report.col.type",
	    "report.col.registered", "report.col.major", "report.col.closed");
	if ((rc = db_exec(c->db, c->a, R_D_REQ_IN, &in, "iss", site, day, day)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, R_D_REQ_CLOSED, &closed, "iss", site, day, day)) != DB_OK)
		return rc;
	{
		long long tin = 0, tmaj = 0, tcl = 0;

		for (int k = 0; k < 5; k++) {
			long long n = 0, major = 0, cl = 0;
			struct rcell *row = rt_row(c, t);

			for (size_t i = 0; i < in->nrows; i++)
				if (rep_type_index(dbres_str(in, i, 0)) == k) {
					n = dbres_int(in, i, 1);
					major = dbres_int(in, i, 2);
				}
			for (size_t i = 0; i < closed->nrows; i++)
				if (rep_type_index(dbres_str(closed, i, 0)) == k)
					cl = dbres_int(closed, i, 1);
			rc_set(c, row, 0, ctx_t(c, arena_printf(c->a, "report.type.%s", rep_types[k])),
			    rep_link(c, site, "/requests?type=%s&from=%s&to=%s", rep_types[k], day, day));
			rc_int(c, row, 1, n, NULL);
			rc_int(c, row, 2, major, NULL);
			rc_int(c, row, 3, cl, NULL);
			tin += n;
			tmaj += major;
			tcl += cl;
		}
		{
			struct rcell *row = rt_row(c, t);

			rc_set(c, row, 0, ctx_t(c, "report.col.total"),
			    rep_link(c, site, "/requests?from=%s&to=%s", day, day));
			rc_int(c, row, 1, tin, NULL);
			rc_int(c, row, 2, tmaj, NULL);
			rc_int(c, row, 3, tcl, NULL);
		}
	}

	/* 4. Escalations of the day, and those still waiting for a decision. */
	t = rt_new(c, pg, "escalations", "report.d.escalations", 5, "report.col.number",
	    "report.col.level", "report.col.status", "report.col.at", "report.col.what");
	if ((rc = db_exec(c->db, c->a, R_D_ESCALATIONS, &r, "isss", site, day, day, day)) != DB_OK)
		return rc;
	for (size_t i = 0; i < r->nrows; i++) {
		struct rcell *row = rt_row(c, t);

		rc_set(c, row, 0, dbres_str(r, i, 1), rep_link(c, site, "/requests/%lld",
		    dbres_int(r, i, 0)));
		rc_set(c, row, 1, dbres_str(r, i, 2), NULL);
		rc_set(c, row, 2, ctx_t(c, arena_printf(c->a, "report.esc.%s", dbres_str(r, i, 3))),
		    NULL);
		rc_set(c, row, 3, dbres_str(r, i, 4), NULL);
		rc_set(c, row, 4, dbres_str(r, i, 5), NULL);
	}

	/* 5. Missing signatures: log days not signed (30 days up to the day), handovers of the
	 * day not signed by both. */
	t = rt_new(c, pg, "signatures", "report.d.signatures", 3, "report.col.kind",
	    "report.col.record", "report.col.missing");
	if ((rc = db_exec(c->db, c->a, R_D_UNSIGNED_DAYS, &r, "iss", site, day, day)) != DB_OK)
		return rc;
	for (size_t i = 0; i < r->nrows; i++) {
		struct rcell *row = rt_row(c, t);

		rc_set(c, row, 0, ctx_t(c, "report.d.log_day"), NULL);
		rc_set(c, row, 1, dbres_str(r, i, 1), rep_link(c, site, "/log/day/%lld",
		    dbres_int(r, i, 0)));
		rc_set(c, row, 2, ctx_t(c, "report.d.manager_signature"), NULL);
	}
	if ((rc = db_exec(c->db, c->a, R_D_UNSIGNED_HANDOVERS, &r, "is", site, day)) != DB_OK)
		return rc;
	for (size_t i = 0; i < r->nrows; i++) {
		struct rcell *row = rt_row(c, t);
		int in_missing = (int)dbres_int(r, i, 3), out_missing = (int)dbres_int(r, i, 4);

		rc_set(c, row, 0, ctx_t(c, "report.d.handover"), NULL);
		rc_set(c, row, 1, arena_printf(c->a, "%s %s", day, dbres_str(r, i, 1)),
		    rep_link(c, site, "/handover/%lld", dbres_int(r, i, 0)));
		rc_set(c, row, 2, in_missing && out_missing ? ctx_t(c, "report.d.both_signatures") :
		    in_missing ? ctx_t(c, "report.d.incoming_signature") :
		    ctx_t(c, "report.d.outgoing_signature"), NULL);
	}

	/* 6. Overdue reports: emergency reports, callback reports. */
	t = rt_new(c, pg, "overdue", "report.d.overdue", 4, "report.col.kind", "report.col.record",
	    "report.col.due", "report.col.written");
	if ((rc = db_exec(c->db, c->a, R_D_EMERG_OVERDUE, &r, "iss", site, day, day)) != DB_OK)
		return rc;
	for (size_t i = 0; i < r->nrows; i++) {
		struct rcell *row = rt_row(c, t);

		rc_set(c, row, 0, ctx_t(c, "report.d.emergency_report"), NULL);
		rc_set(c, row, 1, arena_printf(c->a, "%s %s", dbres_str(r, i, 1), dbres_str(r, i, 2)),
		    rep_link(c, site, "/log/emergency/%lld", dbres_int(r, i, 0)));
		rc_set(c, row, 2, dbres_str(r, i, 3), NULL);
		rc_set(c, row, 3, *dbres_str(r, i, 4) ? dbres_str(r, i, 4) : ctx_t(c, "report.d.not_written"),
		    NULL);
	}
	if ((rc = db_exec(c->db, c->a, R_D_CBREPORT_OVERDUE, &r, "iss", site, day, day)) != DB_OK)
		return rc;
	for (size_t i = 0; i < r->nrows; i++) {
		struct rcell *row = rt_row(c, t);
		long long d;
		char due[11];

		rep_parse_day(dbres_str(r, i, 0), &d);
		rep_fmt_day(d + 1, due);
		rc_set(c, row, 0, ctx_t(c, "report.d.callback_report"), NULL);
		rc_set(c, row, 1, arena_printf(c->a, "%s (%s %s)", dbres_str(r, i, 0),
		    dbres_str(r, i, 1), ctx_t(c, "report.col.callbacks")), ctx_has_role(c, CB_READERS) ?
		    rep_link(c, site, "/callbacks/reports") : NULL);
		rc_set(c, row, 2, due, NULL);
		rc_set(c, row, 3, ctx_t(c, "report.d.not_written"), NULL);
	}
	return DB_OK;
}

static int
digest_page(struct ctx *c, long long site, const char *name, const char *day, long long record)
{
	struct rpage pg = { { 0 }, 0 };
	long long d;
	char prev[11], next[11];
	tpl_dict *page;
	int rc, st;

	if ((rc = digest_tables(c, &pg, site, day)) != DB_OK)
		return DB_STATUS(rc);
	if ((st = rp_csv(c, &pg, arena_printf(c->a, "digest-%s", day))) != 0)
		return st;
	page = page_begin(c, "report_digest.tpl", "report.d.title");
	rep_parse_day(day, &d);
	rep_fmt_day(d - 1, prev);
	rep_fmt_day(d + 1, next);
	tpl_set(page, "SITE_NAME", name);
	tpl_set(page, "DAY", day);
	tpl_set(page, "PREV", prev);
	tpl_set(page, "NEXT", next);
	if (ctx_has_role(c, REP_PRINTERS) && site == c->user.site_id)
		tpl_set(tpl_section(page, "CAN_PRINT"), "HREF",
		    arena_printf(c->a, "/reports/digest/print?day=%s", day));
	rp_render(c, page, &pg, record ? arena_printf(c->a, "/reports/digest/%lld", record) :
	    arena_printf(c->a, "/reports/digest/%s", day));
	return 200;
}

/* The day of ?day= (default yesterday) into out. 0 or 404. */
static int
day_of(const char *s, char out[11])
{
	long long d;

	if (s == NULL || *s == '\0') {
		rep_fmt_day(rep_today() - 1, out);
		return 0;
	}
	if (rep_parse_day(s, &d) != 0)
		return 404;
	rep_fmt_day(d, out);
	return 0;
}

/* GET /reports/digest?day=: the digest of the user's site (default yesterday). */
int
rep_digest_show(struct ctx *c)
{
	char day[11];
	long long site, ring;
	const char *name;
	int st;

	if ((st = day_of(ctx_query(c, "day"), day)) != 0 ||
	    (st = rep_site(c, &site, &name, &ring)) != 0)
		return st;
	return digest_page(c, site, name, day, 0);
}

/* GET /reports/digest/:day (2026-11-22). */
int
rep_digest_day(struct ctx *c)
{
	char day[11];
	long long site, ring;
	const char *name;
	int st;

	if (c->nargs < 1 || (st = day_of(c->args[0], day)) != 0)
		return 404;
	if ((st = rep_site(c, &site, &name, &ring)) != 0)
		return st;
	return digest_page(c, site, name, day, 0);
}

/* The digest record id: its site (own, or any for directors) and day. 0, 404 or 5xx. */
static int
digest_record(struct ctx *c, long long id, long long *site, const char **name, char day[11])
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, R_RECORD_GET, &r, "i", id);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || strcmp(dbres_str(r, 0, 1), "digest") != 0 ||
	    day_of(dbres_str(r, 0, 2), day) != 0)
		return 404;
	*site = dbres_int(r, 0, 0);
	if (!ctx_site_ok(c, *site) && !ctx_has_role(c, ROLE_DIRECTOR))
		return 404;
	if ((rc = db_exec(c->db, c->a, R_SITE, &r, "i", *site)) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1)
		return 404;
	*name = dbres_str(r, 0, 0);
	return 0;
}

/* GET /reports/digest/:id: the digest a printed number names. */
int
rep_digest_record(struct ctx *c)
{
	long long site;
	const char *name;
	char day[11];
	int st = digest_record(c, c->ids[0], &site, &name, day);

	return st ? st : digest_page(c, site, name, day, c->ids[0]);
}

/* POST /reports/digest/print?day=: the day's record and number (first print; a change, so a
 * POST), then the print. */
int
rep_digest_print_start(struct ctx *c)
{
	struct dbres *r;
	const char *number;
	char day[11];
	long long id;
	int rc;

	if (day_of(ctx_query(c, "day"), day) != 0)
		return 404;
	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, R_RECORD_ADD, &r, "iss", c->user.site_id, "digest",
	    day)) != DB_OK)
		return DB_STATUS(rc);
	id = (long long)r->insert_id;
	rc = number_assign(c, "digest", c->user.site_id, id, day, &number);
	if (rc == DB_OK && r->affected == 1)
		rc = audit_write(c, "create", "report_record", id, c->user.site_id,
		    arena_printf(c->a, "%s %s %s", ctx_t(c, "form.digest"), day, number), NULL, NULL);
	return resp_commit(c, rc, NULL, arena_printf(c->a, "/reports/digest/%lld/print", id));
}

/* GET /reports/digest/:id/print: the A4 digest with its number, QR code and signature. */
int
rep_digest_print(struct ctx *c)
{
	struct rpage pg = { { 0 }, 0 };
	long long site;
	const char *name, *number;
	char day[11];
	tpl_dict *d;
	int st, rc;

	if ((st = digest_record(c, c->ids[0], &site, &name, day)) != 0)
		return st;
	if ((rc = number_lookup(c, "digest", c->ids[0], &number)) != DB_OK)
		return DB_STATUS(rc);
	if (number == NULL)
		return 404;
	if ((rc = digest_tables(c, &pg, site, day)) != DB_OK)
		return DB_STATUS(rc);
	if ((d = print_begin(c, "report_print.tpl", "digest", number, &rc)) == NULL)
		return DB_STATUS(rc);
	tpl_set(c->dict, "SITE_NAME_PRINT", name);
	tpl_set(d, "PERIOD", day);
	rp_render(c, d, &pg, "");
	print_sign(c, "report.sign.manager", "");
	return 200;
}
