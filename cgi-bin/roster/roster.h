/* roster.h: the roster's pure logic, no database and no request: the rule checker, the
 * fairness counters and the generator of a month's roster (排班).
 *
 * Time is counted in minutes from 00:00 of the month's first day (day 0). A shift belongs to
 * the day it starts; one crossing midnight (22:00-06:00) ends on the next day, and the rest
 * before that person's next shift is counted from its end.
 *
 * Hard rules (roster_check reports each breach; a roster with any cannot be published):
 * every shift covered at its headcount (holiday_headcount on public holidays), a minimum rest
 * between two shifts of one person, at most max_consec working days in a row, no one on two
 * shifts at once, nobody on a day they are off (approved leave or stated unavailability), and
 * nobody on a shift on a weekday it does not run. Soft rules (the generator balances them):
 * equal shares of night, weekend and holiday shifts, hours in proportion to contracted hours.
 *
 * The generator is deterministic: the same input gives the same roster.
 */
#ifndef DD_ROSTER_H
#define DD_ROSTER_H
#include <limits.h>
#include <stddef.h>

#define ROSTER_NONE     INT_MIN  /* no shift before the month */
#define ROSTER_MAX_SHIFTS 16

struct roster_shift {
	int      start;         /* minutes after midnight */
	int      len;           /* minutes; start + len > 1440 crosses midnight */
	int      need;          /* headcount on ordinary days */
	int      need_holiday;  /* headcount on public holidays (节假日加强值班) */
	unsigned days;          /* weekdays it runs: Monday = 1 ... Sunday = 64 (127 every day) */
};

struct roster_day {
	int wday;     /* 0 Monday ... 6 Sunday */
	int holiday;  /* a public holiday (day off) */
	int weekend;  /* Saturday or Sunday that is not an adjusted working day (调休上班) */
};

struct roster_person {
	int contract_min;  /* contracted minutes in the month (soft target, > 0) */
	int prev_end;      /* end of the last shift before day 0 (<= 0), or ROSTER_NONE */
	int prev_consec;   /* working days in a row ending the day before day 0 */
};

struct roster_in {
	int                         ndays, nshifts, npeople;
	const struct roster_day    *days;     /* ndays */
	const struct roster_shift  *shifts;   /* nshifts (<= ROSTER_MAX_SHIFTS) */
	const struct roster_person *people;   /* npeople */
	const unsigned char        *off;      /* npeople * ndays (person-major), 1 = off; NULL none */
	int                         min_rest;   /* minutes */
	int                         max_consec; /* days */
};

/* One person on one shift of one day (indexes into the input's arrays). */
struct roster_a {
	int day, shift, person;
};

/* A roster: its assignments. The array is malloc'ed and owned by the plan
 * (roster_plan_free); the struct itself belongs to the caller. */
struct roster_plan {
	struct roster_a *a;
	size_t           n, cap;
};

enum roster_rule {
	RV_UNCOVERED,    /* day, shift: value people of need2 */
	RV_OVERLAP,      /* person on shift (day, shift) and (day2, shift2) at once */
	RV_REST,         /* person: value minutes of rest between (day, shift) and (day2, shift2) */
	RV_CONSEC,       /* person works value days in a row, day .. day2 */
	RV_OFF,          /* person on (day, shift) while off that day */
	RV_NOT_RUNNING,  /* person on (day, shift), a weekday the shift does not run */
};

struct roster_violation {
	enum roster_rule rule;
	int              person;   /* -1 for RV_UNCOVERED */
	int              day, shift, day2, shift2;
	int              value, need;
};

/* A list of violations: malloc'ed array owned by the list (roster_violations_free). */
struct roster_violations {
	struct roster_violation *v;
	size_t                   n, cap;
};

struct roster_stats {
	int minutes, shifts, nights, weekends, holidays;
};

void roster_plan_free(struct roster_plan *p);
/* Adds an assignment (duplicates are the caller's business). 0, or -1 out of memory. */
int  roster_plan_add(struct roster_plan *p, int day, int shift, int person);
/* Removes the assignments of person on (day, shift); shift -1: any shift that day. Returns
 * how many. */
size_t roster_plan_remove(struct roster_plan *p, int day, int shift, int person);
/* Sorts by day, shift start, person. */
void roster_plan_sort(const struct roster_in *in, struct roster_plan *p);

/* The headcount of shift on day: 0 when it does not run that weekday. */
int  roster_need(const struct roster_in *in, int day, int shift);
/* Whether shift is a night shift (crosses midnight). */
int  roster_is_night(const struct roster_shift *s);

/* Checks every hard rule; appends the breaches to out (in a stable order). 0, or -1 out of
 * memory. */
int  roster_check(const struct roster_in *in, const struct roster_plan *p,
    struct roster_violations *out);
void roster_violations_free(struct roster_violations *v);
/* Fills st[npeople] with each person's counters. */
void roster_stats(const struct roster_in *in, const struct roster_plan *p,
    struct roster_stats *st);

/* Whether person may take (day, shift) given the assignments in p, by every hard rule but
 * coverage. */
int  roster_fits(const struct roster_in *in, const struct roster_plan *p, int day, int shift,
    int person);

/* Fills p (which may already hold fixed assignments, kept as they are) up to every shift's
 * headcount. Returns the number of places left uncovered (no one could take them without
 * breaking a hard rule), or -1 out of memory. */
int  roster_generate(const struct roster_in *in, struct roster_plan *p);

#endif
