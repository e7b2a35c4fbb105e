/* fuzz_multipart: req_multipart_boundary over a Content-Type (the input's first line) and
 * req_parse_multipart over the body (the rest, after "\n\n"). */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct kvlist fields = { 0 };
	struct uploadlist files = { 0 };
	const uint8_t *rest;
	size_t hlen, blen;
	char *ctype, *body;
	const char *boundary;

	fuzz_split(data, size, &rest, &hlen, &blen);
	ctype = fuzz_cstr(data, hlen);
	body = malloc(blen ? blen : 1);   /* exact size, no NUL: taken by length */
	memcpy(body, rest, blen);
	arena_init(&a, 4096);
	boundary = req_multipart_boundary(&a, ctype);
	if (req_parse_multipart(&a, body, blen, boundary ? boundary : "fuzzb", &req_default_limits,
	    &fields, &files) == REQ_OK) {
		for (size_t i = 0; i < files.n; i++) {
			const struct upload *u = &files.v[i];

			if (u->len > blen || u->data < body || u->data + u->len > body + blen)
				abort();  /* file data points into the body */
			int w, h;
			(void)upload_image_info((const unsigned char *)u->data, u->len, &w, &h);
		}
		if (files.n > req_default_limits.max_files)
			abort();
	}
	arena_free(&a);
	free(ctype);
	free(body);
	return 0;
}
