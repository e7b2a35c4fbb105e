/* reports.c: the next-day callback report (客户回访报告表): the desk writes it the day after
 * for one day; the day's callbacks are listed from the records (who was called, about what,
 * satisfaction, words, the unsatisfied ones marked with what followed) with the writer's
 * summary. The supervisor (or manager) reviews it with comments (审阅意见), never their own;
 * a reviewed report is corrected only (record_corrections, entity callback_report), shown as
 * stamps. Days with callbacks and no report by the end of the next day are overdue. */
#include "callback.h"
#include <stdlib.h>
#include <string.h>

static const char *const status_choices[] = { "pending", "reviewed", NULL };
static const char *const correct_choices[] = { "summary", "review_comment", NULL };

enum { LF_STATUS, LF_PAGE };
static const struct field list_fields[] = {
	[LF_STATUS] = { "status", FT_CHOICE, 0, 0, 0, status_choices, "field.status" },
	[LF_PAGE]   = { "page", FT_INT, 0, 1, 100000, NULL, NULL },
};
const struct form_spec cb_reports_form = FORM_SPEC(list_fields);

enum { NF_DAY, NF_SUMMARY };
static const struct field new_fields[] = {
	[NF_DAY]     = { "day", FT_DATE, FF_REQUIRED, 0, 0, NULL, "callback.field.day" },
	[NF_SUMMARY] = { "summary", FT_MULTILINE, FF_REQUIRED, 0, 4000, NULL, "callback.field.summary" },
};
const struct form_spec cb_report_new_form = FORM_SPEC(new_fields);
/* The GET form of a new report: only the day (optional: yesterday). */
static const struct field day_fields[] = {
	{ "day", FT_DATE, 0, 0, 0, NULL, "callback.field.day" },
};
const struct form_spec cb_report_day_form = FORM_SPEC(day_fields);

enum { UF_SUMMARY };
static const struct field update_fields[] = {
	[UF_SUMMARY] = { "summary", FT_MULTILINE, FF_REQUIRED, 0, 4000, NULL, "callback.field.summary" },
};
const struct form_spec cb_report_form = FORM_SPEC(update_fields);

enum { VF_COMMENT };
static const struct field review_fields[] = {
	[VF_COMMENT] = { "comment", FT_MULTILINE, FF_REQUIRED, 0, 2000, NULL, "callback.field.review_comment" },
};
const struct form_spec cb_review_form = FORM_SPEC(review_fields);

enum { XF_FIELD, XF_TEXT, XF_REASON };
static const struct field correct_fields[] = {
	[XF_FIELD]  = { "field", FT_CHOICE, FF_REQUIRED, 0, 0, correct_choices, "callback.field.field" },
	[XF_TEXT]   = { "text", FT_MULTILINE, FF_REQUIRED, 0, 4000, NULL, "callback.field.new_text" },
	[XF_REASON] = { "reason", FT_TEXT, FF_REQUIRED, 0, 500, NULL, "callback.field.reason" },
};
const struct form_spec cb_report_correct_form = FORM_SPEC(correct_fields);

/* Columns of REP_COLS. */
enum { RP_ID, RP_SITE, RP_DAY, RP_SUMMARY, RP_WRITER_ID, RP_WRITER, RP_WRITTEN_AT,
	RP_REVIEWER_ID, RP_REVIEWER, RP_REVIEWED_AT, RP_COMMENT, RP_CORRECTIONS };

/* GET /callbacks/reports?status=&page= : the reports, newest day first; the days of the last
 * two weeks with callbacks and no report (overdue once the next day has ended). */
int
cb_reports(struct ctx *c)
{
	const char *status = cb_filter(c, LF_STATUS), *today, *yesterday;
	long long page = atoll(cb_filter(c, LF_PAGE)), off, site = c->user.site_id, overdue = 0;
	struct dbres *n, *r;
	tpl_dict *d = page_begin(c, "callback_reports.tpl", "callback.reports.title");
	int writer = ctx_has_role(c, CB_WRITERS);
	int rc = db_exec(c->db, c->a, C_REP_MISSING, &r, "iii", site, site, site);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *s = tpl_section(d, "MISSING");

		tpl_set(s, "DAY", dbres_str(r, i, 0));
		tpl_set(s, "N", dbres_str(r, i, 1));
		if (dbres_int(r, i, 2)) {
			tpl_show(s, "OVERDUE");
			overdue++;
		}
		if (writer)
			tpl_set(tpl_section(s, "CAN_WRITE"), "DAY", dbres_str(r, i, 0));
	}
	if (overdue > 0)
		tpl_set_int(tpl_section(d, "OVERDUE_ALERT"), "N", overdue);
	if (r->nrows == 0)
		tpl_show(d, "NONE_MISSING");
	if ((rc = cb_today(c, &today, &yesterday)) != DB_OK)
		return DB_STATUS(rc);
	if (writer)
		tpl_set(tpl_section(d, "NEW_FORM"), "YESTERDAY", yesterday);
	form_to_dict(c, d);
	if ((rc = db_exec(c->db, c->a, C_REP_COUNT, &n, "iss", site, status, status)) != DB_OK)
		return DB_STATUS(rc);
	off = page_pager(c, d, dbres_int(n, 0, 0), page, 20, arena_printf(c->a, "status=%s", status));
	if ((rc = db_exec(c->db, c->a, C_REP_PAGE, &r, "issii", site, status, status, 20LL, off)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *s = tpl_section(d, "REPORT");

		tpl_set(s, "ID", dbres_str(r, i, RP_ID));
		tpl_set(s, "DAY", dbres_str(r, i, RP_DAY));
		tpl_set(s, "WRITER", dbres_str(r, i, RP_WRITER));
		tpl_set(s, "WRITTEN_AT", dbres_str(r, i, RP_WRITTEN_AT));
		if (dbres_int(r, i, RP_REVIEWER_ID)) {
			tpl_dict *v = tpl_section(s, "REVIEWED");

			tpl_set(v, "BY", dbres_str(r, i, RP_REVIEWER));
			tpl_set(v, "AT", dbres_str(r, i, RP_REVIEWED_AT));
		} else {
			tpl_show(s, "PENDING");
		}
		if (dbres_int(r, i, RP_CORRECTIONS))
			tpl_show(s, "CORRECTED");
	}
	if (r->nrows == 0)
		tpl_show(d, "EMPTY");
	return 200;
}

/* The day's callbacks into d (section CALLBACK) with the day's figures. */
static int
day_callbacks(struct ctx *c, tpl_dict *d, long long site, const char *day)
{
	struct dbres *r;
	long long reached = 0, unsat = 0, sum = 0;
	int rc = db_exec(c->db, c->a, C_REP_DAY, &r, "isssss", site, day, day, day, day, day);

	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; i < r->nrows; i++) {
		cb_row(c, d, "CALLBACK", r, i);
		if (dbres_int(r, i, CC_SAT) > 0) {
			reached++;
			sum += dbres_int(r, i, CC_SAT);
		}
		unsat += dbres_int(r, i, CC_UNSAT) != 0;
	}
	tpl_set_int(d, "N_CALLS", (long long)r->nrows);
	tpl_set_int(d, "N_REACHED", reached);
	tpl_set_int(d, "N_UNREACHED", (long long)r->nrows - reached);
	tpl_set_int(d, "N_UNSAT", unsat);
	tpl_set(d, "AVG", reached ? arena_printf(c->a, "%.1f", (double)sum / (double)reached) : "—");
	if (r->nrows == 0)
		tpl_show(d, "NO_CALLS");
	return DB_OK;
}

/* GET /callbacks/reports/new?day= : the form of a day's report (yesterday unless named),
 * with the day's callbacks listed; a day already reported goes to its report. */
int
cb_report_new(struct ctx *c)
{
	const char *day, *today, *yesterday;
	struct dbres *r;
	tpl_dict *d;
	int rc = cb_today(c, &today, &yesterday);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (c->form.spec == &cb_report_new_form) {
		day = form_str(c, NF_DAY);
	} else {
		day = c->form.v[0].err || !*form_str(c, 0) ? yesterday : form_str(c, 0);
		if ((rc = db_exec(c->db, c->a, C_REP_BY_DAY, &r, "is", c->user.site_id, day)) != DB_OK)
			return DB_STATUS(rc);
		if (r->nrows == 1)
			return resp_redirect(c, arena_printf(c->a, "/callbacks/reports/%s",
			    dbres_str(r, 0, 0)));
		form_empty(c, &cb_report_new_form);
		form_set(c, NF_DAY, day);
	}
	d = page_begin(c, "callback_report_new.tpl", "callback.report.new");
	form_to_dict(c, d);
	if (valid_date(day) && (rc = day_callbacks(c, d, c->user.site_id, day)) != DB_OK)
		return DB_STATUS(rc);
	tpl_set(d, "DAY_SHOWN", valid_date(day) ? day : "");
	return 200;
}

/* POST /callbacks/reports/new: writes the report of a day that is over (one per day). */
int
cb_report_new_post(struct ctx *c)
{
	const char *day = form_str(c, NF_DAY), *today;
	struct dbres *r;
	struct json j;
	int rc = cb_today(c, &today, NULL);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (strcmp(day, today) >= 0) {
		form_error(c, NF_DAY, "callback.err.day_not_over");
		return cb_report_new(c);
	}
	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	rc = db_exec(c->db, c->a, C_REP_NEW, &r, "issi", c->user.site_id, day,
	    form_str(c, NF_SUMMARY), c->user.id);
	if (rc == DB_EDUP) {
		db_rollback(c->db);
		form_error(c, NF_DAY, "callback.err.report_exists");
		return cb_report_new(c);
	}
	if (rc != DB_OK)
		return DB_STATUS(rc);
	json_begin(&j);
	json_str(&j, "day", day);
	json_str(&j, "summary", form_str(c, NF_SUMMARY));
	rc = audit_write(c, "create", "callback_report", (long long)r->insert_id, c->user.site_id,
	    arena_printf(c->a, "%s %s", ctx_t(c, "callback.audit.report_new"), day), NULL,
	    json_end(&j, c->a));
	return resp_commit(c, rc, "cb_report_saved", arena_printf(c->a, "/callbacks/reports/%llu",
	    r->insert_id));
}

/* Loads report :id of the user's site into *r; 0 or an HTTP status. */
static int
report_load(struct ctx *c, struct dbres **r)
{
	int rc = db_exec(c->db, c->a, C_REP_GET, r, "i", c->ids[0]);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if ((*r)->nrows != 1 || !ctx_site_ok(c, dbres_int(*r, 0, RP_SITE)))
		return 404;
	return 0;
}

/* The report's header, summary and review with their stamps (the latest texts shown). */
static int
report_to_dict(struct ctx *c, tpl_dict *d, const struct dbres *r)
{
	static const char *const fields[] = { "summary", "review_comment" };
	tpl_dict *at[2];
	const char *latest[2];
	int rc;

	tpl_set(d, "ID", dbres_str(r, 0, RP_ID));
	tpl_set(d, "DAY", dbres_str(r, 0, RP_DAY));
	tpl_set(d, "WRITER", dbres_str(r, 0, RP_WRITER));
	tpl_set(d, "WRITTEN_AT", dbres_str(r, 0, RP_WRITTEN_AT));
	at[0] = tpl_section(d, "SUMMARY_BOX");
	at[1] = NULL;
	latest[0] = dbres_str(r, 0, RP_SUMMARY);
	latest[1] = dbres_str(r, 0, RP_COMMENT);
	if (dbres_int(r, 0, RP_REVIEWER_ID)) {
		at[1] = tpl_section(d, "REVIEWED");
		tpl_set(at[1], "BY", dbres_str(r, 0, RP_REVIEWER));
		tpl_set(at[1], "AT", dbres_str(r, 0, RP_REVIEWED_AT));
	} else {
		tpl_show(d, "NOT_REVIEWED");
	}
	if ((rc = cb_corrections(c, "callback_report", dbres_int(r, 0, RP_ID), fields, at, latest,
	    2)) != DB_OK)
		return rc;
	tpl_set(at[0], "SUMMARY", latest[0]);
	if (at[1])
		tpl_set(at[1], "COMMENT", latest[1]);
	return day_callbacks(c, d, dbres_int(r, 0, RP_SITE), dbres_str(r, 0, RP_DAY));
}

/* Fills form section f with spec's input (when it is the one refused) or an empty form
 * (values in vals, by field index; NULL: empty). */
static void
form_section(struct ctx *c, tpl_dict *f, const struct form_spec *spec, const char *const *vals)
{
	struct form keep = c->form;

	if (c->form.spec == spec) {
		form_to_dict(c, f);
		return;
	}
	form_empty(c, spec);
	for (size_t i = 0; vals && i < spec->n; i++)
		if (vals[i])
			form_set(c, i, vals[i]);
	form_to_dict(c, f);
	c->form = keep;
}

/* GET /callbacks/reports/:id: the report; before review the writer's edit form and the
 * reviewer's form; after review the correction form. */
int
cb_report_show(struct ctx *c)
{
	struct dbres *r;
	const char *number;
	tpl_dict *d;
	int rc = report_load(c, &r), reviewed;

	if (rc != 0)
		return rc;
	reviewed = dbres_int(r, 0, RP_REVIEWER_ID) != 0;
	d = page_begin(c, "callback_report.tpl", "callback.report.title");
	if ((rc = report_to_dict(c, d, r)) != DB_OK)
		return DB_STATUS(rc);
	if ((rc = number_lookup(c, "callback_report", c->ids[0], &number)) != DB_OK)
		return DB_STATUS(rc);
	if (number)
		tpl_set(tpl_section(d, "NUMBER"), "NUMBER", number);
	if (!reviewed && dbres_int(r, 0, RP_WRITER_ID) == c->user.id && ctx_has_role(c, CB_WRITERS)) {
		const char *vals[] = { dbres_str(r, 0, RP_SUMMARY) };
		tpl_dict *f = tpl_section(d, "EDIT_FORM");

		tpl_set(f, "ID", dbres_str(r, 0, RP_ID));
		form_section(c, f, &cb_report_form, vals);
	}
	if (!reviewed && ctx_has_role(c, CB_REVIEWERS)) {
		tpl_dict *f = tpl_section(d, "REVIEW_FORM");

		tpl_set(f, "ID", dbres_str(r, 0, RP_ID));
		if (dbres_int(r, 0, RP_WRITER_ID) == c->user.id)
			tpl_show(f, "OWN");
		form_section(c, f, &cb_review_form, NULL);
	}
	if (reviewed && ctx_has_role(c, CB_CORRECTORS)) {
		tpl_dict *f = tpl_section(d, "CORRECT_FORM");

		tpl_set(f, "ID", dbres_str(r, 0, RP_ID));
		if (ctx_has_role(c, CB_REVIEWERS))
			tpl_show(f, "CAN_COMMENT");
		form_section(c, f, &cb_report_correct_form, NULL);
	}
	return 200;
}

/* Locks report :id of the user's site (columns of C_REP_LOCK); 0 or an HTTP status. */
static int
report_lock(struct ctx *c, struct dbres **r)
{
	int rc;

	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, C_REP_LOCK, r, "i", c->ids[0])) != DB_OK)
		return DB_STATUS(rc);
	if ((*r)->nrows != 1 || !ctx_site_ok(c, dbres_int(*r, 0, 0)))
		return 404;
	return 0;
}

/* POST /callbacks/reports/:id: the writer changes the summary before the review. */
int
cb_report_update_post(struct ctx *c)
{
	struct dbres *r;
	struct json o, n;
	int rc = report_lock(c, &r);

	if (rc != 0)
		return rc;
	if (dbres_int(r, 0, 2) != 0) {
		page_error(c, 409, "callback.err.reviewed");
		return 409;
	}
	if (dbres_int(r, 0, 1) != c->user.id) {
		page_error(c, 403, "callback.err.not_writer");
		return 403;
	}
	rc = db_exec(c->db, c->a, C_REP_UPDATE, NULL, "si", form_str(c, UF_SUMMARY), c->ids[0]);
	json_begin(&o);
	json_str(&o, "summary", dbres_str(r, 0, 3));
	json_begin(&n);
	json_str(&n, "summary", form_str(c, UF_SUMMARY));
	if (rc == DB_OK)
		rc = audit_write(c, "update", "callback_report", c->ids[0], dbres_int(r, 0, 0),
		    arena_printf(c->a, "%s %s", ctx_t(c, "callback.audit.report_update"),
		    dbres_str(r, 0, 5)), json_end(&o, c->a), json_end(&n, c->a));
	else {
		(void)json_end(&o, c->a);
		(void)json_end(&n, c->a);
	}
	return resp_commit(c, rc, "cb_report_saved", arena_printf(c->a, "/callbacks/reports/%lld",
	    c->ids[0]));
}

/* POST /callbacks/reports/:id/review: the supervisor's (or manager's) comments (审阅意见);
 * the writer cannot review their own report. From then on: corrections only. */
int
cb_review_post(struct ctx *c)
{
	struct dbres *r;
	struct json n;
	int rc = report_lock(c, &r);

	if (rc != 0)
		return rc;
	if (dbres_int(r, 0, 2) != 0) {
		page_error(c, 409, "callback.err.reviewed");
		return 409;
	}
	if (dbres_int(r, 0, 1) == c->user.id) {
		db_rollback(c->db);
		form_error(c, VF_COMMENT, "callback.err.own_report");
		return cb_report_show(c);
	}
	rc = db_exec(c->db, c->a, C_REP_REVIEW, NULL, "isi", c->user.id, form_str(c, VF_COMMENT),
	    c->ids[0]);
	json_begin(&n);
	json_int(&n, "reviewed_by", c->user.id);
	json_str(&n, "review_comment", form_str(c, VF_COMMENT));
	if (rc == DB_OK)
		rc = audit_write(c, "review", "callback_report", c->ids[0], dbres_int(r, 0, 0),
		    arena_printf(c->a, "%s %s", ctx_t(c, "callback.audit.reviewed"), dbres_str(r, 0, 5)),
		    NULL, json_end(&n, c->a));
	else
		(void)json_end(&n, c->a);
	return resp_commit(c, rc, "cb_report_reviewed", arena_printf(c->a, "/callbacks/reports/%lld",
	    c->ids[0]));
}

/* POST /callbacks/reports/:id/correct: a reviewed report changes only by a correction (the
 * review's comments only by a reviewer). */
int
cb_report_correct_post(struct ctx *c)
{
	static const char *const fields[] = { "summary", "review_comment" };
	const char *field = form_str(c, XF_FIELD), *latest[2];
	size_t f = strcmp(field, "summary") == 0 ? 0 : 1;
	struct dbres *r;
	int rc;

	if (f == 1 && !ctx_has_role(c, CB_REVIEWERS)) {
		form_error(c, XF_FIELD, "callback.err.comment_reviewer");
		return cb_report_show(c);
	}
	if ((rc = report_lock(c, &r)) != 0)
		return rc;
	if (dbres_int(r, 0, 2) == 0) {
		page_error(c, 409, "callback.err.not_reviewed");
		return 409;
	}
	latest[0] = dbres_str(r, 0, 3);
	latest[1] = dbres_str(r, 0, 4);
	if ((rc = cb_corrections(c, "callback_report", c->ids[0], fields, NULL, latest, 2)) != DB_OK)
		return DB_STATUS(rc);
	rc = db_exec(c->db, c->a, C_CORR_ADD, NULL, "isissssi", dbres_int(r, 0, 0), "callback_report",
	    c->ids[0], field, latest[f], form_str(c, XF_TEXT), form_str(c, XF_REASON), c->user.id);
	if (rc == DB_OK) {
		struct json o, n;

		json_begin(&o);
		json_str(&o, field, latest[f]);
		json_begin(&n);
		json_str(&n, field, form_str(c, XF_TEXT));
		json_str(&n, "reason", form_str(c, XF_REASON));
		rc = audit_write(c, "correct", "callback_report", c->ids[0], dbres_int(r, 0, 0),
		    arena_printf(c->a, "%s %s", ctx_t(c, "callback.audit.corrected"),
		    dbres_str(r, 0, 5)), json_end(&o, c->a), json_end(&n, c->a));
	}
	return resp_commit(c, rc, "callback_corrected", arena_printf(c->a,
	    "/callbacks/reports/%lld", c->ids[0]));
}

/* GET /callbacks/reports/:id/print: the report on A4 with its HF number, QR code and the
 * signature boxes (填表人, 主管审阅). */
int
cb_report_print(struct ctx *c)
{
	struct dbres *r;
	const char *number;
	tpl_dict *d;
	int rc = report_load(c, &r);

	if (rc != 0)
		return rc;
	rc = number_assign(c, "callback_report", dbres_int(r, 0, RP_SITE), c->ids[0],
	    dbres_str(r, 0, RP_DAY), &number);
	if (rc != DB_OK ||
	    (d = print_begin(c, "callback_report_print.tpl", "callback_report", number, &rc)) == NULL)
		return DB_STATUS(rc);
	if ((rc = report_to_dict(c, d, r)) != DB_OK)
		return DB_STATUS(rc);
	print_sign(c, "callback.sign.writer", dbres_str(r, 0, RP_WRITER));
	print_sign(c, "callback.sign.reviewer", dbres_str(r, 0, RP_REVIEWER));
	return 200;
}
