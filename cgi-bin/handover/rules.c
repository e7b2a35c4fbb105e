/* rules.c: the handover's pure rules (no database, no request): unit-tested. */
#include "handover.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

const char *
ho_count_problem(long long expected, long long counted, const char *explanation,
    const char *answerable)
{
	if (counted < 0)
		return "handover.err.count";
	if (counted == expected)
		return NULL;
	if (explanation == NULL || explanation[0] == '\0')
		return "handover.err.explain";
	if (answerable == NULL || answerable[0] == '\0')
		return "handover.err.answerable";
	return NULL;
}

static int
hhmm(const char *s)
{
	if (s == NULL || strlen(s) != 5 || !isdigit((unsigned char)s[0]) ||
	    !isdigit((unsigned char)s[1]) || s[2] != ':' || !isdigit((unsigned char)s[3]) ||
	    !isdigit((unsigned char)s[4]))
		return -1;
	int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 23 || m > 59)
		return -1;
	return h * 60 + m;
}

long long
ho_early_minutes(const char *arrived, const char *change)
{
	int a = hhmm(arrived), c = hhmm(change);
	long long d;

	if (a < 0 || c < 0)
		return -100000;
	d = c - a;
	while (d > 720)
		d -= 1440;
	while (d <= -720)
		d += 1440;
	return d;
}

long long
ho_parse_count(const char *s)
{
	long long v = 0;
	size_t n = 0;

	if (s == NULL)
		return -1;
	while (*s == ' ')
		s++;
	for (; isdigit((unsigned char)*s); s++, n++) {
		v = v * 10 + (*s - '0');
		if (n >= 4)
			return -1;
	}
	while (*s == ' ')
		s++;
	return n == 0 || *s != '\0' ? -1 : v;
}
