/* upload.h: uploaded files: checked by their content (never by name or browser type),
 * stored outside the web root under random names, and served back only by a handler that
 * checked who may see them. */
#ifndef DD_UPLOAD_H
#define DD_UPLOAD_H
#include <stddef.h>

struct ctx;

enum img_kind { IMG_NONE = 0, IMG_JPEG, IMG_PNG };

/* Reads kind, width and height from the bytes of a JPEG or PNG image. Returns IMG_NONE for
 * anything else, including a truncated or absurdly large image. */
int         upload_image_info(const unsigned char *data, size_t len, int *w, int *h);
/* The MIME type and file extension of a kind. */
const char *upload_ctype(int kind);
const char *upload_ext(int kind);
/* Stores data as upload_dir/YYYY/MM/<32 random hex>.<ext> (written to a temporary name,
 * synced, then renamed). Returns the path relative to upload_dir (arena string) or NULL. */
const char *upload_store(struct ctx *c, const char *data, size_t len, const char *ext);
/* Removes a stored file (one that turned out not to be needed). */
void        upload_remove(struct ctx *c, const char *rel);
/* Reads a stored file; rel must be a path made by upload_store. 0, or -1 if absent. The
 * data is arena memory. */
int         upload_read(struct ctx *c, const char *rel, char **data, size_t *len);
/* Answers 200 with data as the body: Content-Type ctype, shown inline, cached privately. */
int         resp_file(struct ctx *c, const char *data, size_t len, const char *ctype);

#endif
