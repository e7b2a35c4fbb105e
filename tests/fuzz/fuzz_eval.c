/* fuzz_eval: the evaluation's pure rules (cgi-bin/eval/rules.c, compiled into this target):
 * months and periods, scores typed for an item, correction fields, totals. Whatever the
 * input: a month range is a valid period, the month before a day is a month, an accepted
 * score lies in 0..max, a field kind formats back to the same field, a corrected total stays
 * within the maximum. The input is split at the first two NUL bytes into three texts. */
#include "fuzz.h"
#include "eval/rules.c"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size), from[11], to[11], ym[8], buf[64];
	const char *a = s, *b = "", *t = "";
	size_t n = strlen(s);
	long long max = size ? data[0] % 101 : 10, v, item;
	struct ev_line l[3] = { { 1, 10, 5 }, { 2, 20, 20 }, { 3, max, 0 } };
	const char *p;
	int k;

	if (n + 1 < size) {
		b = s + n + 1;
		if (n + 1 + strlen(b) + 1 < size)
			t = b + strlen(b) + 1;
	}
	if (ev_month_range(a, from, to) == 0) {
		if (!valid_date(from) || !valid_date(to) || ev_period_problem(from, to) != NULL)
			abort();
	}
	if (ev_prev_month(a, ym) == 0 && ev_month_range(ym, from, to) != 0)
		abort();
	p = ev_period_problem(a, b);
	if (p == NULL && (!valid_date(a) || !valid_date(b) || strcmp(a, b) > 0))
		abort();
	p = ev_score_problem(a, max, &v);
	if (p == NULL && (v < -1 || v > max || (v == -1 && a[0] != '\0')))
		abort();
	if (p != NULL && v != -1)
		abort();
	k = ev_field_kind(a, &item);
	if (k == 's' || k == 'n') {
		snprintf(buf, sizeof(buf), "%s:%lld", k == 's' ? "score" : "note", item);
		if (strcmp(buf, a) != 0)
			abort();
	} else if (k == 'c' && strcmp(a, "comment") != 0) {
		abort();
	}
	(void)ev_apply(l, 3, a, b);
	(void)ev_apply(l, 3, b, t);
	if (ev_total(l, 3) > ev_max_total(l, 3))
		abort();
	ev_percent((long long)n, (long long)size, buf, sizeof(buf));
	ev_average((long long)n, (long long)size, buf, sizeof(buf));
	(void)ev_grade((long long)n, max);
	free(s);
	return 0;
}
