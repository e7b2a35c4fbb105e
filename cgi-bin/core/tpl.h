/* tpl.h: the one C++ bridge to Google ctemplate (tpl.cc), as a small C API.
 *
 * Templates are registered once at start under "<lang>/<file>" keys after the catalog texts
 * ([[key]] markers) have been put in (see page.c); a dictionary is filled per request and
 * expanded into a buf. Values are copied into the dictionary: callers keep ownership of what
 * they pass. A dictionary from tpl_dict_new is freed with tpl_dict_free; section and include
 * dictionaries belong to their parent.
 */
#ifndef DD_TPL_H
#define DD_TPL_H
#include <stddef.h>
#include "buf.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tpl_dict tpl_dict;

/* Registers template text under key. Returns 0, or -1 if ctemplate rejects it. */
int       tpl_register(const char *key, const char *text, size_t len);
/* After every template is registered: no more changes, expansion never touches the disk. */
void      tpl_freeze(void);
tpl_dict *tpl_dict_new(const char *name);
void      tpl_dict_free(tpl_dict *d);
void      tpl_set(tpl_dict *d, const char *name, const char *value);
void      tpl_set_int(tpl_dict *d, const char *name, long long value);
/* A value seen by this dictionary and every section and include below it. */
void      tpl_set_global(tpl_dict *d, const char *name, const char *value);
void      tpl_show(tpl_dict *d, const char *section);
/* Adds one repetition of section (a table row); the section is shown. */
tpl_dict *tpl_section(tpl_dict *d, const char *section);
/* Fills the include marker {{>marker}} with the registered template key. */
tpl_dict *tpl_include(tpl_dict *d, const char *marker, const char *key);
/* Expands the template registered as key into out (appended). Returns 0 or -1. */
int       tpl_expand(const char *key, const tpl_dict *d, struct buf *out);

#ifdef __cplusplus
}
#endif
#endif
