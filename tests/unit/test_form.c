/* Declared validation: each field type, messages in Chinese beside the field, input kept. */
#include "unit.h"

static const char *const colours[] = { "red", "green", NULL };
enum { F_NAME, F_CODE, F_COUNT, F_DAY, F_AT, F_COLOUR, F_TAGS, F_USER, F_PW, F_PHONE, F_NOTE };
static const struct field fields[] = {
	[F_NAME]   = { "name", FT_TEXT, FF_REQUIRED, 0, 5, NULL, "field.display_name" },
	[F_CODE]   = { "code", FT_CODE, 0, 2, 8, NULL, "field.site_code" },
	[F_COUNT]  = { "count", FT_INT, 0, 1, 10, NULL, NULL },
	[F_DAY]    = { "day", FT_DATE, 0, 0, 0, NULL, NULL },
	[F_AT]     = { "at", FT_TIME, 0, 0, 0, NULL, NULL },
	[F_COLOUR] = { "colour", FT_CHOICE, 0, 0, 0, colours, NULL },
	[F_TAGS]   = { "tags", FT_MULTI, FF_REQUIRED, 0, 0, colours, "field.roles" },
	[F_USER]   = { "user", FT_USERNAME, 0, 3, 32, NULL, "field.username" },
	[F_PW]     = { "pw", FT_PASSWORD, 0, 10, 200, NULL, "field.password" },
	[F_PHONE]  = { "phone", FT_PHONE, 0, 0, 40, NULL, NULL },
	[F_NOTE]   = { "note", FT_MULTILINE, 0, 0, 100, NULL, NULL },
};
static const struct form_spec spec = FORM_SPEC(fields);

static void
run(struct unit_env *e, const char *body)
{
	struct kvlist in = { 0 };

	assert_int_equal(req_parse_urlencoded(&e->a, body, strlen(body), &req_default_limits, &in),
	    REQ_OK);
	form_validate(&e->c, &spec, &in);
}

static void
valid_input_passes_and_is_trimmed(void **state)
{
	struct unit_env *e = *state;

	run(e, "name=+%E6%9D%8E%E6%98%8E+&code=CH-1&count=7&day=2026-11-23&at=22:00&colour=red"
	    "&tags=red&tags=green&user=staff_1.a&pw=+ten+chars+&phone=%2B86+138-0000&note=a%0D%0Ab");
	assert_true(e->c.form.ok);
	assert_string_equal(form_str(&e->c, F_NAME), "李明");
	assert_int_equal(form_num(&e->c, F_COUNT), 7);
	assert_true(form_has(&e->c, F_TAGS, "green"));
	assert_string_equal(form_str(&e->c, F_PW), " ten chars ");  /* passwords are not trimmed */
	assert_string_equal(form_str(&e->c, F_NOTE), "a\r\nb");
}

static void
missing_required_field_gets_message_with_its_label(void **state)
{
	struct unit_env *e = *state;

	run(e, "name=+++&tags=red");
	assert_false(e->c.form.ok);
	assert_string_equal(e->c.form.v[F_NAME].err, "请填写姓名");
	assert_null(e->c.form.v[F_TAGS].err);
}

static void
required_multi_needs_one_known_choice(void **state)
{
	struct unit_env *e = *state;

	run(e, "name=a");
	assert_string_equal(e->c.form.v[F_TAGS].err, "请至少选择一项角色");
	run(e, "name=a&tags=blue");
	assert_string_equal(e->c.form.v[F_TAGS].err, "请从列表中选择");
}

static void
length_counts_characters_not_bytes(void **state)
{
	struct unit_env *e = *state;

	run(e, "tags=red&name=%E4%B8%80%E4%BA%8C%E4%B8%89%E5%9B%9B%E4%BA%94");  /* 5 characters */
	assert_null(e->c.form.v[F_NAME].err);
	run(e, "tags=red&name=%E4%B8%80%E4%BA%8C%E4%B8%89%E5%9B%9B%E4%BA%94%E5%85%AD");
	assert_string_equal(e->c.form.v[F_NAME].err, "姓名最多 5 个字");
	/* the input is kept for the form shown again */
	assert_string_equal(form_str(&e->c, F_NAME), "一二三四五六");
}

static void
each_type_refuses_bad_values(void **state)
{
	struct unit_env *e = *state;

	run(e, "name=a&tags=red&code=ch&count=11&day=2026-02-30&at=24:00&colour=blue&user=Bad"
	    "&pw=short&phone=abc");
	assert_string_equal(e->c.form.v[F_CODE].err, "只能包含大写字母、数字、- 和 _");
	assert_string_equal(e->c.form.v[F_COUNT].err, "请输入 1 到 10 之间的数");
	assert_string_equal(e->c.form.v[F_DAY].err, "日期格式应为 2026-11-23");
	assert_string_equal(e->c.form.v[F_AT].err, "时间格式应为 24 小时制，例如 08:30");
	assert_string_equal(e->c.form.v[F_COLOUR].err, "请从列表中选择");
	assert_string_equal(e->c.form.v[F_USER].err, "用户名只能包含小写字母、数字和 _ . -");
	assert_string_equal(e->c.form.v[F_PW].err, "密码至少需要 10 个字符");
	assert_string_equal(e->c.form.v[F_PHONE].err, "电话号码只能包含数字、空格、+ 和 -");
}

static void
control_characters_and_bad_utf8_are_refused(void **state)
{
	struct unit_env *e = *state;

	run(e, "tags=red&name=a%00b");
	assert_string_equal(e->c.form.v[F_NAME].err, "包含无法识别的字符");
	run(e, "tags=red&name=%C3%28");
	assert_string_equal(e->c.form.v[F_NAME].err, "包含无法识别的字符");
	run(e, "tags=red&name=a%0Ab");   /* a line break in a one-line field */
	assert_string_equal(e->c.form.v[F_NAME].err, "包含无法识别的字符");
}

static void
dates_know_leap_years(void **state)
{
	(void)state;
	assert_true(valid_date("2028-02-29"));
	assert_false(valid_date("2026-02-29"));
	assert_false(valid_date("2100-02-29"));
	assert_true(valid_date("2000-02-29"));
	assert_false(valid_date("2026-1-5"));
	assert_false(valid_date("2026-13-01"));
	assert_true(valid_time("00:00"));
	assert_true(valid_time("23:59"));
	assert_false(valid_time("7:30"));
}

static void
utf8_validation_rejects_overlong_and_surrogates(void **state)
{
	(void)state;
	assert_true(valid_utf8("值班台", strlen("值班台"), 0));
	assert_true(valid_utf8("\xf0\x9f\x98\x80", 4, 0));       /* emoji: utf8mb4 */
	assert_false(valid_utf8("\xc0\xaf", 2, 0));              /* overlong '/' */
	assert_false(valid_utf8("\xed\xa0\x80", 3, 0));          /* surrogate */
	assert_false(valid_utf8("\xe5\x80", 2, 0));              /* truncated */
	assert_int_equal(utf8_chars("a值b"), 3);
}

static void
handler_errors_use_the_same_messages(void **state)
{
	struct unit_env *e = *state;

	run(e, "name=a&tags=red&user=taken");
	assert_true(e->c.form.ok);
	form_error(&e->c, F_USER, "err.username_taken");
	assert_false(e->c.form.ok);
	assert_string_equal(e->c.form.v[F_USER].err, "用户名已被使用");
}

static void
messages_follow_the_language(void **state)
{
	struct unit_env *e = *state;

	e->c.msg = &e->cat[I18N_EN];
	run(e, "tags=red");
	assert_string_equal(e->c.form.v[F_NAME].err, "Please enter the Name");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(valid_input_passes_and_is_trimmed, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(missing_required_field_gets_message_with_its_label, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(required_multi_needs_one_known_choice, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(length_counts_characters_not_bytes, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(each_type_refuses_bad_values, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(control_characters_and_bad_utf8_are_refused, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(dates_know_leap_years, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(utf8_validation_rejects_overlong_and_surrogates, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(handler_errors_use_the_same_messages, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(messages_follow_the_language, unit_setup, unit_teardown),
	};

	return cmocka_run_group_tests_name("form validation", tests, NULL, NULL);
}
