/* The callback desk's pure rules (cgi-bin/callback/rules.c): days between dates (a plan's
 * callbacks are spread over them), the unit codes typed for a plan, the search pattern. */
#include "unit.h"
#include "callback/callback.h"

static void
day_numbers(void **state)
{
	(void)state;
	assert_int_equal(cb_day_number("1970-01-01"), 0);
	assert_int_equal(cb_day_number("1970-01-02"), 1);
	assert_int_equal(cb_day_number("2000-03-01") - cb_day_number("2000-02-28"), 2);  /* leap */
	assert_int_equal(cb_day_number("1900-03-01") - cb_day_number("1900-02-28"), 1);  /* not */
	assert_int_equal(cb_day_number("2027-01-01") - cb_day_number("2026-12-31"), 1);
	assert_int_equal(cb_day_number("2026-11-23"), 20780);
	assert_int_equal(cb_day_number("2027-11-23") - cb_day_number("2026-11-23"), 365);
}

static void
unit_codes(void **state)
{
	struct unit_env *e = *state;
	char many[4000] = "";
	size_t n = 99;

	assert_string_equal(cb_unit_codes(&e->a, "1-0101 1-0102", &n), "1-0101,1-0102");
	assert_int_equal(n, 2);
	assert_string_equal(cb_unit_codes(&e->a, " s-001，2-0304、3-1104；4-0101,\n5-0101; ", &n),
	    "S-001,2-0304,3-1104,4-0101,5-0101");
	assert_int_equal(n, 5);
	assert_string_equal(cb_unit_codes(&e->a, "  ", &n), "");
	assert_int_equal(n, 0);
	assert_null(cb_unit_codes(&e->a, "1-0101 1#0102", &n));
	assert_string_equal(cb_unit_codes(&e->a, "find_in_set", &n), "FIND_IN_SET");  /* a code, never SQL */
	assert_null(cb_unit_codes(&e->a, "１-0101", &n));  /* full-width digit */
	assert_null(cb_unit_codes(&e->a, "ABCDEFGHIJKLMNOPQRSTU", &n));  /* 21 characters */
	for (int i = 0; i < CB_MAX_UNITS; i++)
		strcat(many, "1-01 ");
	assert_non_null(cb_unit_codes(&e->a, many, &n));
	assert_int_equal(n, CB_MAX_UNITS);
	strcat(many, "1-01");
	assert_null(cb_unit_codes(&e->a, many, &n));
	assert_int_equal(n, 0);
}

static void
like_pattern(void **state)
{
	struct unit_env *e = *state;

	assert_string_equal(cb_like(&e->a, ""), "");
	assert_string_equal(cb_like(&e->a, NULL), "");
	assert_string_equal(cb_like(&e->a, "漏水"), "%漏水%");
	assert_string_equal(cb_like(&e->a, "100%"), "%100\\%%");
	assert_string_equal(cb_like(&e->a, "a_b\\c"), "%a\\_b\\\\c%");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(day_numbers),
		cmocka_unit_test(unit_codes),
		cmocka_unit_test(like_pattern),
	};

	return cmocka_run_group_tests_name("callback", tests, unit_setup, unit_teardown);
}
