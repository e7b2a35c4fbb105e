/* req.c: see req.h. */
#include "req.h"
#include <string.h>
#include <strings.h>
#include <ctype.h>

const struct req_limits req_default_limits = { 256, 128, 16 };

void
kvlist_add(struct arena *a, struct kvlist *l, const char *name, size_t nlen,
    const char *value, size_t vlen)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct kv *v = arena_alloc(a, cap * sizeof(*v));

		if (l->n)
			memcpy(v, l->v, l->n * sizeof(*v));
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n].name = arena_strndup(a, name, nlen);
	l->v[l->n].value = arena_strndup(a, value, vlen);
	l->v[l->n].len = vlen;
	l->n++;
}

const char *
kvlist_get(const struct kvlist *l, const char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].name, name) == 0)
			return l->v[i].value;
	return NULL;
}

size_t
kvlist_count(const struct kvlist *l, const char *name)
{
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].name, name) == 0)
			n++;
	return n;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *
req_urldecode(struct arena *a, const char *s, size_t len, size_t *outlen)
{
	char *out = arena_alloc(a, len + 1);
	size_t i, o = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '+') {
			out[o++] = ' ';
		} else if (s[i] == '%' && i + 2 < len &&
		    hexval((unsigned char)s[i + 1]) >= 0 && hexval((unsigned char)s[i + 2]) >= 0) {
			out[o++] = (char)(hexval((unsigned char)s[i + 1]) * 16 +
			    hexval((unsigned char)s[i + 2]));
			i += 2;
		} else {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	if (outlen)
		*outlen = o;
	return out;
}

enum req_err
req_parse_urlencoded(struct arena *a, const char *s, size_t len, const struct req_limits *lim,
    struct kvlist *out)
{
	size_t pos = 0, count = 0;

	while (pos < len) {
		const char *pair = s + pos, *amp, *eq;
		size_t plen, nlen, vlen;
		char *name, *value;

		amp = memchr(pair, '&', len - pos);
		plen = amp ? (size_t)(amp - pair) : len - pos;
		pos += plen + 1;
		if (plen == 0)
			continue;
		if (++count > lim->max_fields)
			return REQ_ETOOMANY;
		eq = memchr(pair, '=', plen);
		nlen = eq ? (size_t)(eq - pair) : plen;
		name = req_urldecode(a, pair, nlen, &nlen);
		if (nlen == 0 || nlen > lim->max_name || memchr(name, '\0', nlen) != NULL)
			return REQ_EBAD;
		if (eq)
			value = req_urldecode(a, eq + 1, plen - (size_t)(eq - pair) - 1, &vlen);
		else
			value = "", vlen = 0;
		kvlist_add(a, out, name, nlen, value, vlen);
	}
	return REQ_OK;
}

enum req_err
req_parse_cookies(struct arena *a, const char *hdr, const struct req_limits *lim,
    struct kvlist *out)
{
	const char *p = hdr;
	size_t count = 0;

	if (hdr == NULL)
		return REQ_OK;
	while (*p != '\0') {
		const char *name, *eq, *end;
		size_t nlen, vlen;

		while (*p == ' ' || *p == '\t' || *p == ';')
			p++;
		if (*p == '\0')
			break;
		name = p;
		end = strchr(p, ';');
		if (end == NULL)
			end = p + strlen(p);
		eq = memchr(name, '=', (size_t)(end - name));
		p = end;
		if (eq == NULL)
			continue;
		if (++count > lim->max_fields)
			return REQ_ETOOMANY;
		nlen = (size_t)(eq - name);
		while (nlen > 0 && (name[nlen - 1] == ' ' || name[nlen - 1] == '\t'))
			nlen--;
		if (nlen == 0 || nlen > lim->max_name)
			continue;
		eq++;
		vlen = (size_t)(end - eq);
		while (vlen > 0 && (eq[vlen - 1] == ' ' || eq[vlen - 1] == '\t'))
			vlen--;
		if (vlen >= 2 && eq[0] == '"' && eq[vlen - 1] == '"')
			eq++, vlen -= 2;
		kvlist_add(a, out, name, nlen, eq, vlen);
	}
	return REQ_OK;
}

const char *
req_multipart_boundary(struct arena *a, const char *ctype)
{
	const char *p;
	size_t n;

	if (ctype == NULL || strncasecmp(ctype, "multipart/form-data", 19) != 0)
		return NULL;
	p = strcasestr(ctype, "boundary=");
	if (p == NULL)
		return NULL;
	p += 9;
	if (*p == '"') {
		const char *q = strchr(++p, '"');
		n = q ? (size_t)(q - p) : 0;
	} else {
		n = strcspn(p, "; \t");
	}
	if (n == 0 || n > 70)
		return NULL;
	return arena_strndup(a, p, n);
}

/* Finds needle in hay[0..hlen); memmem without the GNU dependency for clarity. */
static const char *
find(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	if (nlen == 0 || hlen < nlen)
		return NULL;
	for (size_t i = 0; i + nlen <= hlen; i++)
		if (hay[i] == needle[0] && memcmp(hay + i, needle, nlen) == 0)
			return hay + i;
	return NULL;
}

/* Extracts a parameter (name="..." or filename="...") from a Content-Disposition value
 * hdr[0..len). Returns an arena string or NULL. */
static const char *
disp_param(struct arena *a, const char *hdr, size_t len, const char *param)
{
	size_t plen = strlen(param);

	for (size_t i = 0; i + plen + 2 <= len; i++) {
		if ((i == 0 || hdr[i - 1] == ' ' || hdr[i - 1] == ';') &&
		    strncasecmp(hdr + i, param, plen) == 0 && hdr[i + plen] == '=') {
			const char *v = hdr + i + plen + 1, *end = hdr + len, *q;

			if (v < end && *v == '"') {
				v++;
				q = memchr(v, '"', (size_t)(end - v));
				if (q == NULL)
					return NULL;
			} else {
				for (q = v; q < end && *q != ';' && *q != ' '; q++)
					;
			}
			return arena_strndup(a, v, (size_t)(q - v));
		}
	}
	return NULL;
}

enum req_err
req_parse_multipart(struct arena *a, const char *body, size_t len, const char *boundary,
    const struct req_limits *lim, struct kvlist *fields, struct uploadlist *files)
{
	char *delim;
	size_t dlen, count = 0;
	const char *p, *end = body + len;

	if (boundary == NULL || *boundary == '\0')
		return REQ_EBAD;
	delim = arena_printf(a, "\r\n--%s", boundary);
	dlen = strlen(delim);
	/* The first delimiter may come without the leading CRLF. */
	if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0)
		p = body + dlen - 2;
	else if ((p = find(body, len, delim, dlen)) != NULL)
		p += dlen;
	else
		return REQ_EBAD;

	for (;;) {
		const char *hdr_end, *part, *next, *h;
		const char *name = NULL, *filename = NULL, *ctype = NULL;

		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			return REQ_OK;               /* closing delimiter */
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return REQ_EBAD;
		p += 2;
		hdr_end = find(p, (size_t)(end - p), "\r\n\r\n", 4);
		if (hdr_end == NULL)
			return REQ_EBAD;
		for (h = p; h < hdr_end;) {
			const char *eol = find(h, (size_t)(hdr_end - h), "\r\n", 2);
			size_t hl = eol ? (size_t)(eol - h) : (size_t)(hdr_end - h);

			if (hl > 20 && strncasecmp(h, "Content-Disposition:", 20) == 0) {
				name = disp_param(a, h + 20, hl - 20, "name");
				filename = disp_param(a, h + 20, hl - 20, "filename");
			} else if (hl > 13 && strncasecmp(h, "Content-Type:", 13) == 0) {
				const char *v = h + 13;
				size_t vl = hl - 13;

				while (vl > 0 && *v == ' ')
					v++, vl--;
				ctype = arena_strndup(a, v, vl);
			}
			h += hl + 2;
		}
		part = hdr_end + 4;
		next = find(part, (size_t)(end - part), delim, dlen);
		if (next == NULL)
			return REQ_EBAD;
		if (name == NULL || *name == '\0' || strlen(name) > lim->max_name)
			return REQ_EBAD;
		if (filename != NULL) {
			struct upload *u;

			if (*filename != '\0') {
				if (files->n >= lim->max_files)
					return REQ_ETOOMANY;
				if (files->n == files->cap) {
					size_t cap = files->cap ? files->cap * 2 : 4;
					struct upload *v = arena_alloc(a, cap * sizeof(*v));

					if (files->n)
						memcpy(v, files->v, files->n * sizeof(*v));
					files->v = v;
					files->cap = cap;
				}
				u = &files->v[files->n++];
				u->field = name;
				u->filename = filename;
				u->ctype = ctype ? ctype : "application/octet-stream";
				u->data = part;
				u->len = (size_t)(next - part);
			}
		} else {
			if (++count > lim->max_fields)
				return REQ_ETOOMANY;
			kvlist_add(a, fields, name, strlen(name), part, (size_t)(next - part));
		}
		p = next + dlen;
	}
}
