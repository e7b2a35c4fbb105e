/* upload.c: see upload.h. */
#include "app.h"
#include "upload.h"
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The characters of a stored name: year/month/ digits, hex, the dot and the extensions
 * (png, jpg, pdf, bin). */
#define UPLOAD_NAME_CHARS "0123456789abcdef/.pngjbi"

#define IMG_MAX_SIDE 20000

static unsigned
be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 |
	    p[3];
}

int
upload_image_info(const unsigned char *d, size_t len, int *w, int *h)
{
	static const unsigned char png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	unsigned long pw, ph;

	*w = *h = 0;
	if (len >= 33 && memcmp(d, png_sig, 8) == 0 && memcmp(d + 12, "IHDR", 4) == 0) {
		pw = be32(d + 16);
		ph = be32(d + 20);
		/* The file must also end like a PNG: its last chunk is IEND. */
		if (pw == 0 || ph == 0 || pw > IMG_MAX_SIDE || ph > IMG_MAX_SIDE ||
		    memcmp(d + len - 8, "IEND", 4) != 0)
			return IMG_NONE;
		*w = (int)pw;
		*h = (int)ph;
		return IMG_PNG;
	}
	if (len >= 4 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff) {
		size_t i = 2;

		/* Walk the segments to the frame header (SOFn) that holds the size. */
		while (i + 9 < len) {
			unsigned marker, seglen;

			if (d[i] != 0xff)
				return IMG_NONE;
			marker = d[i + 1];
			if (marker == 0xff) {
				i++;
				continue;
			}
			seglen = be16(d + i + 2);
			if (seglen < 2)
				return IMG_NONE;
			if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 &&
			    marker != 0xcc) {
				ph = be16(d + i + 5);
				pw = be16(d + i + 7);
				if (pw == 0 || ph == 0)
					return IMG_NONE;
				*w = (int)pw;
				*h = (int)ph;
				return IMG_JPEG;
			}
			if (marker == 0xda || marker == 0xd9)
				return IMG_NONE;  /* scan data before any frame header */
			i += 2 + seglen;
		}
	}
	return IMG_NONE;
}

const char *
upload_ctype(int kind)
{
	return kind == IMG_PNG ? "image/png" : kind == IMG_JPEG ? "image/jpeg" :
	    "application/octet-stream";
}

const char *
upload_ext(int kind)
{
	return kind == IMG_PNG ? "png" : kind == IMG_JPEG ? "jpg" : "bin";
}

/* mkdir -p for the two levels below upload_dir. */
static int
ensure_dir(const char *path)
{
	if (mkdir(path, 0750) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

const char *
upload_store(struct ctx *c, const char *data, size_t len, const char *ext)
{
	unsigned char rnd[16];
	char hex[33], dir[512], path[640], tmp[700];
	const char *rel;
	time_t now = time(NULL);
	struct tm tm;
	int fd;
	size_t off = 0;

	localtime_r(&now, &tm);
	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(hex, sizeof(hex), rnd, sizeof(rnd));
	rel = arena_printf(c->a, "%04d/%02d/%s.%s", tm.tm_year + 1900, tm.tm_mon + 1, hex, ext);
	snprintf(dir, sizeof(dir), "%s/%04d", c->conf->upload_dir, tm.tm_year + 1900);
	if (ensure_dir(dir) != 0)
		goto fail;
	snprintf(dir, sizeof(dir), "%s/%04d/%02d", c->conf->upload_dir, tm.tm_year + 1900,
	    tm.tm_mon + 1);
	if (ensure_dir(dir) != 0)
		goto fail;
	snprintf(path, sizeof(path), "%s/%s", c->conf->upload_dir, rel);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640)) < 0)
		goto fail;
	while (off < len) {
		ssize_t n = write(fd, data + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			close(fd);
			unlink(tmp);
			goto fail;
		}
		off += (size_t)n;
	}
	if (fsync(fd) != 0 || close(fd) != 0 || rename(tmp, path) != 0) {
		unlink(tmp);
		goto fail;
	}
	return rel;
fail:
	fprintf(stderr, "upload: cannot store in %s: %s\n", c->conf->upload_dir, strerror(errno));
	return NULL;
}

void
upload_remove(struct ctx *c, const char *rel)
{
	char path[640];

	if (strspn(rel, UPLOAD_NAME_CHARS) != strlen(rel) || strstr(rel, "..") != NULL)
		return;
	snprintf(path, sizeof(path), "%s/%s", c->conf->upload_dir, rel);
	unlink(path);
}

int
upload_read(struct ctx *c, const char *rel, char **data, size_t *len)
{
	char path[640];
	struct stat st;
	size_t off = 0;
	int fd;

	/* Only names upload_store makes (UPLOAD_NAME_CHARS); no "..". */
	if (strspn(rel, UPLOAD_NAME_CHARS) != strlen(rel) || strstr(rel, "..") != NULL ||
	    rel[0] == '/')
		return -1;
	snprintf(path, sizeof(path), "%s/%s", c->conf->upload_dir, rel);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > 64 * 1024 * 1024) {
		close(fd);
		return -1;
	}
	*len = (size_t)st.st_size;
	*data = arena_alloc(c->a, *len + 1);
	while (off < *len) {
		ssize_t n = read(fd, *data + off, *len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	close(fd);
	return off == *len ? 0 : -1;
}

int
resp_file(struct ctx *c, const char *data, size_t len, const char *ctype)
{
	buf_reset(&c->out);
	buf_append(&c->out, data, len);
	c->ctype = ctype;
	resp_header(c, "Content-Disposition", "inline");
	c->status = 200;
	return 200;
}
