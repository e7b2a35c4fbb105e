/* The evaluation's pure rules (cgi-bin/eval/rules.c): periods, scores, totals with
 * corrections, the way figures are shown. */
#include "unit.h"
#include "eval/eval.h"

static void
month_range_knows_month_ends(void **state)
{
	char f[11], t[11];

	(void)state;
	assert_int_equal(ev_month_range("2026-11", f, t), 0);
	assert_string_equal(f, "2026-11-01");
	assert_string_equal(t, "2026-11-30");
	assert_int_equal(ev_month_range("2026-12", f, t), 0);
	assert_string_equal(t, "2026-12-31");
	assert_int_equal(ev_month_range("2026-02", f, t), 0);
	assert_string_equal(t, "2026-02-28");
	assert_int_equal(ev_month_range("2028-02", f, t), 0);
	assert_string_equal(t, "2028-02-29");
	assert_int_equal(ev_month_range("2000-02", f, t), 0);
	assert_string_equal(t, "2000-02-29");
}

static void
month_range_refuses_what_is_not_a_month(void **state)
{
	char f[11], t[11];

	(void)state;
	assert_int_equal(ev_month_range("2026-13", f, t), -1);
	assert_int_equal(ev_month_range("2026-00", f, t), -1);
	assert_int_equal(ev_month_range("2026-1", f, t), -1);
	assert_int_equal(ev_month_range("2026-11-01", f, t), -1);
	assert_int_equal(ev_month_range("26-11", f, t), -1);
	assert_int_equal(ev_month_range("2026/11", f, t), -1);
	assert_int_equal(ev_month_range("", f, t), -1);
	assert_int_equal(ev_month_range(NULL, f, t), -1);
}

static void
previous_month_crosses_the_year(void **state)
{
	char ym[8], f[11], t[11];

	(void)state;
	assert_int_equal(ev_prev_month("2026-11-23", ym), 0);
	assert_string_equal(ym, "2026-10");
	assert_int_equal(ev_prev_month("2027-01-01", ym), 0);
	assert_string_equal(ym, "2026-12");
	assert_int_equal(ev_prev_month("2000-01-01", ym), 0);
	assert_string_equal(ym, "1999-12");
	assert_int_equal(ev_month_range(ym, f, t), 0);
	assert_int_equal(ev_prev_month("1900-01-15", ym), -1);
	assert_int_equal(ev_prev_month("2026-02-30", ym), -1);
	assert_int_equal(ev_prev_month("x", ym), -1);
}

static void
period_problems(void **state)
{
	(void)state;
	assert_null(ev_period_problem("2026-11-01", "2026-11-30"));
	assert_null(ev_period_problem("2026-11-01", "2026-11-01"));
	assert_string_equal(ev_period_problem("2026-11-30", "2026-11-01"), "eval.err.period_reversed");
	assert_string_equal(ev_period_problem("2026-01-01", "2025-12-31"), "eval.err.period_reversed");
	assert_null(ev_period_problem("2026-01-01", "2026-12-31"));          /* 365 days */
	assert_null(ev_period_problem("2028-01-01", "2028-12-31"));          /* 366 days */
	assert_string_equal(ev_period_problem("2026-01-01", "2027-01-01"), "eval.err.period_long");
	assert_null(ev_period_problem("2026-03-15", "2027-03-14"));
	assert_string_equal(ev_period_problem("2026-03-15", "2027-03-15"), "eval.err.period_long");
	assert_string_equal(ev_period_problem("2025-01-01", "2026-09-30"), "eval.err.period_long");
	assert_string_equal(ev_period_problem("2026-02-29", "2026-03-01"), "err.date");
	assert_string_equal(ev_period_problem(NULL, "2026-03-01"), "err.date");
}

static void
scores_within_zero_and_the_maximum(void **state)
{
	long long v;

	(void)state;
	assert_null(ev_score_problem("0", 10, &v));
	assert_int_equal(v, 0);
	assert_null(ev_score_problem("10", 10, &v));
	assert_int_equal(v, 10);
	assert_null(ev_score_problem("07", 10, &v));
	assert_int_equal(v, 7);
	assert_null(ev_score_problem("", 10, &v));
	assert_int_equal(v, -1);                     /* not scored */
	assert_string_equal(ev_score_problem("11", 10, &v), "eval.err.score_range");
	assert_int_equal(v, -1);
	assert_string_equal(ev_score_problem("-1", 10, &v), "eval.err.score_range");
	assert_string_equal(ev_score_problem("abc", 10, &v), "eval.err.score_number");
	assert_string_equal(ev_score_problem("1.5", 10, &v), "eval.err.score_number");
	assert_string_equal(ev_score_problem("-", 10, &v), "eval.err.score_number");
	assert_string_equal(ev_score_problem("99999", 10, &v), "eval.err.score_number");
	assert_string_equal(ev_score_problem("１", 10, &v), "eval.err.score_number");
}

static void
field_kinds(void **state)
{
	long long item;

	(void)state;
	assert_int_equal(ev_field_kind("comment", &item), 'c');
	assert_int_equal(ev_field_kind("score:12", &item), 's');
	assert_int_equal(item, 12);
	assert_int_equal(ev_field_kind("note:7", &item), 'n');
	assert_int_equal(item, 7);
	assert_int_equal(ev_field_kind("score:", &item), 0);
	assert_int_equal(ev_field_kind("score:012", &item), 0);
	assert_int_equal(ev_field_kind("score:1x", &item), 0);
	assert_int_equal(ev_field_kind("total", &item), 0);
	assert_int_equal(ev_field_kind(NULL, &item), 0);
}

static void
totals_follow_the_corrections(void **state)
{
	struct ev_line l[] = {
		{ 1, 10, 9 }, { 2, 20, 18 }, { 3, 15, 12 }, { 4, 15, -1 },
	};

	(void)state;
	assert_int_equal(ev_total(l, 4), 39);           /* not scored counts 0 */
	assert_int_equal(ev_max_total(l, 4), 60);
	assert_false(ev_complete(l, 4));
	assert_false(ev_complete(l, 0));
	l[3].score = 0;
	assert_true(ev_complete(l, 4));
	assert_int_equal(ev_apply(l, 4, "score:3", "14"), 1);
	assert_int_equal(ev_total(l, 4), 41);
	assert_int_equal(ev_apply(l, 4, "score:3", "13"), 1);   /* the last one wins */
	assert_int_equal(ev_total(l, 4), 40);
	assert_int_equal(ev_apply(l, 4, "note:3", "很好"), 0);   /* comments leave the total */
	assert_int_equal(ev_apply(l, 4, "comment", "5"), 0);
	assert_int_equal(ev_apply(l, 4, "score:9", "5"), 0);     /* no such line */
	assert_int_equal(ev_apply(l, 4, "score:1", "11"), 0);    /* above its maximum: ignored */
	assert_int_equal(ev_total(l, 4), 40);
}

static void
percent_and_average(void **state)
{
	char b[16];

	(void)state;
	ev_percent(1, 3, b, sizeof(b));
	assert_string_equal(b, "33%");
	ev_percent(2, 3, b, sizeof(b));
	assert_string_equal(b, "67%");
	ev_percent(27, 30, b, sizeof(b));
	assert_string_equal(b, "90%");
	ev_percent(0, 0, b, sizeof(b));
	assert_string_equal(b, "—");
	ev_average(9, 2, b, sizeof(b));
	assert_string_equal(b, "4.5");
	ev_average(29, 7, b, sizeof(b));
	assert_string_equal(b, "4.1");
	ev_average(10, 3, b, sizeof(b));
	assert_string_equal(b, "3.3");
	ev_average(5, 1, b, sizeof(b));
	assert_string_equal(b, "5.0");
	ev_average(0, 0, b, sizeof(b));
	assert_string_equal(b, "—");
}

static void
grades(void **state)
{
	(void)state;
	assert_string_equal(ev_grade(90, 100), "excellent");
	assert_string_equal(ev_grade(100, 100), "excellent");
	assert_string_equal(ev_grade(89, 100), "good");
	assert_string_equal(ev_grade(80, 100), "good");
	assert_string_equal(ev_grade(79, 100), "pass");
	assert_string_equal(ev_grade(60, 100), "pass");
	assert_string_equal(ev_grade(59, 100), "coach");
	assert_string_equal(ev_grade(0, 100), "coach");
	assert_string_equal(ev_grade(54, 60), "excellent");   /* 90 % of a smaller checklist */
	assert_string_equal(ev_grade(53, 60), "good");
	assert_null(ev_grade(0, 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(month_range_knows_month_ends),
		cmocka_unit_test(month_range_refuses_what_is_not_a_month),
		cmocka_unit_test(previous_month_crosses_the_year),
		cmocka_unit_test(period_problems),
		cmocka_unit_test(scores_within_zero_and_the_maximum),
		cmocka_unit_test(field_kinds),
		cmocka_unit_test(totals_follow_the_corrections),
		cmocka_unit_test(percent_and_average),
		cmocka_unit_test(grades),
	};

	return cmocka_run_group_tests_name("eval", tests, NULL, NULL);
}
