/* The shared core: routes, arena, configuration, JSON for the audit log, CSRF tokens,
 * redirects and headers, catalogs and templates. */
#include "unit.h"
#include <dirent.h>
#include <sodium.h>
#include <unistd.h>

static void
routes_match_literal_paths_and_numeric_ids(void **state)
{
	long long ids[APP_MAX_IDS];
	char args[APP_MAX_IDS][APP_ARG_MAX];
	size_t n = 0, na = 0;

	(void)state;
	assert_true(route_match("/admin/users", "/admin/users", ids, &n, args, &na));
	assert_int_equal(n, 0);
	assert_true(route_match("/admin/users/:id/password", "/admin/users/42/password", ids, &n, args, &na));
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], 42);
	assert_false(route_match("/admin/users/:id", "/admin/users/new", ids, &n, args, &na));
	assert_false(route_match("/admin/users/:id", "/admin/users/0", ids, &n, args, &na));
	assert_false(route_match("/admin/users/:id", "/admin/users/12x", ids, &n, args, &na));
	assert_false(route_match("/admin/users/:id", "/admin/users/1/extra", ids, &n, args, &na));
	assert_false(route_match("/admin/users", "/admin/userss", ids, &n, args, &na));
	assert_false(route_match("/admin/users/:id", "/admin/users/99999999999999999999", ids, &n, args, &na));
	assert_true(route_match("/r/:number", "/r/RZ-20261123-01-K", ids, &n, args, &na));
	assert_int_equal(na, 1);
	assert_string_equal(args[0], "RZ-20261123-01-K");
	assert_false(route_match("/r/:number", "/r/a.b", ids, &n, args, &na));
	assert_false(route_match("/r/:number", "/r/", ids, &n, args, &na));
}

static void
arena_aligns_and_survives_large_allocations(void **state)
{
	struct unit_env *e = *state;
	char *big;
	long double *ld;

	for (int i = 0; i < 1000; i++) {
		char *p = arena_alloc(&e->a, (size_t)(i % 37) + 1);

		assert_int_equal((uintptr_t)p % sizeof(max_align_t), 0);
		memset(p, 'x', (size_t)(i % 37) + 1);
	}
	big = arena_alloc(&e->a, 1 << 20);
	memset(big, 1, 1 << 20);
	ld = arena_alloc(&e->a, sizeof(*ld));
	*ld = 1.5L;
	assert_string_equal(arena_printf(&e->a, "%s-%d", "a", 7), "a-7");
	arena_reset(&e->a);
	assert_int_equal(e->a.used, 0);
	assert_non_null(arena_strdup(&e->a, "after reset"));
}

static void
config_reads_keys_and_refuses_unknown_ones(void **state)
{
	struct conf c;
	char err[128];

	(void)state;
	conf_defaults(&c);
	assert_int_equal(conf_parse(&c, "# comment\n db_socket = /tmp/x.sock \n"
	    "max_body_bytes=4096\r\nbase_url = http://a.example\n", err, sizeof(err)), 0);
	assert_string_equal(c.db_socket, "/tmp/x.sock");
	assert_int_equal(c.max_body_bytes, 4096);
	assert_string_equal(c.base_url, "http://a.example");
	assert_int_equal(c.session_idle_minutes, 240);
	assert_int_equal(conf_parse(&c, "nope = 1\n", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "unknown key nope"));
	assert_int_equal(conf_parse(&c, "max_body_bytes = lots\n", err, sizeof(err)), -1);
	assert_int_equal(conf_parse(&c, "just words\n", err, sizeof(err)), -1);
}

static void
audit_json_escapes_and_reads_back(void **state)
{
	struct unit_env *e = *state;
	const char **k, **v;
	struct json j;
	char *s;

	json_begin(&j);
	json_str(&j, "name", "引号\"与\\反斜杠\n换行");
	json_int(&j, "site_id", 3);
	json_str(&j, "none", NULL);
	s = json_end(&j, &e->a);
	assert_string_equal(s, "{\"name\":\"引号\\\"与\\\\反斜杠\\n换行\",\"site_id\":3,\"none\":null}");
	assert_int_equal(json_parse_flat(&e->a, s, &k, &v), 3);
	assert_string_equal(k[0], "name");
	assert_string_equal(v[0], "引号\"与\\反斜杠\n换行");
	assert_string_equal(v[1], "3");
	assert_string_equal(v[2], "");
}

static void
signin_csrf_token_is_signed_and_must_match_cookie(void **state)
{
	struct unit_env *e = *state;
	const char *t;
	char *forged;

	assert_true(sodium_init() >= 0);
	t = csrf_anon_token(&e->c);
	assert_non_null(strstr(buf_cstr(&e->c.head), "Set-Cookie: dd_csrf="));
	assert_non_null(strstr(buf_cstr(&e->c.head), "HttpOnly; SameSite=Lax"));
	assert_true(csrf_anon_valid(&e->c, t, t));
	assert_false(csrf_anon_valid(&e->c, t, NULL));
	assert_false(csrf_anon_valid(&e->c, NULL, t));
	forged = arena_strdup(&e->a, t);
	forged[0] = forged[0] == 'A' ? 'B' : 'A';
	assert_false(csrf_anon_valid(&e->c, forged, forged));    /* MAC no longer matches */
	assert_false(csrf_anon_valid(&e->c, t, forged));
	snprintf(e->conf.secret, sizeof(e->conf.secret), "another secret");
	assert_false(csrf_anon_valid(&e->c, t, t));              /* signed with our secret only */
}

static void
redirects_stay_on_this_site(void **state)
{
	struct unit_env *e = *state;

	assert_int_equal(resp_redirect(&e->c, "//evil.example/"), 303);
	assert_non_null(strstr(buf_cstr(&e->c.head), "Location: /\r\n"));
	buf_reset(&e->c.head);
	resp_redirect(&e->c, "https://evil.example/");
	assert_non_null(strstr(buf_cstr(&e->c.head), "Location: /\r\n"));
	buf_reset(&e->c.head);
	resp_redirect(&e->c, "/\\evil.example");
	assert_non_null(strstr(buf_cstr(&e->c.head), "Location: /\r\n"));
	buf_reset(&e->c.head);
	resp_redirect(&e->c, "/admin/users/3");
	assert_non_null(strstr(buf_cstr(&e->c.head), "Location: /admin/users/3\r\n"));
}

static void
headers_never_carry_line_breaks(void **state)
{
	struct unit_env *e = *state;

	resp_header(&e->c, "X-Test", "a\r\nSet-Cookie: evil=1");
	assert_null(strstr(buf_cstr(&e->c.head), "evil"));
}

static void
both_catalogs_have_the_same_keys(void **state)
{
	struct unit_env *e = *state;

	assert_int_equal(e->cat[I18N_ZH].n, e->cat[I18N_EN].n);
	for (size_t i = 0; i < e->cat[I18N_ZH].n; i++)
		assert_string_equal(e->cat[I18N_ZH].msgs[i].key, e->cat[I18N_EN].msgs[i].key);
}

static void
every_template_escapes_and_has_its_texts(void **state)
{
	struct unit_env *e = *state;
	char dir[512], missing[160];
	DIR *d;
	struct dirent *de;
	int n = 0;

	snprintf(dir, sizeof(dir), "%s/templates", unit_repo());
	assert_non_null(d = opendir(dir));
	while ((de = readdir(d)) != NULL) {
		char path[1024];
		struct buf text, out;
		FILE *f;
		char chunk[4096];
		size_t got;

		if (strstr(de->d_name, ".tpl") == NULL)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		assert_non_null(f = fopen(path, "r"));
		buf_init(&text);
		while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
			buf_append(&text, chunk, got);
		fclose(f);
		if (strncmp(buf_cstr(&text), "{{%AUTOESCAPE context=\"HTML\"}}", 30) != 0)
			fail_msg("%s does not start with AUTOESCAPE", de->d_name);
		for (int i = 0; i < I18N__MAX; i++) {
			buf_init(&out);
			if (page_apply_catalog(&e->cat[i], buf_cstr(&text), text.len, &out, missing,
			    sizeof(missing)) != 0)
				fail_msg("%s: [[%s]] missing in %s", de->d_name, missing, i18n_langs[i]);
			buf_free(&out);
		}
		buf_free(&text);
		n++;
	}
	closedir(d);
	assert_true(n >= 10);
}

static void
templates_escape_user_text(void **state)
{
	struct unit_env *e = *state;
	const char *t = "{{%AUTOESCAPE context=\"HTML\"}}<p title=\"{{V}}\">[[app.name]] {{V}}</p>";
	char dir[] = "/tmp/dd-unit-XXXXXX", path[64];
	tpl_dict *d;
	struct buf out;
	FILE *f;
	int rc;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/escape.tpl", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs(t, f);
	fclose(f);
	/* The real start-up path: catalog texts put in, registered, cache frozen. */
	rc = page_load_templates(dir, e->cat, I18N__MAX);
	unlink(path);
	rmdir(dir);
	assert_int_equal(rc, 0);
	d = tpl_dict_new("unit");
	tpl_set(d, "V", "<script>\"x\"&'");
	buf_init(&out);
	rc = tpl_expand("zh-CN/escape.tpl", d, &out);
	tpl_dict_free(d);
	if (rc != 0 || strstr(buf_cstr(&out), "<script>") != NULL ||
	    strstr(buf_cstr(&out), "值班台 &lt;script&gt;") == NULL)
		fail_msg("not escaped: %s", buf_cstr(&out));
	buf_free(&out);
}

static void
catalog_text_is_escaped_when_put_in_templates(void **state)
{
	struct unit_env *e = *state;
	struct i18n cat;
	struct buf out;
	char missing[64];
	char *text = strdup("k\t<b>&\"\n");

	(void)e;
	assert_int_equal(i18n_parse(&cat, "xx", text), 0);
	buf_init(&out);
	assert_int_equal(page_apply_catalog(&cat, "a[[k]]b", 7, &out, missing, sizeof(missing)), 0);
	assert_string_equal(buf_cstr(&out), "a&lt;b&gt;&amp;&quot;b");
	buf_reset(&out);
	assert_int_equal(page_apply_catalog(&cat, "[[nokey]]", 9, &out, missing, sizeof(missing)), -1);
	assert_string_equal(missing, "nokey");
	buf_free(&out);
	i18n_free(&cat);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(routes_match_literal_paths_and_numeric_ids, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(arena_aligns_and_survives_large_allocations, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(config_reads_keys_and_refuses_unknown_ones, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(audit_json_escapes_and_reads_back, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(signin_csrf_token_is_signed_and_must_match_cookie, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(redirects_stay_on_this_site, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(headers_never_carry_line_breaks, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(both_catalogs_have_the_same_keys, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(every_template_escapes_and_has_its_texts, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(templates_escape_user_text, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(catalog_text_is_escaped_when_put_in_templates, unit_setup, unit_teardown),
	};

	return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
