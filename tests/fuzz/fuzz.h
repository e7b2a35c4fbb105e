/* fuzz.h: what the libFuzzer targets share. Each target is one fuzz_NAME.c with
 * LLVMFuzzerTestOneInput; `make fuzz` links it with the core built by clang under
 * -fsanitize=fuzzer,address,undefined. Inputs are copied so that a read past the end of the
 * bytes the fuzzer handed over is caught by ASan, and NUL-terminated where the code under
 * test takes a C string. */
#ifndef DD_FUZZ_H
#define DD_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/app.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A malloc'd NUL-terminated copy of the input. */
static inline char *
fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* The repository root, for i18n/ (DD_REPO, else the one the target was built in). */
static inline const char *
fuzz_repo(void)
{
	const char *r = getenv("DD_REPO");

#ifdef FUZZ_REPO
	return r ? r : FUZZ_REPO;
#else
	return r ? r : ".";
#endif
}

/* Splits the input at the first "\n\n" (or NUL): head, and the rest. */
static inline void
fuzz_split(const uint8_t *data, size_t size, const uint8_t **rest, size_t *hlen, size_t *rlen)
{
	for (size_t i = 0; i + 1 < size; i++)
		if (data[i] == '\n' && data[i + 1] == '\n') {
			*hlen = i;
			*rest = data + i + 2;
			*rlen = size - i - 2;
			return;
		}
	*hlen = size;
	*rest = data + size;
	*rlen = 0;
}
#endif
