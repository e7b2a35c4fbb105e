/* Request parsing: urlencoded bodies and query strings, cookies, multipart bodies; and the
 * resident requests' pure rules (cgi-bin/req/sla.c, csv.c): SLA due times on the working
 * calendar, phone numbers, the directory's CSV lines. */
#include "unit.h"
#include "req/rq.h"

static void
urlencoded_decodes_plus_and_percent(void **state)
{
	struct unit_env *e = *state;
	struct kvlist l = { 0 };
	const char *s = "name=%E6%9D%8E+%E6%98%8E&empty=&flag&a%26b=c%3Dd";

	assert_int_equal(req_parse_urlencoded(&e->a, s, strlen(s), &req_default_limits, &l), REQ_OK);
	assert_int_equal(l.n, 4);
	assert_string_equal(kvlist_get(&l, "name"), "李 明");
	assert_string_equal(kvlist_get(&l, "empty"), "");
	assert_string_equal(kvlist_get(&l, "flag"), "");
	assert_string_equal(kvlist_get(&l, "a&b"), "c=d");
}

static void
urlencoded_keeps_repeated_fields_in_order(void **state)
{
	struct unit_env *e = *state;
	struct kvlist l = { 0 };
	const char *s = "roles=staff&roles=admin&&x=1";

	assert_int_equal(req_parse_urlencoded(&e->a, s, strlen(s), &req_default_limits, &l), REQ_OK);
	assert_int_equal(kvlist_count(&l, "roles"), 2);
	assert_string_equal(l.v[0].value, "staff");
	assert_string_equal(l.v[1].value, "admin");
}

static void
urlencoded_leaves_broken_percent_escapes_alone(void **state)
{
	struct unit_env *e = *state;
	struct kvlist l = { 0 };
	const char *s = "a=100%&b=%zz&c=%4";

	assert_int_equal(req_parse_urlencoded(&e->a, s, strlen(s), &req_default_limits, &l), REQ_OK);
	assert_string_equal(kvlist_get(&l, "a"), "100%");
	assert_string_equal(kvlist_get(&l, "b"), "%zz");
	assert_string_equal(kvlist_get(&l, "c"), "%4");
}

static void
urlencoded_keeps_nul_bytes_counted_in_len(void **state)
{
	struct unit_env *e = *state;
	struct kvlist l = { 0 };
	const char *s = "a=x%00y";

	assert_int_equal(req_parse_urlencoded(&e->a, s, strlen(s), &req_default_limits, &l), REQ_OK);
	assert_int_equal(l.v[0].len, 3);
	assert_int_equal(strlen(l.v[0].value), 1);
}

static void
urlencoded_refuses_too_many_fields(void **state)
{
	struct unit_env *e = *state;
	struct req_limits lim = { 3, 128, 4 };
	struct kvlist l = { 0 };
	const char *s = "a=1&b=2&c=3&d=4";

	assert_int_equal(req_parse_urlencoded(&e->a, s, strlen(s), &lim, &l), REQ_ETOOMANY);
}

static void
urlencoded_refuses_empty_or_long_names(void **state)
{
	struct unit_env *e = *state;
	struct req_limits lim = { 10, 4, 4 };
	struct kvlist l = { 0 };

	assert_int_equal(req_parse_urlencoded(&e->a, "=x", 2, &lim, &l), REQ_EBAD);
	assert_int_equal(req_parse_urlencoded(&e->a, "toolong=x", 9, &lim, &l), REQ_EBAD);
}

static void
cookies_split_on_semicolons_and_trim(void **state)
{
	struct unit_env *e = *state;
	struct kvlist l = { 0 };

	assert_int_equal(req_parse_cookies(&e->a, "dd_session=abc; dd_lang=en ;junk; q=\"v\"",
	    &req_default_limits, &l), REQ_OK);
	assert_string_equal(kvlist_get(&l, "dd_session"), "abc");
	assert_string_equal(kvlist_get(&l, "dd_lang"), "en");
	assert_string_equal(kvlist_get(&l, "q"), "v");
	assert_null(kvlist_get(&l, "junk"));
}

static void
multipart_boundary_is_read_from_content_type(void **state)
{
	struct unit_env *e = *state;

	assert_string_equal(req_multipart_boundary(&e->a,
	    "multipart/form-data; boundary=----abc123"), "----abc123");
	assert_string_equal(req_multipart_boundary(&e->a,
	    "multipart/form-data; boundary=\"quoted b\""), "quoted b");
	assert_null(req_multipart_boundary(&e->a, "text/plain; boundary=x"));
	assert_null(req_multipart_boundary(&e->a, "multipart/form-data"));
}

static const char mp_body[] =
	"--XyZ\r\n"
	"Content-Disposition: form-data; name=\"title\"\r\n\r\n"
	"漏水\r\n"
	"--XyZ\r\n"
	"Content-Disposition: form-data; name=\"photo\"; filename=\"a.png\"\r\n"
	"Content-Type: image/png\r\n\r\n"
	"\x89PNG\r\n\x1a\n\0data\r\n"
	"--XyZ\r\n"
	"Content-Disposition: form-data; name=\"empty\"; filename=\"\"\r\n"
	"Content-Type: application/octet-stream\r\n\r\n"
	"\r\n"
	"--XyZ--\r\n";

static void
multipart_separates_fields_and_files(void **state)
{
	struct unit_env *e = *state;
	struct kvlist f = { 0 };
	struct uploadlist u = { 0 };

	assert_int_equal(req_parse_multipart(&e->a, mp_body, sizeof(mp_body) - 1, "XyZ",
	    &req_default_limits, &f, &u), REQ_OK);
	assert_string_equal(kvlist_get(&f, "title"), "漏水");
	assert_int_equal(u.n, 1);   /* the empty file input is not a file */
	assert_string_equal(u.v[0].field, "photo");
	assert_string_equal(u.v[0].filename, "a.png");
	assert_string_equal(u.v[0].ctype, "image/png");
	assert_int_equal(u.v[0].len, 13);
	assert_memory_equal(u.v[0].data, "\x89PNG\r\n\x1a\n\0data", 13);
}

static void
multipart_refuses_truncated_bodies(void **state)
{
	struct unit_env *e = *state;
	struct kvlist f = { 0 };
	struct uploadlist u = { 0 };

	for (size_t cut = 0; cut < sizeof(mp_body) - 12; cut += 7)
		assert_int_not_equal(req_parse_multipart(&e->a, mp_body, cut, "XyZ",
		    &req_default_limits, &f, &u), REQ_OK);
}

static void
multipart_refuses_too_many_files(void **state)
{
	struct unit_env *e = *state;
	struct req_limits lim = { 10, 128, 0 };
	struct kvlist f = { 0 };
	struct uploadlist u = { 0 };

	assert_int_equal(req_parse_multipart(&e->a, mp_body, sizeof(mp_body) - 1, "XyZ", &lim, &f,
	    &u), REQ_ETOOMANY);
}

/* ---- resident requests (cgi-bin/req) ---- */

/* 2026: 10-01..10-07 National Day off (Thu 1 .. Wed 7), Sat 10-10 a 调休 working day. */
static const char *const off_2026[] = { "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06",
	"2026-10-07" };
static const char *const work_2026[] = { "2026-10-10" };
static const struct rq_calendar cal = { 8 * 60 + 30, 17 * 60 + 30, off_2026, 5, work_2026, 1 };

static void
due_natural_counts_around_the_clock(void **state)
{
	char out[17];

	(void)state;
	assert_int_equal(rq_due("2026-11-23 22:30", 240, NULL, out), 0);
	assert_string_equal(out, "2026-11-24 02:30");
	assert_int_equal(rq_due("2026-12-31 23:59:59", 1, NULL, out), 0);
	assert_string_equal(out, "2027-01-01 00:00");
	assert_int_equal(rq_due("2028-02-28 12:00", 1440, NULL, out), 0);
	assert_string_equal(out, "2028-02-29 12:00");
}

static void
due_working_stays_inside_working_hours(void **state)
{
	char out[17];

	(void)state;
	/* Monday 2026-11-23, 60 working minutes from 10:00. */
	assert_int_equal(rq_due("2026-11-23 10:00", 60, &cal, out), 0);
	assert_string_equal(out, "2026-11-23 11:00");
	/* Received before opening: counted from 08:30. */
	assert_int_equal(rq_due("2026-11-23 07:10", 60, &cal, out), 0);
	assert_string_equal(out, "2026-11-23 09:30");
	/* Late in the day: the rest tomorrow morning. */
	assert_int_equal(rq_due("2026-11-23 17:00", 60, &cal, out), 0);
	assert_string_equal(out, "2026-11-24 09:00");
	/* Exactly to the end of the day: due at 17:30, not the next morning. */
	assert_int_equal(rq_due("2026-11-23 16:30", 60, &cal, out), 0);
	assert_string_equal(out, "2026-11-23 17:30");
	/* After hours on Friday: Monday. */
	assert_int_equal(rq_due("2026-11-27 19:00", 30, &cal, out), 0);
	assert_string_equal(out, "2026-11-30 09:00");
	/* 2 working days (2 x 540 minutes) from Thursday noon: Monday noon. */
	assert_int_equal(rq_due("2026-11-26 12:00", 1080, &cal, out), 0);
	assert_string_equal(out, "2026-11-30 12:00");
}

static void
due_working_skips_holidays_and_works_on_adjusted_weekend_days(void **state)
{
	char out[17];

	(void)state;
	/* Wednesday 09-30 16:30 + 120 min: 60 that day; Oct 1-7 off (the 3rd/4th a weekend,
	 * the 8th and 9th working, as a Thursday and Friday). */
	assert_int_equal(rq_due("2026-09-30 16:30", 120, &cal, out), 0);
	assert_string_equal(out, "2026-10-08 09:30");
	/* Friday 10-09 17:00 + 60: Saturday 10-10 is a 调休 working day. */
	assert_int_equal(rq_due("2026-10-09 17:00", 60, &cal, out), 0);
	assert_string_equal(out, "2026-10-10 09:00");
	assert_int_equal(rq_working_day("2026-10-10", &cal), 1);
	assert_int_equal(rq_working_day("2026-10-11", &cal), 0);
	assert_int_equal(rq_working_day("2026-10-05", &cal), 0);
	assert_int_equal(rq_working_day("2026-10-12", &cal), 1);
}

static void
due_refuses_malformed_input(void **state)
{
	char out[17];
	struct rq_calendar none = { 600, 600, NULL, 0, NULL, 0 };

	(void)state;
	assert_int_equal(rq_due("2026-11-23", 60, &cal, out), -1);
	assert_int_equal(rq_due("2026-13-01 10:00", 60, &cal, out), -1);
	assert_int_equal(rq_due("2026-02-29 10:00", 60, &cal, out), -1);
	assert_int_equal(rq_due("2026-11-23 24:00", 60, NULL, out), -1);
	assert_int_equal(rq_due("2026-11-23 10:00", 60, &none, out), -1);
	assert_int_equal(rq_parse_hm("08:30:00"), 510);
	assert_int_equal(rq_parse_hm("8:30"), -1);
}

static void
phone_numbers_need_digits_and_single_separators(void **state)
{
	(void)state;
	assert_true(rq_phone_ok("13800138000"));
	assert_true(rq_phone_ok("0755-8888 1234"));
	assert_true(rq_phone_ok("+86 138 0013 8000"));
	assert_true(rq_phone_ok("8008"  "1"));
	assert_false(rq_phone_ok("1234"));
	assert_false(rq_phone_ok("abc12345"));
	assert_false(rq_phone_ok("138--0013"));
	assert_false(rq_phone_ok("13800+138000"));
	assert_false(rq_phone_ok("-13800138000"));
	assert_false(rq_phone_ok("13800138000-"));
	assert_false(rq_phone_ok(""));
	assert_false(rq_phone_ok("123456789012345678901"));
}

static void
csv_records_with_quotes_commas_and_line_breaks(void **state)
{
	struct unit_env *e = *state;
	const char *text = "楼栋,房号,姓名\r\n1, 0302 ,\"张, 三\"\n2,0101,\"说\"\"明\"\"\nx\"\n\n3,1";
	const char *p = text, *end = text + strlen(text), *f[8];
	int lines;

	assert_int_equal(rq_csv_record(&e->a, &p, end, f, 8, &lines), 3);
	assert_string_equal(f[2], "姓名");
	assert_int_equal(rq_csv_record(&e->a, &p, end, f, 8, &lines), 3);
	assert_string_equal(f[1], "0302");
	assert_string_equal(f[2], "张, 三");
	assert_int_equal(rq_csv_record(&e->a, &p, end, f, 8, &lines), 3);
	assert_string_equal(f[2], "说\"明\"\nx");
	assert_int_equal(lines, 2);
	assert_int_equal(rq_csv_record(&e->a, &p, end, f, 8, &lines), 1);
	assert_string_equal(f[0], "");
	assert_int_equal(rq_csv_record(&e->a, &p, end, f, 8, &lines), 2);
	assert_string_equal(f[1], "1");
	assert_int_equal(rq_csv_record(&e->a, &p, end, f, 8, &lines), 0);
}

static void
csv_refuses_an_unterminated_quote(void **state)
{
	struct unit_env *e = *state;
	const char *text = "1,\"0302,张三\n", *p = text, *f[4];
	int lines;

	assert_int_equal(rq_csv_record(&e->a, &p, text + strlen(text), f, 4, &lines), -1);
}

static void
unit_codes_from_building_and_room(void **state)
{
	struct unit_env *e = *state;

	assert_string_equal(rq_unit_code(&e->a, "1", "0302"), "1-0302");
	assert_string_equal(rq_unit_code(&e->a, "1", "1-0302"), "1-0302");
	assert_string_equal(rq_unit_code(&e->a, "S", "S-001"), "S-001");
	assert_null(rq_unit_code(&e->a, "2", "1-0302"));
	assert_null(rq_unit_code(&e->a, "", "0302"));
	assert_null(rq_unit_code(&e->a, "1", ""));
	assert_null(rq_unit_code(&e->a, "1", "1-"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(urlencoded_decodes_plus_and_percent, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(urlencoded_keeps_repeated_fields_in_order, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(urlencoded_leaves_broken_percent_escapes_alone, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(urlencoded_keeps_nul_bytes_counted_in_len, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(urlencoded_refuses_too_many_fields, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(urlencoded_refuses_empty_or_long_names, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(cookies_split_on_semicolons_and_trim, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(multipart_boundary_is_read_from_content_type, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(multipart_separates_fields_and_files, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(multipart_refuses_truncated_bodies, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(multipart_refuses_too_many_files, unit_setup, unit_teardown),
	};

	const struct CMUnitTest rq[] = {
		cmocka_unit_test(due_natural_counts_around_the_clock),
		cmocka_unit_test(due_working_stays_inside_working_hours),
		cmocka_unit_test(due_working_skips_holidays_and_works_on_adjusted_weekend_days),
		cmocka_unit_test(due_refuses_malformed_input),
		cmocka_unit_test(phone_numbers_need_digits_and_single_separators),
		cmocka_unit_test_setup_teardown(csv_records_with_quotes_commas_and_line_breaks, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(csv_refuses_an_unterminated_quote, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(unit_codes_from_building_and_room, unit_setup, unit_teardown),
	};
	int rc = cmocka_run_group_tests_name("request parsing", tests, NULL, NULL);

	return rc + cmocka_run_group_tests_name("resident requests: SLA, phones, CSV", rq, NULL, NULL);
}
