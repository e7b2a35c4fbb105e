/* csv.c: reading the residents directory's CSV lines, and the unit code a line names. Pure
 * (arena only), unit-tested in tests/unit/test_req.c. */
#include "rq.h"
#include <string.h>

static const char *
trimmed(struct arena *a, const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return arena_strndup(a, s, n);
}

int
rq_csv_record(struct arena *a, const char **p, const char *end, const char **fields, int max,
    int *lines)
{
	const char *s = *p;
	struct buf f = { 0 };
	int n = 0, quoted = 0, was_quoted = 0;

	*lines = 0;
	if (s >= end)
		return 0;
	*lines = 1;
	for (;;) {
		int at_end = s >= end;
		char ch = at_end ? '\n' : *s;

		if (quoted && at_end) {
			buf_free(&f);
			return -1;
		}
		if (quoted) {
			if (ch == '"' && s + 1 < end && s[1] == '"') {
				buf_putc(&f, '"');
				s += 2;
				continue;
			}
			if (ch == '"') {
				quoted = 0;
				s++;
				continue;
			}
			if (ch == '\n')
				(*lines)++;
			buf_putc(&f, ch);
			s++;
			continue;
		}
		if (ch == '"' && f.len == 0 && !was_quoted) {
			quoted = 1;
			was_quoted = 1;
			s++;
			continue;
		}
		if (ch == ',' || ch == '\n' || (ch == '\r' && (s + 1 >= end || s[1] == '\n'))) {
			if (n < max)
				fields[n] = was_quoted ? arena_strndup(a, f.len ? f.data : "", f.len) :
				    trimmed(a, f.len ? f.data : "", f.len);
			n++;
			f.len = 0;
			was_quoted = 0;
			if (ch == ',') {
				s++;
				continue;
			}
			if (ch == '\r')
				s++;
			if (!at_end)
				s++;
			break;
		}
		buf_putc(&f, ch);
		s++;
	}
	buf_free(&f);
	*p = s;
	return n;
}

const char *
rq_unit_code(struct arena *a, const char *building, const char *room)
{
	size_t bl = strlen(building);

	if (bl == 0 || room[0] == '\0')
		return NULL;
	if (strchr(room, '-') != NULL) {
		if (strncmp(room, building, bl) != 0 || room[bl] != '-' || room[bl + 1] == '\0')
			return NULL;
		return arena_strdup(a, room);
	}
	return arena_printf(a, "%s-%s", building, room);
}
