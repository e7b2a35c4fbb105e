/* sla.c: due times on a site's working calendar, and the phone-number rule. Pure functions
 * (no database, no allocation), unit-tested in tests/unit/test_req.c. */
#include "rq.h"
#include <stdio.h>
#include <string.h>

/* Days since 1970-01-01 of a civil date (H. Hinnant's algorithm). */
static long long
days_from_civil(long long y, unsigned m, unsigned d)
{
	long long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

static void
civil_from_days(long long z, int *y, int *m, int *d)
{
	long long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)((long long)yoe + era * 400 + (*m <= 2));
}

static int
digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

/* "2026-11-23" -> days since the epoch; -1 (as a flag in *ok) when malformed. */
static int
parse_day(const char *s, long long *days)
{
	int y, m, d;
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (strlen(s) < 10 || s[4] != '-' || s[7] != '-' || digits(s, 4, &y) ||
	    digits(s + 5, 2, &m) || digits(s + 8, 2, &d) || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1] || y < 1970)
		return -1;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return -1;
	*days = days_from_civil(y, (unsigned)m, (unsigned)d);
	return 0;
}

int
rq_parse_hm(const char *s)
{
	int h, m, sec;
	size_t n = strlen(s);

	if ((n != 5 && n != 8) || s[2] != ':' || digits(s, 2, &h) || digits(s + 3, 2, &m) ||
	    h > 23 || m > 59)
		return -1;
	if (n == 8 && (s[5] != ':' || digits(s + 6, 2, &sec) || sec > 59))
		return -1;
	return h * 60 + m;
}

static int
listed(const char *day, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] && strncmp(list[i], day, 10) == 0)
			return 1;
	return 0;
}

static int
working_days(long long days, const struct rq_calendar *cal)
{
	int y, m, d, wd = (int)(((days % 7) + 11) % 7);   /* 0 Sunday .. 6 Saturday */
	char s[16];

	civil_from_days(days, &y, &m, &d);
	snprintf(s, sizeof(s), "%04d-%02d-%02d", y, m, d);
	if (listed(s, cal->workdays, cal->nworkdays))
		return 1;
	if (wd == 0 || wd == 6)
		return 0;
	return !listed(s, cal->days_off, cal->ndays_off);
}

int
rq_working_day(const char *day, const struct rq_calendar *cal)
{
	long long days;

	if (parse_day(day, &days) != 0)
		return -1;
	return working_days(days, cal);
}

static void
format(long long days, int minute, char out[17])
{
	int y, m, d;
	unsigned yy, mm, dd, hh, mi;
	char tmp[64];

	civil_from_days(days, &y, &m, &d);
	yy = (unsigned)y % 10000u;
	mm = (unsigned)m % 100u;
	dd = (unsigned)d % 100u;
	hh = (unsigned)(minute / 60) % 24u;
	mi = (unsigned)minute % 60u;
	snprintf(tmp, sizeof(tmp), "%04u-%02u-%02u %02u:%02u", yy, mm, dd, hh, mi);
	memcpy(out, tmp, 16);
	out[16] = '\0';
}

int
rq_due(const char *from, long long minutes, const struct rq_calendar *cal, char out[17])
{
	long long days, remaining = minutes < 0 ? 0 : minutes;
	int t;

	if (strlen(from) < 16 || from[10] != ' ' || parse_day(from, &days) != 0)
		return -1;
	{
		char hm[6];

		memcpy(hm, from + 11, 5);
		hm[5] = '\0';
		if ((t = rq_parse_hm(hm)) < 0)
			return -1;
	}
	if (cal == NULL || remaining == 0) {
		long long total = days * 1440 + t + (cal == NULL ? remaining : 0);

		format(total / 1440, (int)(total % 1440), out);
		return 0;
	}
	if (cal->work_start < 0 || cal->work_end > 1440 || cal->work_start >= cal->work_end)
		return -1;
	/* Ten years of days is more than any SLA; a calendar with no working day fails. */
	for (int i = 0; i < 3660; i++, days++, t = 0) {
		int start = t > cal->work_start ? t : cal->work_start;

		if (!working_days(days, cal) || start >= cal->work_end)
			continue;
		if (remaining <= cal->work_end - start) {
			format(days, start + (int)remaining, out);
			return 0;
		}
		remaining -= cal->work_end - start;
	}
	return -1;
}

int
rq_phone_ok(const char *s)
{
	int ndig = 0;
	char prev = 0;

	if (*s == '+')
		prev = *s++;
	if (*s < '0' || *s > '9')
		return 0;
	for (; *s; prev = *s++) {
		if (*s >= '0' && *s <= '9') {
			ndig++;
			continue;
		}
		if ((*s != ' ' && *s != '-') || prev < '0' || prev > '9')
			return 0;
	}
	return prev >= '0' && prev <= '9' && ndig >= 5 && ndig <= 20;
}
