/* unit.h: what the cmocka unit tests share: a request context with an arena, the
 * configuration defaults and the real catalogs from i18n/. */
#ifndef DD_UNIT_H
#define DD_UNIT_H
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/app.h"

struct unit_env {
	struct arena a;
	struct conf  conf;
	struct i18n  cat[I18N__MAX];
	struct ctx   c;
};

/* The repository root (DD_REPO, set by make unit), for i18n/ and templates/. */
static inline const char *
unit_repo(void)
{
	const char *r = getenv("DD_REPO");

	return r ? r : ".";
}

static inline int
unit_setup(void **state)
{
	struct unit_env *e = calloc(1, sizeof(*e));
	char dir[512];

	arena_init(&e->a, 0);
	conf_defaults(&e->conf);
	snprintf(e->conf.secret, sizeof(e->conf.secret), "%s", "00112233445566778899aabbccddeeff");
	snprintf(dir, sizeof(dir), "%s/i18n", unit_repo());
	for (int i = 0; i < I18N__MAX; i++)
		if (i18n_load(&e->cat[i], dir, i18n_langs[i]) != 0)
			return -1;
	e->c.a = &e->a;
	e->c.conf = &e->conf;
	e->c.msg = &e->cat[I18N_ZH];
	buf_init(&e->c.head);
	buf_init(&e->c.out);
	*state = e;
	return 0;
}

static inline int
unit_teardown(void **state)
{
	struct unit_env *e = *state;

	for (int i = 0; i < I18N__MAX; i++)
		i18n_free(&e->cat[i]);
	buf_free(&e->c.head);
	buf_free(&e->c.out);
	arena_free(&e->a);
	free(e);
	return 0;
}

#endif
