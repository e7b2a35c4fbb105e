/* conf.c: see conf.h. */
#include "conf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

void
conf_defaults(struct conf *c)
{
	memset(c, 0, sizeof(*c));
	snprintf(c->db_name, sizeof(c->db_name), "dutydesk");
	snprintf(c->db_user, sizeof(c->db_user), "dutydesk");
	snprintf(c->base_url, sizeof(c->base_url), "http://127.0.0.1:8080");
	snprintf(c->template_dir, sizeof(c->template_dir), "templates");
	snprintf(c->i18n_dir, sizeof(c->i18n_dir), "i18n");
	c->max_body_bytes = 2 * 1024 * 1024;
	c->max_upload_bytes = 20 * 1024 * 1024;
	c->session_idle_minutes = 240;
	c->login_max_failures = 5;
	c->login_window_minutes = 15;
}

static int
set_str(char *dst, size_t size, const char *v)
{
	if (strlen(v) >= size)
		return -1;
	memcpy(dst, v, strlen(v) + 1);
	return 0;
}

static int
set_num(long *dst, const char *v, long lo, long hi)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || end == v || *end != '\0' || n < lo || n > hi)
		return -1;
	*dst = n;
	return 0;
}

/* Applies one key/value; returns 0, -1 for a bad value, -2 for an unknown key. */
static int
conf_set(struct conf *c, const char *k, const char *v)
{
	long n;
	int rc;

#define STR(name) if (strcmp(k, #name) == 0) return set_str(c->name, sizeof(c->name), v)
	STR(db_socket); STR(db_name); STR(db_user); STR(db_password); STR(base_url);
	STR(secret); STR(upload_dir); STR(template_dir); STR(i18n_dir); STR(session_cache_file);
#undef STR
#define NUM(name, lo, hi) if (strcmp(k, #name) == 0) { \
		rc = set_num(&n, v, lo, hi); \
		if (rc == 0) \
			c->name = n; \
		return rc; \
	}
	NUM(max_body_bytes, 1024, 1L << 30);
	NUM(max_upload_bytes, 1024, 1L << 30);
	NUM(session_idle_minutes, 1, 60 * 24 * 30);
	NUM(login_max_failures, 1, 1000);
	NUM(login_window_minutes, 1, 24 * 60);
	NUM(cookie_secure, 0, 1);
#undef NUM
	return -2;
}

int
conf_parse(struct conf *c, const char *text, char *err, size_t errlen)
{
	const char *p = text;
	int lineno = 0;

	while (*p != '\0') {
		char line[1024], *k, *v, *eq, *e;
		size_t n = strcspn(p, "\n");
		int rc;

		lineno++;
		if (n >= sizeof(line)) {
			snprintf(err, errlen, "line %d: too long", lineno);
			return -1;
		}
		memcpy(line, p, n);
		line[n] = '\0';
		p += n + (p[n] == '\n');
		for (k = line; *k == ' ' || *k == '\t'; k++)
			;
		if (*k == '#' || *k == '\0' || *k == '\r')
			continue;
		if ((eq = strchr(k, '=')) == NULL) {
			snprintf(err, errlen, "line %d: expected key = value", lineno);
			return -1;
		}
		for (e = eq; e > k && (e[-1] == ' ' || e[-1] == '\t'); e--)
			;
		*e = '\0';
		for (v = eq + 1; *v == ' ' || *v == '\t'; v++)
			;
		for (e = v + strlen(v); e > v && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'); e--)
			;
		*e = '\0';
		rc = conf_set(c, k, v);
		if (rc == -1) {
			snprintf(err, errlen, "line %d: bad value for %s", lineno, k);
			return -1;
		}
		if (rc == -2) {
			snprintf(err, errlen, "line %d: unknown key %s", lineno, k);
			return -1;
		}
	}
	return 0;
}

int
conf_load(struct conf *c, const char *path, char *err, size_t errlen)
{
	FILE *f;
	char *text;
	long size;
	int rc;

	if ((f = fopen(path, "r")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	if (size < 0 || size > 1 << 20 || (text = malloc((size_t)size + 1)) == NULL) {
		fclose(f);
		snprintf(err, errlen, "%s: cannot read", path);
		return -1;
	}
	text[fread(text, 1, (size_t)size, f)] = '\0';
	fclose(f);
	rc = conf_parse(c, text, err, errlen);
	free(text);
	return rc;
}
