/* record.c: one evaluation (值班表现评估): the supervisor picks a duty staff member of the
 * site and a period and sees the person's figures from the records; scores each checklist
 * item (0..max) with a comment, an overall comment; signs (the figures are frozen then). The
 * staff member sees their own signed evaluations and adds a remark once. A signed evaluation
 * changes only by corrections (record_corrections), shown like a stamp; the printed form;
 * the records behind each figure. Everything allocated comes from the request arena c->a. */
#include "eval.h"
#include <stdlib.h>
#include <string.h>

/* ---- forms ---- */
enum { NF_USER, NF_FROM, NF_TO };
static const struct field new_fields[] = {
	[NF_USER] = { "user", FT_INT, FF_REQUIRED, 1, 4294967295LL, NULL, "eval.field.person" },
	[NF_FROM] = { "from", FT_DATE, FF_REQUIRED, 0, 0, NULL, "eval.field.from" },
	[NF_TO]   = { "to", FT_DATE, FF_REQUIRED, 0, 0, NULL, "eval.field.to" },
};
const struct form_spec ev_new_form = FORM_SPEC(new_fields);

/* The scores (score_<item>, note_<item>) are read by the handler; the form holds the rest. */
enum { SF_COMMENT };
static const struct field save_fields[] = {
	[SF_COMMENT] = { "comment", FT_MULTILINE, 0, 0, 2000, NULL, "eval.field.comment" },
};
const struct form_spec ev_save_form = FORM_SPEC(save_fields);

enum { RF_REMARK };
static const struct field remark_fields[] = {
	[RF_REMARK] = { "remark", FT_MULTILINE, FF_REQUIRED, 0, 1000, NULL, "eval.field.remark" },
};
const struct form_spec ev_remark_form = FORM_SPEC(remark_fields);

enum { CF_FIELD, CF_NEW, CF_REASON };
static const struct field correct_fields[] = {
	[CF_FIELD]  = { "field", FT_TEXT, FF_REQUIRED, 0, 30, NULL, "eval.field.field" },
	[CF_NEW]    = { "new_text", FT_MULTILINE, FF_REQUIRED, 0, 2000, NULL, "eval.field.new_text" },
	[CF_REASON] = { "reason", FT_MULTILINE, FF_REQUIRED, 0, 500, NULL, "eval.field.reason" },
};
const struct form_spec ev_correct_form = FORM_SPEC(correct_fields);

/* The figures of a person and period as texts, in enum ev_fig order. */
struct figs {
	const char *v[EVF__N];
};

/* The figures' rows on the page: label key, the records list (NULL: none). */
static const struct {
	const char *label, *records;
	int         fig;
} fig_rows[] = {
	{ "eval.fig.shifts",     "shifts",     EVF_SHIFTS },
	{ "eval.fig.entries",    "entries",    EVF_ENTRIES },
	{ "eval.fig.pages",      "pages",      EVF_PAGES },
	{ "eval.fig.ho_on_time", "ho_on_time", EVF_HO_ON_TIME },
	{ "eval.fig.ho_late",    "ho_late",    EVF_HO_LATE },
	{ "eval.fig.ho_refused", "ho_refused", EVF_HO_REFUSED },
	{ "eval.fig.requests",   "requests",   EVF_REQUESTS },
	{ "eval.fig.complaints", "complaints", EVF_COMPLAINTS },
	{ "eval.fig.phone",      "phone",      EVF_PHONE_WITHIN },
	{ "eval.fig.callbacks",  "callbacks",  EVF_CALLBACKS },
	{ "eval.fig.satisfaction", "callbacks", EVF_SAT_SUM },
};

/* The lists behind the figures: name in the path, statement, title key. */
static const struct {
	const char *name;
	int         stmt;
	const char *title;
} rec_kinds[] = {
	{ "shifts",     E_REC_SHIFTS,     "eval.fig.shifts" },
	{ "entries",    E_REC_ENTRIES,    "eval.fig.entries" },
	{ "pages",      E_REC_PAGES,      "eval.fig.pages" },
	{ "ho_on_time", E_REC_HO_ON_TIME, "eval.fig.ho_on_time" },
	{ "ho_late",    E_REC_HO_LATE,    "eval.fig.ho_late" },
	{ "ho_refused", E_REC_HO_REFUSED, "eval.fig.ho_refused" },
	{ "requests",   E_REC_REQUESTS,   "eval.fig.requests" },
	{ "complaints", E_REC_COMPLAINTS, "eval.fig.complaints" },
	{ "phone",      E_REC_PHONE,      "eval.fig.phone_known" },
	{ "callbacks",  E_REC_CALLBACKS,  "eval.fig.callbacks" },
};

int
ev_own_only(const struct ctx *c)
{
	return !ctx_has_role(c, EV_SITE_READERS);
}

/* Loads evaluation id as the user may see it: 0, or 404 (another site's, or for duty staff
 * anyone else's or a draft), or the database status. */
static int
ev_load(struct ctx *c, long long id, struct dbres **r)
{
	int rc = db_exec(c->db, c->a, E_GET, r, "i", id);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if ((*r)->nrows != 1 || !ctx_site_ok(c, dbres_int(*r, 0, EG_SITE)))
		return 404;
	if (ev_own_only(c) && (dbres_int(*r, 0, EG_USER) != c->user.id ||
	    strcmp(dbres_str(*r, 0, EG_STATUS), "signed") != 0))
		return 404;
	return 0;
}

static int
is_signed(const struct dbres *e)
{
	return strcmp(dbres_str(e, 0, EG_STATUS), "signed") == 0;
}

/* The POSTed value of name, trimmed, as an arena string ("" when absent). */
static const char *
post_trim(struct ctx *c, const char *name)
{
	const char *v = ctx_post(c, name);
	size_t n;

	if (v == NULL)
		return "";
	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	n = strlen(v);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r' || v[n - 1] == '\n'))
		n--;
	return arena_strndup(c->a, v, n);
}

/* ---- figures ---- */

static int
figs_compute(struct ctx *c, long long site, long long user, const char *from, const char *to,
    struct figs *f)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, E_FIGURES, &r, "iissi", site, user, from, to, site);

	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; i < EVF__N; i++)
		f->v[i] = r->nrows == 1 ? dbres_str(r, 0, i) : "0";
	return DB_OK;
}

static void
figs_from_json(struct ctx *c, const char *text, struct figs *f)
{
	const char **k, **v;
	size_t n = json_parse_flat(c->a, text, &k, &v);

	for (size_t i = 0; i < EVF__N; i++) {
		f->v[i] = "0";
		for (size_t j = 0; j < n; j++)
			if (strcmp(k[j], ev_fig_keys[i]) == 0)
				f->v[i] = v[j];
	}
}

static char *
figs_json(struct ctx *c, const struct figs *f)
{
	struct json j;

	json_begin(&j);
	for (size_t i = 0; i < EVF__N; i++)
		json_int(&j, ev_fig_keys[i], atoll(f->v[i]));
	return json_end(&j, c->a);
}

/* The figures' rows into d (section FIG); with links to the records of evaluation id when
 * id is not 0. */
static void
figs_to_dict(struct ctx *c, tpl_dict *d, const struct figs *f, long long id)
{
	char pct[16], avg[16];

	ev_percent(atoll(f->v[EVF_PHONE_WITHIN]), atoll(f->v[EVF_PHONE_KNOWN]), pct, sizeof(pct));
	ev_average(atoll(f->v[EVF_SAT_SUM]), atoll(f->v[EVF_SAT_COUNT]), avg, sizeof(avg));
	for (size_t i = 0; i < sizeof(fig_rows) / sizeof(fig_rows[0]); i++) {
		tpl_dict *s = tpl_section(d, "FIG");
		int fig = fig_rows[i].fig;

		tpl_set(s, "LABEL", ctx_t(c, fig_rows[i].label));
		tpl_set(s, "KEY", ev_fig_keys[fig]);
		if (fig == EVF_PHONE_WITHIN) {
			tpl_set(s, "VALUE", arena_printf(c->a, "%s / %s", f->v[EVF_PHONE_WITHIN],
			    f->v[EVF_PHONE_KNOWN]));
			tpl_set(s, "NOTE", atoll(f->v[EVF_PHONE_KNOWN]) > 0 ?
			    arena_printf(c->a, "%s · %s %s", pct, ctx_t(c, "eval.fig.ring_target"),
			    f->v[EVF_RING_TARGET]) :
			    arena_printf(c->a, "%s %s", ctx_t(c, "eval.fig.ring_target"),
			    f->v[EVF_RING_TARGET]));
		} else if (fig == EVF_SAT_SUM) {
			tpl_set(s, "VALUE", avg);
			tpl_set(s, "NOTE", arena_printf(c->a, "%s %s", f->v[EVF_SAT_COUNT],
			    ctx_t(c, "eval.fig.ratings")));
		} else {
			tpl_set(s, "VALUE", f->v[fig]);
		}
		if (id)
			tpl_set(tpl_section(s, "LINK"), "HREF", arena_printf(c->a,
			    "/evaluations/%lld/records/%s", id, fig_rows[i].records));
	}
}

/* ---- the checklist lines of an evaluation ---- */

struct lines {
	struct ev_line *l;
	const char    **name, **note;
	size_t          n;
};

/* A draft's lines are the site's items in use with the scores saved so far; a signed one's
 * are its scores. */
static int
lines_load(struct ctx *c, const struct dbres *e, struct lines *L)
{
	struct dbres *items, *s;
	int rc = db_exec(c->db, c->a, E_SCORES, &s, "i", dbres_int(e, 0, EG_ID));

	if (rc != DB_OK)
		return rc;
	if (is_signed(e))
		items = s;
	else if ((rc = db_exec(c->db, c->a, E_ITEMS_ACTIVE, &items, "i",
	    dbres_int(e, 0, EG_SITE))) != DB_OK)
		return rc;
	L->n = items->nrows;
	L->l = arena_calloc(c->a, L->n + 1, sizeof(*L->l));
	L->name = arena_calloc(c->a, L->n + 1, sizeof(char *));
	L->note = arena_calloc(c->a, L->n + 1, sizeof(char *));
	for (size_t i = 0; i < L->n; i++) {
		L->l[i].item_id = dbres_int(items, i, 0);
		L->l[i].max = dbres_int(items, i, 2);
		L->l[i].score = -1;
		L->name[i] = dbres_str(items, i, 1);
		L->note[i] = "";
		for (size_t j = 0; j < s->nrows; j++)
			if (dbres_int(s, j, 0) == L->l[i].item_id) {
				L->l[i].score = dbres_int(s, j, 3);
				L->note[i] = dbres_str(s, j, 4);
			}
	}
	return DB_OK;
}

/* The effective text of a field after the corrections (the last one wins). */
static const char *
field_now(const struct dbres *k, const char *field, const char *original)
{
	const char *v = original;

	for (size_t i = 0; i < k->nrows; i++)
		if (strcmp(dbres_str(k, i, 0), field) == 0)
			v = dbres_str(k, i, 2);
	return v;
}

/* The correction stamps of field under section d. */
static void
stamps(struct ctx *c, tpl_dict *d, const struct dbres *k, const char *field, const char *label)
{
	for (size_t i = 0; i < k->nrows; i++) {
		tpl_dict *st;

		if (strcmp(dbres_str(k, i, 0), field) != 0)
			continue;
		st = tpl_section(d, "CORRECTION");
		tpl_set(st, "FIELD", label);
		tpl_set(st, "OLD", dbres_str(k, i, 1));
		tpl_set(st, "NEW", dbres_str(k, i, 2));
		tpl_set(st, "REASON", dbres_str(k, i, 3));
		tpl_set(st, "BY", dbres_str(k, i, 4));
		tpl_set(st, "AT", dbres_str(k, i, 5));
		tpl_show(d, "CORRECTED");
	}
	(void)c;
}

/* The message beside a refused score of this request (form_row_error; row 0 is the refusal
 * of a signing). */
static int
score_err(const struct ctx *c, long long item, const char **msg)
{
	*msg = form_row_msg(c, item);
	return *msg != NULL;
}

/* The head of an evaluation (person, period, status, evaluator) into d. */
static void
head_to_dict(struct ctx *c, tpl_dict *d, const struct dbres *e)
{
	const char *status = dbres_str(e, 0, EG_STATUS);

	tpl_set(d, "ID", dbres_str(e, 0, EG_ID));
	tpl_set(d, "USER_ID", dbres_str(e, 0, EG_USER));
	tpl_set(d, "PERSON", dbres_str(e, 0, EG_USER_NAME));
	tpl_set(d, "FROM", dbres_str(e, 0, EG_FROM));
	tpl_set(d, "TO", dbres_str(e, 0, EG_TO));
	tpl_set(d, "STATUS", ctx_t(c, arena_printf(c->a, "eval.status.%s", status)));
	tpl_set(d, "STATUS_CLASS", status);
	tpl_set(d, "EVALUATOR", dbres_str(e, 0, EG_EVALUATOR_NAME));
	tpl_set(d, "CREATED", dbres_str(e, 0, EG_CREATED));
	if (is_signed(e))
		tpl_set(tpl_section(d, "SIGNED"), "AT", dbres_str(e, 0, EG_SIGNED));
	else
		tpl_show(d, "DRAFT");
}

/* The scores, comment and remark of a signed evaluation with their stamps, the total
 * reflecting the corrections. */
static void
signed_to_dict(struct ctx *c, tpl_dict *d, const struct dbres *e, struct lines *L,
    const struct dbres *k)
{
	tpl_dict *s;

	for (size_t i = 0; i < k->nrows; i++)
		(void)ev_apply(L->l, L->n, dbres_str(k, i, 0), dbres_str(k, i, 2));
	for (size_t i = 0; i < L->n; i++) {
		const char *sf = arena_printf(c->a, "score:%lld", L->l[i].item_id);
		const char *nf = arena_printf(c->a, "note:%lld", L->l[i].item_id);

		s = tpl_section(d, "LINE");
		tpl_set(s, "NAME", L->name[i]);
		tpl_set_int(s, "MAX", L->l[i].max);
		if (L->l[i].score >= 0)
			tpl_set_int(s, "SCORE", L->l[i].score);
		tpl_set(s, "NOTE", field_now(k, nf, L->note[i]));
		stamps(c, s, k, sf, arena_printf(c->a, "%s %s", L->name[i], ctx_t(c, "eval.score")));
		stamps(c, s, k, nf, arena_printf(c->a, "%s %s", L->name[i], ctx_t(c, "eval.note")));
	}
	tpl_set_int(d, "TOTAL", ev_total(L->l, L->n));
	tpl_set_int(d, "MAX_TOTAL", ev_max_total(L->l, L->n));
	if (is_signed(e) && ev_grade(ev_total(L->l, L->n), ev_max_total(L->l, L->n))) {
		const char *g = ev_grade(ev_total(L->l, L->n), ev_max_total(L->l, L->n));
		tpl_dict *s = tpl_section(d, "GRADE");

		tpl_set(s, "GRADE", ctx_t(c, arena_printf(c->a, "eval.grade.%s", g)));
		tpl_set(s, "GRADE_CLASS", g);
	}
	if (ev_total(L->l, L->n) != dbres_int(e, 0, EG_TOTAL))
		tpl_set_int(tpl_section(d, "TOTAL_CORRECTED"), "SIGNED_TOTAL", dbres_int(e, 0, EG_TOTAL));
	s = tpl_section(d, "COMMENT_BOX");
	tpl_set(s, "COMMENT", field_now(k, "comment", dbres_str(e, 0, EG_COMMENT)));
	stamps(c, s, k, "comment", ctx_t(c, "eval.field.comment"));
}

/* The form of a draft's scores: posted values kept after a refusal. */
static void
score_form(struct ctx *c, tpl_dict *f, const struct dbres *e, const struct lines *L)
{
	int posted = c->form.spec == &ev_save_form;

	for (size_t i = 0; i < L->n; i++) {
		tpl_dict *s = tpl_section(f, "ITEM");
		long long id = L->l[i].item_id;
		const char *msg;

		tpl_set_int(s, "ITEM_ID", id);
		tpl_set(s, "NAME", L->name[i]);
		tpl_set_int(s, "MAX", L->l[i].max);
		if (posted) {
			tpl_set(s, "SCORE", post_trim(c, arena_printf(c->a, "score_%lld", id)));
			tpl_set(s, "NOTE", post_trim(c, arena_printf(c->a, "note_%lld", id)));
			if (score_err(c, id, &msg)) {
				tpl_show(s, "INVALID");
				tpl_set(tpl_section(s, "ERR"), "MSG", msg);
			}
		} else {
			if (L->l[i].score >= 0)
				tpl_set_int(s, "SCORE", L->l[i].score);
			tpl_set(s, "NOTE", L->note[i]);
		}
	}
	if (L->n == 0)
		tpl_show(f, "NO_ITEMS");
	tpl_set_int(f, "TOTAL", ev_total(L->l, L->n));
	tpl_set_int(f, "MAX_TOTAL", ev_max_total(L->l, L->n));
	if (posted)
		form_to_dict(c, f);
	else
		tpl_set(f, "COMMENT", dbres_str(e, 0, EG_COMMENT));
}

/* The correction form's choices: each item's score and comment, the overall comment. */
static void
correct_form(struct ctx *c, tpl_dict *f, const struct lines *L)
{
	const char *chosen = c->form.spec == &ev_correct_form ? form_str(c, CF_FIELD) : "";

	for (size_t i = 0; i < L->n; i++) {
		static const char *const kinds[] = { "score", "note" };

		for (size_t k = 0; k < 2; k++) {
			tpl_dict *o = tpl_section(f, "OPT");
			const char *v = arena_printf(c->a, "%s:%lld", kinds[k], L->l[i].item_id);

			tpl_set(o, "VALUE", v);
			tpl_set(o, "LABEL", arena_printf(c->a, "%s · %s", L->name[i],
			    ctx_t(c, k == 0 ? "eval.score" : "eval.note")));
			if (strcmp(v, chosen) == 0)
				tpl_show(o, "SEL");
		}
	}
	if (strcmp(chosen, "comment") == 0)
		tpl_show(f, "COMMENT_SEL");
	if (c->form.spec == &ev_correct_form)
		form_to_dict(c, f);
}

/* The form's unified number once it has one (signed or printed), and its paper copy when a
 * scan of it was filed (dd-forms). */
static int
paper_to_dict(struct ctx *c, tpl_dict *d, long long id)
{
	struct dbres *r;
	const char *number;
	tpl_dict *s;
	int rc = number_lookup(c, "evaluation", id, &number);

	if (rc != DB_OK || number == NULL)
		return rc;
	s = tpl_section(d, "NUMBER");
	tpl_set(s, "NUMBER", number);
	if ((rc = db_exec(c->db, c->a, E_SCANS_OF_NUMBER, &r, "s", number)) != DB_OK)
		return rc;
	if (dbres_int(r, 0, 0) > 0)
		tpl_set(tpl_section(s, "ARCHIVED"), "PAGES", dbres_str(r, 0, 0));
	return DB_OK;
}

/* GET /evaluations/:id: the evaluation and the forms its state and the user's role allow. */
int
ev_show(struct ctx *c)
{
	long long id = c->ids[0];
	struct dbres *e, *k;
	struct figs f;
	struct lines L;
	tpl_dict *d;
	const char *sign_err = form_row_msg(c, 0);
	int rc, evaluator = ctx_has_role(c, EV_EVALUATORS);

	if ((rc = ev_load(c, id, &e)) != 0)
		return rc;
	if ((rc = lines_load(c, e, &L)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, E_CORRECTIONS, &k, "i", id)) != DB_OK)
		return DB_STATUS(rc);
	if (is_signed(e))
		figs_from_json(c, dbres_str(e, 0, EG_FIGURES), &f);
	else if ((rc = figs_compute(c, dbres_int(e, 0, EG_SITE), dbres_int(e, 0, EG_USER),
	    dbres_str(e, 0, EG_FROM), dbres_str(e, 0, EG_TO), &f)) != DB_OK)
		return DB_STATUS(rc);
	d = page_begin(c, "eval.tpl", "eval.title");
	head_to_dict(c, d, e);
	figs_to_dict(c, d, &f, id);
	if ((rc = paper_to_dict(c, d, id)) != DB_OK)
		return DB_STATUS(rc);
	if (is_signed(e))
		tpl_show(d, "FROZEN");
	if (!ev_own_only(c))
		tpl_show(d, "CAN_HISTORY");
	if (!is_signed(e)) {
		if (evaluator && dbres_int(e, 0, EG_USER) != c->user.id) {
			tpl_dict *s = tpl_section(d, "SCORE_FORM");

			score_form(c, s, e, &L);
			s = tpl_section(d, "SIGN_FORM");
			if (sign_err)
				tpl_set(tpl_section(s, "ERR"), "MSG", sign_err);
		}
		return 200;
	}
	signed_to_dict(c, tpl_section(d, "RESULT"), e, &L, k);
	if (dbres_str(e, 0, EG_REMARK_AT)[0]) {
		tpl_dict *s = tpl_section(d, "REMARK_BOX");

		tpl_set(s, "TEXT", dbres_str(e, 0, EG_REMARK));
		tpl_set(s, "AT", dbres_str(e, 0, EG_REMARK_AT));
	} else if (dbres_int(e, 0, EG_USER) == c->user.id) {
		tpl_dict *s = tpl_section(d, "REMARK_FORM");

		if (c->form.spec == &ev_remark_form)
			form_to_dict(c, s);
	} else {
		tpl_show(d, "NO_REMARK");
	}
	if (evaluator && dbres_int(e, 0, EG_USER) != c->user.id)
		correct_form(c, tpl_section(d, "CORRECT_FORM"), &L);
	return 200;
}

/* ---- a new evaluation ---- */

/* Checks the person (a duty staff member of the user's site, not the user) and the period;
 * sets the fields' messages. 1 when both are right. *name gets the person's name. */
static int
check_new(struct ctx *c, long long user, const char *from, const char *to, const char **name,
    int *rc)
{
	struct dbres *u;
	const char *p = ev_period_problem(from, to);
	int ok = 1;

	*rc = DB_OK;
	*name = "";
	if (p != NULL) {
		form_error(c, NF_TO, p);
		ok = 0;
	}
	if ((*rc = db_exec(c->db, c->a, E_USER_GET, &u, "i", user)) != DB_OK)
		return 0;
	if (u->nrows != 1 || dbres_int(u, 0, 1) != c->user.site_id ||
	    (dbres_int(u, 0, 2) & ROLE_STAFF) == 0) {
		form_error(c, NF_USER, "eval.err.not_staff");
		return 0;
	}
	if (user == c->user.id) {
		form_error(c, NF_USER, "eval.err.self");
		return 0;
	}
	*name = dbres_str(u, 0, 3);
	return ok;
}

/* GET /evaluations/new?user=&month= (or from=&to=): the form, the period a month by default
 * (the month before this one); with a person chosen, a preview of their figures. Also shows
 * a refused POST again with its input. */
int
ev_new_show(struct ctx *c)
{
	struct dbres *r;
	tpl_dict *d;
	struct figs f;
	const char *name;
	char from[11], to[11], ym[8];
	int rc, posted = c->form.spec == &ev_new_form;
	long long user;

	if (!posted) {
		const char *m = ctx_query(c, "month"), *qf = ctx_query(c, "from");
		const char *qt = ctx_query(c, "to"), *qu = ctx_query(c, "user");

		if ((rc = db_exec(c->db, c->a, E_TODAY, &r, "")) != DB_OK)
			return DB_STATUS(rc);
		if (m == NULL || ev_month_range(m, from, to) != 0) {
			if (ev_prev_month(dbres_str(r, 0, 0), ym) != 0 || ev_month_range(ym, from, to) != 0)
				return 500;
		}
		form_empty(c, &ev_new_form);
		form_set(c, NF_FROM, qf && valid_date(qf) ? qf : from);
		form_set(c, NF_TO, qt && valid_date(qt) ? qt : to);
		form_set(c, NF_USER, qu && atoll(qu) > 0 ? qu : "");
	}
	d = page_begin(c, "eval_new.tpl", "eval.new.title");
	user = atoll(form_str(c, NF_USER));
	if ((rc = db_exec(c->db, c->a, E_STAFF_OF_SITE, &r, "i", c->user.site_id)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *o = tpl_section(d, "PERSON_OPT");

		tpl_set(o, "ID", dbres_str(r, i, 0));
		tpl_set(o, "NAME", dbres_str(r, i, 1));
		if (dbres_int(r, i, 0) == user)
			tpl_show(o, "SEL");
	}
	if ((rc = db_exec(c->db, c->a, E_ITEMS_ACTIVE, &r, "i", c->user.site_id)) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows == 0)
		tpl_show(d, "NO_ITEMS");
	if (!posted && user > 0 && check_new(c, user, form_str(c, NF_FROM), form_str(c, NF_TO),
	    &name, &rc)) {
		tpl_dict *p = tpl_section(d, "PREVIEW");

		if ((rc = figs_compute(c, c->user.site_id, user, form_str(c, NF_FROM),
		    form_str(c, NF_TO), &f)) != DB_OK)
			return DB_STATUS(rc);
		if ((rc = db_exec(c->db, c->a, E_OVERLAP, &r, "iss", user, form_str(c, NF_TO),
		    form_str(c, NF_FROM))) != DB_OK)
			return DB_STATUS(rc);
		if (r->nrows > 0)   /* creating it would be refused: say so, and link the one there */
			tpl_set(tpl_section(p, "EXISTS"), "ID", dbres_str(r, 0, 0));
		else
			tpl_show(p, "CAN_CREATE");
		tpl_set(p, "PERSON", name);
		tpl_set(p, "USER_ID", form_str(c, NF_USER));
		tpl_set(p, "FROM", form_str(c, NF_FROM));
		tpl_set(p, "TO", form_str(c, NF_TO));
		figs_to_dict(c, p, &f, 0);
	}
	if (rc != DB_OK)
		return DB_STATUS(rc);
	return 200;
}

/* POST /evaluations/new: a draft for a duty staff member of the site and a period no other
 * evaluation of theirs overlaps. */
int
ev_new_post(struct ctx *c)
{
	long long user = form_num(c, NF_USER), id;
	const char *from = form_str(c, NF_FROM), *to = form_str(c, NF_TO), *name;
	struct dbres *r;
	struct json j;
	int rc;

	if (!check_new(c, user, from, to, &name, &rc))
		return rc != DB_OK ? DB_STATUS(rc) : ev_new_show(c);
	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, E_USER_LOCK, NULL, "i", user)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, E_OVERLAP, &r, "iss", user, to, from)) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows > 0) {
		db_rollback(c->db);
		form_error(c, NF_FROM, "eval.err.duplicate");
		return ev_new_show(c);
	}
	rc = db_exec(c->db, c->a, E_NEW, &r, "iissi", c->user.site_id, user, from, to, c->user.id);
	if (rc == DB_EDUP) {
		db_rollback(c->db);
		form_error(c, NF_FROM, "eval.err.duplicate");
		return ev_new_show(c);
	}
	if (rc != DB_OK)
		return DB_STATUS(rc);
	id = (long long)r->insert_id;
	json_begin(&j);
	json_int(&j, "user_id", user);
	json_str(&j, "period_from", from);
	json_str(&j, "period_to", to);
	rc = audit_write(c, "create", "evaluation", id, c->user.site_id,
	    arena_printf(c->a, "%s #%lld %s %s–%s", ctx_t(c, "eval.audit.created"), id, name, from, to),
	    NULL, json_end(&j, c->a));
	return resp_commit(c, rc, "eval_created", arena_printf(c->a, "/evaluations/%lld", id));
}

/* ---- changes ---- */

/* Locks evaluation id for a change: 0 or an HTTP status (404 for one the user may not see). */
static int
ev_lock(struct ctx *c, long long id, struct dbres **r)
{
	struct dbres *e;
	int rc = ev_load(c, id, &e);

	if (rc != 0)
		return rc;
	if ((rc = db_begin(c->db)) == DB_OK)
		rc = db_exec(c->db, c->a, E_LOCK, r, "i", id);
	if (rc != DB_OK)
		return DB_STATUS(rc);
	if ((*r)->nrows != 1)
		return 404;
	return 0;
}

static int
refuse(struct ctx *c, int status, const char *key)
{
	page_error(c, status, key);
	return status;
}

/* POST /evaluations/:id: saves a draft's scores (each 0..max of its item; empty = not yet
 * scored), comments and the overall comment. A signed one is refused: corrections only. */
int
ev_save_post(struct ctx *c)
{
	long long id = c->ids[0], total = 0;
	struct dbres *e, *r;
	struct lines L;
	const char **notes;
	long long *scores;
	int rc = ev_load(c, id, &e), bad = 0;
	struct json o, n;

	if (rc != 0)
		return rc;
	if (is_signed(e))
		return refuse(c, 409, "eval.err.signed");
	if (dbres_int(e, 0, EG_USER) == c->user.id)
		return refuse(c, 403, "eval.err.self");
	if ((rc = lines_load(c, e, &L)) != DB_OK)
		return DB_STATUS(rc);
	scores = arena_calloc(c->a, L.n + 1, sizeof(long long));
	notes = arena_calloc(c->a, L.n + 1, sizeof(char *));
	for (size_t i = 0; i < L.n; i++) {
		long long item = L.l[i].item_id;
		const char *msg = ev_score_problem(post_trim(c, arena_printf(c->a, "score_%lld", item)),
		    L.l[i].max, &scores[i]);

		notes[i] = post_trim(c, arena_printf(c->a, "note_%lld", item));
		if (msg == NULL && (utf8_chars(notes[i]) > 300 || !valid_utf8(notes[i], strlen(notes[i]), 1)))
			msg = "eval.err.note_long";
		if (msg == NULL && scores[i] < 0 && notes[i][0])
			msg = "eval.err.note_needs_score";
		if (msg != NULL)
			form_row_error(c, item, msg);
		bad |= msg != NULL;
		if (scores[i] > 0)
			total += scores[i];
	}
	if (bad || !c->form.ok)   /* also this route's handler for a refused comment */
		return ev_show(c);
	if ((rc = ev_lock(c, id, &r)) != 0)
		return rc;
	if (strcmp(dbres_str(r, 0, 0), "signed") == 0)
		return refuse(c, 409, "eval.err.signed");
	json_begin(&o);
	json_str(&o, "comment", dbres_str(r, 0, 3));
	json_int(&o, "total", dbres_int(r, 0, 4));
	json_begin(&n);
	json_str(&n, "comment", form_str(c, SF_COMMENT));
	json_int(&n, "total", total);
	rc = db_exec(c->db, c->a, E_SCORES_DEL, NULL, "i", id);
	for (size_t i = 0; rc == DB_OK && i < L.n; i++) {
		if (scores[i] < 0)
			continue;
		rc = db_exec(c->db, c->a, E_SCORE_ADD, NULL, "iiis", id, L.l[i].item_id, scores[i],
		    notes[i]);
		json_int(&n, L.name[i], scores[i]);
	}
	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, E_SAVE, NULL, "sii", form_str(c, SF_COMMENT), total, id);
	if (rc == DB_OK)
		rc = audit_write(c, "update", "evaluation", id, dbres_int(e, 0, EG_SITE),
		    arena_printf(c->a, "%s #%lld %s", ctx_t(c, "eval.audit.saved"), id,
		    dbres_str(e, 0, EG_USER_NAME)), json_end(&o, c->a), json_end(&n, c->a));
	else {
		(void)json_end(&o, c->a);
		(void)json_end(&n, c->a);
	}
	return resp_commit(c, rc, "saved", arena_printf(c->a, "/evaluations/%lld", id));
}

/* POST /evaluations/:id/sign: the supervisor signs a draft whose every item is scored; the
 * figures of the period are frozen into it, it gets its unified number. */
int
ev_sign_post(struct ctx *c)
{
	long long id = c->ids[0], total;
	struct dbres *e, *r, *t;
	struct lines L;
	struct figs f;
	const char *number, *fj;
	int rc = ev_load(c, id, &e);

	if (rc != 0)
		return rc;
	if (dbres_int(e, 0, EG_USER) == c->user.id)
		return refuse(c, 403, "eval.err.self");
	if ((rc = ev_lock(c, id, &r)) != 0)
		return rc;
	if (strcmp(dbres_str(r, 0, 0), "signed") == 0)
		return refuse(c, 409, "eval.err.already_signed");
	if ((rc = lines_load(c, e, &L)) != DB_OK)
		return DB_STATUS(rc);
	if (!ev_complete(L.l, L.n)) {
		db_rollback(c->db);
		form_row_error(c, 0, L.n ? "eval.err.incomplete" : "eval.err.no_items");
		return ev_show(c);
	}
	total = ev_total(L.l, L.n);
	if ((rc = figs_compute(c, dbres_int(e, 0, EG_SITE), dbres_int(e, 0, EG_USER),
	    dbres_str(e, 0, EG_FROM), dbres_str(e, 0, EG_TO), &f)) != DB_OK)
		return DB_STATUS(rc);
	fj = figs_json(c, &f);
	/* Scores of items taken out of use since they were saved are not part of it. */
	rc = db_exec(c->db, c->a, E_SCORES_DEL, NULL, "i", id);
	for (size_t i = 0; rc == DB_OK && i < L.n; i++)
		rc = db_exec(c->db, c->a, E_SCORE_ADD, NULL, "iiis", id, L.l[i].item_id, L.l[i].score,
		    L.note[i]);
	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, E_SIGN, &t, "isii", c->user.id, fj, total, id);
	if (rc == DB_OK && t->affected != 1)
		return refuse(c, 409, "eval.err.already_signed");
	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, E_TODAY, &t, "");
	if (rc == DB_OK)
		rc = number_assign(c, "evaluation", dbres_int(e, 0, EG_SITE), id, dbres_str(t, 0, 0),
		    &number);
	if (rc == DB_OK)
		rc = audit_write(c, "sign", "evaluation", id, dbres_int(e, 0, EG_SITE),
		    arena_printf(c->a, "%s #%lld %s %s–%s: %lld", ctx_t(c, "eval.audit.signed"), id,
		    dbres_str(e, 0, EG_USER_NAME), dbres_str(e, 0, EG_FROM), dbres_str(e, 0, EG_TO),
		    total), NULL, fj);
	return resp_commit(c, rc, "eval_signed", arena_printf(c->a, "/evaluations/%lld", id));
}

/* POST /evaluations/:id/remark: the person evaluated adds their remark once it is signed
 * (once). Anyone else's evaluation is not theirs to see (404). */
int
ev_remark_post(struct ctx *c)
{
	long long id = c->ids[0];
	struct dbres *e, *r;
	struct json n;
	int rc = ev_load(c, id, &e);

	if (rc != 0)
		return rc;
	if (dbres_int(e, 0, EG_USER) != c->user.id)
		return ev_own_only(c) ? 404 : refuse(c, 403, "eval.err.not_yours");
	if (!is_signed(e))
		return refuse(c, 409, "eval.err.not_signed");
	if ((rc = ev_lock(c, id, &r)) != 0)
		return rc;
	if (dbres_int(r, 0, 6))
		return refuse(c, 409, "eval.err.remark_done");
	rc = db_exec(c->db, c->a, E_REMARK, &r, "sii", form_str(c, RF_REMARK), id, c->user.id);
	if (rc == DB_OK && r->affected != 1)
		return refuse(c, 409, "eval.err.remark_done");
	json_begin(&n);
	json_str(&n, "staff_remark", form_str(c, RF_REMARK));
	if (rc == DB_OK)
		rc = audit_write(c, "remark", "evaluation", id, dbres_int(e, 0, EG_SITE),
		    arena_printf(c->a, "%s #%lld", ctx_t(c, "eval.audit.remark"), id), NULL,
		    json_end(&n, c->a));
	else
		(void)json_end(&n, c->a);
	return resp_commit(c, rc, "eval_remarked", arena_printf(c->a, "/evaluations/%lld", id));
}

/* POST /evaluations/:id/correct: a signed evaluation's score, item comment or overall comment
 * changes only by a correction with a reason (a new row; the original stays readable). The
 * value it replaces is read under the evaluation's lock, so two corrections at once chain. */
int
ev_correct_post(struct ctx *c)
{
	long long id = c->ids[0], item = 0, v;
	const char *field = form_str(c, CF_FIELD), *nt = form_str(c, CF_NEW), *old = NULL;
	const char *msg = NULL;
	struct dbres *e, *r, *k;
	struct lines L;
	int rc = ev_load(c, id, &e), kind;
	size_t bad = CF_NEW;
	struct json o, n;

	if (rc != 0)
		return rc;
	if (!is_signed(e))
		return refuse(c, 409, "eval.err.not_signed_correct");
	if (dbres_int(e, 0, EG_USER) == c->user.id)
		return refuse(c, 403, "eval.err.self");
	if ((rc = ev_lock(c, id, &r)) != 0)
		return rc;
	if ((rc = lines_load(c, e, &L)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, E_CORRECTIONS, &k, "i", id)) != DB_OK)
		return DB_STATUS(rc);
	kind = ev_field_kind(field, &item);
	if (kind == 'c')
		old = field_now(k, field, dbres_str(e, 0, EG_COMMENT));
	for (size_t i = 0; kind != 'c' && i < L.n; i++) {
		if (L.l[i].item_id != item)
			continue;
		old = field_now(k, field, kind == 's' ?
		    arena_printf(c->a, "%lld", L.l[i].score) : L.note[i]);
		if (kind == 's' && (msg = ev_score_problem(nt, L.l[i].max, &v)) == NULL)
			nt = arena_printf(c->a, "%lld", v);
	}
	if (old == NULL) {
		msg = "err.choice";
		bad = CF_FIELD;
	} else if (msg == NULL && kind == 'n' && utf8_chars(nt) > 300) {
		msg = "eval.err.note_long";
	} else if (msg == NULL && strcmp(old, nt) == 0) {
		msg = "eval.err.same";
	}
	if (msg != NULL) {
		db_rollback(c->db);
		form_error(c, bad, msg);
		return ev_show(c);
	}
	rc = db_exec(c->db, c->a, E_CORRECTION_ADD, NULL, "iissssi", dbres_int(e, 0, EG_SITE), id,
	    field, old, nt, form_str(c, CF_REASON), c->user.id);
	json_begin(&o);
	json_str(&o, field, old);
	json_begin(&n);
	json_str(&n, field, nt);
	json_str(&n, "reason", form_str(c, CF_REASON));
	if (rc == DB_OK)
		rc = audit_write(c, "correct", "evaluation", id, dbres_int(e, 0, EG_SITE),
		    arena_printf(c->a, "%s #%lld %s", ctx_t(c, "eval.audit.corrected"), id, field),
		    json_end(&o, c->a), json_end(&n, c->a));
	else {
		(void)json_end(&o, c->a);
		(void)json_end(&n, c->a);
	}
	return resp_commit(c, rc, "eval_corrected", arena_printf(c->a, "/evaluations/%lld", id));
}

/* GET /evaluations/:id/print: the 值班表现评估表 on A4 with its PG number and QR code. */
int
ev_print(struct ctx *c)
{
	long long id = c->ids[0];
	struct dbres *e, *k;
	struct lines L;
	struct figs f;
	const char *number;
	tpl_dict *d;
	int rc = ev_load(c, id, &e);

	if (rc != 0)
		return rc;
	if ((rc = lines_load(c, e, &L)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, E_CORRECTIONS, &k, "i", id)) != DB_OK)
		return DB_STATUS(rc);
	if (is_signed(e))
		figs_from_json(c, dbres_str(e, 0, EG_FIGURES), &f);
	else if ((rc = figs_compute(c, dbres_int(e, 0, EG_SITE), dbres_int(e, 0, EG_USER),
	    dbres_str(e, 0, EG_FROM), dbres_str(e, 0, EG_TO), &f)) != DB_OK)
		return DB_STATUS(rc);
	rc = number_assign(c, "evaluation", dbres_int(e, 0, EG_SITE), id,
	    dbres_str(e, 0, EG_SIGNED_DAY), &number);
	if (rc != DB_OK || (d = print_begin(c, "eval_print.tpl", "evaluation", number, &rc)) == NULL)
		return DB_STATUS(rc);
	head_to_dict(c, d, e);
	figs_to_dict(c, d, &f, 0);
	signed_to_dict(c, d, e, &L, k);
	if (dbres_str(e, 0, EG_REMARK_AT)[0]) {
		tpl_dict *s = tpl_section(d, "REMARK_BOX");

		tpl_set(s, "TEXT", dbres_str(e, 0, EG_REMARK));
		tpl_set(s, "AT", dbres_str(e, 0, EG_REMARK_AT));
	}
	print_sign(c, "eval.sign.person", dbres_str(e, 0, EG_USER_NAME));
	print_sign(c, "eval.sign.evaluator", is_signed(e) ? dbres_str(e, 0, EG_EVALUATOR_NAME) : NULL);
	print_sign(c, "eval.sign.manager", NULL);
	return 200;
}

/* GET /evaluations/:id/records/:name: the records behind one figure of the evaluation (as
 * they are now), each linking to its own page. */
int
ev_records(struct ctx *c)
{
	long long id = c->ids[0];
	const char *name = c->nargs ? c->args[0] : "";
	struct dbres *e, *r;
	tpl_dict *d;
	size_t k;
	int rc = ev_load(c, id, &e);

	if (rc != 0)
		return rc;
	for (k = 0; k < sizeof(rec_kinds) / sizeof(rec_kinds[0]); k++)
		if (strcmp(rec_kinds[k].name, name) == 0)
			break;
	if (k == sizeof(rec_kinds) / sizeof(rec_kinds[0]))
		return 404;
	if ((rc = db_exec(c->db, c->a, rec_kinds[k].stmt, &r, "iiss", dbres_int(e, 0, EG_SITE),
	    dbres_int(e, 0, EG_USER), dbres_str(e, 0, EG_FROM), dbres_str(e, 0, EG_TO))) != DB_OK)
		return DB_STATUS(rc);
	d = page_begin(c, "eval_records.tpl", rec_kinds[k].title);
	head_to_dict(c, d, e);
	tpl_set(d, "WHAT", ctx_t(c, rec_kinds[k].title));
	tpl_set_int(d, "COUNT", (long long)r->nrows);
	if (is_signed(e))
		tpl_show(d, "FROZEN");
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *s = tpl_section(d, "REC");

		tpl_set(s, "WHEN", dbres_str(r, i, 1));
		tpl_set(s, "TEXT", dbres_str(r, i, 2));
		if (dbres_str(r, i, 0)[0])
			tpl_set(tpl_section(s, "LINK"), "HREF", dbres_str(r, i, 0));
	}
	if (r->nrows == 0)
		tpl_show(d, "EMPTY");
	return 200;
}
