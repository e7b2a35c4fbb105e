/* quarter.c: the quarterly complaint analysis (用户投诉分析报告) of a site: requests by type,
 * channel, department, building, category and month; response and resolution times (average,
 * median, 90th percentile) and SLA; callback satisfaction; repeat problems; the departments'
 * corrective actions; the previous quarter beside it; printed with its FX number. */
#include "report.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a quarter's page is about. */
struct qctx {
	long long   site, ring, record;   /* record: report_records.id, 0 when none */
	const char *name;
	struct period p;
};

static const char **
labels_of(struct ctx *c, const char *prefix, const char *const *codes)
{
	const char **l = arena_calloc(c->a, 5, sizeof(*l));

	for (int i = 0; i < 5; i++)
		l[i] = ctx_t(c, arena_printf(c->a, "%s.%s", prefix, codes[i]));
	return l;
}

static double
avg(long long sum, long long n)
{
	return n > 0 ? (double)sum / (double)n : -1;
}

/* "+12" / "-3" / "0". */
static const char *
delta(struct ctx *c, long long now, long long before)
{
	return arena_printf(c->a, "%+lld", now - before);
}

struct hist {
	long long *value, *count;
	size_t     n;
};

static int
cmp_pair(const void *a, const void *b)
{
	const long long *x = a, *y = b;

	return (x[0] > y[0]) - (x[0] < y[0]);
}

/* The histogram of measure (and type, or every type when type < 0) from R_Q_HIST rows. */
static void
hist_of(struct ctx *c, const struct dbres *r, const char *measure, int type, struct hist *h)
{
	long long *pairs = arena_calloc(c->a, r->nrows * 2 + 2, sizeof(long long));
	size_t n = 0;

	for (size_t i = 0; i < r->nrows; i++) {
		if (strcmp(dbres_str(r, i, 0), measure) != 0)
			continue;
		if (type >= 0 && rep_type_index(dbres_str(r, i, 1)) != type)
			continue;
		pairs[2 * n] = dbres_int(r, i, 2);
		pairs[2 * n + 1] = dbres_int(r, i, 3);
		n++;
	}
	qsort(pairs, n, 2 * sizeof(long long), cmp_pair);
	h->value = arena_calloc(c->a, n + 1, sizeof(long long));
	h->count = arena_calloc(c->a, n + 1, sizeof(long long));
	for (size_t i = 0; i < n; i++) {
		h->value[i] = pairs[2 * i];
		h->count[i] = pairs[2 * i + 1];
	}
	h->n = n;
}

static const char *
pctl(struct ctx *c, const struct hist *h, double q)
{
	long long v = rep_percentile(h->value, h->count, h->n, q);

	return rep_minutes(c, v < 0 ? -1 : (double)v);
}

/* A count table (label, count, share) with a bar chart; rows from r (id col, label col,
 * count col); href_fmt takes the id (NULL: no links). */
static void
count_table(struct ctx *c, struct rpage *pg, const char *key, const char *title_key,
    const char *col_key, const struct dbres *r, const char *none_key, const char *href_fmt,
    const struct qctx *q)
{
	struct rtable *t = rt_new(c, pg, key, title_key, 3, col_key, "report.col.requests",
	    "report.col.share");
	const char **labels = arena_calloc(c->a, r->nrows + 1, sizeof(*labels));
	double *v = arena_calloc(c->a, r->nrows + 1, sizeof(double));
	struct chart_series s[1] = { { NULL, v } };
	struct chart ch = { arena_printf(c->a, "chart-%s", key), t->title, labels, r->nrows, s, 1,
	    NULL, 0, 0, 0, ctx_t(c, "report.no_data") };
	long long total = 0;

	for (size_t i = 0; i < r->nrows; i++)
		total += dbres_int(r, i, 2);
	for (size_t i = 0; i < r->nrows; i++) {
		long long id = dbres_int(r, i, 0);
		struct rcell *row = rt_row(c, t);
		const char *label = id ? dbres_str(r, i, 1) : ctx_t(c, none_key);

		labels[i] = label;
		v[i] = (double)dbres_int(r, i, 2);
		rc_set(c, row, 0, label, (href_fmt && id) ? rep_link(c, q->site,
		    "%s&from=%s&to=%s", arena_printf(c->a, href_fmt, id), q->p.from_s, q->p.last_s) : NULL);
		rc_int(c, row, 1, dbres_int(r, i, 2), NULL);
		rc_set(c, row, 2, rep_share(c->a, dbres_int(r, i, 2), total), NULL);
	}
	if (r->nrows)
		t->chart = chart_bar(c->a, &ch);
}

/* Every table of the quarter's report. DB_OK or an error. */
static int
quarter_tables(struct ctx *c, struct rpage *pg, const struct qctx *q)
{
	const struct period *p = &q->p;
	struct dbres *tc, *ptc, *r, *hist, *cb, *pcb, *rep, *prep;
	struct rstats all = { 0 }, pall = { 0 }, type[5] = { { { 0 } } }, ptype[5] = { { { 0 } } };
	long long chan[5] = { 0 }, cbn[2] = { 0 }, cbs[2] = { 0 }, cbc[6] = { 0 };
	long long rep_unit[2] = { 0 }, rep_cat[2] = { 0 };
	const char **tl = labels_of(c, "report.type", rep_types);
	const char **cl = labels_of(c, "report.channel", rep_channels);
	struct hist rh, dh, prh, pdh;
	int rc;

	if ((rc = db_exec(c->db, c->a, R_TYPE_CHANNEL_M, &tc, "iss", q->site, p->from_s, p->to_s)) ||
	    (rc = db_exec(c->db, c->a, R_TYPE_CHANNEL_M, &ptc, "iss", q->site, p->prev_from_s,
	    p->prev_to_s)) ||
	    (rc = db_exec(c->db, c->a, R_CB_DIST, &cb, "iss", q->site, p->from_s, p->to_s)) ||
	    (rc = db_exec(c->db, c->a, R_CB_DIST, &pcb, "iss", q->site, p->prev_from_s,
	    p->prev_to_s)) ||
	    (rc = db_exec(c->db, c->a, R_Q_REPEAT_TOTAL, &rep, "is", q->site, p->from_s)) ||
	    (rc = db_exec(c->db, c->a, R_Q_REPEAT_TOTAL, &prep, "is", q->site, p->prev_from_s)))
		return rc;
	for (size_t i = 0; i < tc->nrows; i++) {
		int k = rep_type_index(dbres_str(tc, i, 0)), j = rep_channel_index(dbres_str(tc, i, 1));

		rs_add(&all, tc, i, 2);
		if (k >= 0)
			rs_add(&type[k], tc, i, 2);
		if (j >= 0)
			chan[j] += dbres_int(tc, i, 2);
	}
	for (size_t i = 0; i < ptc->nrows; i++) {
		int k = rep_type_index(dbres_str(ptc, i, 0));

		rs_add(&pall, ptc, i, 2);
		if (k >= 0)
			rs_add(&ptype[k], ptc, i, 2);
	}
	for (int w = 0; w < 2; w++) {
		const struct dbres *x = w ? pcb : cb;

		for (size_t i = 0; i < x->nrows; i++) {
			long long s = dbres_int(x, i, 0), n = dbres_int(x, i, 1);

			if (s >= 1 && s <= 5) {
				cbn[w] += n;
				cbs[w] += s * n;
				if (w == 0)
					cbc[s] += n;
			}
		}
		x = w ? prep : rep;
		for (size_t i = 0; i < x->nrows; i++) {
			if (strcmp(dbres_str(x, i, 0), "unit") == 0)
				rep_unit[w] = dbres_int(x, i, 1);
			else
				rep_cat[w] = dbres_int(x, i, 1);
		}
	}
	if ((rc = db_exec(c->db, c->a, R_Q_HIST, &hist, "is", q->site, p->from_s)))
		return rc;
	hist_of(c, hist, "respond", -1, &rh);
	hist_of(c, hist, "resolve", -1, &dh);
	{
		struct dbres *ph;

		if ((rc = db_exec(c->db, c->a, R_Q_HIST, &ph, "is", q->site, p->prev_from_s)))
			return rc;
		hist_of(c, ph, "respond", -1, &prh);
		hist_of(c, ph, "resolve", -1, &pdh);
	}

	/* 1. Key figures against the previous quarter. */
	{
		struct rtable *t = rt_new(c, pg, "summary", "report.q.summary", 4,
		    "report.col.indicator", "report.col.this_quarter", "report.col.previous_quarter",
		    "report.col.change");
		struct rcell *row;
#define ROW(key, a, b, d) do { row = rt_row(c, t); rc_set(c, row, 0, ctx_t(c, key), NULL); \
	rc_set(c, row, 1, a, NULL); rc_set(c, row, 2, b, NULL); rc_set(c, row, 3, d, NULL); } while (0)
		ROW("report.kpi.requests", arena_printf(c->a, "%lld", all.v[RS_N]),
		    arena_printf(c->a, "%lld", pall.v[RS_N]), delta(c, all.v[RS_N], pall.v[RS_N]));
		ROW("report.q.complaints", arena_printf(c->a, "%lld", type[0].v[RS_N]),
		    arena_printf(c->a, "%lld", ptype[0].v[RS_N]),
		    delta(c, type[0].v[RS_N], ptype[0].v[RS_N]));
		ROW("report.kpi.first_response", rep_minutes(c, avg(all.v[RS_RMIN], all.v[RS_RESP])),
		    rep_minutes(c, avg(pall.v[RS_RMIN], pall.v[RS_RESP])), "");
		ROW("report.q.response_median", pctl(c, &rh, 0.5), pctl(c, &prh, 0.5), "");
		ROW("report.q.response_p90", pctl(c, &rh, 0.9), pctl(c, &prh, 0.9), "");
		ROW("report.kpi.response_sla", rep_share(c->a, all.v[RS_RMET], all.v[RS_RSLA]),
		    rep_share(c->a, pall.v[RS_RMET], pall.v[RS_RSLA]), "");
		ROW("report.kpi.resolution", rep_minutes(c, avg(all.v[RS_DMIN], all.v[RS_DONE])),
		    rep_minutes(c, avg(pall.v[RS_DMIN], pall.v[RS_DONE])), "");
		ROW("report.q.resolution_median", pctl(c, &dh, 0.5), pctl(c, &pdh, 0.5), "");
		ROW("report.q.resolution_p90", pctl(c, &dh, 0.9), pctl(c, &pdh, 0.9), "");
		ROW("report.kpi.resolution_sla", rep_share(c->a, all.v[RS_DMET], all.v[RS_DSLA]),
		    rep_share(c->a, pall.v[RS_DMET], pall.v[RS_DSLA]), "");
		ROW("report.kpi.rings", rep_share(c->a, rs_rings_ok(&all, q->ring), all.v[RS_RINGS]),
		    rep_share(c->a, rs_rings_ok(&pall, q->ring), pall.v[RS_RINGS]), "");
		ROW("report.kpi.satisfaction",
		    cbn[0] ? arena_printf(c->a, "%.2f", (double)cbs[0] / (double)cbn[0]) : "-",
		    cbn[1] ? arena_printf(c->a, "%.2f", (double)cbs[1] / (double)cbn[1]) : "-", "");
		ROW("report.col.callbacks", arena_printf(c->a, "%lld", cbn[0]),
		    arena_printf(c->a, "%lld", cbn[1]), delta(c, cbn[0], cbn[1]));
		ROW("report.q.repeats_unit", arena_printf(c->a, "%lld", rep_unit[0]),
		    arena_printf(c->a, "%lld", rep_unit[1]), delta(c, rep_unit[0], rep_unit[1]));
		ROW("report.q.repeats_category", arena_printf(c->a, "%lld", rep_cat[0]),
		    arena_printf(c->a, "%lld", rep_cat[1]), delta(c, rep_cat[0], rep_cat[1]));
#undef ROW
	}

	/* 2. By type, against the previous quarter. */
	{
		struct rtable *t = rt_new(c, pg, "types", "report.q.types", 5, "report.col.type",
		    "report.col.this_quarter", "report.col.previous_quarter", "report.col.change",
		    "report.col.share");
		double *a = arena_calloc(c->a, 5, sizeof(double)), *b = arena_calloc(c->a, 5, sizeof(double));
		struct chart_series s[2] = { { ctx_t(c, "report.col.this_quarter"), a },
		    { ctx_t(c, "report.col.previous_quarter"), b } };
		struct chart ch = { "chart-q-types", t->title, tl, 5, s, 2, NULL, 0, 0, 0,
		    ctx_t(c, "report.no_data") };

		for (int k = 0; k < 5; k++) {
			struct rcell *row = rt_row(c, t);

			a[k] = (double)type[k].v[RS_N];
			b[k] = (double)ptype[k].v[RS_N];
			rc_set(c, row, 0, tl[k], rep_link(c, q->site, "/requests?type=%s&from=%s&to=%s",
			    rep_types[k], p->from_s, p->last_s));
			rc_int(c, row, 1, type[k].v[RS_N], NULL);
			rc_int(c, row, 2, ptype[k].v[RS_N], NULL);
			rc_set(c, row, 3, delta(c, type[k].v[RS_N], ptype[k].v[RS_N]), NULL);
			rc_set(c, row, 4, rep_share(c->a, type[k].v[RS_N], all.v[RS_N]), NULL);
		}
		t->chart = chart_bar(c->a, &ch);
	}

	/* 3. By channel. */
	{
		struct rtable *t = rt_new(c, pg, "channels", "report.q.channels", 3,
		    "report.col.channel", "report.col.requests", "report.col.share");
		double *v = arena_calloc(c->a, 5, sizeof(double));
		struct chart_series s[1] = { { NULL, v } };
		struct chart ch = { "chart-q-channels", t->title, cl, 5, s, 1, NULL, 0, 0, 0,
		    ctx_t(c, "report.no_data") };

		for (int k = 0; k < 5; k++) {
			struct rcell *row = rt_row(c, t);

			v[k] = (double)chan[k];
			rc_set(c, row, 0, cl[k], rep_link(c, q->site,
			    "/requests?channel=%s&from=%s&to=%s", rep_channels[k], p->from_s, p->last_s));
			rc_int(c, row, 1, chan[k], NULL);
			rc_set(c, row, 2, rep_share(c->a, chan[k], all.v[RS_N]), NULL);
		}
		t->chart = chart_donut(c->a, &ch);
	}

	/* 4. By department (work orders dispatched in the quarter). */
	{
		struct rtable *t = rt_new(c, pg, "departments", "report.q.departments", 5,
		    "report.col.department", "report.col.orders", "report.col.done",
		    "report.col.done_late", "report.col.on_time");
		const char **labels;
		double *v;
		struct chart_series s[1];
		struct chart ch;

		if ((rc = db_exec(c->db, c->a, R_Q_DEPT, &r, "iss", q->site, p->from_s, p->to_s)))
			return rc;
		labels = arena_calloc(c->a, r->nrows + 1, sizeof(*labels));
		v = arena_calloc(c->a, r->nrows + 1, sizeof(double));
		for (size_t i = 0; i < r->nrows; i++) {
			struct rcell *row = rt_row(c, t);
			long long done = dbres_int(r, i, 3), late = dbres_int(r, i, 4);

			labels[i] = dbres_str(r, i, 1);
			v[i] = (double)dbres_int(r, i, 2);
			rc_set(c, row, 0, labels[i], rep_link(c, q->site,
			    "/requests?department=%lld&from=%s&to=%s", dbres_int(r, i, 0), p->from_s,
			    p->last_s));
			rc_int(c, row, 1, dbres_int(r, i, 2), NULL);
			rc_int(c, row, 2, done, NULL);
			rc_int(c, row, 3, late, NULL);
			rc_set(c, row, 4, rep_share(c->a, done - late, done), NULL);
		}
		s[0] = (struct chart_series){ NULL, v };
		ch = (struct chart){ "chart-q-departments", t->title, labels, r->nrows, s, 1, NULL, 0,
		    0, 0, ctx_t(c, "report.no_data") };
		if (r->nrows)
			t->chart = chart_bar(c->a, &ch);
	}

	/* 5, 6. By building and by category. */
	if ((rc = db_exec(c->db, c->a, R_Q_BUILDING, &r, "is", q->site, p->from_s)))
		return rc;
	count_table(c, pg, "buildings", "report.q.buildings", "report.col.building", r,
	    "report.none_building", "/requests?building=%lld", q);
	if ((rc = db_exec(c->db, c->a, R_Q_CATEGORY, &r, "is", q->site, p->from_s)))
		return rc;
	count_table(c, pg, "categories", "report.q.categories", "report.col.category", r,
	    "report.none_category", NULL, q);

	/* 7. By month and type. */
	{
		struct rtable *t = rt_new(c, pg, "months", "report.q.months", 7, "report.col.month",
		    "report.type.complaint", "report.type.repair", "report.type.inquiry",
		    "report.type.suggestion", "report.type.help", "report.col.total");
		const char **labels = arena_calloc(c->a, 3, sizeof(*labels));
		double *v[5];
		struct chart_series s[5];
		struct chart ch = { "chart-q-months", t->title, labels, 3, s, 5, NULL, 0, 1, 0,
		    ctx_t(c, "report.no_data") };
		size_t k = 0;

		if ((rc = db_exec(c->db, c->a, R_Q_MONTH_TYPE, &r, "iss", q->site, p->from_s,
		    p->to_s)))
			return rc;
		for (int j = 0; j < 5; j++) {
			v[j] = arena_calloc(c->a, 3, sizeof(double));
			s[j] = (struct chart_series){ tl[j], v[j] };
		}
		for (int m = 0; m < 3; m++) {
			struct rcell *row = rt_row(c, t);
			int y, mo, d;
			long long total = 0;

			rep_civil(p->from, &y, &mo, &d);
			labels[m] = arena_printf(c->a, "%04d-%02d", y, mo + m);
			rc_set(c, row, 0, labels[m], NULL);
			for (; k < r->nrows && strcmp(dbres_str(r, k, 0), labels[m]) == 0; k++) {
				int j = rep_type_index(dbres_str(r, k, 1));

				if (j >= 0)
					v[j][m] += (double)dbres_int(r, k, 2);
			}
			for (int j = 0; j < 5; j++) {
				rc_int(c, row, 1 + (size_t)j, (long long)v[j][m], NULL);
				total += (long long)v[j][m];
			}
			rc_int(c, row, 6, total, NULL);
		}
		t->chart = chart_bar(c->a, &ch);
	}

	/* 8. Times per type. */
	{
		struct rtable *t = rt_new(c, pg, "times", "report.q.times", 9, "report.col.type",
		    "report.kpi.first_response", "report.q.response_median", "report.q.response_p90",
		    "report.kpi.response_sla", "report.kpi.resolution", "report.q.resolution_median",
		    "report.q.resolution_p90", "report.kpi.resolution_sla");

		for (int k = 0; k <= 5; k++) {
			const struct rstats *st = k < 5 ? &type[k] : &all;
			struct hist a, b;
			struct rcell *row = rt_row(c, t);

			hist_of(c, hist, "respond", k < 5 ? k : -1, &a);
			hist_of(c, hist, "resolve", k < 5 ? k : -1, &b);
			rc_set(c, row, 0, k < 5 ? tl[k] : ctx_t(c, "report.col.total"), NULL);
			rc_set(c, row, 1, rep_minutes(c, avg(st->v[RS_RMIN], st->v[RS_RESP])), NULL);
			rc_set(c, row, 2, pctl(c, &a, 0.5), NULL);
			rc_set(c, row, 3, pctl(c, &a, 0.9), NULL);
			rc_set(c, row, 4, rep_share(c->a, st->v[RS_RMET], st->v[RS_RSLA]), NULL);
			rc_set(c, row, 5, rep_minutes(c, avg(st->v[RS_DMIN], st->v[RS_DONE])), NULL);
			rc_set(c, row, 6, pctl(c, &b, 0.5), NULL);
			rc_set(c, row, 7, pctl(c, &b, 0.9), NULL);
			rc_set(c, row, 8, rep_share(c->a, st->v[RS_DMET], st->v[RS_DSLA]), NULL);
		}
		t->note = ctx_t(c, "report.q.times_note");
	}

	/* 9. Callback satisfaction. */
	{
		struct rtable *t = rt_new(c, pg, "satisfaction", "report.kpi.satisfaction_dist", 3,
		    "report.col.score", "report.col.callbacks", "report.col.share");
		static const char *const scores[] = { "1", "2", "3", "4", "5" };
		double *v = arena_calloc(c->a, 5, sizeof(double));
		struct chart_series s[1] = { { NULL, v } };
		struct chart ch = { "chart-q-satisfaction", t->title, scores, 5, s, 1, NULL, 0, 0, 0,
		    ctx_t(c, "report.no_data") };

		for (int j = 1; j <= 5; j++) {
			struct rcell *row = rt_row(c, t);

			v[j - 1] = (double)cbc[j];
			rc_set(c, row, 0, scores[j - 1], NULL);
			rc_int(c, row, 1, cbc[j], NULL);
			rc_set(c, row, 2, rep_share(c->a, cbc[j], cbn[0]), NULL);
		}
		if (cbn[0])
			t->chart = chart_bar(c->a, &ch);
	}

	/* 10, 11. Repeat problems. */
	{
		struct rtable *t = rt_new(c, pg, "repeat_units", "report.q.repeat_units", 3,
		    "report.col.building", "report.col.unit", "report.col.repeats");

		t->note = ctx_t(c, "report.q.repeat_note");
		if ((rc = db_exec(c->db, c->a, R_Q_REPEAT_UNITS, &r, "is", q->site, p->from_s)))
			return rc;
		for (size_t i = 0; i < r->nrows; i++) {
			struct rcell *row = rt_row(c, t);

			rc_set(c, row, 0, dbres_str(r, i, 2), NULL);
			rc_set(c, row, 1, dbres_str(r, i, 3), rep_link(c, q->site,
			    "/requests?building=%lld&q=%s&from=%s&to=%s", dbres_int(r, i, 1),
			    url_encode(c->a, dbres_str(r, i, 3)), p->from_s, p->last_s));
			rc_int(c, row, 2, dbres_int(r, i, 4), NULL);
		}
		t = rt_new(c, pg, "repeat_categories", "report.q.repeat_categories", 3,
		    "report.col.building", "report.col.category", "report.col.repeats");
		if ((rc = db_exec(c->db, c->a, R_Q_REPEAT_CATS, &r, "is", q->site, p->from_s)))
			return rc;
		for (size_t i = 0; i < r->nrows; i++) {
			struct rcell *row = rt_row(c, t);

			rc_set(c, row, 0, dbres_str(r, i, 2), rep_link(c, q->site,
			    "/requests?building=%lld&from=%s&to=%s", dbres_int(r, i, 0), p->from_s,
			    p->last_s));
			rc_set(c, row, 1, dbres_str(r, i, 3), NULL);
			rc_int(c, row, 2, dbres_int(r, i, 4), NULL);
		}
	}

	/* 12. Corrective actions. */
	{
		struct rtable *t = rt_new(c, pg, "actions", "report.q.actions", 5,
		    "report.col.department", "report.col.category", "report.col.problem",
		    "report.col.action", "report.col.entered");

		if ((rc = db_exec(c->db, c->a, R_Q_ACTIONS, &r, "iii", q->site, (long long)p->year,
		    (long long)p->quarter)))
			return rc;
		for (size_t i = 0; i < r->nrows; i++) {
			struct rcell *row = rt_row(c, t);

			rc_set(c, row, 0, dbres_str(r, i, 1), NULL);
			rc_set(c, row, 1, dbres_str(r, i, 2), NULL);
			rc_set(c, row, 2, dbres_str(r, i, 3), NULL);
			rc_set(c, row, 3, dbres_str(r, i, 4), NULL);
			rc_set(c, row, 4, arena_printf(c->a, "%s %s", dbres_str(r, i, 5),
			    dbres_str(r, i, 6)), NULL);
		}
	}
	return DB_OK;
}

/* ---- the corrective-action form ---- */

enum { AF_YEAR, AF_QUARTER, AF_DEPT, AF_CATEGORY, AF_PROBLEM, AF_ACTION };
static const struct field action_fields[] = {
	[AF_YEAR]     = { "year", FT_INT, FF_REQUIRED, 2000, 2100, NULL, "report.field.year" },
	[AF_QUARTER]  = { "quarter", FT_INT, FF_REQUIRED, 1, 4, NULL, "report.field.quarter" },
	[AF_DEPT]     = { "department_id", FT_INT, FF_REQUIRED, 1, 4294967295LL, NULL,
	    "report.col.department" },
	[AF_CATEGORY] = { "category_id", FT_INT, 0, 0, 4294967295LL, NULL, "report.col.category" },
	[AF_PROBLEM]  = { "problem", FT_TEXT, FF_REQUIRED, 0, 300, NULL, "report.col.problem" },
	[AF_ACTION]   = { "action", FT_MULTILINE, FF_REQUIRED, 0, 2000, NULL, "report.col.action" },
};
const struct form_spec rep_action_form = FORM_SPEC(action_fields);

/* The form to enter a corrective action (own site, supervisor or manager) into d. */
static int
action_form_dict(struct ctx *c, tpl_dict *d, const struct qctx *q)
{
	struct dbres *r;
	tpl_dict *f;
	int rc;

	if (!ctx_has_role(c, REP_ACTIONS) || q->site != c->user.site_id)
		return DB_OK;
	f = tpl_section(d, "ACTION_FORM");
	if (c->form.spec == &rep_action_form)
		form_to_dict(c, f);
	tpl_set_int(f, "YEAR", q->p.year);
	tpl_set_int(f, "QUARTER", q->p.quarter);
	if ((rc = db_exec(c->db, c->a, R_DEPTS, &r, "i", q->site)) != DB_OK)
		return rc;
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *o = tpl_section(f, "DEPT");

		tpl_set(o, "ID", dbres_str(r, i, 0));
		tpl_set(o, "NAME", dbres_str(r, i, 1));
		if (c->form.spec == &rep_action_form && form_num(c, AF_DEPT) == dbres_int(r, i, 0))
			tpl_show(o, "SELECTED");
	}
	if ((rc = db_exec(c->db, c->a, R_CATEGORIES, &r, "i", q->site)) != DB_OK)
		return rc;
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *o = tpl_section(f, "CAT");

		tpl_set(o, "ID", dbres_str(r, i, 0));
		tpl_set(o, "NAME", dbres_str(r, i, 1));
		if (c->form.spec == &rep_action_form && form_num(c, AF_CATEGORY) == dbres_int(r, i, 0))
			tpl_show(o, "SELECTED");
	}
	return DB_OK;
}

/* The report page of q (HTML, or ?csv=<table>). */
static int
quarter_page(struct ctx *c, const struct qctx *q)
{
	struct rpage pg = { { 0 }, 0 };
	const char *base;
	tpl_dict *d;
	int rc, st;

	if ((rc = quarter_tables(c, &pg, q)) != DB_OK)
		return DB_STATUS(rc);
	if ((st = rp_csv(c, &pg, arena_printf(c->a, "complaints-%d-Q%d", q->p.year,
	    q->p.quarter))) != 0)
		return st;
	d = page_begin(c, "report_complaints.tpl", "report.q.title");
	tpl_set(d, "SITE_NAME", q->name);
	tpl_set_int(d, "YEAR", q->p.year);
	tpl_set_int(d, "QUARTER", q->p.quarter);
	tpl_set(d, "FROM", q->p.from_s);
	tpl_set(d, "LAST", q->p.last_s);
	tpl_show(d, arena_printf(c->a, "Q%d", q->p.quarter));
	base = q->record ? arena_printf(c->a, "/reports/complaints/%lld", q->record) :
	    arena_printf(c->a, "/reports/complaints?year=%d&quarter=%d%s", q->p.year, q->p.quarter,
	    q->site != c->user.site_id ? arena_printf(c->a, "&site=%lld", q->site) : "");
	if (q->site != c->user.site_id)
		tpl_set(tpl_section(d, "SITE_PARAM"), "SITE", arena_printf(c->a, "%lld", q->site));
	if (ctx_has_role(c, REP_PRINTERS))
		tpl_set(tpl_section(d, "CAN_PRINT"), "HREF", arena_printf(c->a,
		    "/reports/complaints/print?year=%d&quarter=%d%s", q->p.year, q->p.quarter,
		    q->site != c->user.site_id ? arena_printf(c->a, "&site=%lld", q->site) : ""));
	if ((rc = action_form_dict(c, d, q)) != DB_OK)
		return DB_STATUS(rc);
	rp_render(c, d, &pg, base);
	return 200;
}

/* The quarter of ?year=&quarter= (default: the current one). 0 or 404. */
static int
quarter_of_query(struct ctx *c, struct qctx *q)
{
	const char *y = ctx_query(c, "year"), *qq = ctx_query(c, "quarter");
	int st;

	if ((st = rep_site(c, &q->site, &q->name, &q->ring)) != 0)
		return st;
	if (c->form.spec == &rep_action_form && c->form.v[AF_YEAR].err == NULL &&
	    c->form.v[AF_QUARTER].err == NULL) {
		if (rep_quarter((int)form_num(c, AF_YEAR), (int)form_num(c, AF_QUARTER), &q->p) != 0)
			return 404;
		return 0;
	}
	if (y && *y && qq && *qq) {
		char *e1, *e2;
		long yv = strtol(y, &e1, 10), qv = strtol(qq, &e2, 10);

		if (*e1 || *e2 || rep_quarter((int)yv, (int)qv, &q->p) != 0)
			return 404;
		return 0;
	}
	rep_period(PER_QUARTER, rep_today(), &q->p);
	return 0;
}

/* GET /reports/complaints?year=&quarter=&site=: the quarter's analysis; ?csv=<table>. */
int
rep_quarter_show(struct ctx *c)
{
	struct qctx q = { 0 };
	int st = quarter_of_query(c, &q);

	return st ? st : quarter_page(c, &q);
}

/* Loads report record id of kind into q (the site must be one the user may see: their own,
 * or any for directors and admins). 0, 404 or 5xx. */
static int
load_record(struct ctx *c, long long id, const char *kind, long long *site, const char **period)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, R_RECORD_GET, &r, "i", id);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || strcmp(dbres_str(r, 0, 1), kind) != 0)
		return 404;
	*site = dbres_int(r, 0, 0);
	if (!ctx_site_ok(c, *site) && !ctx_has_role(c, REP_ALL_SITES))
		return 404;
	*period = dbres_str(r, 0, 2);
	return 0;
}

static int
quarter_of_record(struct ctx *c, long long id, struct qctx *q)
{
	const char *period;
	struct dbres *r;
	int st, y, n, rc;

	if ((st = load_record(c, id, "quarter_report", &q->site, &period)) != 0)
		return st;
	if (sscanf(period, "%d-Q%d", &y, &n) != 2 || rep_quarter(y, n, &q->p) != 0)
		return 404;
	if ((rc = db_exec(c->db, c->a, R_SITE, &r, "i", q->site)) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1)
		return 404;
	q->name = dbres_str(r, 0, 0);
	q->ring = dbres_int(r, 0, 1);
	q->record = id;
	return 0;
}

/* GET /reports/complaints/:id: the report of a printed record (what its QR code opens). */
int
rep_quarter_record(struct ctx *c)
{
	struct qctx q = { 0 };
	int st = quarter_of_record(c, c->ids[0], &q);

	return st ? st : quarter_page(c, &q);
}

/* POST /reports/complaints/print?year=&quarter=&site=: the quarter's record and its number
 * (assigned at the first print; a change, so a POST), then the printed form. */
int
rep_quarter_print_start(struct ctx *c)
{
	struct qctx q = { 0 };
	struct dbres *r;
	const char *number, *period;
	char today[11];
	int st, rc;

	if ((st = quarter_of_query(c, &q)) != 0)
		return st;
	period = arena_printf(c->a, "%d-Q%d", q.p.year, q.p.quarter);
	rep_fmt_day(rep_today(), today);
	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, R_RECORD_ADD, &r, "iss", q.site, "quarter_report",
	    period)) != DB_OK)
		return DB_STATUS(rc);
	q.record = (long long)r->insert_id;
	rc = number_assign(c, "quarter_report", q.site, q.record, today, &number);
	if (rc == DB_OK && r->affected == 1)
		rc = audit_write(c, "create", "report_record", q.record, q.site,
		    arena_printf(c->a, "%s %s %s", ctx_t(c, "form.quarter_report"), period, number),
		    NULL, NULL);
	return resp_commit(c, rc, NULL, arena_printf(c->a, "/reports/complaints/%lld/print",
	    q.record));
}

/* GET /reports/complaints/:id/print: the A4 report with its number, QR code and the
 * signature boxes 编制 (prepared) and 审核 (reviewed). */
int
rep_quarter_print(struct ctx *c)
{
	struct rpage pg = { { 0 }, 0 };
	struct qctx q = { 0 };
	const char *number;
	tpl_dict *d;
	int st, rc;

	if ((st = quarter_of_record(c, c->ids[0], &q)) != 0)
		return st;
	if ((rc = number_lookup(c, "quarter_report", q.record, &number)) != DB_OK)
		return DB_STATUS(rc);
	if (number == NULL)
		return 404;
	if ((rc = quarter_tables(c, &pg, &q)) != DB_OK)
		return DB_STATUS(rc);
	if ((d = print_begin(c, "report_print.tpl", "quarter_report", number, &rc)) == NULL)
		return DB_STATUS(rc);
	tpl_set(c->dict, "SITE_NAME_PRINT", q.name);
	tpl_set(d, "PERIOD", arena_printf(c->a, "%d %s%d (%s – %s)", q.p.year,
	    ctx_t(c, "report.quarter_prefix"), q.p.quarter, q.p.from_s, q.p.last_s));
	rp_render(c, d, &pg, "");
	print_sign(c, "report.sign.prepared", "");
	print_sign(c, "report.sign.reviewed", "");
	return 200;
}

/* POST /reports/complaints/actions: a department's corrective action for the quarter
 * (supervisor or manager of the site). */
int
rep_action_post(struct ctx *c)
{
	struct dbres *r;
	long long site = c->user.site_id, dept = form_num(c, AF_DEPT), cat = form_num(c, AF_CATEGORY);
	int rc, found = 0;
	struct json j;
	char *json;

	if ((rc = db_exec(c->db, c->a, R_DEPTS, &r, "i", site)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++)
		found |= dbres_int(r, i, 0) == dept;
	if (!found) {
		form_error(c, AF_DEPT, "report.err.department");
		return rep_quarter_show(c);
	}
	if (cat) {
		if ((rc = db_exec(c->db, c->a, R_CATEGORIES, &r, "i", site)) != DB_OK)
			return DB_STATUS(rc);
		found = 0;
		for (size_t i = 0; i < r->nrows; i++)
			found |= dbres_int(r, i, 0) == cat;
		if (!found) {
			form_error(c, AF_CATEGORY, "report.err.category");
			return rep_quarter_show(c);
		}
	}
	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, R_ACTION_ADD, &r, "iiiinssi", site, form_num(c, AF_YEAR),
	    form_num(c, AF_QUARTER), dept, cat, form_str(c, AF_PROBLEM), form_str(c, AF_ACTION),
	    c->user.id)) != DB_OK)
		return DB_STATUS(rc);
	json_begin(&j);
	json_int(&j, "year", form_num(c, AF_YEAR));
	json_int(&j, "quarter", form_num(c, AF_QUARTER));
	json_int(&j, "department_id", dept);
	json_int(&j, "category_id", cat);
	json_str(&j, "problem", form_str(c, AF_PROBLEM));
	json_str(&j, "action", form_str(c, AF_ACTION));
	json = json_end(&j, c->a);
	rc = audit_write(c, "create", "req_action", (long long)r->insert_id, site,
	    form_str(c, AF_PROBLEM), NULL, json);
	return resp_commit(c, rc, "report_action_added", arena_printf(c->a,
	    "/reports/complaints?year=%lld&quarter=%lld#actions", form_num(c, AF_YEAR),
	    form_num(c, AF_QUARTER)));
}
