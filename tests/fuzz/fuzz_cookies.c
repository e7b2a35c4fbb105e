/* fuzz_cookies: req_parse_cookies over a Cookie header. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct kvlist l = { 0 };
	char *s = fuzz_cstr(data, size);

	arena_init(&a, 4096);
	if (req_parse_cookies(&a, s, &req_default_limits, &l) == REQ_OK) {
		for (size_t i = 0; i < l.n; i++)
			if (l.v[i].name == NULL || l.v[i].value == NULL)
				abort();
		(void)kvlist_get(&l, "dd_session");
		(void)kvlist_get(&l, "dd_csrf");
	}
	arena_free(&a);
	free(s);
	return 0;
}
