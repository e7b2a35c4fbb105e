/* roster.c: see roster.h. */
#include "roster.h"
#include <stdlib.h>
#include <string.h>

#define DAY_MIN 1440

void
roster_plan_free(struct roster_plan *p)
{
	free(p->a);
	p->a = NULL;
	p->n = p->cap = 0;
}

int
roster_plan_add(struct roster_plan *p, int day, int shift, int person)
{
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		struct roster_a *a = realloc(p->a, cap * sizeof(*a));

		if (a == NULL)
			return -1;
		p->a = a;
		p->cap = cap;
	}
	p->a[p->n++] = (struct roster_a){ day, shift, person };
	return 0;
}

size_t
roster_plan_remove(struct roster_plan *p, int day, int shift, int person)
{
	size_t k = 0, gone = 0;

	for (size_t i = 0; i < p->n; i++) {
		const struct roster_a *x = &p->a[i];

		if (x->day == day && x->person == person && (shift < 0 || x->shift == shift))
			gone++;
		else
			p->a[k++] = *x;
	}
	p->n = k;
	return gone;
}

static const struct roster_in *sort_in;  /* qsort has no context argument */

static int
cmp_a(const void *pa, const void *pb)
{
	const struct roster_a *a = pa, *b = pb;
	int sa = sort_in->shifts[a->shift].start, sb = sort_in->shifts[b->shift].start;

	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if (sa != sb)
		return sa < sb ? -1 : 1;
	if (a->shift != b->shift)
		return a->shift < b->shift ? -1 : 1;
	return (a->person > b->person) - (a->person < b->person);
}

void
roster_plan_sort(const struct roster_in *in, struct roster_plan *p)
{
	sort_in = in;
	if (p->n > 1)
		qsort(p->a, p->n, sizeof(p->a[0]), cmp_a);
	sort_in = NULL;
}

int
roster_is_night(const struct roster_shift *s)
{
	return s->start + s->len > DAY_MIN;
}

int
roster_need(const struct roster_in *in, int day, int shift)
{
	const struct roster_shift *s = &in->shifts[shift];

	if (!(s->days & (1u << in->days[day].wday)))
		return 0;
	return in->days[day].holiday ? s->need_holiday : s->need;
}

static int
off_day(const struct roster_in *in, int person, int day)
{
	return in->off != NULL && in->off[(size_t)person * (size_t)in->ndays + (size_t)day];
}

static int
a_start(const struct roster_in *in, int day, int shift)
{
	return day * DAY_MIN + in->shifts[shift].start;
}

static int
a_end(const struct roster_in *in, int day, int shift)
{
	return a_start(in, day, shift) + in->shifts[shift].len;
}

/* Minutes between two shifts of one person (negative: they overlap). */
static int
gap(const struct roster_in *in, int d1, int s1, int d2, int s2)
{
	int a1 = a_start(in, d1, s1), a2 = a_start(in, d2, s2);

	if (a2 >= a1)
		return a2 - a_end(in, d1, s1);
	return a1 - a_end(in, d2, s2);
}

/* ---- violations ---- */

static int
add_v(struct roster_violations *out, struct roster_violation v)
{
	if (out->n == out->cap) {
		size_t cap = out->cap ? out->cap * 2 : 32;
		struct roster_violation *n = realloc(out->v, cap * sizeof(*n));

		if (n == NULL)
			return -1;
		out->v = n;
		out->cap = cap;
	}
	out->v[out->n++] = v;
	return 0;
}

void
roster_violations_free(struct roster_violations *v)
{
	free(v->v);
	v->v = NULL;
	v->n = v->cap = 0;
}

/* Coverage of every (day, shift). */
static int
check_cover(const struct roster_in *in, const struct roster_plan *p,
    struct roster_violations *out)
{
	size_t cells = (size_t)in->ndays * (size_t)in->nshifts;
	int *have = calloc(cells ? cells : 1, sizeof(*have));
	int rc = 0;

	if (have == NULL)
		return -1;
	for (size_t i = 0; i < p->n; i++)
		have[(size_t)p->a[i].day * (size_t)in->nshifts + (size_t)p->a[i].shift]++;
	for (int d = 0; d < in->ndays && rc == 0; d++)
		for (int s = 0; s < in->nshifts && rc == 0; s++) {
			int need = roster_need(in, d, s), h = have[(size_t)d * (size_t)in->nshifts + (size_t)s];

			if (h < need)
				rc = add_v(out, (struct roster_violation){ RV_UNCOVERED, -1, d, s, d, s, h,
				    need });
		}
	free(have);
	return rc;
}

/* Rest, overlap, days off and weekdays of one person's assignments (sorted by time). */
static int
check_person(const struct roster_in *in, int person, const struct roster_a *a, size_t n,
    struct roster_violations *out)
{
	const struct roster_person *pp = &in->people[person];
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		int d = a[i].day, s = a[i].shift;

		if (off_day(in, person, d))
			rc = add_v(out, (struct roster_violation){ RV_OFF, person, d, s, d, s, 0, 0 });
		if (rc == 0 && !(in->shifts[s].days & (1u << in->days[d].wday)))
			rc = add_v(out, (struct roster_violation){ RV_NOT_RUNNING, person, d, s, d, s,
			    0, 0 });
		if (rc == 0 && i == 0 && pp->prev_end != ROSTER_NONE &&
		    a_start(in, d, s) - pp->prev_end < in->min_rest)
			rc = add_v(out, (struct roster_violation){ RV_REST, person, -1, -1, d, s,
			    a_start(in, d, s) - pp->prev_end, 0 });
		/* Every later shift that starts before this one's rest is over. */
		for (size_t k = i + 1; k < n && rc == 0; k++) {
			int g = gap(in, d, s, a[k].day, a[k].shift);

			if (a_start(in, a[k].day, a[k].shift) >= a_end(in, d, s) + in->min_rest)
				break;
			rc = add_v(out, (struct roster_violation){ g < 0 ? RV_OVERLAP : RV_REST, person,
			    d, s, a[k].day, a[k].shift, g, 0 });
		}
	}
	return rc;
}

/* Runs of working days longer than max_consec (the run before the month counts). */
static int
check_consec(const struct roster_in *in, int person, const struct roster_a *a, size_t n,
    struct roster_violations *out)
{
	int run = in->people[person].prev_consec, from = -run, last = -1;
	size_t i = 0;

	for (int d = 0; d <= in->ndays; d++) {
		int works = 0;

		while (i < n && a[i].day == d) {
			works = 1;
			i++;
		}
		if (works && d < in->ndays) {
			if (run == 0)
				from = d;
			run++;
			last = d;
			continue;
		}
		if (run > in->max_consec && last >= 0 && add_v(out, (struct roster_violation){
		    RV_CONSEC, person, from < 0 ? 0 : from, -1, last, -1, run, in->max_consec }) != 0)
			return -1;
		run = 0;
	}
	return 0;
}

int
roster_check(const struct roster_in *in, const struct roster_plan *p,
    struct roster_violations *out)
{
	struct roster_plan mine = { 0 };
	int rc = check_cover(in, p, out);

	/* Per person: their assignments in time order. */
	for (int person = 0; person < in->npeople && rc == 0; person++) {
		mine.n = 0;
		for (size_t i = 0; i < p->n && rc == 0; i++)
			if (p->a[i].person == person)
				rc = roster_plan_add(&mine, p->a[i].day, p->a[i].shift, person);
		roster_plan_sort(in, &mine);
		if (rc == 0)
			rc = check_person(in, person, mine.a, mine.n, out);
		if (rc == 0)
			rc = check_consec(in, person, mine.a, mine.n, out);
	}
	roster_plan_free(&mine);
	return rc;
}

void
roster_stats(const struct roster_in *in, const struct roster_plan *p, struct roster_stats *st)
{
	memset(st, 0, sizeof(*st) * (size_t)in->npeople);
	for (size_t i = 0; i < p->n; i++) {
		const struct roster_a *x = &p->a[i];
		struct roster_stats *s = &st[x->person];

		s->minutes += in->shifts[x->shift].len;
		s->shifts++;
		s->nights += roster_is_night(&in->shifts[x->shift]);
		s->weekends += in->days[x->day].weekend;
		s->holidays += in->days[x->day].holiday;
	}
}

/* ---- the generator ---- */

/* Who works when: a bit per shift for each person and day. Owned by the generator. */
struct occ {
	const struct roster_in *in;
	unsigned               *mask;  /* npeople * ndays */
};

static unsigned *
occ_at(const struct occ *o, int person, int day)
{
	return &o->mask[(size_t)person * (size_t)o->in->ndays + (size_t)day];
}

static int
occ_works(const struct occ *o, int person, int day)
{
	if (day < 0)
		return day >= -o->in->people[person].prev_consec;
	return day < o->in->ndays && *occ_at(o, person, day) != 0;
}

/* Every hard rule but coverage, for person taking (day, shift). */
static int
occ_fits(const struct occ *o, int day, int shift, int person)
{
	const struct roster_in *in = o->in;
	const struct roster_person *pp = &in->people[person];
	int before = 0, after = 0;

	if (off_day(in, person, day) || !(in->shifts[shift].days & (1u << in->days[day].wday)))
		return 0;
	if (pp->prev_end != ROSTER_NONE && a_start(in, day, shift) - pp->prev_end < in->min_rest)
		return 0;
	/* Shifts last at most a day and rest is at most a day: two days either side suffice. */
	for (int d = day - 2; d <= day + 2; d++) {
		if (d < 0 || d >= in->ndays)
			continue;
		for (int s = 0; s < in->nshifts; s++)
			if ((*occ_at(o, person, d) & (1u << s)) && gap(in, day, shift, d, s) < in->min_rest)
				return 0;
	}
	if (*occ_at(o, person, day) != 0)
		return 1;  /* already working that day: the run does not grow */
	while (occ_works(o, person, day - 1 - before) && before <= in->max_consec)
		before++;
	while (occ_works(o, person, day + 1 + after) && after <= in->max_consec)
		after++;
	return before + 1 + after <= in->max_consec;
}

int
roster_fits(const struct roster_in *in, const struct roster_plan *p, int day, int shift,
    int person)
{
	struct occ o = { in, calloc((size_t)in->npeople * (size_t)in->ndays + 1, sizeof(unsigned)) };
	int ok;

	if (o.mask == NULL)
		return 0;
	for (size_t i = 0; i < p->n; i++)
		*occ_at(&o, p->a[i].person, p->a[i].day) |= 1u << p->a[i].shift;
	ok = occ_fits(&o, day, shift, person);
	free(o.mask);
	return ok;
}

/* Lower is better: hours against the contract first, then the person's share of night,
 * weekend and holiday shifts, then a fixed rotation so that ties do not always favour the
 * same person. */
static double
score(const struct roster_in *in, const struct roster_stats *st, int day, int shift,
    int person)
{
	const struct roster_shift *s = &in->shifts[shift];
	const struct roster_stats *x = &st[person];
	double sc = 100.0 * (double)(x->minutes + s->len) / (double)in->people[person].contract_min;

	if (roster_is_night(s))
		sc += 12.0 * x->nights;
	if (in->days[day].weekend)
		sc += 8.0 * x->weekends;
	if (in->days[day].holiday)
		sc += 12.0 * x->holidays;
	return sc + 0.001 * (double)((person + day * 7 + shift * 3) % in->npeople);
}

static void
stat_add(const struct roster_in *in, struct roster_stats *st, int day, int shift)
{
	st->minutes += in->shifts[shift].len;
	st->shifts++;
	st->nights += roster_is_night(&in->shifts[shift]);
	st->weekends += in->days[day].weekend;
	st->holidays += in->days[day].holiday;
}

/* The shifts in order of start time (a day's places are filled in that order). */
static void
shift_order(const struct roster_in *in, int *order)
{
	for (int i = 0; i < in->nshifts; i++)
		order[i] = i;
	for (int i = 1; i < in->nshifts; i++)
		for (int k = i; k > 0 && in->shifts[order[k]].start < in->shifts[order[k - 1]].start; k--) {
			int t = order[k];

			order[k] = order[k - 1];
			order[k - 1] = t;
		}
}

int
roster_generate(const struct roster_in *in, struct roster_plan *p)
{
	size_t cells = (size_t)in->npeople * (size_t)in->ndays;
	struct occ o = { in, calloc(cells + 1, sizeof(unsigned)) };
	struct roster_stats *st = calloc((size_t)in->npeople + 1, sizeof(*st));
	int order[ROSTER_MAX_SHIFTS], left = 0;

	if (o.mask == NULL || st == NULL || in->nshifts > ROSTER_MAX_SHIFTS) {
		free(o.mask);
		free(st);
		return -1;
	}
	shift_order(in, order);
	for (size_t i = 0; i < p->n; i++) {
		*occ_at(&o, p->a[i].person, p->a[i].day) |= 1u << p->a[i].shift;
		stat_add(in, &st[p->a[i].person], p->a[i].day, p->a[i].shift);
	}
	for (int d = 0; d < in->ndays && left >= 0; d++)
		for (int k = 0; k < in->nshifts && left >= 0; k++) {
			int s = order[k], have = 0;

			for (int person = 0; person < in->npeople; person++)
				have += (*occ_at(&o, person, d) >> s) & 1;
			for (; have < roster_need(in, d, s); have++) {
				int best = -1;
				double bsc = 0;

				for (int person = 0; person < in->npeople; person++) {
					double sc;

					if (!occ_fits(&o, d, s, person))
						continue;
					sc = score(in, st, d, s, person);
					if (best < 0 || sc < bsc) {
						best = person;
						bsc = sc;
					}
				}
				if (best < 0) {
					left++;
					continue;
				}
				if (roster_plan_add(p, d, s, best) != 0) {
					left = -1;
					break;
				}
				*occ_at(&o, best, d) |= 1u << s;
				stat_add(in, &st[best], d, s);
			}
		}
	free(o.mask);
	free(st);
	if (left >= 0)
		roster_plan_sort(in, p);
	return left;
}
