/* common.c: what every report page shares: its tables as HTML or CSV, periods, shares and
 * percentiles, the site the page is about and links to the records behind a figure. */
#include "report.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *const rep_types[5] = { "complaint", "repair", "inquiry", "suggestion", "help" };
const char *const rep_channels[5] = { "phone", "visit", "letter", "fax", "online" };

/* ---- tables ---- */

struct rtable *
rt_new(struct ctx *c, struct rpage *p, const char *key, const char *title_key, size_t ncols, ...)
{
	struct rtable *t = arena_calloc(c->a, 1, sizeof(*t));
	va_list ap;

	t->key = key;
	t->title = ctx_t(c, title_key);
	t->ncols = ncols;
	t->heads = arena_calloc(c->a, ncols, sizeof(*t->heads));
	va_start(ap, ncols);
	for (size_t i = 0; i < ncols; i++)
		t->heads[i] = ctx_t(c, va_arg(ap, const char *));
	va_end(ap);
	if (p->n < RPAGE_MAX)
		p->t[p->n++] = t;
	return t;
}

struct rcell *
rt_row(struct ctx *c, struct rtable *t)
{
	struct rcell *row;

	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		struct rcell *cells = arena_calloc(c->a, cap * t->ncols, sizeof(*cells));

		if (t->nrows)
			memcpy(cells, t->cells, t->nrows * t->ncols * sizeof(*cells));
		t->cells = cells;
		t->cap = cap;
	}
	row = &t->cells[t->nrows++ * t->ncols];
	for (size_t i = 0; i < t->ncols; i++)
		row[i].text = "";
	return row;
}

void
rc_set(struct ctx *c, struct rcell *row, size_t i, const char *text, const char *href)
{
	row[i].text = text ? arena_strdup(c->a, text) : "";
	row[i].href = href;
}

void
rc_int(struct ctx *c, struct rcell *row, size_t i, long long v, const char *href)
{
	row[i].text = arena_printf(c->a, "%lld", v);
	row[i].href = href;
}

/* Whether a cell reads as a figure (right-aligned): 12, 66.7%, +4, -3, 51 分钟, "-". */
static int
numeric(const char *s)
{
	if ((s[0] == '-' || s[0] == '+') && (s[1] == '\0' || (s[1] >= '0' && s[1] <= '9')))
		return 1;
	return s[0] >= '0' && s[0] <= '9';
}

void
rp_render(struct ctx *c, tpl_dict *d, const struct rpage *p, const char *csv_base)
{
	const char *sep = strchr(csv_base, '?') ? "&" : "?";

	for (size_t k = 0; k < p->n; k++) {
		const struct rtable *t = p->t[k];
		tpl_dict *b = tpl_section(d, "BLOCK");
		tpl_dict *x = page_include(c, b, "TABLE", "report_table.tpl");

		tpl_set(x, "KEY", t->key);
		tpl_set(x, "TITLE", t->title);
		tpl_set(x, "CSV", arena_printf(c->a, "%s%scsv=%s", csv_base, sep, t->key));
		if (t->note)
			tpl_set(tpl_section(x, "NOTE"), "TEXT", t->note);
		if (t->chart)
			tpl_set(tpl_section(x, "CHART"), "SVG", t->chart);
		for (size_t i = 0; i < t->ncols; i++)
			tpl_set(tpl_section(x, "HEAD"), "TEXT", t->heads[i]);
		for (size_t r = 0; r < t->nrows; r++) {
			tpl_dict *row = tpl_section(x, "ROW");

			for (size_t i = 0; i < t->ncols; i++) {
				const struct rcell *cell = &t->cells[r * t->ncols + i];
				tpl_dict *cd = tpl_section(row, i == 0 ? "TH" : "TD");

				if (cell->href)
					tpl_set(tpl_section(cd, "LINK"), "HREF", cell->href);
				else
					tpl_show(cd, "PLAIN");
				tpl_set(cd, "TEXT", cell->text);
				tpl_set(cd, "HREF", cell->href ? cell->href : "");
				tpl_set(cd, "CLASS", numeric(cell->text) ? "num" : "txt");
			}
		}
		if (t->nrows == 0)
			tpl_show(x, "EMPTY");
		/* A long table (a quarter's days) folds away on the screen; printed, it is all there. */
		if (*csv_base && t->nrows > 31)
			tpl_set_int(tpl_section(x, "LONG"), "ROWS", (long long)t->nrows);
	}
}

/* A CSV field: quoted when needed; a text starting with = or @, or + or - not followed by a
 * digit, gets a leading ' so that a spreadsheet never runs it as a formula (+4 and -1 stay
 * numbers). */
static void
csv_field(struct buf *b, const char *s, int last)
{
	int formula = (s[0] == '=' || s[0] == '@' ||
	    ((s[0] == '-' || s[0] == '+') && s[1] != '\0' && !(s[1] >= '0' && s[1] <= '9')));

	if (formula || strpbrk(s, ",\"\r\n")) {
		buf_putc(b, '"');
		if (formula)
			buf_putc(b, '\'');
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

int
rp_csv(struct ctx *c, const struct rpage *p, const char *name)
{
	const char *key = ctx_query(c, "csv");

	if (key == NULL || *key == '\0')
		return 0;
	for (size_t k = 0; k < p->n; k++) {
		const struct rtable *t = p->t[k];

		if (strcmp(t->key, key) != 0)
			continue;
		buf_reset(&c->out);
		buf_puts(&c->out, "\xEF\xBB\xBF");
		for (size_t i = 0; i < t->ncols; i++)
			csv_field(&c->out, t->heads[i], i + 1 == t->ncols);
		for (size_t r = 0; r < t->nrows; r++)
			for (size_t i = 0; i < t->ncols; i++)
				csv_field(&c->out, t->cells[r * t->ncols + i].text, i + 1 == t->ncols);
		c->ctype = "text/csv; charset=utf-8";
		resp_header(c, "Content-Disposition", arena_printf(c->a,
		    "attachment; filename=\"%s-%s.csv\"", name, t->key));
		c->status = 200;
		return 200;
	}
	return 404;
}

/* ---- dates (days since 1970-01-01; Howard Hinnant's civil calendar algorithms) ---- */

long long
rep_days(int y, int m, int d)
{
	long long yy = y - (m <= 2), era = (yy >= 0 ? yy : yy - 399) / 400;
	long long yoe = yy - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
rep_civil(long long z, int *y, int *m, int *d)
{
	long long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
rep_parse_day(const char *s, long long *days)
{
	int y, m, d, yy, mm, dd;

	if (s == NULL || !valid_date(s) || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return -1;
	*days = rep_days(y, m, d);
	rep_civil(*days, &yy, &mm, &dd);
	return (yy == y && mm == m && dd == d) ? 0 : -1;
}

void
rep_fmt_day(long long days, char out[11])
{
	int y, m, d;

	rep_civil(days, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = 0;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

long long
rep_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return rep_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int
rep_weekday(long long days)
{
	/* 1970-01-01 was a Thursday (3). */
	long long w = (days + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

static void
period_strings(struct period *p)
{
	rep_fmt_day(p->from, p->from_s);
	rep_fmt_day(p->to, p->to_s);
	rep_fmt_day(p->to - 1, p->last_s);
	rep_fmt_day(p->prev_from, p->prev_from_s);
	rep_fmt_day(p->prev_to, p->prev_to_s);
}

void
rep_period(enum rep_kind kind, long long day, struct period *p)
{
	int y, m, d;

	memset(p, 0, sizeof(*p));
	p->kind = kind;
	rep_civil(day, &y, &m, &d);
	switch (kind) {
	case PER_WEEK:
		p->from = day - rep_weekday(day);
		p->to = p->from + 7;
		p->prev_from = p->from - 7;
		break;
	case PER_MONTH:
		p->from = rep_days(y, m, 1);
		p->to = m == 12 ? rep_days(y + 1, 1, 1) : rep_days(y, m + 1, 1);
		p->prev_from = m == 1 ? rep_days(y - 1, 12, 1) : rep_days(y, m - 1, 1);
		break;
	case PER_QUARTER:
		rep_quarter(y, (m - 1) / 3 + 1, p);
		return;
	}
	p->prev_to = p->from;
	period_strings(p);
}

int
rep_quarter(int year, int quarter, struct period *p)
{
	int m;

	if (year < 2000 || year > 2100 || quarter < 1 || quarter > 4)
		return -1;
	memset(p, 0, sizeof(*p));
	m = (quarter - 1) * 3 + 1;
	p->kind = PER_QUARTER;
	p->year = year;
	p->quarter = quarter;
	p->from = rep_days(year, m, 1);
	p->to = quarter == 4 ? rep_days(year + 1, 1, 1) : rep_days(year, m + 3, 1);
	p->prev_from = quarter == 1 ? rep_days(year - 1, 10, 1) : rep_days(year, m - 3, 1);
	p->prev_to = p->from;
	period_strings(p);
	return 0;
}

long long
rep_percentile(const long long *value, const long long *count, size_t n, double q)
{
	long long total = 0, run = 0;

	for (size_t i = 0; i < n; i++)
		total += count[i] > 0 ? count[i] : 0;
	if (total == 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		run += count[i] > 0 ? count[i] : 0;
		if ((double)run >= q * (double)total - 1e-9 && run > 0)
			return value[i];
	}
	return value[n - 1];
}

double
rep_pct(long long part, long long whole)
{
	return whole > 0 ? 100.0 * (double)part / (double)whole : 0;
}

const char *
rep_share(struct arena *a, long long part, long long whole)
{
	if (whole <= 0)
		return "-";
	return arena_printf(a, "%.1f%%", rep_pct(part, whole));
}

const char *
rep_minutes(struct ctx *c, double minutes)
{
	if (minutes < 0)
		return "-";
	if (minutes < 90)
		return arena_printf(c->a, "%.0f %s", minutes, ctx_t(c, "report.unit.min"));
	if (minutes < 48 * 60)
		return arena_printf(c->a, "%.1f %s", minutes / 60, ctx_t(c, "report.unit.h"));
	return arena_printf(c->a, "%.1f %s", minutes / 1440, ctx_t(c, "report.unit.d"));
}

/* ---- site and links ---- */

int
rep_site(struct ctx *c, long long *site, const char **name, long long *ring_target)
{
	const char *q = ctx_query(c, "site");
	struct dbres *r;
	int rc;

	*site = c->user.site_id;
	if (q && *q) {
		char *end;
		long long v = strtoll(q, &end, 10);

		if (*end != '\0' || v <= 0)
			return 404;
		if (v != c->user.site_id && !ctx_has_role(c, REP_ALL_SITES))
			return 404;
		*site = v;
	}
	if ((rc = db_exec(c->db, c->a, R_SITE, &r, "i", *site)) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1)
		return 404;
	*name = dbres_str(r, 0, 0);
	*ring_target = dbres_int(r, 0, 1);
	return 0;
}

const char *
rep_link(struct ctx *c, long long site, const char *fmt, ...)
{
	va_list ap;
	char *s;

	if (!ctx_site_ok(c, site))
		return NULL;
	va_start(ap, fmt);
	s = arena_vprintf(c->a, fmt, ap);
	va_end(ap);
	return s;
}

void
rs_add(struct rstats *s, const struct dbres *r, size_t row, size_t col)
{
	for (size_t k = 0; k < RS__N; k++)
		s->v[k] += dbres_int(r, row, col + k);
}

long long
rs_rings_ok(const struct rstats *s, long long target)
{
	return (target >= 1 && target <= 5) ? s->v[RS_LE1 + target - 1] : 0;
}

int
rep_type_index(const char *type)
{
	for (int i = 0; i < 5; i++)
		if (strcmp(type, rep_types[i]) == 0)
			return i;
	return -1;
}

int
rep_channel_index(const char *channel)
{
	for (int i = 0; i < 5; i++)
		if (strcmp(channel, rep_channels[i]) == 0)
			return i;
	return -1;
}
