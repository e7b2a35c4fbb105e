/* The reports' pure helpers (cgi-bin/report/common.c): the calendar, periods, percentiles of a
 * histogram, shares. */
#include "unit.h"
#include "report/report.h"

static void
days_round_trip(void **state)
{
	long long d;
	char s[11];
	int y, m, dd;

	(void)state;
	assert_int_equal(rep_days(1970, 1, 1), 0);
	assert_int_equal(rep_parse_day("2026-11-23", &d), 0);
	rep_fmt_day(d, s);
	assert_string_equal(s, "2026-11-23");
	assert_int_equal(rep_weekday(d), 0);   /* a Monday */
	for (long long k = rep_days(1999, 12, 1); k < rep_days(2101, 3, 1); k += 17) {
		rep_civil(k, &y, &m, &dd);
		assert_int_equal(rep_days(y, m, dd), k);
	}
	assert_int_equal(rep_parse_day("2025-02-29", &d), -1);
	assert_int_equal(rep_parse_day("2024-02-29", &d), 0);
	assert_int_equal(rep_parse_day("2026-1-5", &d), -1);
	assert_int_equal(rep_parse_day(NULL, &d), -1);
}

static void
periods(void **state)
{
	struct period p;
	long long d;

	(void)state;
	rep_parse_day("2026-01-01", &d);   /* a Thursday */
	rep_period(PER_WEEK, d, &p);
	assert_string_equal(p.from_s, "2025-12-29");
	assert_string_equal(p.last_s, "2026-01-04");
	assert_string_equal(p.prev_from_s, "2025-12-22");
	assert_string_equal(p.prev_to_s, "2025-12-29");
	rep_period(PER_MONTH, d, &p);
	assert_string_equal(p.from_s, "2026-01-01");
	assert_string_equal(p.to_s, "2026-02-01");
	assert_string_equal(p.prev_from_s, "2025-12-01");
	rep_parse_day("2024-02-10", &d);
	rep_period(PER_MONTH, d, &p);
	assert_string_equal(p.last_s, "2024-02-29");
	rep_parse_day("2026-11-23", &d);
	rep_period(PER_QUARTER, d, &p);
	assert_int_equal(p.year, 2026);
	assert_int_equal(p.quarter, 4);
	assert_string_equal(p.from_s, "2026-10-01");
	assert_string_equal(p.to_s, "2027-01-01");
	assert_string_equal(p.prev_from_s, "2026-07-01");
	assert_int_equal(rep_quarter(2026, 1, &p), 0);
	assert_string_equal(p.prev_from_s, "2025-10-01");
	assert_string_equal(p.last_s, "2026-03-31");
	assert_int_equal(rep_quarter(2026, 0, &p), -1);
	assert_int_equal(rep_quarter(2026, 5, &p), -1);
	assert_int_equal(rep_quarter(1999, 1, &p), -1);
}

static void
percentiles(void **state)
{
	static const long long v[] = { 5, 10, 30, 90, 120 }, one[] = { 1, 1, 1, 1, 1 };
	static const long long w[] = { 240, 1440, 2880, 4320 }, c4[] = { 1, 1, 1, 1 };
	static const long long heavy[] = { 3, 0, 0, 0, 7 };

	(void)state;
	assert_int_equal(rep_percentile(v, one, 5, 0.5), 30);
	assert_int_equal(rep_percentile(v, one, 5, 0.9), 120);
	assert_int_equal(rep_percentile(v, one, 5, 0.2), 5);
	assert_int_equal(rep_percentile(w, c4, 4, 0.5), 1440);
	assert_int_equal(rep_percentile(w, c4, 4, 0.9), 4320);
	assert_int_equal(rep_percentile(v, heavy, 5, 0.3), 5);
	assert_int_equal(rep_percentile(v, heavy, 5, 0.31), 120);
	assert_int_equal(rep_percentile(v, one, 0, 0.5), -1);
	static const long long zero[] = { 0, 0 };
	assert_int_equal(rep_percentile(v, zero, 2, 0.5), -1);
}

static void
shares(void **state)
{
	struct unit_env *e = *state;

	assert_string_equal(rep_share(&e->a, 2, 3), "66.7%");
	assert_string_equal(rep_share(&e->a, 0, 4), "0.0%");
	assert_string_equal(rep_share(&e->a, 1, 0), "-");
	assert_string_equal(rep_minutes(&e->c, 51), "51 分钟");
	assert_string_equal(rep_minutes(&e->c, 90), "1.5 小时");
	assert_string_equal(rep_minutes(&e->c, 2880), "2.0 天");
	assert_string_equal(rep_minutes(&e->c, -1), "-");
	assert_int_equal(rep_type_index("help"), 4);
	assert_int_equal(rep_type_index("x"), -1);
	assert_int_equal(rep_channel_index("fax"), 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(days_round_trip),
		cmocka_unit_test(periods),
		cmocka_unit_test(percentiles),
		cmocka_unit_test_setup_teardown(shares, unit_setup, unit_teardown),
	};

	return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
