/* list.c: the evaluations of the site by period and person (paged, filters, CSV), and one
 * person's history: the totals over the months. Duty staff see only their own signed
 * evaluations. Everything allocated comes from the request arena c->a. */
#include "eval.h"
#include <stdlib.h>
#include <string.h>

static const char *const status_choices[] = { "draft", "signed", NULL };
enum { LF_MONTH, LF_USER, LF_STATUS, LF_PAGE };
static const struct field list_fields[] = {
	[LF_MONTH]  = { "month", FT_TEXT, 0, 0, 7, NULL, "eval.field.month" },
	[LF_USER]   = { "user", FT_INT, 0, 0, 4294967295LL, NULL, "eval.field.person" },
	[LF_STATUS] = { "status", FT_CHOICE, 0, 0, 0, status_choices, "eval.field.status" },
	[LF_PAGE]   = { "page", FT_INT, 0, 1, 100000, NULL, NULL },
};
const struct form_spec ev_list_form = FORM_SPEC(list_fields);

/* The list's filters as they apply (a refused value is ignored). */
struct filters {
	const char *month, *from, *to, *status;
	long long   user, own, page;
};

static const char *
value(const struct ctx *c, size_t i)
{
	return c->form.spec == &ev_list_form && !c->form.v[i].err ? form_str(c, i) : "";
}

static void
filters_get(struct ctx *c, struct filters *f)
{
	char from[11], to[11];

	f->month = value(c, LF_MONTH);
	f->from = f->to = "";
	if (f->month[0] && ev_month_range(f->month, from, to) == 0) {
		f->from = arena_strdup(c->a, from);
		f->to = arena_strdup(c->a, to);
	} else if (f->month[0]) {
		form_error(c, LF_MONTH, "eval.err.month");
		f->month = "";
	}
	f->user = atoll(value(c, LF_USER));
	f->status = value(c, LF_STATUS);
	f->page = atoll(value(c, LF_PAGE));
	if (f->page < 1)
		f->page = 1;
	f->own = ev_own_only(c) ? c->user.id : 0;
	if (f->own)
		f->user = 0;
}

#define FILTER_ARGS(f, s) s, (f)->from, (f)->from, (f)->to, (f)->to, (f)->user, (f)->user, \
	(f)->status, (f)->status, (f)->own, (f)->own

/* The grade of a signed evaluation (section GRADE), none for a draft. */
static void
grade_to_dict(struct ctx *c, tpl_dict *d, const char *status, long long total, long long max)
{
	const char *g = ev_grade(total, max);
	tpl_dict *s;

	if (strcmp(status, "signed") != 0 || g == NULL)
		return;
	s = tpl_section(d, "GRADE");
	tpl_set(s, "GRADE", ctx_t(c, arena_printf(c->a, "eval.grade.%s", g)));
	tpl_set(s, "GRADE_CLASS", g);
}

/* GET /evaluations?month=&user=&status=&page= : newest period first, 20 a page. */
int
ev_list(struct ctx *c)
{
	const long long per = 20;
	struct filters f;
	struct dbres *r;
	tpl_dict *d;
	const char *qs;
	long long total, off;
	int rc;

	if (c->form.spec == NULL)
		form_empty(c, &ev_list_form);
	filters_get(c, &f);
	d = page_begin(c, "eval_list.tpl", "eval.list.title");
	if ((rc = db_exec(c->db, c->a, E_LIST_COUNT, &r, "issssiissii",
	    FILTER_ARGS(&f, c->user.site_id))) != DB_OK)
		return DB_STATUS(rc);
	total = dbres_int(r, 0, 0);
	qs = arena_printf(c->a, "month=%s&user=%lld&status=%s", url_encode(c->a, f.month), f.user,
	    f.status);
	off = page_pager(c, d, total, f.page, per, qs);
	if ((rc = db_exec(c->db, c->a, E_LIST, &r, "issssiissiiii",
	    FILTER_ARGS(&f, c->user.site_id), per, off)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *s = tpl_section(d, "EVAL");
		char pct[16];

		tpl_set(s, "ID", dbres_str(r, i, 0));
		tpl_set(s, "FROM", dbres_str(r, i, 1));
		tpl_set(s, "TO", dbres_str(r, i, 2));
		tpl_set(s, "PERSON", dbres_str(r, i, 3));
		tpl_set(s, "USER_ID", dbres_str(r, i, 9));
		tpl_set(s, "STATUS", ctx_t(c, arena_printf(c->a, "eval.status.%s", dbres_str(r, i, 4))));
		tpl_set(s, "STATUS_CLASS", dbres_str(r, i, 4));
		tpl_set(s, "TOTAL", dbres_str(r, i, 5));
		tpl_set(s, "MAX", dbres_str(r, i, 6));
		ev_percent(dbres_int(r, i, 5), dbres_int(r, i, 6), pct, sizeof(pct));
		tpl_set(s, "PCT", pct);
		grade_to_dict(c, s, dbres_str(r, i, 4), dbres_int(r, i, 5), dbres_int(r, i, 6));
		tpl_set(s, "EVALUATOR", dbres_str(r, i, 7));
		tpl_set(s, "SIGNED_AT", dbres_str(r, i, 8));
		if (dbres_int(r, i, 10))
			tpl_show(s, "REMARKED");
		if (dbres_int(r, i, 11))
			tpl_show(s, "CORRECTED");
	}
	if (r->nrows == 0)
		tpl_show(d, "EMPTY");
	tpl_set(d, "QS", qs);
	if (f.own) {
		tpl_show(d, "OWN");
		return 200;
	}
	tpl_show(d, "SITE_FILTERS");
	if (ctx_has_role(c, EV_EVALUATORS))
		tpl_show(d, "CAN_EVALUATE");
	if ((rc = db_exec(c->db, c->a, E_STAFF_OF_SITE, &r, "i", c->user.site_id)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *o = tpl_section(d, "PERSON_OPT");

		tpl_set(o, "ID", dbres_str(r, i, 0));
		tpl_set(o, "NAME", dbres_str(r, i, 1));
		if (dbres_int(r, i, 0) == f.user)
			tpl_show(o, "SEL");
	}
	if (f.status[0])
		tpl_show(d, arena_printf(c->a, "STATUS_%s_SEL", f.status));
	return 200;
}

/* A CSV field, quoted when needed; a text a spreadsheet would take for a formula is
 * prefixed with an apostrophe. */
static void
csv_field(struct buf *b, const char *s, int last)
{
	if (strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0')
		buf_putc(b, '\'');
	if (strpbrk(s, ",\"\r\n")) {
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

/* GET /evaluations/csv?month=&user=&status= : the list as CSV (all pages, up to 5,000). */
int
ev_csv(struct ctx *c)
{
	static const char *const head[] = { "eval.field.from", "eval.field.to", "eval.field.person",
		"eval.field.status", "eval.total", "eval.max_total", "eval.grade", "eval.evaluator",
		"eval.signed_at" };
	struct filters f;
	struct dbres *r;
	int rc;

	if (c->form.spec == NULL)
		form_empty(c, &ev_list_form);
	filters_get(c, &f);
	if ((rc = db_exec(c->db, c->a, E_LIST, &r, "issssiissiiii", FILTER_ARGS(&f, c->user.site_id),
	    5000LL, 0LL)) != DB_OK)
		return DB_STATUS(rc);
	buf_reset(&c->out);
	buf_puts(&c->out, "\xEF\xBB\xBF");  /* so that spreadsheet programs read UTF-8 */
	for (size_t i = 0; i < sizeof(head) / sizeof(head[0]); i++)
		csv_field(&c->out, ctx_t(c, head[i]), i + 1 == sizeof(head) / sizeof(head[0]));
	for (size_t i = 0; i < r->nrows; i++) {
		csv_field(&c->out, dbres_str(r, i, 1), 0);
		csv_field(&c->out, dbres_str(r, i, 2), 0);
		csv_field(&c->out, dbres_str(r, i, 3), 0);
		csv_field(&c->out, ctx_t(c, arena_printf(c->a, "eval.status.%s", dbres_str(r, i, 4))), 0);
		csv_field(&c->out, dbres_str(r, i, 5), 0);
		csv_field(&c->out, dbres_str(r, i, 6), 0);
		csv_field(&c->out, strcmp(dbres_str(r, i, 4), "signed") == 0 &&
		    ev_grade(dbres_int(r, i, 5), dbres_int(r, i, 6)) ? ctx_t(c, arena_printf(c->a,
		    "eval.grade.%s", ev_grade(dbres_int(r, i, 5), dbres_int(r, i, 6)))) : "", 0);
		csv_field(&c->out, dbres_str(r, i, 7), 0);
		csv_field(&c->out, dbres_str(r, i, 8), 1);
	}
	c->ctype = "text/csv; charset=utf-8";
	resp_header(c, "Content-Disposition", arena_printf(c->a,
	    "attachment; filename=\"evaluations%s%s.csv\"", f.month[0] ? "-" : "", f.month));
	return 200;
}

/* GET /evaluations/person/:id: a person's evaluations, the totals over the months with the
 * change from the one before (oldest at the bottom). Duty staff: their own only. */
int
ev_person(struct ctx *c)
{
	long long id = c->ids[0], own = ev_own_only(c);
	struct dbres *u, *r;
	tpl_dict *d;
	int rc;

	if (own && id != c->user.id)
		return 404;
	if ((rc = db_exec(c->db, c->a, E_USER_GET, &u, "i", id)) != DB_OK)
		return DB_STATUS(rc);
	if (u->nrows != 1 || !ctx_site_ok(c, dbres_int(u, 0, 1)) ||
	    (dbres_int(u, 0, 2) & ROLE_STAFF) == 0)
		return 404;
	if ((rc = db_exec(c->db, c->a, E_HISTORY, &r, "iiii", dbres_int(u, 0, 1), id, own, 36LL)) != DB_OK)
		return DB_STATUS(rc);
	d = page_begin(c, "eval_person.tpl", "eval.person.title");
	tpl_set(d, "PERSON", dbres_str(u, 0, 3));
	tpl_set(d, "USER_ID", dbres_str(u, 0, 0));
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *s = tpl_section(d, "ROW");
		long long t = dbres_int(r, i, 4), m = dbres_int(r, i, 5);
		char pct[16];

		tpl_set(s, "ID", dbres_str(r, i, 0));
		tpl_set(s, "FROM", dbres_str(r, i, 1));
		tpl_set(s, "TO", dbres_str(r, i, 2));
		tpl_set(s, "STATUS", ctx_t(c, arena_printf(c->a, "eval.status.%s", dbres_str(r, i, 3))));
		tpl_set(s, "STATUS_CLASS", dbres_str(r, i, 3));
		tpl_set_int(s, "TOTAL", t);
		tpl_set_int(s, "MAX", m);
		ev_percent(t, m, pct, sizeof(pct));
		tpl_set(s, "PCT", pct);
		grade_to_dict(c, s, dbres_str(r, i, 3), t, m);
		/* The change from the evaluation before (the next row: newest first). */
		if (i + 1 < r->nrows) {
			long long prev = dbres_int(r, i + 1, 4);

			if (t > prev)
				tpl_set_int(tpl_section(s, "UP"), "DIFF", t - prev);
			else if (t < prev)
				tpl_set_int(tpl_section(s, "DOWN"), "DIFF", prev - t);
			else
				tpl_show(s, "SAME");
		}
	}
	if (r->nrows == 0)
		tpl_show(d, "EMPTY");
	if (!own && ctx_has_role(c, EV_EVALUATORS))
		tpl_show(d, "CAN_EVALUATE");
	return 200;
}
