/* dd-import: files every scan in a folder (a scanner's shared folder) as the web inbox
 * would, acting as one user of a site:
 *
 *     DUTYDESK_CONF=var/main/dutydesk.conf build/bin/dd-import --as staff1 /srv/scans
 *     make import DIR=/srv/scans AS=staff1
 *
 * Each file is one batch (one transaction). Afterwards it is moved to DIR/done/ (its pages
 * were filed or queued for triage) or DIR/failed/ with NAME.reason.txt beside it (not a
 * PDF/JPEG/PNG, unreadable, too large, or every page already archived). Prints one line
 * per file; exit status 1 when the database could not be used.
 */
#include "forms/forms.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *
slurp(struct arena *a, const char *path, size_t *len, int *too_large)
{
	struct stat st;
	size_t off = 0;
	char *p;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

	*too_large = 0;
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return NULL;
	}
	if ((size_t)st.st_size > FORMS_MAX_FILE) {
		*too_large = 1;
		close(fd);
		return NULL;
	}
	p = arena_alloc(a, (size_t)st.st_size + 1);
	while (off < (size_t)st.st_size) {
		ssize_t n = read(fd, p + off, (size_t)st.st_size - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	close(fd);
	*len = off;
	return p;
}

/* Moves dir/name to dir/sub/name (name.1, name.2 ... if taken); the reason file beside it. */
static void
move_to(const char *dir, const char *sub, const char *name, const char *reason,
    const char *text)
{
	char from[1024], to[1100];
	struct stat st;

	snprintf(from, sizeof(from), "%s/%s", dir, name);
	snprintf(to, sizeof(to), "%s/%s/%s", dir, sub, name);
	for (int i = 1; lstat(to, &st) == 0 && i < 1000; i++)
		snprintf(to, sizeof(to), "%s/%s/%s.%d", dir, sub, name, i);
	if (rename(from, to) != 0)
		fprintf(stderr, "dd-import: cannot move %s to %s/: %s\n", name, sub, strerror(errno));
	if (reason != NULL) {
		char rpath[1200];
		FILE *f;

		snprintf(rpath, sizeof(rpath), "%s.reason.txt", to);
		if ((f = fopen(rpath, "w")) != NULL) {
			fprintf(f, "%s\n%s\n", reason, text ? text : "");
			fclose(f);
		}
	}
}

static int
name_cmp(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

int
main(int argc, char **argv)
{
	const char *conf_path = getenv("DUTYDESK_CONF"), *as = NULL, *dir = NULL;
	static struct i18n cat;
	struct conf conf;
	struct arena a;
	struct ctx c;
	struct dbres *r;
	char err[256], sub[1100];
	char **names = NULL;
	size_t nn = 0, cap = 0;
	int rc, status = 0;
	DIR *d;
	struct dirent *e;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--as") == 0 && i + 1 < argc)
			as = argv[++i];
		else
			dir = argv[i];
	}
	if (as == NULL || *as == '\0' || dir == NULL) {
		fprintf(stderr, "usage: DUTYDESK_CONF=... dd-import --as USERNAME DIR\n");
		return 2;
	}
	conf_defaults(&conf);
	if (conf_load(&conf, conf_path ? conf_path : "dutydesk.conf", err, sizeof(err)) != 0) {
		fprintf(stderr, "dd-import: config: %s\n", err);
		return 2;
	}
	if (sodium_init() < 0 || i18n_load(&cat, conf.i18n_dir, i18n_langs[I18N_ZH]) != 0)
		return 2;
	arena_init(&a, 0);
	memset(&c, 0, sizeof(c));
	c.a = &a;
	c.conf = &conf;
	c.msg = &cat;
	c.lang = I18N_ZH;
	c.remote_addr = "dd-import";
	c.db = db_new(&conf, forms_stmts, sizeof(forms_stmts) / sizeof(forms_stmts[0]));
	if (db_exec(c.db, &a, F_USER_BY_NAME, &r, "s", as) != DB_OK) {
		fprintf(stderr, "dd-import: the database cannot be reached\n");
		return 1;
	}
	if (r->nrows != 1 || (dbres_int(r, 0, 4) & FORMS_WRITERS) == 0) {
		fprintf(stderr, "dd-import: no active user %s who may file scans\n", as);
		return 2;
	}
	c.user.id = dbres_int(r, 0, 0);
	c.user.site_id = dbres_int(r, 0, 1);
	c.user.username = as;
	c.user.display_name = strdup(dbres_str(r, 0, 2));   /* outlive arena_reset */
	c.user.site_name = strdup(dbres_str(r, 0, 3));
	c.user.roles = (unsigned)dbres_int(r, 0, 4);
	for (const char *s = "done"; s; s = strcmp(s, "done") == 0 ? "failed" : NULL) {
		snprintf(sub, sizeof(sub), "%s/%s", dir, s);
		if (mkdir(sub, 0750) != 0 && errno != EEXIST) {
			fprintf(stderr, "dd-import: cannot make %s: %s\n", sub, strerror(errno));
			return 2;
		}
	}
	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "dd-import: cannot read %s: %s\n", dir, strerror(errno));
		return 2;
	}
	while ((e = readdir(d)) != NULL) {
		struct stat st;
		char path[1100];

		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (e->d_name[0] == '.' || lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		if (nn == cap) {
			cap = cap ? 2 * cap : 64;
			if ((names = realloc(names, cap * sizeof(*names))) == NULL)
				return 1;
		}
		names[nn++] = strdup(e->d_name);
	}
	closedir(d);
	if (nn > 1)
		qsort(names, nn, sizeof(*names), name_cmp);
	for (size_t i = 0; i < nn; i++) {
		const char *refusal = NULL, *name = forms_clean_name(&a, names[i]);
		struct fpage *pages = NULL;
		struct fbatch b;
		size_t npages = 0, len = 0;
		char path[1100];
		char *data;
		int big;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if ((data = slurp(&a, path, &len, &big)) == NULL)
			refusal = big ? "too_large" : "bad_image";
		else
			forms_decode(&a, data, len, &pages, &npages, &refusal, NULL, NULL);
		if ((rc = db_begin(c.db)) == DB_OK)
			rc = forms_batch_begin(&c, "import", &b);
		b.files = 1;
		if (refusal != NULL)
			forms_batch_refuse(&c, &b, name, refusal);
		for (size_t k = 0; rc == DB_OK && k < npages; k++)
			rc = forms_file_page(&c, &b, name, (int)k + 1, &pages[k]);
		if (rc == DB_OK)
			rc = forms_batch_end(&c, &b);
		if (rc == DB_OK)
			rc = db_commit(c.db);
		if (rc != DB_OK) {
			db_rollback(c.db);
			forms_batch_abort(&c, &b);
			fprintf(stderr, "dd-import: %s: database error; left in place\n", names[i]);
			status = 1;
		} else if (refusal != NULL) {
			move_to(dir, "failed", names[i], refusal, forms_reason_key(&c, refusal));
			printf("failed %s: %s (batch %lld)\n", names[i], refusal, b.id);
		} else if (b.filed + b.triage == 0) {
			move_to(dir, "failed", names[i], "duplicate",
			    ctx_t(&c, "forms.outcome.duplicate"));
			printf("failed %s: duplicate (batch %lld)\n", names[i], b.id);
		} else {
			move_to(dir, "done", names[i], NULL, NULL);
			printf("done %s: pages=%zu filed=%d triage=%d duplicate=%d (batch %lld)\n",
			    names[i], npages, b.filed, b.triage, b.dups, b.id);
		}
		free(names[i]);
		arena_reset(&a);
	}
	free(names);
	db_close(c.db);
	return status;
}
