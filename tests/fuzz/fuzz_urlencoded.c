/* fuzz_urlencoded: req_parse_urlencoded (bodies and query strings) and req_urldecode. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct kvlist l = { 0 };
	/* An exact-size heap copy without a NUL: the parser takes a length, so it must not
	 * read past it. */
	char *s = malloc(size ? size : 1);
	size_t n;

	memcpy(s, data, size);
	arena_init(&a, 4096);
	if (req_parse_urlencoded(&a, s, size, &req_default_limits, &l) == REQ_OK) {
		for (size_t i = 0; i < l.n; i++) {
			if (l.v[i].name == NULL || l.v[i].value == NULL)
				abort();
			if (l.v[i].value[l.v[i].len] != '\0')
				abort();  /* values are NUL-terminated at len */
			(void)kvlist_get(&l, l.v[i].name);
			(void)kvlist_count(&l, l.v[i].name);
		}
		if (l.n > req_default_limits.max_fields)
			abort();
	}
	(void)req_urldecode(&a, s, size, &n);
	if (n > size)
		abort();  /* decoding never grows */
	arena_free(&a);
	free(s);
	return 0;
}
