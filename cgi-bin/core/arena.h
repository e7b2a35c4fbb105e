/* arena.h: the per-request bump allocator.
 *
 * Everything a request needs (parsed input, query results, strings for the page) comes from
 * one arena and is released in one call, arena_reset(), when the request ends. Allocation
 * failure aborts the process in one place (arena_oom): a FastCGI worker that cannot get
 * memory is restarted by the supervisor, which is better than half-answering.
 */
#ifndef DD_ARENA_H
#define DD_ARENA_H
#include <stddef.h>
#include <stdarg.h>

struct arena_chunk;
struct arena {
	struct arena_chunk *head;   /* newest chunk; older ones follow ->next */
	size_t              chunk;  /* default chunk size */
	size_t              used;   /* bytes handed out since the last reset (for tests) */
};

/* Initialises an empty arena; chunk is the default chunk size (0 = 64 KiB). */
void   arena_init(struct arena *a, size_t chunk);
/* Frees every chunk but the first, which is kept for the next request. */
void   arena_reset(struct arena *a);
/* Frees everything; the arena may be initialised again. */
void   arena_free(struct arena *a);
/* Returns n bytes aligned for any type, owned by the arena. Never NULL. */
void  *arena_alloc(struct arena *a, size_t n);
/* Like arena_alloc but zeroed. */
void  *arena_calloc(struct arena *a, size_t n, size_t size);
/* Copies s (or its first n bytes) into the arena, NUL-terminated. s may be NULL: returns NULL. */
char  *arena_strdup(struct arena *a, const char *s);
char  *arena_strndup(struct arena *a, const char *s, size_t n);
/* printf into the arena. */
char  *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char  *arena_vprintf(struct arena *a, const char *fmt, va_list ap);
/* The single out-of-memory exit. */
void   arena_oom(void) __attribute__((noreturn));

#endif
