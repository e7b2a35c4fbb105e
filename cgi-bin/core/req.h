/* req.h: request input parsing: query strings, urlencoded and multipart bodies, cookies.
 *
 * The parsers are pure functions over a byte range: they do not read the network, so the
 * unit tests and the fuzz targets call them directly. Every string they produce is
 * NUL-terminated and owned by the arena passed in.
 */
#ifndef DD_REQ_H
#define DD_REQ_H
#include <stddef.h>
#include "arena.h"

struct kv {
	const char *name;
	const char *value;   /* decoded, NUL-terminated; may hold NUL bytes before len */
	size_t      len;
};

struct kvlist {
	struct kv *v;
	size_t     n, cap;
};

struct upload {
	const char *field;     /* form field name */
	const char *filename;  /* as sent by the browser (untrusted, for display only) */
	const char *ctype;     /* as sent by the browser (untrusted: check the content) */
	const char *data;      /* points into the request body */
	size_t      len;
};

struct uploadlist {
	struct upload *v;
	size_t         n, cap;
};

struct req_limits {
	size_t max_fields;     /* names per body or query string */
	size_t max_name;       /* bytes per field name */
	size_t max_files;      /* uploaded files per request */
};

/* Parser results. */
enum req_err {
	REQ_OK = 0,
	REQ_ETOOMANY,   /* more fields or files than the limits allow */
	REQ_EBAD,       /* malformed input */
};

extern const struct req_limits req_default_limits;

/* Parses application/x-www-form-urlencoded (also query strings) and appends to out. */
enum req_err req_parse_urlencoded(struct arena *a, const char *s, size_t len,
    const struct req_limits *lim, struct kvlist *out);
/* Parses a Cookie header ("a=b; c=d"); later duplicates are kept after earlier ones. */
enum req_err req_parse_cookies(struct arena *a, const char *hdr, const struct req_limits *lim,
    struct kvlist *out);
/* Extracts the boundary of a multipart/form-data Content-Type; NULL if none (arena string). */
const char  *req_multipart_boundary(struct arena *a, const char *ctype);
/* Parses a multipart/form-data body: plain fields go to fields, file parts to files. */
enum req_err req_parse_multipart(struct arena *a, const char *body, size_t len,
    const char *boundary, const struct req_limits *lim, struct kvlist *fields,
    struct uploadlist *files);

/* Appends a name/value pair (both copied into the arena). */
void         kvlist_add(struct arena *a, struct kvlist *l, const char *name, size_t nlen,
    const char *value, size_t vlen);
/* First value of name, or NULL. */
const char  *kvlist_get(const struct kvlist *l, const char *name);
/* Number of values of name. */
size_t       kvlist_count(const struct kvlist *l, const char *name);

/* Decodes %XX and '+' from s[0..len) into a new arena string; *outlen gets its length. */
char        *req_urldecode(struct arena *a, const char *s, size_t len, size_t *outlen);

#endif
