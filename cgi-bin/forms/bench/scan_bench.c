/* forms-bench: the scan inbox's decode rate for `make bench`. Makes A4 pages at 150 and
 * 300 dpi (grey, the printed form's QR code of 24 mm near the top right, lines of "text",
 * turned 2 degrees, noise), encodes them as PNG, then times what the inbox does per page:
 * PNG decode, QR search, number check, SHA-256 and writing the page to a file. The database
 * insert is not in this figure (one indexed INSERT per page).
 *
 * Prints "bench: scan-150dpi pages_s=N" and "bench: scan-300dpi pages_s=N".
 *
 * With --page DPI TEXT OUT.png [DEGREES [SEED [blackout]]] it writes one such page instead
 * (the HTTP tests' generated scans; "blackout" covers the code with a black box), and with
 * --distort IN.png OUT.png DEGREES SEED [blackout] it makes a "scan" of a rendered page:
 * grey, turned, with noise, the top-right corner (where the printed code is) blacked out.
 */
#include "forms/scan.h"
#include "core/number.h"
#include <math.h>
#include <png.h>
#include <qrencode.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* An A4 page at dpi with the code of text, as PNG bytes (malloc'd). */
static void *
make_page(int dpi, const char *text, unsigned seed, size_t *len, double degrees, int blackout)
{
	QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	int w = (int)lround(210.0 / 25.4 * dpi), h = (int)lround(297.0 / 25.4 * dpi);
	double mm = dpi / 25.4, qx = 170 * mm, qy = 12 * mm, mod = 24.0 * mm / (q->width + 8);
	double a = degrees * M_PI / 180.0, ca = cos(a), sa = sin(a);
	unsigned char *px = malloc((size_t)w * (size_t)h);
	png_image img;
	void *out;
	png_alloc_size_t olen = 0;

	srand(seed);
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			/* The page turned by a degrees around its centre. */
			double dx = x - w / 2.0, dy = y - h / 2.0;
			double sx = ca * dx + sa * dy + w / 2.0, sy = -sa * dx + ca * dy + h / 2.0;
			int v = 245;
			int mx = (int)floor((sx - qx) / mod) - 4, my = (int)floor((sy - qy) / mod) - 4;

			if (mx >= -4 && my >= -4 && mx < q->width + 4 && my < q->width + 4 && blackout) {
				v = 10;
			} else if (mx >= 0 && my >= 0 && mx < q->width && my < q->width) {
				if (q->data[my * q->width + mx] & 1)
					v = 20;
			} else if (sy > 50 * mm && sy < 270 * mm && sx > 20 * mm && sx < 190 * mm &&
			    fmod(sy, 8 * mm) < 2.2 * mm && fmod(sx * 7.3, 13 * mm) < 8 * mm) {
				v = 40;   /* lines of text */
			}
			v += rand() % 31 - 15;
			px[(size_t)y * w + x] = (unsigned char)(v < 0 ? 0 : v > 255 ? 255 : v);
		}
	QRcode_free(q);
	memset(&img, 0, sizeof(img));
	img.version = PNG_IMAGE_VERSION;
	img.width = (png_uint_32)w;
	img.height = (png_uint_32)h;
	img.format = PNG_FORMAT_GRAY;
	png_image_write_to_memory(&img, NULL, &olen, 0, px, 0, NULL);
	out = malloc(olen);
	if (!png_image_write_to_memory(&img, out, &olen, 0, px, 0, NULL)) {
		fprintf(stderr, "forms-bench: PNG encode failed\n");
		exit(1);
	}
	free(px);
	*len = olen;
	return out;
}

static int
write_png(const char *path, const unsigned char *px, int w, int h)
{
	png_image img;

	memset(&img, 0, sizeof(img));
	img.version = PNG_IMAGE_VERSION;
	img.width = (png_uint_32)w;
	img.height = (png_uint_32)h;
	img.format = PNG_FORMAT_GRAY;
	return png_image_write_to_file(&img, path, 0, px, 0, NULL) ? 0 : -1;
}

static int
distort(const char *in, const char *out, double degrees, unsigned seed, int blackout)
{
	static char data[64 << 20];
	FILE *f = fopen(in, "rb");
	size_t len;
	struct grey g;
	unsigned char *px;
	double a = degrees * M_PI / 180.0, ca = cos(a), sa = sin(a);
	int rc;

	if (f == NULL)
		return -1;
	len = fread(data, 1, sizeof(data), f);
	fclose(f);
	if (scan_grey_decode(scan_kind(data, len), data, len, &g) != 0)
		return -1;
	px = malloc((size_t)g.w * (size_t)g.h);
	srand(seed);
	for (int y = 0; y < g.h; y++)
		for (int x = 0; x < g.w; x++) {
			double dx = x - g.w / 2.0, dy = y - g.h / 2.0;
			int sx = (int)lround(ca * dx + sa * dy + g.w / 2.0);
			int sy = (int)lround(-sa * dx + ca * dy + g.h / 2.0);
			int v = 250;

			if (sx >= 0 && sy >= 0 && sx < g.w && sy < g.h)
				v = g.px[(size_t)sy * g.w + sx];
			if (blackout && sx > g.w * 3 / 4 && sy > g.h * 3 / 100 && sy < g.h * 16 / 100)
				v = 15;
			v += rand() % 41 - 20;
			px[(size_t)y * g.w + x] = (unsigned char)(v < 0 ? 0 : v > 255 ? 255 : v);
		}
	rc = write_png(out, px, g.w, g.h);
	free(px);
	scan_grey_free(&g);
	return rc;
}

static int
run(int dpi, int pages)
{
	struct arena a;
	char tmpl[] = "/tmp/forms-bench.XXXXXX";
	char number[40];
	char url[128], got[40], path[64];
	size_t len[4];
	void *png[4];
	double t0, dt;
	int ok = 0, fd;

	arena_init(&a, 0);
	snprintf(number, sizeof(number), "%s", number_format(&a, "RZ", "2026-11-23", 7));
	snprintf(url, sizeof(url), "http://127.0.0.1:8080/r/%s", number);
	for (int i = 0; i < 4; i++)
		png[i] = make_page(dpi, url, 1234u + (unsigned)i, &len[i], 2.0, 0);
	if ((fd = mkstemp(tmpl)) < 0)
		return -1;
	close(fd);
	t0 = now_s();
	for (int i = 0; i < pages; i++) {
		struct grey g;
		unsigned char sum[crypto_hash_sha256_BYTES];
		const char *text;
		FILE *f;

		if (scan_grey_decode(SCAN_PNG, png[i % 4], len[i % 4], &g) != 0)
			continue;
		text = scan_qr(&a, &g);
		scan_grey_free(&g);
		crypto_hash_sha256(sum, png[i % 4], len[i % 4]);
		snprintf(path, sizeof(path), "%s", tmpl);
		if ((f = fopen(path, "wb")) != NULL) {
			fwrite(png[i % 4], 1, len[i % 4], f);
			fclose(f);
		}
		if (text && scan_number_of(text, got, sizeof(got)) && strcmp(got, number) == 0)
			ok++;
		arena_reset(&a);
	}
	dt = now_s() - t0;
	unlink(tmpl);
	for (int i = 0; i < 4; i++)
		free(png[i]);
	arena_free(&a);
	if (ok != pages) {
		fprintf(stderr, "forms-bench: %d dpi: %d of %d pages read\n", dpi, ok, pages);
		return -1;
	}
	printf("bench: scan-%ddpi pages_s=%.1f\n", dpi, pages / dt);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc >= 5 && strcmp(argv[1], "--page") == 0) {
		size_t len;
		void *png = make_page(atoi(argv[2]), argv[3], argc > 6 ? (unsigned)atoi(argv[6]) : 1u,
		    &len, argc > 5 ? atof(argv[5]) : 0.0, argc > 7 && strcmp(argv[7], "blackout") == 0);
		FILE *f = fopen(argv[4], "wb");

		if (f == NULL || fwrite(png, 1, len, f) != len || fclose(f) != 0)
			return 1;
		free(png);
		return 0;
	}
	if (argc >= 6 && strcmp(argv[1], "--distort") == 0)
		return distort(argv[2], argv[3], atof(argv[4]), (unsigned)atoi(argv[5]),
		    argc > 6 && strcmp(argv[6], "blackout") == 0) == 0 ? 0 : 1;
	if (sodium_init() < 0)
		return 1;
	if (run(150, 40) != 0 || run(300, 20) != 0)
		return 1;
	return 0;
}
