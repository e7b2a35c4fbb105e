/* i18n.h: message catalogs (i18n/<area>.<lang>.tsv: key TAB text; every area's file of a
 * language makes one catalog), loaded once at start.
 * Simplified Chinese (zh-CN) is the default; English (en) is the second catalog. */
#ifndef DD_I18N_H
#define DD_I18N_H
#include <stddef.h>

struct i18n_msg {
	const char *key;
	const char *text;
};

struct i18n {
	char             lang[8];
	struct i18n_msg *msgs;    /* sorted by key; owned by the catalog */
	size_t           n;
	char            *storage; /* the file's text, which msgs point into */
};

enum { I18N_ZH = 0, I18N_EN = 1, I18N__MAX = 2 };
extern const char *const i18n_langs[I18N__MAX];

/* Loads every dir/<area>.<lang>.tsv. Returns 0 or -1 (message on stderr; duplicate keys too). */
int         i18n_load(struct i18n *cat, const char *dir, const char *lang);
/* Parses text (taken over: freed by i18n_free) into cat. */
int         i18n_parse(struct i18n *cat, const char *lang, char *text);
void        i18n_free(struct i18n *cat);
/* The text of key, or NULL if absent. */
const char *i18n_find(const struct i18n *cat, const char *key);
/* The text of key, or the key itself when absent (so a missing text shows, never crashes). */
const char *i18n_get(const struct i18n *cat, const char *key);
/* Index of a language code ("en", "zh-CN"); unknown codes give I18N_ZH. */
int         i18n_lang_index(const char *lang);

#endif
