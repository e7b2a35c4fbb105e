/* fuzz_json: json_parse_flat (audit values read back), and a round trip: what json_* writes
 * from the parsed pairs reads back the same. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	char *s = fuzz_cstr(data, size);
	const char **k, **v, **k2, **v2;
	size_t n, n2;
	struct json j;
	char *text;

	arena_init(&a, 4096);
	n = json_parse_flat(&a, s, &k, &v);
	json_begin(&j);
	for (size_t i = 0; i < n; i++) {
		if (k[i] == NULL || v[i] == NULL)
			abort();
		json_str(&j, k[i], v[i]);
	}
	text = json_end(&j, &a);
	n2 = json_parse_flat(&a, text, &k2, &v2);
	if (n2 != n)
		abort();
	for (size_t i = 0; i < n; i++)
		if (strcmp(k[i], k2[i]) != 0 || strcmp(v[i], v2[i]) != 0)
			abort();
	(void)json_parse_flat(&a, NULL, &k, &v);
	arena_free(&a);
	free(s);
	return 0;
}
