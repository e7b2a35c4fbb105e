/* audit.c: the append-only audit log (who, when, what, old and new values) and the small
 * JSON writer for its values. */
#include "app.h"
#include <stdio.h>
#include <string.h>

void
json_begin(struct json *j)
{
	buf_init(&j->b);
	buf_putc(&j->b, '{');
	j->n = 0;
}

static void
json_quote(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)ch);
		} else if (ch == '\n') {
			buf_puts(b, "\\n");
		} else if (ch == '\r') {
			buf_puts(b, "\\r");
		} else if (ch == '\t') {
			buf_puts(b, "\\t");
		} else if (ch < 0x20) {
			buf_printf(b, "\\u%04x", ch);
		} else {
			buf_putc(b, (char)ch);
		}
	}
	buf_putc(b, '"');
}

static void
json_key(struct json *j, const char *key)
{
	if (j->n++)
		buf_putc(&j->b, ',');
	json_quote(&j->b, key);
	buf_putc(&j->b, ':');
}

void
json_str(struct json *j, const char *key, const char *value)
{
	json_key(j, key);
	if (value == NULL)
		buf_puts(&j->b, "null");
	else
		json_quote(&j->b, value);
}

void
json_int(struct json *j, const char *key, long long value)
{
	json_key(j, key);
	buf_printf(&j->b, "%lld", value);
}

char *
json_end(struct json *j, struct arena *a)
{
	char *s;

	buf_putc(&j->b, '}');
	s = arena_strdup(a, buf_cstr(&j->b));
	buf_free(&j->b);
	return s;
}

int
audit_write(struct ctx *c, const char *action, const char *entity, long long id,
    long long site_id, const char *summary, const char *old_json, const char *new_json)
{
	char *sum = arena_strdup(c->a, summary ? summary : "");

	/* summary is VARCHAR(255) characters; cut on a character boundary. */
	if (utf8_chars(sum) > 250) {
		size_t chars = 0, i;

		for (i = 0; sum[i]; i++)
			if (((unsigned char)sum[i] & 0xc0) != 0x80 && ++chars > 250)
				break;
		sum[i] = '\0';
	}
	return db_exec(c->db, c->a, DBQ_AUDIT_ADD, NULL, "nnssnssss",
	    c->user.id, site_id, action, entity, id, sum, old_json, new_json,
	    c->remote_addr ? c->remote_addr : "");
}

/* Parses one JSON string starting at *p (at the opening quote) into the arena. */
static char *
json_read_str(struct arena *a, const char **p)
{
	const char *s = *p + 1;
	struct buf b;
	char *out;

	buf_init(&b);
	while (*s && *s != '"') {
		if (*s == '\\' && s[1]) {
			s++;
			switch (*s) {
			case 'n': buf_putc(&b, '\n'); break;
			case 'r': buf_putc(&b, '\r'); break;
			case 't': buf_putc(&b, '\t'); break;
			case 'u': {
				unsigned v = 0;
				int k;

				for (k = 1; k <= 4 && s[k]; k++) {
					char h = s[k];

					v = v * 16 + (unsigned)(h >= 'a' ? h - 'a' + 10 :
					    h >= 'A' ? h - 'A' + 10 : h - '0');
				}
				if (v < 0x80)
					buf_putc(&b, (char)v);
				s += k - 1;
				break;
			}
			default: buf_putc(&b, *s);
			}
			s++;
			continue;
		}
		buf_putc(&b, *s++);
	}
	*p = *s == '"' ? s + 1 : s;
	out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

size_t
json_parse_flat(struct arena *a, const char *text, const char ***keys, const char ***vals)
{
	size_t n = 0, cap = 16;
	const char *p = text;

	*keys = arena_calloc(a, cap, sizeof(char *));
	*vals = arena_calloc(a, cap, sizeof(char *));
	if (text == NULL)
		return 0;
	while (*p && *p != '{')
		p++;
	while (*p) {
		const char *k, *v;

		while (*p && *p != '"' && *p != '}')
			p++;
		if (*p != '"')
			break;
		k = json_read_str(a, &p);
		while (*p == ' ' || *p == ':')
			p++;
		if (*p == '"') {
			v = json_read_str(a, &p);
		} else {
			size_t len = strcspn(p, ",}");

			v = arena_strndup(a, p, len);
			if (strcmp(v, "null") == 0)
				v = "";
			p += len;
		}
		if (n == cap) {
			const char **nk = arena_calloc(a, cap * 2, sizeof(char *));
			const char **nv = arena_calloc(a, cap * 2, sizeof(char *));

			memcpy(nk, *keys, cap * sizeof(char *));
			memcpy(nv, *vals, cap * sizeof(char *));
			*keys = nk;
			*vals = nv;
			cap *= 2;
		}
		(*keys)[n] = k;
		(*vals)[n] = v;
		n++;
	}
	return n;
}
