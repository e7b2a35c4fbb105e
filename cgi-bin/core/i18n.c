/* i18n.c: see i18n.h. */
#include "i18n.h"
#include "arena.h"
#include "buf.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const i18n_langs[I18N__MAX] = { "zh-CN", "en" };

static int
msg_cmp(const void *a, const void *b)
{
	return strcmp(((const struct i18n_msg *)a)->key, ((const struct i18n_msg *)b)->key);
}

int
i18n_parse(struct i18n *cat, const char *lang, char *text)
{
	size_t cap = 64;
	char *p = text;

	memset(cat, 0, sizeof(*cat));
	snprintf(cat->lang, sizeof(cat->lang), "%s", lang);
	cat->storage = text;
	if ((cat->msgs = malloc(cap * sizeof(*cat->msgs))) == NULL)
		arena_oom();
	while (*p != '\0') {
		char *line = p, *tab, *nl = strchr(p, '\n');

		if (nl) {
			*nl = '\0';
			p = nl + 1;
		} else {
			p += strlen(p);
		}
		if (*line == '#' || *line == '\0')
			continue;
		if ((tab = strchr(line, '\t')) == NULL)
			continue;
		*tab = '\0';
		if (cat->n == cap) {
			cap *= 2;
			if ((cat->msgs = realloc(cat->msgs, cap * sizeof(*cat->msgs))) == NULL)
				arena_oom();
		}
		cat->msgs[cat->n].key = line;
		cat->msgs[cat->n].text = tab + 1;
		cat->n++;
	}
	qsort(cat->msgs, cat->n, sizeof(*cat->msgs), msg_cmp);
	for (size_t i = 1; i < cat->n; i++)
		if (strcmp(cat->msgs[i - 1].key, cat->msgs[i].key) == 0) {
			fprintf(stderr, "i18n %s: duplicate key %s\n", lang, cat->msgs[i].key);
			return -1;
		}
	return 0;
}

/* Appends the text of path to b. 0 or -1. */
static int
i18n_read(const char *path, struct buf *b)
{
	FILE *f = fopen(path, "r");
	char chunk[8192];
	size_t got;

	if (f == NULL) {
		fprintf(stderr, "i18n: cannot open %s\n", path);
		return -1;
	}
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(b, chunk, got);
	fclose(f);
	buf_putc(b, '\n');
	return 0;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
i18n_load(struct i18n *cat, const char *dir, const char *lang)
{
	char suffix[32], path[1024], *names[256];
	size_t n = 0, sl;
	struct buf text;
	struct dirent *de;
	DIR *dh;
	int rc = 0;

	/* Every area has its own file: i18n/<area>.<lang>.tsv; all of them make one catalog. */
	snprintf(suffix, sizeof(suffix), ".%s.tsv", lang);
	sl = strlen(suffix);
	if ((dh = opendir(dir)) == NULL) {
		fprintf(stderr, "i18n: cannot open %s\n", dir);
		return -1;
	}
	while ((de = readdir(dh)) != NULL && n < sizeof(names) / sizeof(names[0])) {
		size_t l = strlen(de->d_name);

		if (l > sl && strcmp(de->d_name + l - sl, suffix) == 0)
			if ((names[n++] = strdup(de->d_name)) == NULL)
				arena_oom();
	}
	closedir(dh);
	qsort(names, n, sizeof(names[0]), name_cmp);
	buf_init(&text);
	for (size_t i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (rc == 0)
			rc = i18n_read(path, &text);
		free(names[i]);
	}
	if (rc == 0 && n == 0) {
		fprintf(stderr, "i18n: no *%s in %s\n", suffix, dir);
		rc = -1;
	}
	if (rc != 0) {
		buf_free(&text);
		return -1;
	}
	/* The catalog takes the text over (its buffer is freed by i18n_free). */
	return i18n_parse(cat, lang, text.data);
}

void
i18n_free(struct i18n *cat)
{
	free(cat->msgs);
	free(cat->storage);
	memset(cat, 0, sizeof(*cat));
}

const char *
i18n_find(const struct i18n *cat, const char *key)
{
	struct i18n_msg k = { key, NULL }, *m;

	if (cat == NULL || cat->n == 0)
		return NULL;
	m = bsearch(&k, cat->msgs, cat->n, sizeof(*cat->msgs), msg_cmp);
	return m ? m->text : NULL;
}

const char *
i18n_get(const struct i18n *cat, const char *key)
{
	const char *t = i18n_find(cat, key);

	return t ? t : key;
}

int
i18n_lang_index(const char *lang)
{
	if (lang != NULL && strcmp(lang, "en") == 0)
		return I18N_EN;
	return I18N_ZH;
}
