/* fuzz_number: number_normalise, number_valid, number_check; a number that is valid must
 * stay valid when normalised again, and number_format of its parts must check. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	char *s = fuzz_cstr(data, size), *n;

	arena_init(&a, 4096);
	(void)number_check(s);
	(void)number_valid(s);
	(void)number_kind_by_prefix(s);
	n = number_normalise(&a, s);
	if (strlen(n) > strlen(s))
		abort();
	if (number_valid(n)) {
		char *again = number_normalise(&a, n);

		if (strcmp(again, n) != 0 || !number_valid(again))
			abort();
	}
	/* A formatted number is always valid. */
	if (size >= 3) {
		const struct number_kind *k = &number_kinds[data[0] % number_nkinds];
		long long seq = (long long)(data[1] | data[2] << 8) + 1;
		char *f = number_format(&a, k->prefix, "2026-11-23", seq);

		if (!number_valid(f))
			abort();
	}
	arena_free(&a);
	free(s);
	return 0;
}
