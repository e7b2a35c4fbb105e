/* form.c: declared per-field validation (see app.h). Runs before the handler; a field that
 * fails keeps the user's input and gets a translated message to show beside it. */
#include "app.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
valid_utf8(const char *s, size_t len, int multiline)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;

	while (p < end) {
		unsigned c = *p;
		size_t n;
		unsigned cp;

		if (c < 0x80) {
			if ((c < 0x20 && !(multiline && (c == '\n' || c == '\r' || c == '\t')) &&
			    c != '\t') || c == 0x7f)
				return 0;
			p++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			n = 1, cp = c & 0x1f;
		else if (c >= 0xe0 && c <= 0xef)
			n = 2, cp = c & 0x0f;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 3, cp = c & 0x07;
		else
			return 0;
		if ((size_t)(end - p) <= n)
			return 0;
		for (size_t i = 1; i <= n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (p[i] & 0x3f);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		p += n + 1;
	}
	return 1;
}

size_t
utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

int
valid_date(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 0;
	return 1;
}

int
valid_time(const char *s)
{
	if (strlen(s) != 5 || s[2] != ':' || !isdigit((unsigned char)s[0]) ||
	    !isdigit((unsigned char)s[1]) || !isdigit((unsigned char)s[3]) ||
	    !isdigit((unsigned char)s[4]))
		return 0;
	return atoi(s) < 24 && atoi(s + 3) < 60;
}

static int
in_choices(const char *const *choices, const char *v)
{
	for (size_t i = 0; choices && choices[i]; i++)
		if (strcmp(choices[i], v) == 0)
			return 1;
	return 0;
}

static int
all_chars(const char *s, const char *allowed_extra, int lower, int upper)
{
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (isdigit(ch) || (lower && islower(ch)) || (upper && isupper(ch)) ||
		    strchr(allowed_extra, ch) != NULL)
			continue;
		return 0;
	}
	return 1;
}

/* Trims ASCII white space at both ends; returns an arena copy. */
static const char *
trim(struct arena *a, const char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' ||
	    s[n - 1] == '\n'))
		n--;
	return arena_strndup(a, s, n);
}

/* Expands {label} {min} {max} in the catalog text of key for field f. */
static const char *
form_message(struct ctx *c, const struct field *f, const char *key)
{
	const char *t = ctx_t(c, key), *p;
	struct buf b;
	char *out;

	buf_init(&b);
	for (p = t; *p; p++) {
		if (strncmp(p, "{label}", 7) == 0) {
			buf_puts(&b, f->label ? ctx_t(c, f->label) : f->name);
			p += 6;
		} else if (strncmp(p, "{min}", 5) == 0) {
			buf_printf(&b, "%lld", f->min);
			p += 4;
		} else if (strncmp(p, "{max}", 5) == 0) {
			buf_printf(&b, "%lld", f->max);
			p += 4;
		} else {
			buf_putc(&b, *p);
		}
	}
	out = arena_strdup(c->a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

/* Checks one value; returns NULL or the catalog key of what is wrong. */
static const char *
field_check(const struct field *f, struct fval *v)
{
	const char *s = v->value;
	size_t chars;

	if (!valid_utf8(s, strlen(s), f->type == FT_MULTILINE))
		return "err.bad_text";
	chars = utf8_chars(s);
	if (f->type != FT_INT && f->min > 0 && chars < (size_t)f->min)
		return f->type == FT_PASSWORD ? "err.password_short" : "err.too_short";
	if (f->type != FT_INT && f->max > 0 && chars > (size_t)f->max)
		return "err.too_long";
	switch (f->type) {
	case FT_INT: {
		char *end;

		if (!all_chars(s[0] == '-' ? s + 1 : s, "", 0, 0) || strlen(s) > 18)
			return "err.number";
		v->num = strtoll(s, &end, 10);
		if ((f->min || f->max) && (v->num < f->min || v->num > f->max))
			return "err.number_range";
		return NULL;
	}
	case FT_DATE:
		return valid_date(s) ? NULL : "err.date";
	case FT_TIME:
		return valid_time(s) ? NULL : "err.time";
	case FT_CHOICE:
		return in_choices(f->choices, s) ? NULL : "err.choice";
	case FT_USERNAME:
		return all_chars(s, "_.-", 1, 0) ? NULL : "err.username";
	case FT_PHONE:
		return all_chars(s, "+- ", 0, 0) ? NULL : "err.phone";
	case FT_CODE:
		return all_chars(s, "_-", 0, 1) ? NULL : "err.code";
	default:
		return NULL;
	}
}

void
form_empty(struct ctx *c, const struct form_spec *spec)
{
	c->form.spec = spec;
	c->form.v = arena_calloc(c->a, spec->n ? spec->n : 1, sizeof(struct fval));
	for (size_t i = 0; i < spec->n; i++)
		c->form.v[i].value = "";
	c->form.ok = 1;
}

void
form_validate(struct ctx *c, const struct form_spec *spec, const struct kvlist *in)
{
	form_empty(c, spec);
	for (size_t i = 0; i < spec->n; i++) {
		const struct field *f = &spec->fields[i];
		struct fval *v = &c->form.v[i];
		const char *key = NULL;

		if (f->type == FT_MULTI) {
			size_t n = kvlist_count(in, f->name), k = 0;

			v->multi = arena_calloc(c->a, n + 1, sizeof(char *));
			for (size_t j = 0; j < in->n; j++) {
				if (strcmp(in->v[j].name, f->name) != 0)
					continue;
				if (!in_choices(f->choices, in->v[j].value))
					key = "err.choice";
				else
					v->multi[k++] = in->v[j].value;
			}
			v->nmulti = k;
			v->present = n > 0;
			if (key == NULL && (f->flags & FF_REQUIRED) && k == 0)
				key = "err.required_choice";
		} else {
			const char *raw = kvlist_get(in, f->name);

			v->present = raw != NULL;
			v->value = raw == NULL ? "" : f->type == FT_PASSWORD ?
			    arena_strdup(c->a, raw) : trim(c->a, raw);
			/* A NUL byte inside a value is never valid text. */
			if (raw != NULL && kvlist_count(in, f->name) > 0) {
				for (size_t j = 0; j < in->n; j++)
					if (strcmp(in->v[j].name, f->name) == 0) {
						if (strlen(in->v[j].value) != in->v[j].len)
							key = "err.bad_text";
						break;
					}
			}
			if (key == NULL && v->value[0] == '\0')
				key = (f->flags & FF_REQUIRED) ? (f->type == FT_CHOICE ?
				    "err.required_choice" : "err.required") : NULL;
			else if (key == NULL)
				key = field_check(f, v);
		}
		if (key != NULL) {
			v->err = form_message(c, f, key);
			c->form.ok = 0;
		}
	}
}

void
form_set(struct ctx *c, size_t i, const char *value)
{
	if (c->form.spec == NULL || i >= c->form.spec->n)
		return;
	c->form.v[i].value = arena_strdup(c->a, value ? value : "");
}

void
form_error(struct ctx *c, size_t i, const char *msg_key)
{
	if (c->form.spec == NULL || i >= c->form.spec->n)
		return;
	c->form.v[i].err = form_message(c, &c->form.spec->fields[i], msg_key);
	c->form.ok = 0;
}

const char *
form_str(const struct ctx *c, size_t i)
{
	if (c->form.spec == NULL || i >= c->form.spec->n)
		return "";
	return c->form.v[i].value;
}

long long
form_num(const struct ctx *c, size_t i)
{
	if (c->form.spec == NULL || i >= c->form.spec->n)
		return 0;
	return c->form.spec->fields[i].type == FT_INT ? c->form.v[i].num :
	    strtoll(c->form.v[i].value, NULL, 10);
}

int
form_has(const struct ctx *c, size_t i, const char *value)
{
	const struct fval *v;

	if (c->form.spec == NULL || i >= c->form.spec->n)
		return 0;
	v = &c->form.v[i];
	for (size_t k = 0; k < v->nmulti; k++)
		if (strcmp(v->multi[k], value) == 0)
			return 1;
	return v->nmulti == 0 && strcmp(v->value, value) == 0;
}

/* Upper-cases a name for a template marker: "display_name" -> "DISPLAY_NAME". */
static char *
marker(struct arena *a, const char *prefix, const char *name, const char *suffix)
{
	char *m = arena_printf(a, "%s%s%s", prefix, name, suffix);

	for (char *p = m; *p; p++)
		*p = (*p == '-' || *p == '.') ? '_' : (char)toupper((unsigned char)*p);
	return m;
}

void
form_to_dict(const struct ctx *c, tpl_dict *d)
{
	if (c->form.spec == NULL)
		return;
	for (size_t i = 0; i < c->form.spec->n; i++) {
		const struct field *f = &c->form.spec->fields[i];
		const struct fval *v = &c->form.v[i];

		if (f->type != FT_PASSWORD)
			tpl_set(d, marker(c->a, "", f->name, ""), v->value);
		if (v->err != NULL) {
			tpl_dict *e = tpl_section(d, marker(c->a, "", f->name, "_ERR"));

			tpl_set(e, "MSG", v->err);
			tpl_show(d, marker(c->a, "", f->name, "_INVALID"));
		}
		for (size_t k = 0; f->choices && f->choices[k]; k++)
			if (form_has(c, i, f->choices[k]))
				tpl_show(d, marker(c->a, "", f->name,
				    arena_printf(c->a, "_%s_ON", f->choices[k])));
	}
}

void
form_row_error(struct ctx *c, long long row, const char *msg_key)
{
	struct form_row_err *e = arena_alloc(c->a, sizeof(*e));

	e->row = row;
	e->msg = ctx_t(c, msg_key);
	e->next = c->row_errs;
	c->row_errs = e;
}

const char *
form_row_msg(const struct ctx *c, long long row)
{
	for (const struct form_row_err *e = c->row_errs; e != NULL; e = e->next)
		if (e->row == row)
			return e->msg;
	return NULL;
}
