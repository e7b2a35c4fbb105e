/* rules.c: the callback desk's pure rules (unit-tested in tests/unit/test_callback.c): days
 * between dates, the unit codes typed for a plan, a search text as a LIKE pattern. */
#include "callback.h"
#include <stdlib.h>
#include <string.h>

long long
cb_day_number(const char *s)
{
	long long y = atoll(s), m = atoll(s + 5), d = atoll(s + 8), era, yoe, doy, doe;

	/* Howard Hinnant's days_from_civil. */
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

const char *
cb_unit_codes(struct arena *a, const char *s, size_t *n)
{
	struct buf b;
	char *out;

	buf_init(&b);
	*n = 0;
	while (*s) {
		size_t len;

		if (strchr(" \t\r\n,;", *s)) {
			s++;
			continue;
		}
		if (strncmp(s, "，", 3) == 0 || strncmp(s, "、", 3) == 0 || strncmp(s, "；", 3) == 0) {
			s += 3;
			continue;
		}
		len = strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
		if (len == 0 || len > 20 || *n >= CB_MAX_UNITS) {
			buf_free(&b);
			*n = 0;
			return NULL;
		}
		++*n;
		if (b.len)
			buf_putc(&b, ',');
		for (size_t i = 0; i < len; i++)
			buf_putc(&b, s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 32) : s[i]);
		s += len;
	}
	out = arena_strdup(a, b.len ? buf_cstr(&b) : "");
	buf_free(&b);
	return out;
}

const char *
cb_like(struct arena *a, const char *q)
{
	struct buf b;
	char *out;

	if (q == NULL || *q == '\0')
		return "";
	buf_init(&b);
	buf_putc(&b, '%');
	for (; *q; q++) {
		if (*q == '%' || *q == '_' || *q == '\\')
			buf_putc(&b, '\\');
		buf_putc(&b, *q);
	}
	buf_putc(&b, '%');
	out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}
