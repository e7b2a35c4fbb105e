/* The scan inbox's pure parts (cgi-bin/forms/scan.c, ingest.c): what a file is, the number
 * in a QR code's text, file names, decoding generated pages, the sandboxed PDF renderer. */
#include "unit.h"
#include "forms/forms.h"
#include <dirent.h>
#include <png.h>
#include <qrencode.h>
#include <ctype.h>
#include <sys/stat.h>
#include <unistd.h>

static char valid_no[40];

static void
make_valid(struct arena *a)
{
	snprintf(valid_no, sizeof(valid_no), "%s", number_format(a, "RZ", "2026-11-23", 3));
}

static void
number_from_qr_text(void **state)
{
	struct arena a;
	char out[40], url[128], bad[40];

	(void)state;
	arena_init(&a, 0);
	make_valid(&a);
	snprintf(url, sizeof(url), "https://desk.example.cn/r/%s", valid_no);
	assert_true(scan_number_of(url, out, sizeof(out)));
	assert_string_equal(out, valid_no);
	/* Lower case is read as upper case; the last /r/ counts. */
	snprintf(url, sizeof(url), "http://127.0.0.1:8080/x/r/y/r/%s", valid_no);
	for (char *p = strrchr(url, '/') + 1; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	assert_true(scan_number_of(url, out, sizeof(out)));
	assert_string_equal(out, valid_no);
	/* Anything after the number, another scheme, no /r/, nothing: refused. */
	snprintf(url, sizeof(url), "http://h/r/%s?x=1", valid_no);
	memset(out, 'X', sizeof(out));
	assert_false(scan_number_of(url, out, sizeof(out)));
	assert_string_equal(out, "");   /* terminated (fuzz_scan found it was not) */
	snprintf(url, sizeof(url), "http://h/r/%s/", valid_no);
	assert_false(scan_number_of(url, out, sizeof(out)));
	snprintf(url, sizeof(url), "javascript:/r/%s", valid_no);
	assert_false(scan_number_of(url, out, sizeof(out)));
	assert_false(scan_number_of("http://h/login", out, sizeof(out)));
	assert_false(scan_number_of("http://h/r/", out, sizeof(out)));
	assert_false(scan_number_of(NULL, out, sizeof(out)));
	/* A wrong check character: refused, the number kept for the message. */
	snprintf(bad, sizeof(bad), "%s", valid_no);
	bad[strlen(bad) - 1] = bad[strlen(bad) - 1] == '7' ? '8' : '7';
	snprintf(url, sizeof(url), "http://h/r/%s", bad);
	assert_false(scan_number_of(url, out, sizeof(out)));
	assert_string_equal(out, bad);
	/* Too long for out. */
	assert_false(scan_number_of("http://h/r/RZ-20261123-0000000000000000000000000000000001-X", out, 20));
	arena_free(&a);
}

static void
kind_by_content(void **state)
{
	static const char png[40] = "\x89PNG\r\n\x1a\n";
	(void)state;
	assert_int_equal(scan_kind("%PDF-1.7\n%...", 12), SCAN_PDF);
	assert_int_equal(scan_kind(png, sizeof(png)), SCAN_PNG);
	assert_int_equal(scan_kind("\xff\xd8\xff\xe0....", 8), SCAN_JPEG);
	assert_int_equal(scan_kind("<html><body>%PDF-", 17), SCAN_NONE);
	assert_int_equal(scan_kind("%PDF", 4), SCAN_NONE);
	assert_int_equal(scan_kind("", 0), SCAN_NONE);
}

static void
file_names_are_cleaned(void **state)
{
	struct arena a;
	char longname[400];

	(void)state;
	arena_init(&a, 0);
	assert_string_equal(forms_clean_name(&a, "C:\\scans\\day 1.pdf"), "day 1.pdf");
	assert_string_equal(forms_clean_name(&a, "../../etc/passwd"), "passwd");
	assert_string_equal(forms_clean_name(&a, "a\tb\nc.png"), "a_b_c.png");
	assert_string_equal(forms_clean_name(&a, "\xff\xfe.png"), "-");
	assert_string_equal(forms_clean_name(&a, ""), "-");
	assert_string_equal(forms_clean_name(&a, NULL), "-");
	longname[0] = '\0';
	for (int i = 0; i < 120; i++)
		strcat(longname, "扫");
	assert_int_equal(utf8_chars(forms_clean_name(&a, longname)), 100);
	arena_free(&a);
}

/* A PNG (grey) of w x h with the QR code of text at (x, y), module px pixels. */
static unsigned char *
qr_png(const char *text, int w, int h, int x0, int y0, int px, size_t *len)
{
	unsigned char *g = malloc((size_t)w * h);
	png_image img;
	png_alloc_size_t n = 0;
	void *out;

	memset(g, 240, (size_t)w * h);
	if (text != NULL) {
		QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);

		for (int y = 0; y < q->width * px; y++)
			for (int x = 0; x < q->width * px; x++)
				if (q->data[(y / px) * q->width + x / px] & 1)
					g[(size_t)(y0 + y) * w + x0 + x] = 10;
		QRcode_free(q);
	}
	memset(&img, 0, sizeof(img));
	img.version = PNG_IMAGE_VERSION;
	img.width = (png_uint_32)w;
	img.height = (png_uint_32)h;
	img.format = PNG_FORMAT_GRAY;
	png_image_write_to_memory(&img, NULL, &n, 0, g, 0, NULL);
	out = malloc(n);
	assert_true(png_image_write_to_memory(&img, out, &n, 0, g, 0, NULL));
	free(g);
	*len = n;
	return out;
}

static void
pages_are_read(void **state)
{
	struct arena a;
	char url[128];
	struct fpage p;
	size_t len;
	unsigned char *png;

	(void)state;
	arena_init(&a, 0);
	make_valid(&a);
	snprintf(url, sizeof(url), "http://127.0.0.1:8080/r/%s", valid_no);
	memset(&p, 0, sizeof(p));
	p.kind = SCAN_PNG;
	p.data = (const char *)(png = qr_png(url, 600, 800, 400, 40, 4, &len));
	p.len = len;
	forms_read_page(&a, &p);
	assert_null(p.reason);
	assert_string_equal(p.number, valid_no);
	free(png);
	/* Not our link. */
	p.data = (const char *)(png = qr_png("https://example.com/", 600, 800, 40, 40, 4, &len));
	p.len = len;
	forms_read_page(&a, &p);
	assert_string_equal(p.reason, "not_ours");
	assert_string_equal(p.number, "");
	free(png);
	/* No code at all. */
	p.data = (const char *)(png = qr_png(NULL, 600, 800, 0, 0, 1, &len));
	p.len = len;
	forms_read_page(&a, &p);
	assert_string_equal(p.reason, "no_code");
	/* A truncated image does not decode. */
	p.len = len / 2;
	forms_read_page(&a, &p);
	assert_string_equal(p.reason, "bad_image");
	free(png);
	arena_free(&a);
}

static int
dir_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	if (d)
		closedir(d);
	return n;
}

static int    progress_calls;
static size_t progress_last;

static void
progress_note(void *arg, size_t done, size_t total)
{
	(void)total;
	progress_calls++;
	*(size_t *)arg = done;
}

static void
pdf_rendered_in_a_child(void **state)
{
	static const char pdf[] = "%PDF-1.4\n"
	    "1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
	    "2 0 obj<</Type/Pages/Kids[3 0 R 4 0 R]/Count 2>>endobj\n"
	    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
	    "4 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
	    "trailer<</Root 1 0 R>>\n%%EOF\n";
	char tmp[] = "/tmp/ddunit.XXXXXX";
	struct scan_page *pages;
	struct fpage *fp;
	const char *reason;
	struct arena a;
	size_t n;

	(void)state;
	arena_init(&a, 0);
	assert_non_null(mkdtemp(tmp));
	setenv("TMPDIR", tmp, 1);
	assert_int_equal(scan_pdf_render(&a, pdf, sizeof(pdf) - 1, 30, 10, &pages, &n, &reason), 0);
	assert_int_equal(n, 2);
	assert_int_equal(scan_kind(pages[0].data, pages[0].len), SCAN_PNG);
	assert_int_equal(dir_entries(tmp), 0);   /* the private directory is gone */
	/* Broken: refused with the reason, nothing left behind. */
	assert_int_equal(scan_pdf_render(&a, "%PDF-1.7\nnothing\n", 17, 30, 10, &pages, &n, &reason), -1);
	assert_string_equal(reason, "pdf_failed");
	assert_int_equal(dir_entries(tmp), 0);
	/* Through forms_decode: two pages without codes, progress told after the rendering and
	 * after each page; other content is refused. */
	progress_calls = 0;
	assert_int_equal(forms_decode(&a, pdf, sizeof(pdf) - 1, &fp, &n, &reason, progress_note,
	    &progress_last), 0);
	assert_int_equal(n, 2);
	assert_int_equal(progress_calls, 3);
	assert_int_equal(progress_last, 2);
	assert_string_equal(fp[0].reason, "no_code");
	assert_int_equal(strlen(fp[0].sha), 64);
	assert_int_equal(forms_decode(&a, "<svg onload=x>", 14, &fp, &n, &reason, NULL, NULL), -1);
	assert_string_equal(reason, "not_scan");
	assert_int_equal(forms_decode(&a, "\x89PNG\r\n\x1a\n0000000000000000000000000", 33, &fp, &n,
	    &reason, NULL, NULL), -1);
	assert_string_equal(reason, "bad_image");
	rmdir(tmp);
	unsetenv("TMPDIR");
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(number_from_qr_text),
		cmocka_unit_test(kind_by_content),
		cmocka_unit_test(file_names_are_cleaned),
		cmocka_unit_test(pages_are_read),
		cmocka_unit_test(pdf_rendered_in_a_child),
	};

	return cmocka_run_group_tests_name("forms", tests, NULL, NULL);
}
