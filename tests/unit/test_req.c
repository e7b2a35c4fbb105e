/* Request parsing: urlencoded bodies and query strings, cookies, multipart bodies. */
#include "unit.h"

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

	return cmocka_run_group_tests_name("request parsing", tests, NULL, NULL);
}
