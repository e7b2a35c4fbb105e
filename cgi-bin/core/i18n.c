/* i18n.c: see i18n.h. */
#include "i18n.h"
#include "arena.h"
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

int
i18n_load(struct i18n *cat, const char *dir, const char *lang)
{
	char path[512];
	FILE *f;
	long size;
	char *text;

	snprintf(path, sizeof(path), "%s/%s.tsv", dir, lang);
	if ((f = fopen(path, "r")) == NULL) {
		fprintf(stderr, "i18n: cannot open %s\n", path);
		return -1;
	}
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	if (size < 0 || (text = malloc((size_t)size + 1)) == NULL) {
		fclose(f);
		return -1;
	}
	text[fread(text, 1, (size_t)size, f)] = '\0';
	fclose(f);
	return i18n_parse(cat, lang, text);
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
