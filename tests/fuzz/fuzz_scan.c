/* fuzz_scan: the scan inbox's own reading of uploaded bytes: the kind by content
 * (scan_kind), PNG and JPEG decoded to grey (scan_grey_decode, with its size limits), the
 * QR code looked for (scan_qr, zbar) and the number taken from a code's text
 * (scan_number_of). PDFs are rendered by pdftoppm in a sandboxed child, not in this
 * process: the target stops at recognising one. */
#include "fuzz.h"
#include "forms/scan.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *d = malloc(size ? size : 1), *text, out[40];
	struct arena a;
	struct grey g;
	int kind;

	memcpy(d, data, size);
	arena_init(&a, 0);
	kind = scan_kind(d, size);
	if ((kind == SCAN_PNG || kind == SCAN_JPEG) && scan_grey_decode(kind, d, size, &g) == 0) {
		const char *qr;

		if (g.w <= 0 || g.h <= 0 || (long long)g.w * g.h > SCAN_MAX_PIXELS)
			abort();
		if ((long long)g.w * g.h <= 4000000 && (qr = scan_qr(&a, &g)) != NULL &&
		    scan_number_of(qr, out, sizeof(out)) && !number_valid(out))
			abort();
		scan_grey_free(&g);
	}
	/* The same bytes as a code's text. */
	text = fuzz_cstr(data, size);
	if (scan_number_of(text, out, sizeof(out)) && !number_valid(out))
		abort();
	if (strlen(out) >= sizeof(out))
		abort();
	free(text);
	free(d);
	arena_free(&a);
	return 0;
}
