/* app.c: the FastCGI loop and the request pipeline shared by every program (see app.h). */
#include "app.h"
#include <fcgiapp.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CSP "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " \
	"form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'"

/* Catalogs are loaded once per process and only read afterwards. */
static struct i18n app_cats[I18N__MAX];

const char *
ctx_query(const struct ctx *c, const char *name)
{
	return kvlist_get(&c->query, name);
}

const char *
ctx_post(const struct ctx *c, const char *name)
{
	return kvlist_get(&c->post, name);
}

const char *
ctx_cookie(const struct ctx *c, const char *name)
{
	return kvlist_get(&c->cookies, name);
}

const char *
ctx_t(const struct ctx *c, const char *key)
{
	return i18n_get(c->msg, key);
}

int
route_match(const char *pattern, const char *path, long long *ids, size_t *nids,
    char args[][APP_ARG_MAX], size_t *nargs)
{
	const char *p = pattern, *q = path;
	size_t n = 0, na = 0;

	while (*p && *q) {
		if (p[0] == ':') {
			const char *name = p + 1;
			size_t nl = strcspn(name, "/"), len = strcspn(q, "/");

			p = name + nl;
			if (nl >= 2 && strncmp(name + nl - 2, "id", 2) == 0) {
				/* :id, :user_id ...: a positive whole number */
				long long v = 0;

				if (len == 0 || len > 18 || strspn(q, "0123456789") != len ||
				    n >= APP_MAX_IDS)
					return 0;
				for (size_t i = 0; i < len; i++)
					v = v * 10 + (q[i] - '0');
				if (v == 0)
					return 0;
				ids[n++] = v;
			} else {
				/* any other :name: one segment of letters, digits, - and _ */
				if (len == 0 || len >= APP_ARG_MAX || na >= APP_MAX_IDS ||
				    strspn(q, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
				    "0123456789-_") != len)
					return 0;
				memcpy(args[na], q, len);
				args[na++][len] = '\0';
			}
			q += len;
			continue;
		}
		if (*p != *q)
			return 0;
		p++, q++;
	}
	if (*p || *q)
		return 0;
	*nids = n;
	if (nargs != NULL)
		*nargs = na;
	return 1;
}

/* Reads what the program needs of one request: parameters, query, cookies and the body
 * (refused with 413 above the limit, 400 when it does not parse). */
static void
app_read(struct ctx *c, FCGX_Request *r)
{
	const char *method = FCGX_GetParam("REQUEST_METHOD", r->envp);
	const char *uri = FCGX_GetParam("DOCUMENT_URI", r->envp);
	const char *qs = FCGX_GetParam("QUERY_STRING", r->envp);
	const char *clen = FCGX_GetParam("CONTENT_LENGTH", r->envp);
	const char *ctype = FCGX_GetParam("CONTENT_TYPE", r->envp);
	size_t len = clen ? strtoul(clen, NULL, 10) : 0, got = 0;
	char *body, *path;

	c->method = method ? method : "GET";
	if (uri == NULL) {
		uri = FCGX_GetParam("REQUEST_URI", r->envp);
		uri = uri ? arena_strndup(c->a, uri, strcspn(uri, "?")) : "/";
	}
	path = arena_strdup(c->a, uri);
	if (strlen(path) > 1 && path[strlen(path) - 1] == '/')
		path[strlen(path) - 1] = '\0';
	c->path = path;
	c->remote_addr = FCGX_GetParam("REMOTE_ADDR", r->envp);
	c->user_agent = FCGX_GetParam("HTTP_USER_AGENT", r->envp);
	if (qs && req_parse_urlencoded(c->a, qs, strlen(qs), &req_default_limits, &c->query))
		c->input_status = 400;
	if (req_parse_cookies(c->a, FCGX_GetParam("HTTP_COOKIE", r->envp), &req_default_limits,
	    &c->cookies))
		c->input_status = 400;
	if (len == 0)
		return;
	if (len > (ctype && strncasecmp(ctype, "multipart/form-data", 19) == 0 ?
	    c->conf->max_upload_bytes : c->conf->max_body_bytes)) {
		c->input_status = 413;
		return;
	}
	body = arena_alloc(c->a, len + 1);
	while (got < len) {
		int n = FCGX_GetStr(body + got, (int)(len - got), r->in);

		if (n <= 0)
			break;
		got += (size_t)n;
	}
	body[got] = '\0';
	if (ctype && strncasecmp(ctype, "application/x-www-form-urlencoded", 33) == 0) {
		if (req_parse_urlencoded(c->a, body, got, &req_default_limits, &c->post))
			c->input_status = 400;
	} else if (ctype && strncasecmp(ctype, "multipart/form-data", 19) == 0) {
		if (req_parse_multipart(c->a, body, got, req_multipart_boundary(c->a, ctype),
		    &req_default_limits, &c->post, &c->files))
			c->input_status = 400;
	}
}

/* Language for pages before sign-in: ?lang= (remembered in a cookie), then the cookie. */
static void
app_lang(struct ctx *c)
{
	const char *q = ctx_query(c, "lang"), *ck = ctx_cookie(c, "dd_lang");

	if (q != NULL && (strcmp(q, "en") == 0 || strcmp(q, "zh-CN") == 0)) {
		resp_cookie(c, "dd_lang", q, 365L * 24 * 3600);
		ck = q;
	}
	c->lang = i18n_lang_index(ck);
}

static void
app_flash(struct ctx *c)
{
	const char *f = ctx_cookie(c, "dd_flash");

	if (f == NULL || *f == '\0')
		return;
	/* Shown (and then deleted) by the next page rendered, not by a redirect in between. */
	if (strspn(f, "abcdefghijklmnopqrstuvwxyz_") == strlen(f) && strlen(f) < 40)
		c->flash = f;
	else
		resp_cookie(c, "dd_flash", "", 0);
}

int
app_may_change_sessions(const struct ctx *c)
{
	return c->method != NULL && strcmp(c->method, "GET") != 0 &&
	    strcmp(c->method, "HEAD") != 0 && !(c->app->flags & APP_KEEPS_SESSIONS);
}

static int
app_csrf_ok(struct ctx *c)
{
	const char *field = ctx_post(c, "_csrf");

	if (c->user.id != 0)
		return field != NULL && c->csrf != NULL && strlen(field) == strlen(c->csrf) &&
		    sodium_memcmp(field, c->csrf, strlen(field)) == 0;
	return csrf_anon_valid(c, field, ctx_cookie(c, "dd_csrf"));
}

void
app_dispatch(struct ctx *c)
{
	const struct route *rt = NULL;
	int path_known = 0, status = 500, head = strcmp(c->method, "HEAD") == 0;
	const char *method = head ? "GET" : c->method;
	struct buf allow;

	app_lang(c);
	c->msg = &app_cats[c->lang];
	app_flash(c);
	buf_init(&allow);
	for (size_t i = 0; i < c->app->nroutes; i++) {
		const struct route *r = &c->app->routes[i];
		long long ids[APP_MAX_IDS];
		char args[APP_MAX_IDS][APP_ARG_MAX];
		size_t nids = 0, nargs = 0;

		if (!route_match(r->pattern, c->path, ids, &nids, args, &nargs))
			continue;
		path_known = 1;
		if (strstr(allow.len ? buf_cstr(&allow) : "", r->method) == NULL)
			buf_printf(&allow, "%s%s", allow.len ? ", " : "", r->method);
		if (strcmp(r->method, method) == 0 && rt == NULL) {
			rt = r;
			memcpy(c->ids, ids, sizeof(ids));
			c->nids = nids;
			memcpy(c->args, args, sizeof(args));
			c->nargs = nargs;
		}
	}
	c->route = rt;
	if (rt == NULL || !(rt->roles & R_NODB)) {
		/* Every page but the bare health route knows who is asking (for the header). */
		if (db_ensure(c->db) != DB_OK || auth_load_session(c) != DB_OK) {
			status = 503;
			goto done;
		}
		c->msg = &app_cats[c->lang];
	}
	if (!path_known) {
		status = 404;
		goto done;
	}
	if (rt == NULL) {
		resp_header(c, "Allow", buf_cstr(&allow));
		status = 405;
		goto done;
	}
	if (c->input_status) {
		status = c->input_status;
		goto done;
	}
	if (!(rt->roles & R_PUBLIC)) {
		if (c->user.id == 0) {
			/* After sign-in the user comes back here (a scanned QR code, a bookmark). */
			status = resp_redirect(c, strcmp(method, "GET") == 0 && strcmp(c->path, "/") != 0 ?
			    arena_printf(c->a, "/login?next=%s", url_encode(c->a, c->path)) : "/login");
			goto done;
		}
		if (c->user.must_change_pw && strcmp(c->path, "/me/password") != 0 &&
		    strcmp(c->path, "/logout") != 0) {
			status = resp_redirect(c, "/me/password");
			goto done;
		}
		if ((c->user.roles & rt->roles) == 0) {
			status = 403;
			goto done;
		}
	} else if (c->user.id == 0 && !(rt->roles & R_NODB)) {
		c->csrf = csrf_anon_token(c);
	}
	if (strcmp(method, "POST") == 0 && !app_csrf_ok(c)) {
		page_error(c, 403, "err.csrf");
		status = 403;
		goto done;
	}
	if (rt->form != NULL) {
		form_validate(c, rt->form, strcmp(method, "POST") == 0 ? &c->post : &c->query);
		if (!c->form.ok && rt->invalid != NULL) {
			status = rt->invalid(c);
			goto done;
		}
	}
	status = rt->fn(c);
	/* A change may have ended sessions or changed who someone is: the cached sessions of
	 * every worker go (before this answer is sent), unless the program cannot do that. */
	if (app_may_change_sessions(c))
		auth_cache_bump(c);
done:
	buf_free(&allow);
	db_rollback(c->db);   /* a handler that did not commit wrote nothing */
	if (status >= 400 && c->status != status)
		page_error(c, status, NULL);
	c->status = status;
}

/* Writes the response: status, security headers, cookies and the body. */
static void
app_send(struct ctx *c, FCGX_Request *r)
{
	FCGX_Stream *o = r->out;
	int head = strcmp(c->method, "HEAD") == 0;

	if (c->dict != NULL) {
		char key[64];

		if (c->form.spec != NULL && c->page != NULL)
			form_to_dict(c, c->page);
		snprintf(key, sizeof(key), "%s/%s", i18n_langs[c->lang],
		    c->layout ? c->layout : "layout.tpl");
		buf_reset(&c->out);
		if (tpl_expand(key, c->dict, &c->out) != 0) {
			fprintf(stderr, "%s: template expansion failed for %s\n", c->app->name,
			    c->path);
			c->status = 500;
			buf_reset(&c->out);
			buf_puts(&c->out, "500 Internal Server Error\n");
			c->ctype = "text/plain; charset=utf-8";
		}
	}
	FCGX_FPrintF(o, "Status: %d %s\r\n", c->status, page_reason(c->status));
	FCGX_FPrintF(o, "Content-Type: %s\r\n", c->ctype ? c->ctype : "text/html; charset=utf-8");
	FCGX_PutS("X-Content-Type-Options: nosniff\r\n"
	    "X-Frame-Options: DENY\r\n"
	    "Referrer-Policy: same-origin\r\n"
	    "Content-Security-Policy: " CSP "\r\n"
	    "Cache-Control: no-store\r\n", o);
	FCGX_PutStr(c->head.data ? c->head.data : "", (int)c->head.len, o);
	FCGX_PutS("\r\n", o);
	if (!head)
		FCGX_PutStr(c->out.data ? c->out.data : "", (int)c->out.len, o);
}

/* `PROGRAM --routes`: the route table, one line a route (METHOD PATTERN ROLES), for the
 * access-control tests that walk every route. */
static int
app_print_routes(const struct app *app)
{
	for (size_t i = 0; i < app->nroutes; i++) {
		const struct route *r = &app->routes[i];
		const char *sep = "";

		printf("%s %s ", r->method, r->pattern);
		if (r->roles & R_PUBLIC)
			printf("public");
		for (size_t k = 0; k < ROLE_COUNT; k++)
			if (r->roles & role_table[k].bit) {
				printf("%s%s", sep, role_table[k].code);
				sep = ",";
			}
		printf("%s\n", (r->roles & (R_PUBLIC | ROLES_ALL)) ? "" : "none");
	}
	return 0;
}

int
app_main(int argc, char **argv, const struct app *app)
{
	static struct conf conf;   /* read once; the process's configuration */
	const char *path = getenv("DUTYDESK_CONF");
	char err[256];
	FCGX_Request r;
	struct arena a;
	struct buf head, out;
	struct db *db;

	if (argc == 2 && strcmp(argv[1], "--routes") == 0)
		return app_print_routes(app);
	conf_defaults(&conf);
	if (conf_load(&conf, path ? path : "dutydesk.conf", err, sizeof(err)) != 0) {
		fprintf(stderr, "%s: config: %s\n", app->name, err);
		return 1;
	}
	if (sodium_init() < 0) {
		fprintf(stderr, "%s: libsodium did not start\n", app->name);
		return 1;
	}
	for (int i = 0; i < I18N__MAX; i++)
		if (i18n_load(&app_cats[i], conf.i18n_dir, i18n_langs[i]) != 0)
			return 1;
	if (page_load_templates(conf.template_dir, app_cats, I18N__MAX) != 0)
		return 1;
	signal(SIGPIPE, SIG_IGN);
	db = db_new(&conf, app->stmts, app->nstmts);
	(void)db_ensure(db);   /* connect early; a failure is retried per request */
	FCGX_Init();
	FCGX_InitRequest(&r, 0, 0);
	arena_init(&a, 0);
	buf_init(&head);
	buf_init(&out);
	while (FCGX_Accept_r(&r) >= 0) {
		struct ctx c;

		memset(&c, 0, sizeof(c));
		c.a = &a;
		c.app = app;
		c.conf = &conf;
		c.db = db;
		c.head = head;
		c.out = out;
		c.msg = &app_cats[I18N_ZH];
		app_read(&c, &r);
		app_dispatch(&c);
		app_send(&c, &r);
		if (c.after != NULL && c.status < 400) {
			/* The request's parameters are freed with it: keep what the work after it
			 * reads (the audit row's address, the method) in the arena. */
			c.method = arena_strdup(&a, c.method);
			c.remote_addr = arena_strdup(&a, c.remote_addr);
			c.user_agent = arena_strdup(&a, c.user_agent);
		}
		FCGX_Finish_r(&r);
		if (c.after != NULL && c.status < 400)
			(void)c.after(&c);
		if (c.dict != NULL)
			tpl_dict_free(c.dict);
		head = c.head;         /* the buffers are kept for the next request */
		out = c.out;
		buf_reset(&head);
		buf_reset(&out);
		arena_reset(&a);
	}
	db_close(db);
	return 0;
}
