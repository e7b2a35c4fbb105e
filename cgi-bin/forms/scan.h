/* scan.h: reading scanned pages: what a file is (by its content), PDF pages rendered to
 * greyscale PNGs by pdftoppm in a sandboxed child, PNG and JPEG decoded to 8-bit grey, the
 * QR code found with zbar, and the form number taken from the code's text.
 *
 * Nothing here touches the database or a request: the web inbox (dd-forms), the folder
 * importer (dd-import), the benchmark and the unit tests share it.
 */
#ifndef DD_FORMS_SCAN_H
#define DD_FORMS_SCAN_H
#include <stddef.h>
#include "core/arena.h"

enum scan_kind { SCAN_NONE = 0, SCAN_PDF, SCAN_PNG, SCAN_JPEG };

/* A page image: 8-bit grey, w * h bytes (malloc'd; scan_grey_free). */
struct grey {
	int            w, h;
	unsigned char *px;
};

/* One page of an uploaded file as it will be stored: PNG or JPEG bytes (arena memory). */
struct scan_page {
	int         kind;   /* SCAN_PNG or SCAN_JPEG */
	const char *data;
	size_t      len;
};

#define SCAN_MAX_PAGES 60        /* pages rendered from one PDF */
#define SCAN_MAX_PIXELS 60000000 /* a decoded page (about A3 at 600 dpi) */

/* The kind of a file from its first bytes (%PDF-, the PNG signature, a JPEG SOI marker). */
int         scan_kind(const char *data, size_t len);
/* Renders every page of a PDF (at most SCAN_MAX_PAGES) to greyscale PNGs at dpi with
 * pdftoppm, run as a child without a shell, in a private temporary directory, with CPU,
 * memory and file-size limits and killed after timeout_s seconds. 0 with *pages (arena
 * array) and *n set, or -1 with a short reason ("pdf_timeout", "pdf_failed", "pdf_empty"). */
int         scan_pdf_render(struct arena *a, const char *data, size_t len, int dpi,
    int timeout_s, struct scan_page **pages, size_t *n, const char **reason);
/* Decodes a PNG or JPEG to grey. 0, or -1 if it is not a readable image of a sane size. */
int         scan_grey_decode(int kind, const char *data, size_t len, struct grey *g);
void        scan_grey_free(struct grey *g);
/* The text of the first QR code on the page (arena string), or NULL. Large pages are first
 * looked at halved (fast), then at full size; the top quarter (where the printed forms
 * carry the code) before the whole page. */
const char *scan_qr(struct arena *a, const struct grey *g);
/* The form number carried by a QR code's text: an http(s) URL ending in /r/<number>, with
 * nothing after the number. Copies the upper-cased number into out and returns 1 when it
 * is well formed and its check character matches; 0 otherwise (out is then "" or the
 * malformed number, for messages). */
int         scan_number_of(const char *text, char *out, size_t outlen);

#endif
