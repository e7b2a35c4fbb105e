/* buf.h: a growable byte buffer (response bodies, JSON for the audit log).
 * A buf owns its heap memory; buf_free releases it, buf_reset keeps it for reuse. */
#ifndef DD_BUF_H
#define DD_BUF_H
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct buf {
	char   *data;  /* NUL-terminated when len > 0 or after buf_cstr */
	size_t  len;
	size_t  cap;
};

void  buf_init(struct buf *b);
void  buf_free(struct buf *b);
void  buf_reset(struct buf *b);
void  buf_append(struct buf *b, const void *p, size_t n);
void  buf_puts(struct buf *b, const char *s);
void  buf_putc(struct buf *b, char c);
void  buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Returns the contents as a C string (an empty string for an empty buffer); owned by b. */
const char *buf_cstr(struct buf *b);

#ifdef __cplusplus
}
#endif

#endif
