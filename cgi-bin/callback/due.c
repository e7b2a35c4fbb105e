/* due.c: the site's due callbacks (work orders done and plan residents), the callback records
 * (客户回访记录表) filed by category with search and CSV, and one plan callback with its
 * recording: reached (done, with satisfaction and the resident's words) or not reached (one
 * more attempt, still due), or cancelled with a reason (not to be called). */
#include "callback.h"
#include <stdlib.h>
#include <string.h>

static const char *const status_choices[] = { "due", "done", NULL };
static const char *const kind_choices[] = { "order", "plan", NULL };
static const char *const cat_choices[] = { "complaint", "repair", "inquiry", "suggestion", "help",
	"routine", "special", NULL };
static const char *const method_choices[] = { "phone", "visit", "letter", "online", NULL };
static const char *const reached_choices[] = { "yes", "no", NULL };

enum { LF_STATUS, LF_KIND, LF_PLAN, LF_FROM, LF_TO, LF_STAFF, LF_PAGE };
static const struct field list_fields[] = {
	[LF_STATUS] = { "status", FT_CHOICE, 0, 0, 0, status_choices, "field.status" },
	[LF_KIND]   = { "kind", FT_CHOICE, 0, 0, 0, kind_choices, "callback.field.kind" },
	[LF_PLAN]   = { "plan", FT_INT, 0, 0, 2000000000, NULL, "callback.field.plan" },
	[LF_FROM]   = { "from", FT_DATE, 0, 0, 0, NULL, "field.from" },
	[LF_TO]     = { "to", FT_DATE, 0, 0, 0, NULL, "field.to" },
	[LF_STAFF]  = { "staff", FT_INT, 0, 0, 2000000000, NULL, "callback.field.staff" },
	[LF_PAGE]   = { "page", FT_INT, 0, 1, 100000, NULL, NULL },
};
const struct form_spec cb_list_form = FORM_SPEC(list_fields);

enum { RF_CAT, RF_PLAN, RF_FROM, RF_TO, RF_STAFF, RF_Q, RF_PAGE };
static const struct field records_fields[] = {
	[RF_CAT]   = { "cat", FT_CHOICE, 0, 0, 0, cat_choices, "callback.field.category" },
	[RF_PLAN]  = { "plan", FT_INT, 0, 0, 2000000000, NULL, "callback.field.plan" },
	[RF_FROM]  = { "from", FT_DATE, 0, 0, 0, NULL, "field.from" },
	[RF_TO]    = { "to", FT_DATE, 0, 0, 0, NULL, "field.to" },
	[RF_STAFF] = { "staff", FT_INT, 0, 0, 2000000000, NULL, "callback.field.staff" },
	[RF_Q]     = { "q", FT_TEXT, 0, 0, 50, NULL, "field.search" },
	[RF_PAGE]  = { "page", FT_INT, 0, 1, 100000, NULL, NULL },
};
const struct form_spec cb_records_form = FORM_SPEC(records_fields);

enum { KF_REACHED, KF_METHOD, KF_SAT, KF_WORDS, KF_NOTE };
static const struct field record_fields[] = {
	[KF_REACHED] = { "reached", FT_CHOICE, FF_REQUIRED, 0, 0, reached_choices, "callback.field.reached" },
	[KF_METHOD]  = { "method", FT_CHOICE, FF_REQUIRED, 0, 0, method_choices, "callback.field.method" },
	[KF_SAT]     = { "satisfaction", FT_INT, 0, 1, 5, NULL, "callback.field.satisfaction" },
	[KF_WORDS]   = { "words", FT_MULTILINE, 0, 0, 1000, NULL, "callback.field.words" },
	[KF_NOTE]    = { "note", FT_MULTILINE, 0, 0, 500, NULL, "callback.field.note" },
};
const struct form_spec cb_record_form = FORM_SPEC(record_fields);

enum { XF_REASON };
static const struct field cancel_fields[] = {
	[XF_REASON] = { "reason", FT_TEXT, FF_REQUIRED, 0, 200, NULL, "callback.field.cancel_reason" },
};
const struct form_spec cb_cancel_form = FORM_SPEC(cancel_fields);

#define PER_PAGE 20

const char *
cb_filter(const struct ctx *c, size_t i)
{
	return c->form.v[i].err ? "" : form_str(c, i);
}

int
cb_today(struct ctx *c, const char **today, const char **yesterday)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, C_TODAY, &r, "");

	if (rc == DB_OK) {
		*today = dbres_str(r, 0, 0);
		if (yesterday)
			*yesterday = dbres_str(r, 0, 1);
	}
	return rc;
}

void
cb_options(tpl_dict *d, const char *sec, const struct dbres *r, long long chosen)
{
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *o = tpl_section(d, sec);

		tpl_set(o, "ID", dbres_str(r, i, 0));
		tpl_set(o, "NAME", dbres_str(r, i, 1));
		if (dbres_int(r, i, 0) == chosen)
			tpl_show(o, "SEL");
	}
}

/* The catalog text of a value of a kind ("method", "phone"): callback.<kind>.<value>. */
static const char *
label(struct ctx *c, const char *kind, const char *value)
{
	if (value == NULL || *value == '\0')
		return "";
	return ctx_t(c, arena_printf(c->a, "callback.%s.%s", kind, value));
}

void
cb_row(struct ctx *c, tpl_dict *d, const char *sec, const struct dbres *r, size_t i)
{
	tpl_dict *s = tpl_section(d, sec);
	const char *status = dbres_str(r, i, CC_STATUS);

	tpl_set(s, "ID", dbres_str(r, i, CC_ID));
	tpl_set(s, "DUE", dbres_str(r, i, CC_DUE));
	tpl_set(s, "STATUS", label(c, "status", status));
	tpl_set(s, "STATUS_CLASS", status);
	tpl_set(s, "ATTEMPTS", dbres_str(r, i, CC_ATTEMPTS));
	tpl_set(s, "LAST_TRY", dbres_str(r, i, CC_LAST_TRY));
	tpl_set(s, "METHOD", label(c, "method", dbres_str(r, i, CC_METHOD)));
	tpl_set(s, "CALLED_AT", dbres_str(r, i, CC_CALLED_AT));
	tpl_set(s, "CALLER", dbres_str(r, i, CC_CALLER));
	tpl_set(s, "WORDS", dbres_str(r, i, CC_WORDS));
	tpl_set(s, "NOTE", dbres_str(r, i, CC_NOTE));
	tpl_set(s, "RESIDENT", dbres_str(r, i, CC_RESIDENT));
	tpl_set(s, "PHONE", dbres_str(r, i, CC_PHONE));
	tpl_set(s, "UNIT", dbres_str(r, i, CC_UNIT));
	tpl_set(s, "CATEGORY", label(c, "cat", dbres_str(r, i, CC_CATEGORY)));
	tpl_set(s, "FOLLOW", dbres_str(r, i, CC_FOLLOW));
	if (dbres_int(r, i, CC_SAT) > 0)
		tpl_set(tpl_section(s, "SAT"), "SAT", dbres_str(r, i, CC_SAT));
	if (strcmp(status, "done") == 0)
		tpl_show(s, "DONE");
	else if (strcmp(status, "due") == 0)
		tpl_show(s, dbres_int(r, i, CC_ATTEMPTS) > 0 ? "TRIED" : "NOT_TRIED");
	else
		tpl_show(s, "CANCELLED");
	if (strcmp(status, "due") == 0 && dbres_int(r, i, CC_ATTEMPTS) > 0)
		tpl_show(s, "UNREACHED");
	if (dbres_int(r, i, CC_OVERDUE))
		tpl_show(s, "OVERDUE");
	if (dbres_int(r, i, CC_UNSAT))
		tpl_show(s, "UNSAT");
	if (dbres_int(r, i, CC_PLAN) == 0) {
		tpl_dict *o = tpl_section(s, "ORDER");

		tpl_set(o, "REQUEST_ID", dbres_str(r, i, CC_REQUEST));
		tpl_set(o, "NUMBER", dbres_str(r, i, CC_NUMBER));
		tpl_set(o, "DESC", dbres_str(r, i, CC_DESC));
		tpl_set(o, "RESULT", dbres_str(r, i, CC_RESULT));
		tpl_set(o, "REQ_STATUS", dbres_str(r, i, CC_REQ_STATUS));
		if (dbres_int(r, i, CC_REOPENED) > 0)
			tpl_set(tpl_section(o, "REOPENED"), "N", dbres_str(r, i, CC_REOPENED));
		if (dbres_str(r, i, CC_FOLLOW)[0]) {
			tpl_dict *f = tpl_section(o, "FOLLOWED");

			tpl_set(f, "FOLLOW", dbres_str(r, i, CC_FOLLOW));
			tpl_set(f, "FOLLOW_STATUS", label(c, "wo", dbres_str(r, i, CC_FOLLOW_STATUS)));
		}
	} else {
		tpl_dict *p = tpl_section(s, "PLAN");

		tpl_set(p, "PLAN_ID", dbres_str(r, i, CC_PLAN));
		tpl_set(p, "PLAN_TITLE", dbres_str(r, i, CC_PLAN_TITLE));
		tpl_set(p, "KIND", label(c, "cat", dbres_str(r, i, CC_PLAN_KIND)));
		tpl_set(p, "ID", dbres_str(r, i, CC_ID));
	}
}

int
cb_corrections(struct ctx *c, const char *entity, long long id, const char *const *fields,
    tpl_dict **at, const char **latest, size_t nfields)
{
	struct dbres *k;
	int rc = db_exec(c->db, c->a, C_CORR_LIST, &k, "si", entity, id);

	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; i < k->nrows; i++) {
		const char *f = dbres_str(k, i, 0);

		for (size_t n = 0; n < nfields; n++) {
			tpl_dict *s;

			if (strcmp(f, fields[n]) != 0)
				continue;
			if (latest)
				latest[n] = dbres_str(k, i, 2);
			if (at == NULL || at[n] == NULL)
				continue;
			s = tpl_section(at[n], "CORRECTION");
			tpl_set(s, "FIELD", ctx_t(c, arena_printf(c->a, "callback.field.%s", f)));
			tpl_set(s, "OLD", dbres_str(k, i, 1));
			tpl_set(s, "NEW", dbres_str(k, i, 2));
			tpl_set(s, "REASON", dbres_str(k, i, 3));
			tpl_set(s, "BY", dbres_str(k, i, 4));
			tpl_set(s, "AT", dbres_str(k, i, 5));
		}
	}
	return DB_OK;
}

/* The filter choices shared by the lists: staff and plans of the site. */
static int
filter_choices(struct ctx *c, tpl_dict *d, long long staff, long long plan)
{
	struct dbres *r;
	int rc = db_exec_cached(c->db, c->a, C_STAFF, c->user.site_id, 60, &r);

	if (rc != DB_OK)
		return rc;
	cb_options(d, "STAFF_OPT", r, staff);
	if ((rc = db_exec(c->db, c->a, C_PLAN_OPTIONS, &r, "i", c->user.site_id)) != DB_OK)
		return rc;
	cb_options(d, "PLAN_OPT", r, plan);
	return DB_OK;
}

/* Counts the callback records of the filters, with the cheapest statement that answers:
 * the full joins only for a text search, the category's joins only for a category. */
static int
records_count(struct ctx *c, const char *cat, long long plan, const char *f, const char *t,
    long long staff, const char *q, const char *like, long long *total)
{
	struct dbres *n;
	int rc;

	if (!*q && plan == 0 && f == NULL && t == NULL && staff == 0) {
		/* Unfiltered (or by category only): the tabs' counts (kept by triggers). */
		if ((rc = db_exec(c->db, c->a, C_REC_CATS, &n, "i", c->user.site_id)) != DB_OK)
			return rc;
		*total = 0;
		for (size_t i = 0; i < n->nrows; i++)
			if (!*cat || strcmp(dbres_str(n, i, 0), cat) == 0)
				*total += dbres_int(n, i, 1);
		return DB_OK;
	}
	if (*q)
		rc = db_exec(c->db, c->a, C_REC_COUNT, &n, "issiissssiiss", c->user.site_id, cat, cat,
		    plan, plan, f, f, t, t, staff, staff, q, like);
	else if (*cat)
		rc = db_exec(c->db, c->a, C_REC_COUNT_CAT, &n, "iiissssiiss", c->user.site_id, plan,
		    plan, f, f, t, t, staff, staff, cat, cat);
	else
		rc = db_exec(c->db, c->a, C_REC_COUNT_PLAIN, &n, "iiissssii", c->user.site_id, plan,
		    plan, f, f, t, t, staff, staff);
	if (rc == DB_OK)
		*total = dbres_int(n, 0, 0);
	return rc;
}

/* GET /callbacks?status=&kind=&plan=&from=&to=&staff=&page= : the due callbacks of the site,
 * the most overdue first (staff: who tried last); status=done: the latest made, as in the
 * records (staff: who made it). */
int
cb_due_list(struct ctx *c)
{
	const char *status = cb_filter(c, LF_STATUS), *kind = cb_filter(c, LF_KIND);
	const char *from = cb_filter(c, LF_FROM), *to = cb_filter(c, LF_TO);
	const char *f = *from ? from : NULL, *t = *to ? to : NULL;
	long long plan = atoll(cb_filter(c, LF_PLAN)), staff = atoll(cb_filter(c, LF_STAFF));
	long long page = atoll(cb_filter(c, LF_PAGE)), off;
	int done = strcmp(status, "done") == 0;
	struct dbres *n, *r;
	long long total = 0;
	tpl_dict *d;
	int rc;

	d = page_begin(c, "callbacks.tpl", "callback.list.title");
	form_to_dict(c, d);
	if (done) {
		rc = records_count(c, "", plan, f, t, staff, "", "", &total);
	} else {
		rc = db_exec(c->db, c->a, C_DUE_COUNT, &n, "isssiissssii", c->user.site_id, kind, kind,
		    kind, plan, plan, f, f, t, t, staff, staff);
		total = rc == DB_OK ? dbres_int(n, 0, 0) : 0;
	}
	if (rc != DB_OK)
		return DB_STATUS(rc);
	off = page_pager(c, d, total, page, PER_PAGE, arena_printf(c->a,
	    "status=%s&kind=%s&plan=%lld&from=%s&to=%s&staff=%lld", status, kind, plan, from, to,
	    staff));
	if (done)
		rc = db_exec(c->db, c->a, C_REC_PAGE, &r, "issiissssiissii", c->user.site_id, "", "",
		    plan, plan, f, f, t, t, staff, staff, "", "", (long long)PER_PAGE, off);
	else
		rc = db_exec(c->db, c->a, C_DUE_PAGE, &r, "isssiissssiiii", c->user.site_id, kind, kind,
		    kind, plan, plan, f, f, t, t, staff, staff, (long long)PER_PAGE, off);
	if (rc != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++)
		cb_row(c, d, "CALLBACK", r, i);
	if (r->nrows == 0)
		tpl_show(d, "EMPTY");
	tpl_show(d, done ? "SHOW_DONE" : "SHOW_DUE");
	if ((rc = filter_choices(c, d, staff, plan)) != DB_OK)
		return DB_STATUS(rc);
	return 200;
}

/* Runs the records query of the filters: limit rows from off; with total, off is the page
 * number instead, and the pager is added to the page. */
static int
records_query(struct ctx *c, long long limit, long long off, struct dbres **r, long long *total)
{
	const char *cat = cb_filter(c, RF_CAT), *from = cb_filter(c, RF_FROM), *to = cb_filter(c, RF_TO);
	const char *f = *from ? from : NULL, *t = *to ? to : NULL;
	const char *q = cb_filter(c, RF_Q), *like = cb_like(c->a, q);
	long long plan = atoll(cb_filter(c, RF_PLAN)), staff = atoll(cb_filter(c, RF_STAFF));
	int rc = DB_OK;

	if (total) {
		if ((rc = records_count(c, cat, plan, f, t, staff, q, like, total)) != DB_OK)
			return rc;
		off = page_pager(c, c->page, *total, off, PER_PAGE, arena_printf(c->a,
		    "cat=%s&plan=%lld&from=%s&to=%s&staff=%lld&q=%s", cat, plan, from, to, staff,
		    url_encode(c->a, q)));
	}
	return db_exec(c->db, c->a, C_REC_PAGE, r, "issiissssiissii", c->user.site_id, cat, cat,
	    plan, plan, f, f, t, t, staff, staff, q, like, limit, off);
}

/* GET /callbacks/records?cat=&plan=&from=&to=&staff=&q=&page= : the callback records
 * (客户回访记录表), filed by category (request type or plan kind), newest first. */
int
cb_records(struct ctx *c)
{
	const char *cat = cb_filter(c, RF_CAT);
	long long page = atoll(cb_filter(c, RF_PAGE)), total;
	struct dbres *r;
	tpl_dict *d = page_begin(c, "callback_records.tpl", "callback.records.title");
	int rc;

	form_to_dict(c, d);
	/* The counts of the tabs (kept by triggers, sql/018). */
	if ((rc = db_exec(c->db, c->a, C_REC_CATS, &r, "i", c->user.site_id)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t k = 0; cat_choices[k]; k++) {
		tpl_dict *s = tpl_section(d, "CATTAB");
		long long n = 0;

		for (size_t i = 0; i < r->nrows; i++)
			if (strcmp(dbres_str(r, i, 0), cat_choices[k]) == 0)
				n = dbres_int(r, i, 1);
		tpl_set(s, "CODE", cat_choices[k]);
		tpl_set(s, "NAME", label(c, "cat", cat_choices[k]));
		tpl_set_int(s, "N", n);
		if (strcmp(cat, cat_choices[k]) == 0)
			tpl_show(s, "SEL");
	}
	if (*cat == '\0')
		tpl_show(d, "ALL_SEL");
	if ((rc = records_query(c, PER_PAGE, page, &r, &total)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++)
		cb_row(c, d, "CALLBACK", r, i);
	if (r->nrows == 0)
		tpl_show(d, "EMPTY");
	tpl_set(d, "CSV_QS", arena_printf(c->a, "cat=%s&plan=%s&from=%s&to=%s&staff=%s&q=%s", cat,
	    cb_filter(c, RF_PLAN), cb_filter(c, RF_FROM), cb_filter(c, RF_TO),
	    cb_filter(c, RF_STAFF), url_encode(c->a, cb_filter(c, RF_Q))));
	if ((rc = filter_choices(c, d, atoll(cb_filter(c, RF_STAFF)),
	    atoll(cb_filter(c, RF_PLAN)))) != DB_OK)
		return DB_STATUS(rc);
	return 200;
}

/* One CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is
 * prefixed with ' so that a spreadsheet does not run it as a formula. */
static void
csv_field(struct buf *b, const char *s, int last)
{
	if (*s == '=' || *s == '+' || *s == '-' || *s == '@')
		buf_putc(b, '\'');
	if (strpbrk(s, ",\"\r\n") != NULL) {
		buf_putc(b, '"');
		for (; *s; s++) {
			if (*s == '"')
				buf_putc(b, '"');
			buf_putc(b, *s);
		}
		buf_putc(b, '"');
	} else {
		buf_puts(b, s);
	}
	buf_puts(b, last ? "\r\n" : ",");
}

/* GET /callbacks/records.csv?... : the records of the filters (at most 10,000), as CSV. */
int
cb_records_csv(struct ctx *c)
{
	static const char *const head[] = { "callback.field.called_at", "callback.field.category",
		"callback.field.resident", "callback.field.unit", "callback.field.phone",
		"callback.field.subject", "callback.field.method", "callback.field.satisfaction",
		"callback.field.words", "callback.field.note", "callback.field.staff",
		"callback.field.attempts" };
	struct dbres *r;
	int rc = records_query(c, 10000, 0, &r, NULL);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	buf_reset(&c->out);
	buf_puts(&c->out, "\xEF\xBB\xBF");  /* so that spreadsheet programs read UTF-8 */
	for (size_t k = 0; k < sizeof(head) / sizeof(head[0]); k++)
		csv_field(&c->out, ctx_t(c, head[k]), k + 1 == sizeof(head) / sizeof(head[0]));
	for (size_t i = 0; i < r->nrows; i++) {
		const char *subject = dbres_int(r, i, CC_PLAN) ? dbres_str(r, i, CC_PLAN_TITLE) :
		    arena_printf(c->a, "%s %s", dbres_str(r, i, CC_NUMBER), dbres_str(r, i, CC_DESC));

		csv_field(&c->out, dbres_str(r, i, CC_CALLED_AT), 0);
		csv_field(&c->out, label(c, "cat", dbres_str(r, i, CC_CATEGORY)), 0);
		csv_field(&c->out, dbres_str(r, i, CC_RESIDENT), 0);
		csv_field(&c->out, dbres_str(r, i, CC_UNIT), 0);
		csv_field(&c->out, dbres_str(r, i, CC_PHONE), 0);
		csv_field(&c->out, subject, 0);
		csv_field(&c->out, label(c, "method", dbres_str(r, i, CC_METHOD)), 0);
		csv_field(&c->out, dbres_int(r, i, CC_SAT) ? dbres_str(r, i, CC_SAT) : "", 0);
		csv_field(&c->out, dbres_str(r, i, CC_WORDS), 0);
		csv_field(&c->out, dbres_str(r, i, CC_NOTE), 0);
		csv_field(&c->out, dbres_str(r, i, CC_CALLER), 0);
		csv_field(&c->out, dbres_str(r, i, CC_ATTEMPTS), 1);
	}
	c->ctype = "text/csv; charset=utf-8";
	resp_header(c, "Content-Disposition", "attachment; filename=\"callbacks.csv\"");
	return 200;
}

/* GET /callbacks/:id: a plan callback with its form; a work order's callback is recorded on
 * its request's page (dd-req), so it goes there. */
int
cb_show(struct ctx *c)
{
	struct dbres *r;
	tpl_dict *d, *f;
	int rc = db_exec(c->db, c->a, C_GET, &r, "i", c->ids[0]);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || !ctx_site_ok(c, dbres_int(r, 0, CC_SITE)))
		return 404;
	if (dbres_int(r, 0, CC_PLAN) == 0)
		return resp_redirect(c, arena_printf(c->a, "/requests/%lld#callback",
		    dbres_int(r, 0, CC_REQUEST)));
	d = page_begin(c, "callback.tpl", "callback.one.title");
	cb_row(c, d, "CB", r, 0);
	/* What the resident asked of the desk lately: the caller prepares with it. */
	if (dbres_int(r, 0, CC_RESIDENT_ID)) {
		struct dbres *q;

		if ((rc = db_exec(c->db, c->a, C_RESIDENT_REQUESTS, &q, "ii",
		    dbres_int(r, 0, CC_RESIDENT_ID), dbres_int(r, 0, CC_SITE))) != DB_OK)
			return DB_STATUS(rc);
		for (size_t i = 0; i < q->nrows; i++) {
			tpl_dict *s = tpl_section(d, "HISTORY");

			tpl_set(s, "ID", dbres_str(q, i, 0));
			tpl_set(s, "NUMBER", dbres_str(q, i, 1));
			tpl_set(s, "TYPE", label(c, "cat", dbres_str(q, i, 2)));
			tpl_set(s, "AT", dbres_str(q, i, 3));
			tpl_set(s, "DESC", dbres_str(q, i, 4));
			tpl_set(s, "STATUS", label(c, "req", dbres_str(q, i, 5)));
		}
		if (q->nrows == 0)
			tpl_show(d, "NO_HISTORY");
	}
	if (strcmp(dbres_str(r, 0, CC_PLAN_STATUS), "draft") == 0)
		tpl_show(d, "PLAN_DRAFT");
	if (strcmp(dbres_str(r, 0, CC_STATUS), "due") != 0 || !ctx_has_role(c, CB_WRITERS))
		return 200;
	f = tpl_section(d, "CANCEL_FORM");
	tpl_set(f, "ID", dbres_str(r, 0, CC_ID));
	if (c->form.spec == &cb_cancel_form) {
		form_to_dict(c, f);
	} else {
		struct form keep = c->form;

		form_empty(c, &cb_cancel_form);
		form_to_dict(c, f);
		c->form = keep;
	}
	if (strcmp(dbres_str(r, 0, CC_PLAN_STATUS), "draft") == 0)
		return 200;
	f = tpl_section(d, "RECORD_FORM");
	tpl_set(f, "ID", dbres_str(r, 0, CC_ID));
	if (c->form.spec != &cb_record_form) {
		struct form keep = c->form;
		struct dbres *p;

		if ((rc = db_exec(c->db, c->a, C_PLAN_GET, &p, "i", dbres_int(r, 0, CC_PLAN))) != DB_OK)
			return DB_STATUS(rc);
		form_empty(c, &cb_record_form);
		form_set(c, KF_METHOD, dbres_str(p, 0, 3));
		form_set(c, KF_REACHED, "yes");
		form_to_dict(c, f);
		c->form = keep;
	} else {
		form_to_dict(c, f);
	}
	return 200;
}

static char *
record_json(struct ctx *c, const char *status, long long attempts, const char *method,
    long long sat, const char *words, const char *note)
{
	struct json j;

	json_begin(&j);
	json_str(&j, "status", status);
	json_int(&j, "attempts", attempts);
	json_str(&j, "method", method);
	if (sat > 0)
		json_int(&j, "satisfaction", sat);
	if (words)
		json_str(&j, "words", words);
	json_str(&j, "note", note);
	return json_end(&j, c->a);
}

/* POST /callbacks/:id: records a plan callback. Reached: done, with the method, the
 * satisfaction (1-5, required) and the resident's words; the plan is done when it was its
 * last. Not reached: one more attempt, it stays due. The note of each attempt is kept
 * (appended), so the report shows what was tried. */
int
cb_record_post(struct ctx *c)
{
	long long id = c->ids[0], plan, sat = form_num(c, KF_SAT), attempts;
	int reached = strcmp(form_str(c, KF_REACHED), "yes") == 0;
	const char *method = form_str(c, KF_METHOD), *words = form_str(c, KF_WORDS);
	const char *note = form_str(c, KF_NOTE), *old;
	struct dbres *r, *n;
	int rc;

	if (reached && !*form_str(c, KF_SAT)) {
		form_error(c, KF_SAT, "callback.err.satisfaction");
		return cb_show(c);
	}
	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, C_LOCK, &r, "i", id)) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || !ctx_site_ok(c, dbres_int(r, 0, 1)))
		return 404;
	plan = dbres_int(r, 0, 2);
	attempts = dbres_int(r, 0, 4);
	if (plan == 0) {
		page_error(c, 409, "callback.err.order_callback");
		return 409;
	}
	if (strcmp(dbres_str(r, 0, 3), "draft") == 0) {
		page_error(c, 409, "callback.err.plan_draft");
		return 409;
	}
	if (strcmp(dbres_str(r, 0, 0), "due") != 0) {
		page_error(c, 409, "callback.err.not_due");
		return 409;
	}
	old = record_json(c, "due", attempts, dbres_str(r, 0, 5), 0, NULL, dbres_str(r, 0, 6));
	if (reached)
		rc = db_exec(c->db, c->a, C_RECORD_DONE, NULL, "siissi", method, c->user.id, sat, words,
		    note, id);
	else
		rc = db_exec(c->db, c->a, C_RECORD_MISS, NULL, "sisi", method, c->user.id, note, id);
	if (rc == DB_OK)
		rc = audit_write(c, reached ? "callback" : "callback_attempt", "callback", id,
		    dbres_int(r, 0, 1), arena_printf(c->a, "%s #%lld", ctx_t(c, reached ?
		    "callback.audit.reached" : "callback.audit.unreached"), id), old,
		    reached ? record_json(c, "done", attempts, method, sat, words, note) :
		    record_json(c, "due", attempts + 1, method, 0, NULL, note));
	if (rc == DB_OK && reached &&
	    (rc = db_exec(c->db, c->a, C_PLAN_LEFT, &n, "i", plan)) == DB_OK &&
	    dbres_int(n, 0, 0) == 0) {
		rc = db_exec(c->db, c->a, C_PLAN_FINISH, NULL, "i", plan);
		if (rc == DB_OK)
			rc = audit_write(c, "done", "callback_plan", plan, dbres_int(r, 0, 1),
			    arena_printf(c->a, "%s #%lld", ctx_t(c, "callback.audit.plan_done"), plan),
			    "{\"status\":\"approved\"}", "{\"status\":\"done\"}");
	}
	return resp_commit(c, rc, reached ? "callback_done" : "callback_unreached",
	    arena_printf(c->a, "/callbacks/plans/%lld#callbacks", plan));
}

/* POST /callbacks/:id/cancel: a plan's resident is not to be called (moved out, asked not to
 * be called): cancelled with the reason, audited; the plan is done when nobody is left. */
int
cb_cancel_post(struct ctx *c)
{
	long long id = c->ids[0], plan;
	const char *reason = form_str(c, XF_REASON);
	struct dbres *r, *n;
	struct json o, j;
	int rc;

	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, C_LOCK, &r, "i", id)) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || !ctx_site_ok(c, dbres_int(r, 0, 1)))
		return 404;
	plan = dbres_int(r, 0, 2);
	if (plan == 0) {
		page_error(c, 409, "callback.err.order_callback");
		return 409;
	}
	if (strcmp(dbres_str(r, 0, 0), "due") != 0) {
		page_error(c, 409, "callback.err.not_due");
		return 409;
	}
	rc = db_exec(c->db, c->a, C_CANCEL, NULL, "isi", c->user.id, reason, id);
	json_begin(&o);
	json_str(&o, "status", "due");
	json_begin(&j);
	json_str(&j, "status", "cancelled");
	json_str(&j, "reason", reason);
	if (rc == DB_OK)
		rc = audit_write(c, "cancel", "callback", id, dbres_int(r, 0, 1),
		    arena_printf(c->a, "%s #%lld: %s", ctx_t(c, "callback.audit.cancelled"), id, reason),
		    json_end(&o, c->a), json_end(&j, c->a));
	else {
		(void)json_end(&o, c->a);
		(void)json_end(&j, c->a);
	}
	if (rc == DB_OK && strcmp(dbres_str(r, 0, 3), "approved") == 0 &&
	    (rc = db_exec(c->db, c->a, C_PLAN_LEFT, &n, "i", plan)) == DB_OK &&
	    dbres_int(n, 0, 0) == 0) {
		rc = db_exec(c->db, c->a, C_PLAN_FINISH, NULL, "i", plan);
		if (rc == DB_OK)
			rc = audit_write(c, "done", "callback_plan", plan, dbres_int(r, 0, 1),
			    arena_printf(c->a, "%s #%lld", ctx_t(c, "callback.audit.plan_done"), plan),
			    "{\"status\":\"approved\"}", "{\"status\":\"done\"}");
	}
	return resp_commit(c, rc, "callback_cancelled",
	    arena_printf(c->a, "/callbacks/plans/%lld#callbacks", plan));
}
