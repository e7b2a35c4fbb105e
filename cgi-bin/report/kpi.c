/* kpi.c: the reports' home, the KPI dashboard of a site (/reports/kpi) and the director's
 * view of every site side by side (/reports/sites). */
#include "report.h"
#include <stdio.h>
#include <string.h>

/* GET /reports: what there is. */
int
rep_home(struct ctx *c)
{
	tpl_dict *d = page_begin(c, "report_home.tpl", "report.home.title");
	long long today = rep_today();
	struct period q;
	char day[11];

	rep_fmt_day(today - 1, day);
	rep_period(PER_QUARTER, today, &q);
	tpl_set(d, "YESTERDAY", day);
	tpl_set_int(d, "YEAR", q.year);
	tpl_set_int(d, "QUARTER", q.quarter);
	if (ctx_has_role(c, REP_ALL_SITES))
		tpl_show(d, "CAN_SITES");
	if (ctx_has_role(c, REP_DIGEST))
		tpl_show(d, "CAN_DIGEST");
	return 200;
}

/* The period of ?period=week|month|quarter (default month) and ?day= (default today). 0 or
 * 404 for a malformed value. */
static int
kpi_period(struct ctx *c, struct period *p)
{
	const char *kind = ctx_query(c, "period"), *day = ctx_query(c, "day");
	enum rep_kind k = PER_MONTH;
	long long at = rep_today();

	if (kind && *kind) {
		if (strcmp(kind, "week") == 0)
			k = PER_WEEK;
		else if (strcmp(kind, "quarter") == 0)
			k = PER_QUARTER;
		else if (strcmp(kind, "month") != 0)
			return 404;
	}
	if (day && *day && rep_parse_day(day, &at) != 0)
		return 404;
	rep_period(k, at, p);
	return 0;
}

static const char *const period_codes[] = { "week", "month", "quarter" };

/* The period's form and its neighbours' links into d. */
static void
period_dict(struct ctx *c, tpl_dict *d, const struct period *p, long long site, const char *path)
{
	char prev[11], next[11];
	const char *site_q = site != c->user.site_id ? arena_printf(c->a, "&site=%lld", site) : "";

	rep_fmt_day(p->prev_from, prev);
	rep_fmt_day(p->to, next);
	tpl_set(d, "FROM", p->from_s);
	tpl_set(d, "LAST", p->last_s);
	tpl_set(d, "DAY", p->from_s);
	tpl_set(d, "PERIOD", period_codes[p->kind]);
	tpl_show(d, arena_printf(c->a, "PERIOD_%s", p->kind == PER_WEEK ? "WEEK" :
	    p->kind == PER_MONTH ? "MONTH" : "QUARTER"));
	tpl_set(d, "PREV_HREF", arena_printf(c->a, "%s?period=%s&day=%s%s", path,
	    period_codes[p->kind], prev, site_q));
	tpl_set(d, "NEXT_HREF", arena_printf(c->a, "%s?period=%s&day=%s%s", path,
	    period_codes[p->kind], next, site_q));
	if (site != c->user.site_id)
		tpl_set(tpl_section(d, "SITE_PARAM"), "SITE", arena_printf(c->a, "%lld", site));
}

static double
avg(long long sum, long long n)
{
	return n > 0 ? (double)sum / (double)n : -1;
}

/* One line of the summary table. */
static void
summary_row(struct ctx *c, struct rtable *t, const char *key, const char *value,
    const char *basis, const char *href)
{
	struct rcell *row = rt_row(c, t);

	rc_set(c, row, 0, ctx_t(c, key), NULL);
	rc_set(c, row, 1, value, href);
	rc_set(c, row, 2, basis, NULL);
}

static const char *
basis(struct ctx *c, long long part, long long whole)
{
	return arena_printf(c->a, "%lld / %lld", part, whole);
}

/* Type labels in the request's language. */
static const char **
type_labels(struct ctx *c)
{
	const char **l = arena_calloc(c->a, 5, sizeof(*l));

	for (int i = 0; i < 5; i++)
		l[i] = ctx_t(c, arena_printf(c->a, "report.type.%s", rep_types[i]));
	return l;
}

/* The KPI tables of site in period p into pg (arena). DB_OK or an error. */
static int
kpi_tables(struct ctx *c, struct rpage *pg, long long site, long long ring_target,
    const struct period *p)
{
	struct dbres *r, *hr, *lr, *er, *cb, *ov;
	struct rstats all = { 0 }, type[5] = { { { 0 } } }, prev[5] = { { { 0 } } };
	const char **tl = type_labels(c);
	long long ndays = p->to - p->from, cb_n = 0, cb_sum = 0, cb_count[6] = { 0 };
	int rc;
	const char *from = p->from_s, *last = p->last_s;

	/* The period's figures per type and channel (the daily counts come with the daily table). */
	if ((rc = db_exec(c->db, c->a, p->kind == PER_WEEK ? R_TYPE_CHANNEL : R_TYPE_CHANNEL_M, &r,
	    "iss", site, p->from_s, p->to_s)) != DB_OK)
		return rc;
	for (size_t i = 0; i < r->nrows; i++) {
		int k = rep_type_index(dbres_str(r, i, 0));

		rs_add(&all, r, i, 2);
		if (k >= 0)
			rs_add(&type[k], r, i, 2);
	}
	if ((rc = db_exec(c->db, c->a, R_DAY_TYPE, &r, "iss", site, p->from_s, p->to_s)) != DB_OK)
		return rc;
	{
		struct dbres *pr;

		/* A month or a quarter is a whole number of months: the monthly rows. */
		if ((rc = db_exec(c->db, c->a, p->kind == PER_WEEK ? R_TYPE_CHANNEL : R_TYPE_CHANNEL_M,
		    &pr, "iss", site, p->prev_from_s,
		    p->prev_to_s)) != DB_OK)
			return rc;
		for (size_t i = 0; i < pr->nrows; i++) {
			int k = rep_type_index(dbres_str(pr, i, 0));

			if (k >= 0)
				rs_add(&prev[k], pr, i, 2);
		}
	}
	if ((rc = db_exec(c->db, c->a, R_CB_DIST, &cb, "iss", site, p->from_s, p->to_s)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, R_ORDERS_OVERDUE, &ov, "i", site)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, R_HANDOVERS, &hr, "iss", site, p->from_s, p->to_s)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, R_LOGDAYS, &lr, "iss", site, p->from_s, p->to_s)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, R_EMERG, &er, "iss", site, p->from_s, p->to_s)) != DB_OK)
		return rc;
	for (size_t i = 0; i < cb->nrows; i++) {
		long long s = dbres_int(cb, i, 0), n = dbres_int(cb, i, 1);

		if (s >= 1 && s <= 5) {
			cb_n += n;
			cb_sum += s * n;
			cb_count[s] += n;
		}
	}

	/* 1. The figures. */
	{
		struct rtable *t = rt_new(c, pg, "summary", "report.kpi.summary", 3,
		    "report.col.indicator", "report.col.value", "report.col.basis");
		const char *all_href = rep_link(c, site, "/requests?from=%s&to=%s", from, last);

		t->note = ctx_t(c, "report.kpi.summary_note");
		summary_row(c, t, "report.kpi.requests", arena_printf(c->a, "%lld", all.v[RS_N]),
		    arena_printf(c->a, "%.1f %s", ndays ? (double)all.v[RS_N] / (double)ndays : 0,
		    ctx_t(c, "report.per_day")), all_href);
		summary_row(c, t, "report.kpi.first_response",
		    rep_minutes(c, avg(all.v[RS_RMIN], all.v[RS_RESP])),
		    arena_printf(c->a, "%lld", all.v[RS_RESP]), all_href);
		summary_row(c, t, "report.kpi.response_sla",
		    rep_share(c->a, all.v[RS_RMET], all.v[RS_RSLA]),
		    basis(c, all.v[RS_RMET], all.v[RS_RSLA]), all_href);
		summary_row(c, t, "report.kpi.resolution",
		    rep_minutes(c, avg(all.v[RS_DMIN], all.v[RS_DONE])),
		    arena_printf(c->a, "%lld", all.v[RS_DONE]), all_href);
		summary_row(c, t, "report.kpi.resolution_sla",
		    rep_share(c->a, all.v[RS_DMET], all.v[RS_DSLA]),
		    basis(c, all.v[RS_DMET], all.v[RS_DSLA]),
		    rep_link(c, site, "/requests?overdue=1&from=%s&to=%s", from, last));
		summary_row(c, t, "report.kpi.rings",
		    rep_share(c->a, rs_rings_ok(&all, ring_target), all.v[RS_RINGS]),
		    arena_printf(c->a, "%lld / %lld (≤ %lld)", rs_rings_ok(&all, ring_target),
		    all.v[RS_RINGS], ring_target),
		    rep_link(c, site, "/requests?channel=phone&from=%s&to=%s", from, last));
		summary_row(c, t, "report.kpi.satisfaction",
		    cb_n ? arena_printf(c->a, "%.2f", (double)cb_sum / (double)cb_n) : "-",
		    arena_printf(c->a, "%lld", cb_n), ctx_has_role(c, CB_READERS) ?
		    rep_link(c, site, "/callbacks/records?from=%s&to=%s", from, last) : NULL);
		summary_row(c, t, "report.kpi.orders_overdue",
		    arena_printf(c->a, "%lld", dbres_int(ov, 0, 0)), ctx_t(c, "report.now"),
		    rep_link(c, site, "/requests?overdue=1"));
		summary_row(c, t, "report.kpi.handovers_on_time",
		    rep_share(c->a, dbres_int(hr, 0, 1), dbres_int(hr, 0, 0)),
		    basis(c, dbres_int(hr, 0, 1), dbres_int(hr, 0, 0)),
		    rep_link(c, site, "/handover"));
		summary_row(c, t, "report.kpi.handovers_refused",
		    arena_printf(c->a, "%lld", dbres_int(hr, 0, 2)),
		    arena_printf(c->a, "%lld", dbres_int(hr, 0, 3)), rep_link(c, site, "/handover/alerts"));
		summary_row(c, t, "report.kpi.log_signed",
		    rep_share(c->a, dbres_int(lr, 0, 1), dbres_int(lr, 0, 0)),
		    basis(c, dbres_int(lr, 0, 1), dbres_int(lr, 0, 0)), rep_link(c, site, "/log/days"));
		summary_row(c, t, "report.kpi.emergency_reports",
		    rep_share(c->a, dbres_int(er, 0, 1), dbres_int(er, 0, 0)),
		    basis(c, dbres_int(er, 0, 1), dbres_int(er, 0, 0)),
		    rep_link(c, site, "/log/emergencies"));
	}

	/* 2. Per type, against the previous period. */
	{
		struct rtable *t = rt_new(c, pg, "types", "report.kpi.types", 7, "report.col.type",
		    "report.col.requests", "report.col.previous", "report.kpi.first_response",
		    "report.kpi.response_sla", "report.kpi.resolution", "report.kpi.resolution_sla");
		double *now = arena_calloc(c->a, 5, sizeof(double));
		double *before = arena_calloc(c->a, 5, sizeof(double));
		struct chart_series s[2] = { { ctx_t(c, "report.this_period"), now },
		    { ctx_t(c, "report.previous_period"), before } };
		struct chart ch = { "chart-types", t->title, tl, 5, s, 2, NULL, 0, 0, 0,
		    ctx_t(c, "report.no_data") };

		for (int k = 0; k < 5; k++) {
			struct rcell *row = rt_row(c, t);

			now[k] = (double)type[k].v[RS_N];
			before[k] = (double)prev[k].v[RS_N];
			rc_set(c, row, 0, tl[k], rep_link(c, site, "/requests?type=%s&from=%s&to=%s",
			    rep_types[k], from, last));
			rc_int(c, row, 1, type[k].v[RS_N], NULL);
			rc_int(c, row, 2, prev[k].v[RS_N], NULL);
			rc_set(c, row, 3, rep_minutes(c, avg(type[k].v[RS_RMIN], type[k].v[RS_RESP])), NULL);
			rc_set(c, row, 4, rep_share(c->a, type[k].v[RS_RMET], type[k].v[RS_RSLA]), NULL);
			rc_set(c, row, 5, rep_minutes(c, avg(type[k].v[RS_DMIN], type[k].v[RS_DONE])), NULL);
			rc_set(c, row, 6, rep_share(c->a, type[k].v[RS_DMET], type[k].v[RS_DSLA]), NULL);
		}
		t->chart = chart_bar(c->a, &ch);
	}

	/* 3. Per day and type. */
	{
		struct rtable *t = rt_new(c, pg, "daily", "report.kpi.daily", 7, "report.col.day",
		    "report.type.complaint", "report.type.repair", "report.type.inquiry",
		    "report.type.suggestion", "report.type.help", "report.col.total");
		size_t n = (size_t)ndays;
		const char **labels = arena_calloc(c->a, n, sizeof(*labels));
		double *v[5];
		struct chart_series s[5];
		struct chart ch = { "chart-daily", t->title, labels, n, s, 5, NULL, 0, 1, 0,
		    ctx_t(c, "report.no_data") };
		size_t k = 0;

		for (int j = 0; j < 5; j++) {
			v[j] = arena_calloc(c->a, n, sizeof(double));
			s[j].name = tl[j];
			s[j].v = v[j];
		}
		for (size_t i = 0; i < n; i++) {
			char day[11];
			struct rcell *row = rt_row(c, t);
			long long total = 0;

			rep_fmt_day(p->from + (long long)i, day);
			labels[i] = arena_strdup(c->a, n > 10 ? day + 5 : day);
			rc_set(c, row, 0, day, rep_link(c, site, "/requests?from=%s&to=%s", day, day));
			for (; k < r->nrows && strcmp(dbres_str(r, k, 0), day) == 0; k++) {
				int j = rep_type_index(dbres_str(r, k, 1));

				if (j >= 0)
					v[j][i] += (double)dbres_int(r, k, 2);
			}
			for (int j = 0; j < 5; j++) {
				rc_int(c, row, 1 + (size_t)j, (long long)v[j][i], NULL);
				total += (long long)v[j][i];
			}
			rc_int(c, row, 6, total, NULL);
		}
		t->chart = chart_bar(c->a, &ch);
	}

	/* 4. Callback satisfaction. */
	{
		struct rtable *t = rt_new(c, pg, "satisfaction", "report.kpi.satisfaction_dist", 3,
		    "report.col.score", "report.col.callbacks", "report.col.share");
		static const char *const scores[] = { "1", "2", "3", "4", "5" };
		double *v = arena_calloc(c->a, 5, sizeof(double));
		struct chart_series s[1] = { { NULL, v } };
		struct chart ch = { "chart-satisfaction", t->title, scores, 5, s, 1, NULL, 0, 0, 0,
		    ctx_t(c, "report.no_data") };

		for (int j = 1; j <= 5; j++) {
			struct rcell *row = rt_row(c, t);

			v[j - 1] = (double)cb_count[j];
			rc_set(c, row, 0, scores[j - 1], NULL);
			rc_int(c, row, 1, cb_count[j], NULL);
			rc_set(c, row, 2, rep_share(c->a, cb_count[j], cb_n), NULL);
		}
		if (cb_n)
			t->chart = chart_bar(c->a, &ch);
	}

	/* 5. The late and refused records. */
	{
		struct rtable *t = rt_new(c, pg, "exceptions", "report.kpi.exceptions", 4,
		    "report.col.kind", "report.col.day", "report.col.what", "report.col.detail");

		if ((rc = db_exec(c->db, c->a, R_EXCEPTIONS, &r, "ississississ", site, p->from_s,
		    p->to_s, site, p->from_s, p->to_s, site, p->from_s, p->to_s, site, p->from_s,
		    p->to_s)) != DB_OK)
			return rc;
		for (size_t i = 0; i < r->nrows; i++) {
			const char *k = dbres_str(r, i, 0), *href;
			long long id = dbres_int(r, i, 1);
			struct rcell *row = rt_row(c, t);

			if (strcmp(k, "late_log") == 0)
				href = rep_link(c, site, "/log/day/%lld", id);
			else if (strcmp(k, "late_emergency") == 0)
				href = rep_link(c, site, "/log/emergency/%lld", id);
			else
				href = rep_link(c, site, "/handover/%lld", id);
			rc_set(c, row, 0, ctx_t(c, arena_printf(c->a, "report.exc.%s", k)), href);
			rc_set(c, row, 1, dbres_str(r, i, 2), NULL);
			rc_set(c, row, 2, dbres_str(r, i, 3), NULL);
			rc_set(c, row, 3, dbres_str(r, i, 4), NULL);
		}
	}
	return DB_OK;
}

/* The /requests list of a trend row: the week from its Monday, or the month "2026-07". */
static const char *
trend_link(struct ctx *c, long long site, const char *label, int month)
{
	struct period p;
	long long d;

	if (rep_parse_day(month ? arena_printf(c->a, "%s-01", label) : label, &d) != 0)
		return NULL;
	rep_period(month ? PER_MONTH : PER_WEEK, d, &p);
	return rep_link(c, site, "/requests?from=%s&to=%s", p.from_s, p.last_s);
}

/* Trend tables: the 12 weeks and the 12 months up to the end of p. */
static int
trend_tables(struct ctx *c, struct rpage *pg, long long site, const struct period *p)
{
	long long wk_from = p->to - 1 - rep_weekday(p->to - 1) - 7 * 11;
	struct period m;
	char from[11], to[11];
	int rc;

	for (int pass = 0; pass < 2; pass++) {
		struct dbres *r;
		struct rtable *t;
		double *resp, *done, *cnt;
		const char **labels;
		struct chart_series s[2];
		struct chart ch;

		if (pass == 0) {
			rep_fmt_day(wk_from, from);
			t = rt_new(c, pg, "trend_week", "report.kpi.trend_week", 4, "report.col.week",
			    "report.col.requests", "report.kpi.response_sla", "report.kpi.resolution_sla");
		} else {
			int y, mo, d;

			rep_civil(p->to - 1, &y, &mo, &d);
			mo -= 11;
			if (mo < 1) {
				mo += 12;
				y--;
			}
			rep_period(PER_MONTH, rep_days(y, mo, 1), &m);
			snprintf(from, sizeof(from), "%s", m.from_s);
			t = rt_new(c, pg, "trend_month", "report.kpi.trend_month", 4, "report.col.month",
			    "report.col.requests", "report.kpi.response_sla", "report.kpi.resolution_sla");
		}
		rep_fmt_day(p->to, to);
		if ((rc = db_exec(c->db, c->a, pass ? R_TREND_MONTH : R_TREND_WEEK, &r, "iss", site,
		    from, to)) != DB_OK)
			return rc;
		labels = arena_calloc(c->a, r->nrows + 1, sizeof(*labels));
		resp = arena_calloc(c->a, r->nrows + 1, sizeof(double));
		done = arena_calloc(c->a, r->nrows + 1, sizeof(double));
		cnt = arena_calloc(c->a, r->nrows + 1, sizeof(double));
		for (size_t i = 0; i < r->nrows; i++) {
			/* Columns: n, resp_sla, resp_met, done_sla, done_met. */
			long long n = dbres_int(r, i, 1), rs = dbres_int(r, i, 2), rm = dbres_int(r, i, 3);
			long long ds = dbres_int(r, i, 4), dm = dbres_int(r, i, 5);
			struct rcell *row = rt_row(c, t);

			labels[i] = dbres_str(r, i, 0);
			resp[i] = rep_pct(rm, rs);
			done[i] = rep_pct(dm, ds);
			cnt[i] = (double)n;
			rc_set(c, row, 0, labels[i], trend_link(c, site, labels[i], pass));
			rc_int(c, row, 1, n, NULL);
			rc_set(c, row, 2, rep_share(c->a, rm, rs), NULL);
			rc_set(c, row, 3, rep_share(c->a, dm, ds), NULL);
		}
		if (pass == 0) {
			s[0] = (struct chart_series){ ctx_t(c, "report.kpi.response_sla"), resp };
			s[1] = (struct chart_series){ ctx_t(c, "report.kpi.resolution_sla"), done };
			ch = (struct chart){ "chart-trend-week", t->title, labels, r->nrows, s, 2, "%", 0,
			    0, 100, ctx_t(c, "report.no_data") };
			t->chart = chart_line(c->a, &ch);
		} else {
			s[0] = (struct chart_series){ ctx_t(c, "report.col.requests"), cnt };
			ch = (struct chart){ "chart-trend-month", t->title, labels, r->nrows, s, 1, NULL, 0,
			    0, 0, ctx_t(c, "report.no_data") };
			t->chart = chart_bar(c->a, &ch);
		}
	}
	return DB_OK;
}

/* GET /reports/kpi?period=week|month|quarter&day=&site=: the site's figures of the period,
 * each linked to the records behind it, with trends by week and by month; ?csv=<table>. */
int
rep_kpi(struct ctx *c)
{
	struct rpage pg = { { 0 }, 0 };
	struct period p;
	long long site, ring;
	const char *name;
	tpl_dict *d;
	int st, rc;

	if ((st = rep_site(c, &site, &name, &ring)) != 0 || (st = kpi_period(c, &p)) != 0)
		return st;
	if ((rc = kpi_tables(c, &pg, site, ring, &p)) != DB_OK ||
	    (rc = trend_tables(c, &pg, site, &p)) != DB_OK)
		return DB_STATUS(rc);
	if ((st = rp_csv(c, &pg, arena_printf(c->a, "kpi-%s", p.from_s))) != 0)
		return st;
	d = page_begin(c, "report_kpi.tpl", "report.kpi.title");
	tpl_set(d, "SITE_NAME", name);
	period_dict(c, d, &p, site, "/reports/kpi");
	if (ctx_has_role(c, REP_ALL_SITES))
		tpl_show(d, "CAN_SITES");
	rp_render(c, d, &pg, arena_printf(c->a, "/reports/kpi?period=%s&day=%s%s",
	    period_codes[p.kind], p.from_s, site != c->user.site_id ?
	    arena_printf(c->a, "&site=%lld", site) : ""));
	return 200;
}

/* Finds site id's row in r (column 0), or -1. */
static long long
row_of(const struct dbres *r, long long id)
{
	for (size_t i = 0; i < r->nrows; i++)
		if (dbres_int(r, i, 0) == id)
			return (long long)i;
	return -1;
}

static long long
cell(const struct dbres *r, long long row, size_t col)
{
	return row < 0 ? 0 : dbres_int(r, (size_t)row, col);
}

/* GET /reports/sites?period=&day=: every active site side by side (directors and admins see
 * every site of the company here; the records behind a figure stay with the site's users).
 * ?csv=sites. */
int
rep_sites(struct ctx *c)
{
	struct rpage pg = { { 0 }, 0 };
	struct period p;
	struct dbres *s, *rq, *cb, *ov, *ho, *ld, *em;
	struct rtable *t;
	tpl_dict *d;
	int st, rc;

	if ((st = kpi_period(c, &p)) != 0)
		return st;
	if ((rc = db_exec(c->db, c->a, R_SITES, &s, "")) != DB_OK ||
	    (rc = db_exec(c->db, c->a, R_SITES_REQ, &rq, "ss", p.from_s, p.to_s)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, R_SITES_CB, &cb, "ss", p.from_s, p.to_s)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, R_SITES_ORDERS, &ov, "")) != DB_OK ||
	    (rc = db_exec(c->db, c->a, R_SITES_HANDOVERS, &ho, "ss", p.from_s, p.to_s)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, R_SITES_LOGDAYS, &ld, "ss", p.from_s, p.to_s)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, R_SITES_EMERG, &em, "ss", p.from_s, p.to_s)) != DB_OK)
		return DB_STATUS(rc);
	t = rt_new(c, &pg, "sites", "report.sites.table", 11, "report.col.site",
	    "report.col.requests", "report.kpi.response_sla", "report.kpi.resolution_sla",
	    "report.kpi.rings", "report.kpi.satisfaction", "report.kpi.orders_overdue",
	    "report.kpi.handovers_on_time", "report.kpi.handovers_refused", "report.kpi.log_signed",
	    "report.kpi.emergency_reports");
	{
		size_t n = s->nrows;
		const char **labels = arena_calloc(c->a, n + 1, sizeof(*labels));
		double *v0 = arena_calloc(c->a, n + 1, sizeof(double));
		double *v1 = arena_calloc(c->a, n + 1, sizeof(double));
		double *v2 = arena_calloc(c->a, n + 1, sizeof(double));
		struct chart_series cs[3] = { { ctx_t(c, "report.kpi.response_sla"), v0 },
		    { ctx_t(c, "report.kpi.resolution_sla"), v1 },
		    { ctx_t(c, "report.kpi.handovers_on_time"), v2 } };
		struct chart ch = { "chart-sites", t->title, labels, n, cs, 3, "%", 0, 0, 100,
		    ctx_t(c, "report.no_data") };

		for (size_t i = 0; i < n; i++) {
			long long id = dbres_int(s, i, 0), ring = dbres_int(s, i, 3);
			long long a = row_of(rq, id), b = row_of(cb, id), o = row_of(ov, id);
			long long h = row_of(ho, id), l = row_of(ld, id), e = row_of(em, id);
			struct rstats x = { 0 };
			struct rcell *row = rt_row(c, t);

			if (a >= 0)
				rs_add(&x, rq, (size_t)a, 1);
			labels[i] = dbres_str(s, i, 2);
			v0[i] = rep_pct(x.v[RS_RMET], x.v[RS_RSLA]);
			v1[i] = rep_pct(x.v[RS_DMET], x.v[RS_DSLA]);
			v2[i] = rep_pct(cell(ho, h, 2), cell(ho, h, 1));
			rc_set(c, row, 0, dbres_str(s, i, 1), arena_printf(c->a,
			    "/reports/kpi?period=%s&day=%s&site=%lld", period_codes[p.kind], p.from_s, id));
			rc_int(c, row, 1, x.v[RS_N], NULL);
			rc_set(c, row, 2, rep_share(c->a, x.v[RS_RMET], x.v[RS_RSLA]), NULL);
			rc_set(c, row, 3, rep_share(c->a, x.v[RS_DMET], x.v[RS_DSLA]), NULL);
			rc_set(c, row, 4, rep_share(c->a, rs_rings_ok(&x, ring), x.v[RS_RINGS]), NULL);
			rc_set(c, row, 5, cell(cb, b, 1) ? arena_printf(c->a, "%.2f",
			    (double)cell(cb, b, 2) / (double)cell(cb, b, 1)) : "-", NULL);
			rc_int(c, row, 6, cell(ov, o, 1), NULL);
			rc_set(c, row, 7, rep_share(c->a, cell(ho, h, 2), cell(ho, h, 1)), NULL);
			rc_int(c, row, 8, cell(ho, h, 3), NULL);
			rc_set(c, row, 9, rep_share(c->a, cell(ld, l, 2), cell(ld, l, 1)), NULL);
			rc_set(c, row, 10, rep_share(c->a, cell(em, e, 2), cell(em, e, 1)), NULL);
		}
		t->chart = chart_bar(c->a, &ch);
	}
	if ((st = rp_csv(c, &pg, arena_printf(c->a, "sites-%s", p.from_s))) != 0)
		return st;
	d = page_begin(c, "report_sites.tpl", "report.sites.title");
	period_dict(c, d, &p, c->user.site_id, "/reports/sites");
	rp_render(c, d, &pg, arena_printf(c->a, "/reports/sites?period=%s&day=%s",
	    period_codes[p.kind], p.from_s));
	return 200;
}
