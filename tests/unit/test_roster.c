/* The roster's rules and generator (cgi-bin/roster/roster.c) on small hand-made cases. */
#include "unit.h"
#include "roster/roster.h"
#include <time.h>

#define H(h, m) ((h) * 60 + (m))

/* The demo shifts: 早班 06:00-13:00 (2, holidays 3), 中班 13:00-22:00 (2, 3), 夜班 22:00-06:00
 * (1, 2). */
static const struct roster_shift demo_shifts[] = {
	{ H(6, 0), H(7, 0), 2, 3, 127 },
	{ H(13, 0), H(9, 0), 2, 3, 127 },
	{ H(22, 0), H(8, 0), 1, 2, 127 },
};
enum { EARLY, LATE, NIGHT };

struct fixture {
	struct roster_day    days[62];
	struct roster_person people[64];
	unsigned char        off[64 * 62];
	struct roster_in     in;
	struct roster_plan   p;
	struct roster_violations v;
};

/* ndays from a month starting on weekday wday0 (0 Monday), npeople with 160 h contracts. */
static struct fixture *
fx_new(int ndays, int wday0, int npeople, const struct roster_shift *shifts, int nshifts)
{
	struct fixture *f = calloc(1, sizeof(*f));

	for (int d = 0; d < ndays; d++) {
		f->days[d].wday = (wday0 + d) % 7;
		f->days[d].weekend = f->days[d].wday >= 5;
	}
	for (int i = 0; i < npeople; i++)
		f->people[i] = (struct roster_person){ 160 * 60, ROSTER_NONE, 0 };
	f->in = (struct roster_in){ ndays, nshifts, npeople, f->days, shifts, f->people, f->off,
	    11 * 60, 6 };
	return f;
}

static void
fx_free(struct fixture *f)
{
	roster_plan_free(&f->p);
	roster_violations_free(&f->v);
	free(f);
}

/* Runs the checker; returns how many violations of rule it found. */
static size_t
count(struct fixture *f, enum roster_rule rule)
{
	size_t n = 0;

	roster_violations_free(&f->v);
	assert_int_equal(roster_check(&f->in, &f->p, &f->v), 0);
	for (size_t i = 0; i < f->v.n; i++)
		n += f->v.v[i].rule == rule;
	return n;
}

static const struct roster_violation *
first(struct fixture *f, enum roster_rule rule)
{
	for (size_t i = 0; i < f->v.n; i++)
		if (f->v.v[i].rule == rule)
			return &f->v.v[i];
	return NULL;
}

static void
generator_covers_every_shift_and_breaks_no_rule(void **state)
{
	struct fixture *f = fx_new(30, 0, 10, demo_shifts, 3);

	(void)state;
	assert_int_equal(roster_generate(&f->in, &f->p), 0);
	assert_int_equal(f->p.n, 30 * 5);
	roster_violations_free(&f->v);
	assert_int_equal(roster_check(&f->in, &f->p, &f->v), 0);
	assert_int_equal(f->v.n, 0);
	fx_free(f);
}

static void
a_missing_person_is_uncovered(void **state)
{
	struct fixture *f = fx_new(3, 0, 10, demo_shifts, 3);
	const struct roster_violation *v;

	(void)state;
	size_t i = 0;

	roster_generate(&f->in, &f->p);
	while (i < f->p.n && !(f->p.a[i].day == 1 && f->p.a[i].shift == LATE))
		i++;
	assert_true(i < f->p.n);
	assert_int_equal(roster_plan_remove(&f->p, 1, LATE, f->p.a[i].person), 1);
	assert_int_equal(count(f, RV_UNCOVERED), 1);
	v = first(f, RV_UNCOVERED);
	assert_int_equal(v->day, 1);
	assert_int_equal(v->shift, LATE);
	assert_int_equal(v->value, 1);
	assert_int_equal(v->need, 2);
	fx_free(f);
}

static void
public_holiday_needs_the_holiday_headcount(void **state)
{
	/* October 2026: Thursday the 1st; 1-7 are 国庆节 holidays, Saturday the 10th is worked. */
	struct fixture *f = fx_new(31, 3, 14, demo_shifts, 3);
	struct roster_plan ordinary = { 0 };
	int need = 0;

	(void)state;
	for (int d = 0; d < 7; d++)
		f->days[d].holiday = 1;
	f->days[9].weekend = 0;
	assert_int_equal(roster_need(&f->in, 0, EARLY), 3);
	assert_int_equal(roster_need(&f->in, 7, EARLY), 2);
	assert_int_equal(roster_generate(&f->in, &f->p), 0);
	for (int d = 0; d < 31; d++)
		for (int s = 0; s < 3; s++)
			need += roster_need(&f->in, d, s);
	assert_int_equal(f->p.n, need);
	assert_int_equal(need, 7 * 8 + 24 * 5);
	assert_int_equal(count(f, RV_UNCOVERED), 0);
	assert_int_equal(f->v.n, 0);
	/* Ordinary headcount on a holiday is not enough. */
	for (int s = 0; s < 3; s++)
		for (int i = 0; i < demo_shifts[s].need; i++)
			roster_plan_add(&ordinary, 0, s, s * 3 + i);
	roster_plan_free(&f->p);
	f->p = ordinary;
	f->in.ndays = 1;
	assert_int_equal(count(f, RV_UNCOVERED), 3);
	fx_free(f);
}

static void
rest_between_shifts_is_checked(void **state)
{
	struct fixture *f = fx_new(3, 0, 4, demo_shifts, 3);
	const struct roster_violation *v;

	(void)state;
	roster_plan_add(&f->p, 0, LATE, 0);   /* ends 22:00 */
	roster_plan_add(&f->p, 1, EARLY, 0);  /* starts 06:00: 8 h rest */
	assert_int_equal(count(f, RV_REST), 1);
	v = first(f, RV_REST);
	assert_int_equal(v->person, 0);
	assert_int_equal(v->value, 8 * 60);
	assert_int_equal(v->day, 0);
	assert_int_equal(v->day2, 1);
	/* With 8 hours allowed it is fine; the rule is configurable. */
	f->in.min_rest = 8 * 60;
	assert_int_equal(count(f, RV_REST), 0);
	f->in.min_rest = 11 * 60;
	assert_false(roster_fits(&f->in, &f->p, 1, LATE, 0));  /* right after the early one */
	assert_true(roster_fits(&f->in, &f->p, 2, EARLY, 0));  /* 17 h after */
	fx_free(f);
}

static void
night_shift_crossing_midnight_counts_its_rest_into_the_next_day(void **state)
{
	struct fixture *f = fx_new(3, 0, 8, demo_shifts, 3);
	const struct roster_violation *v;

	(void)state;
	assert_true(roster_is_night(&demo_shifts[NIGHT]));
	roster_plan_add(&f->p, 0, NIGHT, 1);  /* Monday 22:00 - Tuesday 06:00 */
	roster_plan_add(&f->p, 1, LATE, 1);   /* Tuesday 13:00: 7 h after */
	assert_int_equal(count(f, RV_REST), 1);
	v = first(f, RV_REST);
	assert_int_equal(v->value, 7 * 60);
	assert_int_equal(v->shift, NIGHT);
	/* After Monday's night, Tuesday's early and late shifts are too soon, its night is not. */
	roster_plan_free(&f->p);
	roster_plan_add(&f->p, 0, NIGHT, 1);
	assert_false(roster_fits(&f->in, &f->p, 1, EARLY, 1));
	assert_false(roster_fits(&f->in, &f->p, 1, LATE, 1));
	assert_true(roster_fits(&f->in, &f->p, 1, NIGHT, 1));  /* 16 h later */
	roster_plan_free(&f->p);
	assert_int_equal(roster_generate(&f->in, &f->p), 0);
	assert_int_equal(count(f, RV_REST) + count(f, RV_OVERLAP), 0);
	/* The night before the month (ends 06:00 on day 0) holds the first day's early shift. */
	roster_plan_free(&f->p);
	f->people[2].prev_end = H(6, 0);
	assert_false(roster_fits(&f->in, &f->p, 0, EARLY, 2));
	roster_plan_add(&f->p, 0, EARLY, 2);
	assert_int_equal(count(f, RV_REST), 1);
	fx_free(f);
}

static void
no_one_on_two_shifts_at_once(void **state)
{
	static const struct roster_shift shifts[] = {
		{ H(22, 0), H(8, 0), 1, 1, 127 },  /* 22:00-06:00 */
		{ H(5, 0), H(8, 0), 1, 1, 127 },   /* 05:00-13:00 */
	};
	struct fixture *f = fx_new(2, 0, 3, shifts, 2);
	const struct roster_violation *v;

	(void)state;
	roster_plan_add(&f->p, 0, 0, 0);
	roster_plan_add(&f->p, 1, 1, 0);  /* starts an hour before the night ends */
	assert_int_equal(count(f, RV_OVERLAP), 1);
	v = first(f, RV_OVERLAP);
	assert_int_equal(v->value, -60);
	roster_plan_free(&f->p);
	roster_plan_add(&f->p, 0, 1, 2);
	roster_plan_add(&f->p, 0, 1, 2);  /* the same shift twice */
	assert_int_equal(count(f, RV_OVERLAP), 1);
	fx_free(f);
}

static void
at_most_n_consecutive_days(void **state)
{
	static const struct roster_shift one[] = { { H(8, 0), H(8, 0), 1, 1, 127 } };
	struct fixture *f = fx_new(14, 0, 3, one, 1);
	const struct roster_violation *v;

	(void)state;
	for (int d = 0; d < 7; d++)
		roster_plan_add(&f->p, d, 0, 0);
	assert_int_equal(count(f, RV_CONSEC), 1);
	v = first(f, RV_CONSEC);
	assert_int_equal(v->value, 7);
	assert_int_equal(v->day, 0);
	assert_int_equal(v->day2, 6);
	/* The days before the month count. */
	roster_plan_free(&f->p);
	f->people[1].prev_consec = 5;
	roster_plan_add(&f->p, 0, 0, 1);
	assert_int_equal(count(f, RV_CONSEC), 0);
	roster_plan_add(&f->p, 1, 0, 1);
	assert_int_equal(count(f, RV_CONSEC), 1);
	/* The generator keeps a tight limit with three people for one post. */
	roster_plan_free(&f->p);
	f->people[1].prev_consec = 0;
	f->in.max_consec = 2;
	assert_int_equal(roster_generate(&f->in, &f->p), 0);
	assert_int_equal(f->p.n, 14);
	assert_int_equal(count(f, RV_CONSEC), 0);
	fx_free(f);
}

static void
leave_and_unavailability_are_respected(void **state)
{
	struct fixture *f = fx_new(10, 0, 8, demo_shifts, 3);

	(void)state;
	for (int d = 2; d < 6; d++)
		f->off[0 * 10 + d] = 1;       /* person 0 on leave days 2-5 */
	f->off[3 * 10 + 0] = 1;           /* person 3 unavailable day 0 */
	assert_int_equal(roster_generate(&f->in, &f->p), 0);
	for (size_t i = 0; i < f->p.n; i++) {
		assert_false(f->p.a[i].person == 0 && f->p.a[i].day >= 2 && f->p.a[i].day < 6);
		assert_false(f->p.a[i].person == 3 && f->p.a[i].day == 0);
	}
	assert_int_equal(count(f, RV_OFF), 0);
	roster_plan_add(&f->p, 3, NIGHT, 0);
	assert_int_equal(count(f, RV_OFF), 1);
	fx_free(f);
}

static void
shift_not_running_that_weekday(void **state)
{
	static const struct roster_shift weekdays[] = { { H(9, 0), H(8, 0), 1, 1, 31 } };
	struct fixture *f = fx_new(7, 0, 3, weekdays, 1);

	(void)state;
	assert_int_equal(roster_need(&f->in, 5, 0), 0);
	assert_int_equal(roster_generate(&f->in, &f->p), 0);
	assert_int_equal(f->p.n, 5);
	roster_plan_add(&f->p, 6, 0, 2);
	assert_int_equal(count(f, RV_NOT_RUNNING), 1);
	fx_free(f);
}

static void
too_few_people_leaves_places_uncovered(void **state)
{
	struct fixture *f = fx_new(7, 0, 3, demo_shifts, 3);
	int left = 0;

	(void)state;
	left = roster_generate(&f->in, &f->p);
	assert_true(left > 0);
	assert_true(count(f, RV_UNCOVERED) > 0);
	/* It never breaks another hard rule to cover a place. */
	assert_int_equal(f->v.n, count(f, RV_UNCOVERED));
	fx_free(f);
}

static void
generator_is_deterministic_and_fair(void **state)
{
	struct fixture *f = fx_new(31, 0, 12, demo_shifts, 3);
	struct roster_plan again = { 0 };
	struct roster_stats st[12];
	int nmin = 99, nmax = 0, wmin = 99, wmax = 0, mmin = 1 << 30, mmax = 0;

	(void)state;
	assert_int_equal(roster_generate(&f->in, &f->p), 0);
	assert_int_equal(roster_generate(&f->in, &again), 0);
	assert_int_equal(again.n, f->p.n);
	assert_memory_equal(again.a, f->p.a, f->p.n * sizeof(f->p.a[0]));
	roster_plan_free(&again);
	roster_stats(&f->in, &f->p, st);
	for (int i = 0; i < 12; i++) {
		nmin = st[i].nights < nmin ? st[i].nights : nmin;
		nmax = st[i].nights > nmax ? st[i].nights : nmax;
		wmin = st[i].weekends < wmin ? st[i].weekends : wmin;
		wmax = st[i].weekends > wmax ? st[i].weekends : wmax;
		mmin = st[i].minutes < mmin ? st[i].minutes : mmin;
		mmax = st[i].minutes > mmax ? st[i].minutes : mmax;
	}
	assert_true(nmax - nmin <= 1);
	assert_true(wmax - wmin <= 2);
	assert_true(mmax - mmin <= 9 * 60);  /* within one shift */
	fx_free(f);
}

static void
contracted_hours_are_followed(void **state)
{
	struct fixture *f = fx_new(28, 0, 10, demo_shifts, 3);
	struct roster_stats st[10];

	(void)state;
	f->people[0].contract_min = 80 * 60;  /* half time */
	assert_int_equal(roster_generate(&f->in, &f->p), 0);
	roster_stats(&f->in, &f->p, st);
	assert_true(st[0].minutes * 3 < st[1].minutes * 2);
	fx_free(f);
}

static void
sixty_people_a_month_well_under_a_second(void **state)
{
	struct fixture *f = fx_new(31, 0, 60, demo_shifts, 3);
	struct timespec t0, t1;
	double ms;

	(void)state;
	for (int s = 0; s < 3; s++)
		f->in.shifts = demo_shifts;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(roster_generate(&f->in, &f->p), 0);
	assert_int_equal(roster_check(&f->in, &f->p, &f->v), 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	assert_int_equal(f->v.n, 0);
	assert_true(ms < 1000.0);  /* under ASan too */
	fx_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(generator_covers_every_shift_and_breaks_no_rule),
		cmocka_unit_test(a_missing_person_is_uncovered),
		cmocka_unit_test(public_holiday_needs_the_holiday_headcount),
		cmocka_unit_test(rest_between_shifts_is_checked),
		cmocka_unit_test(night_shift_crossing_midnight_counts_its_rest_into_the_next_day),
		cmocka_unit_test(no_one_on_two_shifts_at_once),
		cmocka_unit_test(at_most_n_consecutive_days),
		cmocka_unit_test(leave_and_unavailability_are_respected),
		cmocka_unit_test(shift_not_running_that_weekday),
		cmocka_unit_test(too_few_people_leaves_places_uncovered),
		cmocka_unit_test(generator_is_deterministic_and_fair),
		cmocka_unit_test(contracted_hours_are_followed),
		cmocka_unit_test(sixty_people_a_month_well_under_a_second),
	};

	return cmocka_run_group_tests_name("roster", tests, NULL, NULL);
}
