/* rules.c: the evaluation's pure rules: periods, scores, totals with corrections, the way
 * figures are shown. No database, no context (unit-tested in tests/unit/test_eval.c). */
#include "eval.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const ev_fig_keys[EVF__N] = {
	[EVF_SHIFTS] = "shifts", [EVF_ENTRIES] = "entries", [EVF_PAGES] = "pages_closed",
	[EVF_HO_ON_TIME] = "ho_on_time", [EVF_HO_LATE] = "ho_late",
	[EVF_HO_REFUSED] = "ho_refused", [EVF_REQUESTS] = "requests", [EVF_COMPLAINTS] = "complaints",
	[EVF_PHONE_KNOWN] = "phone_known", [EVF_PHONE_WITHIN] = "phone_within",
	[EVF_RING_TARGET] = "ring_target", [EVF_CALLBACKS] = "callbacks",
	[EVF_SAT_COUNT] = "sat_count", [EVF_SAT_SUM] = "sat_sum",
};

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Days since 1970-01-01 of a valid y-m-d (civil calendar). */
static long
day_number(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/* "yyyy-mm" (and "-dd" when d > 0) into out, y in 0..9999, m and d in 1..99. */
static void
put_date(char *out, int y, int m, int d)
{
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10 % 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '\0';
	if (d > 0) {
		out[7] = '-';
		out[8] = (char)('0' + d / 10 % 10);
		out[9] = (char)('0' + d % 10);
		out[10] = '\0';
	}
}

static int
digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* "2026-11" (exactly) into y and m; the years core's valid_date takes (1900..2999). */
static int
parse_ym(const char *s, int *y, int *m)
{
	if (s == NULL || strlen(s) < 7 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2))
		return -1;
	*y = atoi(s);
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	return *y >= 1900 && *y <= 2999 && *m >= 1 && *m <= 12 ? 0 : -1;
}

/* A valid "2026-11-23" into y m d. */
static int
parse_day(const char *s, int *y, int *m, int *d)
{
	if (s == NULL || strlen(s) != 10 || parse_ym(s, y, m) != 0 || s[7] != '-' ||
	    !digits(s + 8, 2))
		return -1;
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	return *d >= 1 && *d <= month_days(*y, *m) ? 0 : -1;
}

int
ev_month_range(const char *ym, char from[11], char to[11])
{
	int y, m;

	if (ym == NULL || strlen(ym) != 7 || parse_ym(ym, &y, &m) != 0)
		return -1;
	put_date(from, y, m, 1);
	put_date(to, y, m, month_days(y, m));
	return 0;
}

int
ev_prev_month(const char *day, char ym[8])
{
	int y, m, d;

	if (parse_day(day, &y, &m, &d) != 0)
		return -1;
	if (--m == 0) {
		m = 12;
		y--;
	}
	if (y < 1900)   /* the years valid_date takes (fuzz_eval found 2000-01 falling out) */
		return -1;
	put_date(ym, y, m, 0);
	return 0;
}

const char *
ev_period_problem(const char *from, const char *to)
{
	int y1, m1, d1, y2, m2, d2;
	long a, b;

	if (parse_day(from, &y1, &m1, &d1) != 0 || parse_day(to, &y2, &m2, &d2) != 0)
		return "err.date";
	a = day_number(y1, m1, d1);
	b = day_number(y2, m2, d2);
	if (b < a)
		return "eval.err.period_reversed";
	/* At most a year: the last day comes before the same date a year later. */
	if (y2 > y1 + 1 || (y2 == y1 + 1 && (m2 > m1 || (m2 == m1 && d2 >= d1))))
		return "eval.err.period_long";
	return NULL;
}

const char *
ev_score_problem(const char *text, long long max, long long *out)
{
	size_t n;

	*out = -1;
	if (text == NULL || text[0] == '\0')
		return NULL;
	n = strlen(text);
	if (text[0] == '-' && n > 1 && digits(text + 1, n - 1))
		return "eval.err.score_range";
	if (n > 4 || !digits(text, n))
		return "eval.err.score_number";
	*out = atoll(text);
	if (*out > max) {
		*out = -1;
		return "eval.err.score_range";
	}
	return NULL;
}

int
ev_field_kind(const char *field, long long *item)
{
	const char *p;
	size_t n;

	*item = 0;
	if (field == NULL)
		return 0;
	if (strcmp(field, "comment") == 0)
		return 'c';
	if (strncmp(field, "score:", 6) == 0)
		p = field + 6;
	else if (strncmp(field, "note:", 5) == 0)
		p = field + 5;
	else
		return 0;
	n = strlen(p);
	if (n == 0 || n > 10 || !digits(p, n) || p[0] == '0')
		return 0;
	*item = atoll(p);
	return field[0] == 's' ? 's' : 'n';
}

int
ev_apply(struct ev_line *l, size_t n, const char *field, const char *new_text)
{
	long long item, v;

	if (ev_field_kind(field, &item) != 's')
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (l[i].item_id != item)
			continue;
		if (ev_score_problem(new_text, l[i].max, &v) != NULL || v < 0)
			return 0;
		l[i].score = v;
		return 1;
	}
	return 0;
}

long long
ev_total(const struct ev_line *l, size_t n)
{
	long long t = 0;

	for (size_t i = 0; i < n; i++)
		if (l[i].score > 0)
			t += l[i].score;
	return t;
}

long long
ev_max_total(const struct ev_line *l, size_t n)
{
	long long t = 0;

	for (size_t i = 0; i < n; i++)
		t += l[i].max;
	return t;
}

int
ev_complete(const struct ev_line *l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (l[i].score < 0)
			return 0;
	return n > 0;
}

void
ev_percent(long long part, long long whole, char *out, size_t len)
{
	if (whole <= 0) {
		snprintf(out, len, "—");
		return;
	}
	snprintf(out, len, "%lld%%", (part * 100 + whole / 2) / whole);
}

void
ev_average(long long sum, long long count, char *out, size_t len)
{
	long long tenths;

	if (count <= 0) {
		snprintf(out, len, "—");
		return;
	}
	tenths = (sum * 10 + count / 2) / count;   /* rounded half up: sums are never negative */
	snprintf(out, len, "%lld.%lld", tenths / 10, tenths % 10);
}

const char *
ev_grade(long long total, long long max)
{
	if (max <= 0)
		return NULL;
	if (total * 10 >= max * 9)
		return "excellent";
	if (total * 10 >= max * 8)
		return "good";
	if (total * 10 >= max * 6)
		return "pass";
	return "coach";
}
