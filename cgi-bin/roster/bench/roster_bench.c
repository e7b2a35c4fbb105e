/* roster-bench: times the generator and the rule check for 60 staff x 3 shifts x 31 days (the
 * demo shifts, 3 holidays) and prints the best of 5 runs in whole milliseconds ("ms=N" is
 * added by scripts/bench.sh). */
#include "roster/roster.h"
#include <stdio.h>
#include <time.h>

int
main(void)
{
	static const struct roster_shift shifts[] = {
		{ 6 * 60, 7 * 60, 2, 3, 127 }, { 13 * 60, 9 * 60, 2, 3, 127 },
		{ 22 * 60, 8 * 60, 1, 2, 127 },
	};
	static struct roster_day days[31];
	static struct roster_person people[60];
	static unsigned char off[60 * 31];
	struct roster_in in = { 31, 3, 60, days, shifts, people, off, 11 * 60, 6 };
	double best = 1e9;

	for (int d = 0; d < 31; d++)
		days[d] = (struct roster_day){ (d + 3) % 7, d < 3, (d + 3) % 7 >= 5 && d >= 3 };
	for (int p = 0; p < 60; p++) {
		people[p] = (struct roster_person){ 166 * 60, ROSTER_NONE, 0 };
		off[p * 31 + (p * 7) % 31] = 1;
	}
	for (int run = 0; run < 5; run++) {
		struct roster_plan plan = { 0 };
		struct roster_violations v = { 0 };
		struct timespec t0, t1;
		double ms;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		if (roster_generate(&in, &plan) != 0 || roster_check(&in, &plan, &v) != 0 || v.n != 0) {
			fprintf(stderr, "roster-bench: generator failed (%zu breaches)\n", v.n);
			return 1;
		}
		clock_gettime(CLOCK_MONOTONIC, &t1);
		ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
		best = ms < best ? ms : best;
		roster_plan_free(&plan);
		roster_violations_free(&v);
	}
	printf("%.0f\n", best < 1 ? 1.0 : best);
	return 0;
}
