/* fuzz_catalog: i18n_parse over a catalog text (before "\n\n") and page_apply_catalog of a
 * template (after it) with that catalog. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct i18n cat;
	const uint8_t *rest;
	size_t hlen, tlen;
	char *text, *tpl, missing[160];
	struct buf out;

	fuzz_split(data, size, &rest, &hlen, &tlen);
	text = fuzz_cstr(data, hlen);
	tpl = fuzz_cstr(rest, tlen);
	if (i18n_parse(&cat, "en", text) == 0) {   /* takes text over */
		for (size_t i = 0; i < cat.n; i++)
			if (i18n_find(&cat, cat.msgs[i].key) == NULL)
				abort();
		(void)i18n_get(&cat, "no.such.key");
		buf_init(&out);
		/* -1 names the missing key in missing (empty for an empty "[[]]" marker). */
		if (page_apply_catalog(&cat, tpl, tlen, &out, missing, sizeof(missing)) == 0 &&
		    memmem(buf_cstr(&out), out.len, "[[", 2) != NULL && memmem(tpl, tlen, "[[", 2) == NULL)
			abort();  /* markers never appear from nowhere */
		buf_free(&out);
	}
	i18n_free(&cat);
	free(tpl);
	return 0;
}
