/* The handover's pure rules (cgi-bin/handover/rules.c): counts, arrival, parsing. */
#include "unit.h"
#include "handover/handover.h"

static void
count_equal_needs_nothing(void **state)
{
	(void)state;
	assert_null(ho_count_problem(4, 4, "", ""));
	assert_null(ho_count_problem(0, 0, NULL, NULL));
}

static void
count_differs_needs_explanation_then_answerable(void **state)
{
	(void)state;
	assert_string_equal(ho_count_problem(4, 3, "", ""), "handover.err.explain");
	assert_string_equal(ho_count_problem(4, 5, NULL, "x"), "handover.err.explain");
	assert_string_equal(ho_count_problem(4, 3, "借给保安", ""), "handover.err.answerable");
	assert_null(ho_count_problem(4, 3, "借给保安", "保安队长"));
	assert_string_equal(ho_count_problem(4, -1, "a", "b"), "handover.err.count");
}

static void
arrival_minutes_around_midnight(void **state)
{
	(void)state;
	assert_int_equal(ho_early_minutes("12:50", "13:00"), 10);
	assert_int_equal(ho_early_minutes("13:05", "13:00"), -5);
	assert_int_equal(ho_early_minutes("21:45", "22:00"), 15);
	assert_int_equal(ho_early_minutes("23:55", "00:05"), 10);
	assert_int_equal(ho_early_minutes("00:10", "23:50"), -20);
	assert_int_equal(ho_early_minutes("05:50", "06:00"), 10);
	assert_int_equal(ho_early_minutes("6:00", "06:00"), -100000);
	assert_int_equal(ho_early_minutes("24:00", "06:00"), -100000);
	assert_int_equal(ho_early_minutes(NULL, "06:00"), -100000);
}

static void
parse_count(void **state)
{
	(void)state;
	assert_int_equal(ho_parse_count("12"), 12);
	assert_int_equal(ho_parse_count(" 0 "), 0);
	assert_int_equal(ho_parse_count("9999"), 9999);
	assert_int_equal(ho_parse_count("10000"), -1);
	assert_int_equal(ho_parse_count(""), -1);
	assert_int_equal(ho_parse_count("-1"), -1);
	assert_int_equal(ho_parse_count("3a"), -1);
	assert_int_equal(ho_parse_count("１"), -1);
	assert_int_equal(ho_parse_count(NULL), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(count_equal_needs_nothing),
		cmocka_unit_test(count_differs_needs_explanation_then_answerable),
		cmocka_unit_test(arrival_minutes_around_midnight),
		cmocka_unit_test(parse_count),
	};

	return cmocka_run_group_tests_name("handover", tests, NULL, NULL);
}
