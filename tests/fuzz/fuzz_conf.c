/* fuzz_conf: conf_parse over a whole configuration text. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct conf c;
	char err[256], *s = fuzz_cstr(data, size);

	conf_defaults(&c);
	err[0] = '\0';
	if (conf_parse(&c, s, err, sizeof(err)) != 0 && err[0] == '\0')
		abort();  /* a refusal always says why */
	/* Every string field stays NUL-terminated inside its array. */
	if (memchr(c.db_socket, 0, sizeof(c.db_socket)) == NULL ||
	    memchr(c.secret, 0, sizeof(c.secret)) == NULL ||
	    memchr(c.upload_dir, 0, sizeof(c.upload_dir)) == NULL ||
	    memchr(c.base_url, 0, sizeof(c.base_url)) == NULL)
		abort();
	free(s);
	return 0;
}
