/* scan.c: see scan.h. */
#include "scan.h"
#include "core/number.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <jpeglib.h>
#include <png.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <zbar.h>

#ifndef PDFTOPPM
#define PDFTOPPM "/usr/bin/pdftoppm"
#endif

int
scan_kind(const char *data, size_t len)
{
	static const unsigned char png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	const unsigned char *d = (const unsigned char *)data;

	if (len >= 8 && memcmp(d, "%PDF-", 5) == 0)
		return SCAN_PDF;
	if (len >= 33 && memcmp(d, png_sig, 8) == 0)
		return SCAN_PNG;
	if (len >= 4 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff)
		return SCAN_JPEG;
	return SCAN_NONE;
}

/* ---- PDF pages through pdftoppm ---- */

static int
write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static char *
read_file(struct arena *a, const char *path, size_t *len)
{
	struct stat st;
	size_t off = 0;
	char *out;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > 256L * 1024 * 1024) {
		close(fd);
		return NULL;
	}
	out = arena_alloc(a, (size_t)st.st_size + 1);
	while (off < (size_t)st.st_size) {
		ssize_t n = read(fd, out + off, (size_t)st.st_size - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	close(fd);
	if (off != (size_t)st.st_size)
		return NULL;
	*len = off;
	return out;
}

static int
name_cmp(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The child: limits, a private directory, no inherited descriptors, no shell. */
static void __attribute__((noreturn))
render_child(const char *dir, int dpi, int timeout_s)
{
	struct rlimit cpu = { (rlim_t)timeout_s, (rlim_t)timeout_s + 1 };
	struct rlimit mem = { 1024UL << 20, 1024UL << 20 };
	struct rlimit fsz = { 256UL << 20, 256UL << 20 };
	struct rlimit nproc = { 0, 0 };
	char r[16], l[16];
	char *const env[] = { "PATH=/usr/bin:/bin", "LANG=C", NULL };
	int null = open("/dev/null", O_RDWR);

	snprintf(r, sizeof(r), "%d", dpi);
	snprintf(l, sizeof(l), "%d", SCAN_MAX_PAGES);
	if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0)
		_exit(126);
	closefrom(3);
	if (chdir(dir) != 0 || setrlimit(RLIMIT_CPU, &cpu) != 0 ||
	    setrlimit(RLIMIT_AS, &mem) != 0 || setrlimit(RLIMIT_FSIZE, &fsz) != 0)
		_exit(126);
	setrlimit(RLIMIT_NPROC, &nproc);   /* no further processes (best effort as root) */
	umask(077);
	{
		char *const argv[] = { "pdftoppm", "-q", "-r", r, "-gray", "-png", "-l", l,
		    "in.pdf", "p", NULL };

		execve(PDFTOPPM, argv, env);
	}
	_exit(127);
}

static void
remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[512];

	if (d != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			unlink(path);
		}
		closedir(d);
	}
	rmdir(dir);
}

int
scan_pdf_render(struct arena *a, const char *data, size_t len, int dpi, int timeout_s,
    struct scan_page **pages, size_t *n, const char **reason)
{
	const char *tmp = getenv("TMPDIR");
	char dir[256], path[512];
	char *names[SCAN_MAX_PAGES + 8];
	size_t nn = 0;
	int fd, status = 0, waited_ms = 0, done = 0;
	pid_t pid;
	DIR *d;
	struct dirent *e;

	*pages = NULL;
	*n = 0;
	*reason = "pdf_failed";
	snprintf(dir, sizeof(dir), "%s/ddscan.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof(path), "%s/in.pdf", dir);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0) {
		remove_dir(dir);
		return -1;
	}
	if (write_all(fd, data, len) != 0) {
		close(fd);
		remove_dir(dir);
		return -1;
	}
	close(fd);
	if ((pid = fork()) < 0) {
		remove_dir(dir);
		return -1;
	}
	if (pid == 0)
		render_child(dir, dpi, timeout_s);
	/* Wait for it, at most timeout_s seconds of wall time; then it is killed. */
	while (!done) {
		pid_t w = waitpid(pid, &status, WNOHANG);

		if (w == pid) {
			done = 1;
			break;
		}
		if (w < 0 && errno != EINTR)
			break;
		if (waited_ms >= timeout_s * 1000) {
			kill(pid, SIGKILL);
			while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
				;
			*reason = "pdf_timeout";
			remove_dir(dir);
			return -1;
		}
		{
			struct timespec ts = { 0, 5 * 1000 * 1000 };

			nanosleep(&ts, NULL);
			waited_ms += 5;
		}
	}
	if (!done || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		if (done && WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)
			*reason = "pdf_timeout";
		remove_dir(dir);
		return -1;
	}
	if ((d = opendir(dir)) == NULL) {
		remove_dir(dir);
		return -1;
	}
	while ((e = readdir(d)) != NULL && nn < SCAN_MAX_PAGES) {
		size_t l = strlen(e->d_name);

		if (strncmp(e->d_name, "p-", 2) == 0 && l > 6 && strcmp(e->d_name + l - 4, ".png") == 0)
			names[nn++] = arena_strdup(a, e->d_name);
	}
	closedir(d);
	qsort(names, nn, sizeof(names[0]), name_cmp);
	*pages = arena_calloc(a, nn ? nn : 1, sizeof(**pages));
	for (size_t i = 0; i < nn; i++) {
		size_t plen = 0;
		char *p;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if ((p = read_file(a, path, &plen)) == NULL || scan_kind(p, plen) != SCAN_PNG) {
			remove_dir(dir);
			return -1;
		}
		(*pages)[*n].kind = SCAN_PNG;
		(*pages)[*n].data = p;
		(*pages)[*n].len = plen;
		(*n)++;
	}
	remove_dir(dir);
	if (*n == 0) {
		*reason = "pdf_empty";
		return -1;
	}
	*reason = NULL;
	return 0;
}

/* ---- images to grey ---- */

static int
png_grey(const char *data, size_t len, struct grey *g)
{
	png_image img;

	memset(&img, 0, sizeof(img));
	img.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_memory(&img, data, len))
		return -1;
	if (img.width == 0 || img.height == 0 ||
	    (unsigned long long)img.width * img.height > SCAN_MAX_PIXELS) {
		png_image_free(&img);
		return -1;
	}
	img.format = PNG_FORMAT_GRAY;
	g->w = (int)img.width;
	g->h = (int)img.height;
	if ((g->px = malloc(PNG_IMAGE_SIZE(img))) == NULL) {
		png_image_free(&img);
		return -1;
	}
	if (!png_image_finish_read(&img, NULL, g->px, 0, NULL)) {
		png_image_free(&img);
		scan_grey_free(g);
		return -1;
	}
	return 0;
}

struct jerr {
	struct jpeg_error_mgr mgr;
	jmp_buf               jb;
};

static void
jpeg_fail(j_common_ptr ci)
{
	longjmp(((struct jerr *)ci->err)->jb, 1);
}

static void
jpeg_quiet(j_common_ptr ci, int level)
{
	(void)ci;
	(void)level;
}

static int
jpeg_grey(const char *data, size_t len, struct grey *g)
{
	struct jpeg_decompress_struct ci;
	struct jerr err;
	unsigned char *volatile px = NULL;

	memset(&ci, 0, sizeof(ci));
	ci.err = jpeg_std_error(&err.mgr);
	err.mgr.error_exit = jpeg_fail;
	err.mgr.emit_message = jpeg_quiet;
	if (setjmp(err.jb)) {
		jpeg_destroy_decompress(&ci);
		free(px);
		return -1;
	}
	jpeg_create_decompress(&ci);
	jpeg_mem_src(&ci, (const unsigned char *)data, (unsigned long)len);
	if (jpeg_read_header(&ci, TRUE) != JPEG_HEADER_OK ||
	    (unsigned long long)ci.image_width * ci.image_height > SCAN_MAX_PIXELS) {
		jpeg_destroy_decompress(&ci);
		return -1;
	}
	ci.out_color_space = JCS_GRAYSCALE;
	jpeg_start_decompress(&ci);
	if (ci.output_components != 1) {
		jpeg_destroy_decompress(&ci);
		return -1;
	}
	if ((px = malloc((size_t)ci.output_width * ci.output_height)) == NULL) {
		jpeg_destroy_decompress(&ci);
		return -1;
	}
	while (ci.output_scanline < ci.output_height) {
		JSAMPROW row = px + (size_t)ci.output_scanline * ci.output_width;

		jpeg_read_scanlines(&ci, &row, 1);
	}
	g->w = (int)ci.output_width;
	g->h = (int)ci.output_height;
	g->px = px;
	jpeg_finish_decompress(&ci);
	jpeg_destroy_decompress(&ci);
	return 0;
}

int
scan_grey_decode(int kind, const char *data, size_t len, struct grey *g)
{
	g->w = g->h = 0;
	g->px = NULL;
	if (kind == SCAN_PNG)
		return png_grey(data, len, g);
	if (kind == SCAN_JPEG)
		return jpeg_grey(data, len, g);
	return -1;
}

void
scan_grey_free(struct grey *g)
{
	free(g->px);
	g->px = NULL;
	g->w = g->h = 0;
}

/* ---- QR codes ---- */

static const char *
zbar_qr(struct arena *a, const unsigned char *px, int w, int h)
{
	static zbar_image_scanner_t *scanner;
	const char *out = NULL;
	zbar_image_t *img;

	if (scanner == NULL) {
		scanner = zbar_image_scanner_create();
		zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
		zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
	}
	img = zbar_image_create();
	zbar_image_set_format(img, zbar_fourcc('Y', '8', '0', '0'));
	zbar_image_set_size(img, (unsigned)w, (unsigned)h);
	zbar_image_set_data(img, px, (unsigned long)w * (unsigned long)h, NULL);
	if (zbar_scan_image(scanner, img) > 0) {
		for (const zbar_symbol_t *s = zbar_image_first_symbol(img); s != NULL;
		    s = zbar_symbol_next(s))
			if (zbar_symbol_get_type(s) == ZBAR_QRCODE) {
				out = arena_strndup(a, zbar_symbol_get_data(s),
				    zbar_symbol_get_data_length(s));
				break;
			}
	}
	zbar_image_destroy(img);
	return out;
}

const char *
scan_qr(struct arena *a, const struct grey *g)
{
	const char *text = NULL;

	if (g->px == NULL || g->w < 16 || g->h < 16)
		return NULL;
	/* A 300-dpi page halved is a 150-dpi page: the printed code (24 mm) still has 3-4
	 * pixels per module, and zbar reads it in a quarter of the time. */
	if (g->w >= 2000) {
		int w = g->w / 2, h = g->h / 2;
		unsigned char *half = malloc((size_t)w * (size_t)h);

		if (half != NULL) {
			for (int y = 0; y < h; y++) {
				const unsigned char *r0 = g->px + (size_t)(2 * y) * (size_t)g->w;
				const unsigned char *r1 = r0 + g->w;
				unsigned char *o = half + (size_t)y * (size_t)w;

				for (int x = 0; x < w; x++)
					o[x] = (unsigned char)((r0[2 * x] + r0[2 * x + 1] + r1[2 * x] +
					    r1[2 * x + 1] + 2) / 4);
			}
			/* The printed forms carry their code in the header: the top quarter first
			 * (the same memory, fewer rows), then the whole page. */
			text = zbar_qr(a, half, w, h / 4);
			if (text == NULL)
				text = zbar_qr(a, half, w, h);
			free(half);
		}
	}
	if (text == NULL && g->w < 2000)
		text = zbar_qr(a, g->px, g->w, g->h / 4);
	if (text == NULL)
		text = zbar_qr(a, g->px, g->w, g->h);
	return text;
}

int
scan_number_of(const char *text, char *out, size_t outlen)
{
	const char *p, *r = NULL;
	size_t k = 0;

	if (outlen == 0)
		return 0;
	out[0] = '\0';
	if (text == NULL || (strncmp(text, "http://", 7) != 0 && strncmp(text, "https://", 8) != 0))
		return 0;
	/* The last "/r/" of the URL; the number is everything after it. */
	for (p = strstr(text, "/r/"); p != NULL; p = strstr(p + 1, "/r/"))
		r = p;
	if (r == NULL)
		return 0;
	for (p = r + 3; *p; p++) {
		char ch = *p;

		if (ch >= 'a' && ch <= 'z')
			ch = (char)(ch - 'a' + 'A');
		if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-')) {
			out[0] = '\0';   /* found by fuzz_scan: out was left unterminated */
			return 0;   /* a query, a fragment, a further path: not ours */
		}
		if (k + 1 >= outlen) {
			out[0] = '\0';
			return 0;
		}
		out[k++] = ch;
	}
	out[k] = '\0';
	return k > 0 && number_valid(out);
}
