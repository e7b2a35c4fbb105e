/* fuzz_image: upload_image_info over any bytes (JPEG and PNG headers). */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *d = malloc(size ? size : 1);   /* exact size: reads past it are caught */
	int w = -1, h = -1, kind;

	memcpy(d, data, size);
	kind = upload_image_info(d, size, &w, &h);
	if (kind == IMG_NONE ? (w != 0 || h != 0) : (w <= 0 || h <= 0))
		abort();
	(void)upload_ctype(kind);
	(void)upload_ext(kind);
	free(d);
	return 0;
}
