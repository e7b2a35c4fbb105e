/* page.c: responses and pages: headers, cookies, redirects, flash messages, the layout,
 * error pages, the pager, and loading the templates with their catalog texts. */
#include "app.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The navigation: who sees which entry. Later areas add their lines here. */
static const struct nav_item {
	const char *href;
	const char *prefix;   /* path prefix that marks the entry as current */
	const char *key;
	unsigned    roles;
} nav_items[] = {
	{ "/",                  "/",                  "nav.home",        ROLES_ANY },
	{ "/log",               "/log",               "nav.log",         ROLES_ALL & ~ROLE_ADMIN },
	{ "/handover",          "/handover",          "nav.handover",    ROLES_ALL & ~ROLE_ADMIN },
	{ "/roster",            "/roster",            "nav.roster",      ROLES_ALL },
	{ "/forms",             "/forms",             "nav.forms",       ROLES_ALL & ~ROLE_DIRECTOR },
	{ "/requests",          "/requests",          "nav.requests",    ROLES_ANY & ~ROLE_ADMIN },
	{ "/callbacks",         "/callbacks",         "nav.callbacks",
	    ROLE_STAFF | ROLE_SUPERVISOR | ROLE_MANAGER },
	{ "/reports",           "/reports",           "nav.reports",
	    ROLE_SUPERVISOR | ROLE_MANAGER | ROLE_DIRECTOR },
	{ "/evaluations",       "/evaluations",       "nav.evaluations",
	    ROLE_STAFF | ROLE_SUPERVISOR | ROLE_MANAGER | ROLE_DIRECTOR },
	{ "/admin/users",       "/admin/users",       "nav.users",       ROLE_ADMIN },
	{ "/admin/sites",       "/admin/sites",       "nav.sites",       ROLE_ADMIN },
	{ "/admin/departments", "/admin/departments", "nav.departments",
	    ROLE_ADMIN | ROLE_MANAGER | ROLE_DIRECTOR },
	{ "/admin/shifts",      "/admin/shifts",      "nav.shifts",
	    ROLE_ADMIN | ROLE_MANAGER | ROLE_DIRECTOR | ROLE_SUPERVISOR },
	{ "/admin/audit",       "/admin/audit",       "nav.audit",
	    ROLE_ADMIN | ROLE_MANAGER | ROLE_DIRECTOR },
};

void
resp_header(struct ctx *c, const char *name, const char *value)
{
	/* Header values never carry a line break (no response splitting). */
	if (strpbrk(name, "\r\n:") != NULL || strpbrk(value, "\r\n") != NULL)
		return;
	buf_printf(&c->head, "%s: %s\r\n", name, value);
}

void
resp_cookie(struct ctx *c, const char *name, const char *value, long max_age)
{
	char age[48] = "";

	if (max_age >= 0)
		snprintf(age, sizeof(age), "; Max-Age=%ld", max_age);
	resp_header(c, "Set-Cookie", arena_printf(c->a, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s",
	    name, value, age, c->conf->cookie_secure ? "; Secure" : ""));
}

int
resp_redirect(struct ctx *c, const char *path)
{
	/* Local paths only: "/x" but never "//host" or "/\host" (no open redirect). */
	if (path == NULL || path[0] != '/' || path[1] == '/' || path[1] == '\\')
		path = "/";
	resp_header(c, "Location", path);
	c->status = 303;
	return 303;
}

void
resp_flash(struct ctx *c, const char *key)
{
	resp_cookie(c, "dd_flash", key, 60);
}

int
resp_text(struct ctx *c, int status, const char *text)
{
	buf_reset(&c->out);
	buf_puts(&c->out, text);
	c->ctype = "text/plain; charset=utf-8";
	c->status = status;
	return status;
}

int
resp_commit(struct ctx *c, int rc, const char *flash, const char *path)
{
	if (rc == DB_OK)
		rc = db_commit(c->db);
	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (flash != NULL)
		resp_flash(c, flash);
	return resp_redirect(c, path);
}

char *
url_encode(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = arena_alloc(a, strlen(s) * 3 + 1), *o = out;

	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		    ch == '-' || ch == '_' || ch == '.' || ch == '~') {
			*o++ = (char)ch;
		} else {
			*o++ = '%';
			*o++ = hex[ch >> 4];
			*o++ = hex[ch & 15];
		}
	}
	*o = '\0';
	return out;
}

static const char *
tpl_key(struct ctx *c, const char *name)
{
	return arena_printf(c->a, "%s/%s", i18n_langs[c->lang], name);
}

/* Fills the layout: language, title, the signed-in user's header and navigation, flash. */
static void
page_layout(struct ctx *c, const char *title)
{
	tpl_dict *d = c->dict;

	tpl_set_global(d, "LANG", i18n_langs[c->lang]);
	tpl_set_global(d, "CSRF", c->csrf ? c->csrf : "");
	tpl_set(d, "TITLE", title);
	if (c->user.id != 0) {
		tpl_dict *u = tpl_section(d, "SIGNED_IN");

		tpl_set(u, "USER_NAME", c->user.display_name);
		tpl_set(u, "SITE_NAME", c->user.site_name);
		tpl_set(u, "ROLE_NAMES", roles_text(c, c->user.roles, " · ", 0));
		for (size_t i = 0; i < sizeof(nav_items) / sizeof(nav_items[0]); i++) {
			const struct nav_item *n = &nav_items[i];
			tpl_dict *e;
			int current;

			if (!(c->user.roles & n->roles))
				continue;
			e = tpl_section(u, "NAV");
			tpl_set(e, "HREF", n->href);
			tpl_set(e, "LABEL", ctx_t(c, n->key));
			current = strcmp(n->prefix, "/") == 0 ? strcmp(c->path, "/") == 0 :
			    strncmp(c->path, n->prefix, strlen(n->prefix)) == 0;
			if (current)
				tpl_show(e, "CURRENT");
		}
	} else {
		tpl_show(d, "SIGNED_OUT");
	}
	if (c->flash != NULL) {
		const char *t = i18n_find(c->msg, arena_printf(c->a, "flash.%s", c->flash));

		if (t != NULL)
			tpl_set(tpl_section(d, "FLASH"), "MSG", t);
		resp_cookie(c, "dd_flash", "", 0);
		c->flash = NULL;
	}
}

tpl_dict *
page_include(struct ctx *c, tpl_dict *d, const char *marker, const char *tpl)
{
	return tpl_include(d, marker, tpl_key(c, tpl));
}

size_t
page_rows(tpl_dict *d, const char *section, const struct dbres *r, const char *const *cols)
{
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *row = tpl_section(d, section);

		for (size_t k = 0; k < r->ncols; k++)
			if (cols[k] != NULL)
				tpl_set(row, cols[k], dbres_str(r, i, k));
	}
	return r->nrows;
}

tpl_dict *
page_begin(struct ctx *c, const char *tpl, const char *title_key)
{
	if (c->dict != NULL)
		tpl_dict_free(c->dict);
	c->dict = tpl_dict_new("layout");
	c->title = ctx_t(c, title_key);
	page_layout(c, c->title);
	c->page = tpl_include(c->dict, "BODY", tpl_key(c, tpl));
	c->status = 200;
	return c->page;
}

static const struct {
	int         status;
	const char *reason;
	const char *title_key;
	const char *msg_key;
} page_errors[] = {
	{ 400, "Bad Request",           "err.400.title", "err.400.msg" },
	{ 403, "Forbidden",             "err.403.title", "err.403.msg" },
	{ 404, "Not Found",             "err.404.title", "err.404.msg" },
	{ 405, "Method Not Allowed",    "err.405.title", "err.405.msg" },
	{ 409, "Conflict",              "err.409.title", "err.409.msg" },
	{ 413, "Payload Too Large",     "err.413.title", "err.413.msg" },
	{ 500, "Internal Server Error", "err.500.title", "err.500.msg" },
	{ 503, "Service Unavailable",   "err.503.title", "err.503.msg" },
};

void
page_error(struct ctx *c, int status, const char *msg_key)
{
	size_t i, n = sizeof(page_errors) / sizeof(page_errors[0]);
	tpl_dict *d;

	for (i = 0; i < n - 1 && page_errors[i].status != status; i++)
		;
	if (page_errors[i].status != status)
		i = n - 2;  /* 500 */
	d = page_begin(c, "error.tpl", page_errors[i].title_key);
	tpl_set(d, "ERR_TITLE", c->title);
	tpl_set(d, "ERR_MSG", ctx_t(c, msg_key ? msg_key : page_errors[i].msg_key));
	tpl_set_int(d, "ERR_STATUS", page_errors[i].status);
	if (status == 403 && c->user.id == 0)
		tpl_show(d, "SIGN_IN_LINK");
	c->status = page_errors[i].status;
}

const char *
page_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	default:
		for (size_t i = 0; i < sizeof(page_errors) / sizeof(page_errors[0]); i++)
			if (page_errors[i].status == status)
				return page_errors[i].reason;
		return "Error";
	}
}

static void
html_escape(struct buf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		case '\'': buf_puts(out, "&#39;"); break;
		default: buf_putc(out, *s);
		}
	}
}

int
page_apply_catalog(const struct i18n *cat, const char *in, size_t len, struct buf *out,
    char *missing, size_t mlen)
{
	const char *p = in, *end = in + len;

	while (p < end) {
		const char *open = strstr(p, "[["), *close;
		char key[128];
		const char *text;

		if (open == NULL || open >= end) {
			buf_append(out, p, (size_t)(end - p));
			break;
		}
		buf_append(out, p, (size_t)(open - p));
		close = strstr(open + 2, "]]");
		if (close == NULL || (size_t)(close - open - 2) >= sizeof(key)) {
			snprintf(missing, mlen, "unterminated [[ marker");
			return -1;
		}
		memcpy(key, open + 2, (size_t)(close - open - 2));
		key[close - open - 2] = '\0';
		if ((text = i18n_find(cat, key)) == NULL) {
			snprintf(missing, mlen, "%s", key);
			return -1;
		}
		html_escape(out, text);
		p = close + 2;
	}
	return 0;
}

int
page_load_templates(const char *dir, const struct i18n *cats, size_t ncats)
{
	DIR *dh = opendir(dir);
	struct dirent *de;
	int rc = 0;

	if (dh == NULL) {
		fprintf(stderr, "templates: cannot open %s\n", dir);
		return -1;
	}
	while (rc == 0 && (de = readdir(dh)) != NULL) {
		size_t nl = strlen(de->d_name);
		char path[1024], missing[160];
		struct buf text, out;
		FILE *f;
		size_t got;
		char chunk[8192];

		if (nl < 5 || strcmp(de->d_name + nl - 4, ".tpl") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if ((f = fopen(path, "r")) == NULL) {
			fprintf(stderr, "templates: cannot read %s\n", path);
			rc = -1;
			break;
		}
		buf_init(&text);
		while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
			buf_append(&text, chunk, got);
		fclose(f);
		for (size_t i = 0; rc == 0 && i < ncats; i++) {
			char key[512];

			buf_init(&out);
			if (page_apply_catalog(&cats[i], buf_cstr(&text), text.len, &out, missing,
			    sizeof(missing)) != 0) {
				fprintf(stderr, "templates: %s (%s): missing text %s\n", path,
				    cats[i].lang, missing);
				rc = -1;
			} else {
				snprintf(key, sizeof(key), "%s/%s", cats[i].lang, de->d_name);
				if (tpl_register(key, buf_cstr(&out), out.len) != 0) {
					fprintf(stderr, "templates: %s does not parse\n", path);
					rc = -1;
				}
			}
			buf_free(&out);
		}
		buf_free(&text);
	}
	closedir(dh);
	if (rc == 0)
		tpl_freeze();
	return rc;
}

long long
page_pager(struct ctx *c, tpl_dict *d, long long total, long long page, long long per,
    const char *base)
{
	long long pages = total > 0 ? (total + per - 1) / per : 1;
	const char *sep = (base && *base) ? "&" : "";
	tpl_dict *p;

	if (page < 1)
		page = 1;
	if (page > pages)
		page = pages;
	tpl_set_int(d, "TOTAL", total);
	if (pages > 1) {
		p = tpl_section(d, "PAGER");
		tpl_set_int(p, "PAGE", page);
		tpl_set_int(p, "PAGES", pages);
		if (page > 1)
			tpl_set(tpl_section(p, "PREV"), "HREF",
			    arena_printf(c->a, "?%s%spage=%lld", base ? base : "", sep, page - 1));
		if (page < pages)
			tpl_set(tpl_section(p, "NEXT"), "HREF",
			    arena_printf(c->a, "?%s%spage=%lld", base ? base : "", sep, page + 1));
	}
	return (page - 1) * per;
}
