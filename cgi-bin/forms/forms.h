/* forms.h: the scan inbox (表单扫描) shared by dd-forms (web) and dd-import (a scanner's
 * shared folder): its statements, decoding a file into pages (no database) and filing the
 * pages of a batch (in the caller's transaction). */
#ifndef DD_FORMS_H
#define DD_FORMS_H
#include "core/app.h"
#include "scan.h"

/* Who uploads and files scans (the navigation's 表单扫描): everyone but the director. */
#define FORMS_WRITERS (ROLES_ALL & ~ROLE_DIRECTOR)
/* Who looks at a record's archived paper copy. */
#define FORMS_READERS ROLES_ALL

#define FORMS_DPI        150            /* PDF pages are rendered at this resolution */
#define FORMS_PDF_SECS   30             /* pdftoppm is killed after this long */
#define FORMS_MAX_FILE   (20u << 20)    /* one uploaded file */
#define FORMS_MAX_PAGES  200            /* pages of one batch */
#define FORMS_STALL_SECS "120"          /* a queued batch's worker silent this long stopped */

enum forms_stmt {
	F_BATCH_NEW = DB_APP_FIRST,
	F_BATCH_END,
	F_BATCH_GET,
	F_BATCHES,
	F_NUMBER_LOCK,
	F_NEXT_PAGE,
	F_SCAN_NEW,
	F_SCAN_BY_SHA,
	F_SCAN_GET,
	F_SCANS_OF_NUMBER,
	F_TRIAGE_LIST,
	F_TRIAGE_LOCK,
	F_TRIAGE_FILE,
	F_RECENT_NUMBERS,
	F_USER_BY_NAME,
	F_PRINT_DAYS,
	F_PRINT_EMERGENCIES,
	F_PRINT_HANDOVERS,
	F_PRINT_ORDERS,
	F_PRINT_CALLBACK_REPORTS,
	F_BATCH_QUEUE,
	F_BATCH_CLAIM,
	F_BATCH_BEAT,
	F_SPOOL_ADD,
	F_SPOOL_LIST,
	F_SPOOL_DEL,
	F__END
};
extern const char *const forms_stmts[F__END - DB_APP_FIRST];

/* A page of an uploaded file, decoded (phase 1, no database). */
struct fpage {
	int         kind;          /* SCAN_PNG or SCAN_JPEG: what is stored */
	const char *data;
	size_t      len;
	char        sha[65];       /* hex SHA-256 of data */
	char        number[40];    /* the number read from the QR code when valid */
	const char *reason;        /* why not (reason key suffix): no_code, not_ours, bad_check */
};

/* What became of a page (phase 2). */
enum fout { FO_FILED, FO_TRIAGE, FO_DUPLICATE, FO_REFUSED };
struct fresult {
	const char *file;
	int         page;          /* page within the file, 1-based (0: the whole file) */
	enum fout   out;
	const char *number;        /* filed: its number; duplicate: where it already is */
	const char *reason;        /* triage / refused: reason key suffix */
	long long   scan_id;
	const char *path;          /* stored file (removed if the batch fails) */
};
struct fbatch {
	long long       id;
	struct fresult *v;
	size_t          n, cap;
	int             files, filed, triage, dups, refused;
};

/* Called while a file is decoded: done of total pages read (0 of total once a PDF is
 * rendered). */
typedef void (*forms_progress_fn)(void *arg, size_t done, size_t total);
/* Decodes a file into pages: a PDF rendered page by page, a PNG or JPEG as one page; each
 * page's QR code read. 0, or -1 with *refusal set (not_scan, too_large, bad_image,
 * pdf_failed, pdf_timeout, pdf_empty). progress may be NULL. Pages are arena memory. */
int         forms_decode(struct arena *a, const char *data, size_t len, struct fpage **pages,
    size_t *n, const char **refusal, forms_progress_fn progress, void *arg);
/* Reads the number on one page image (sets p->number or p->reason). */
void        forms_read_page(struct arena *a, struct fpage *p);
/* A file name safe to show and store (valid UTF-8, no control characters, <= 100 chars). */
const char *forms_clean_name(struct arena *a, const char *name);

/* Starts a batch for the user's site (in the caller's transaction). */
int         forms_batch_begin(struct ctx *c, const char *source, struct fbatch *b);
/* Continues batch id, queued earlier, for filing (nothing is written). */
void        forms_batch_resume(struct fbatch *b, long long id);
/* Notes a file refused as a whole. */
void        forms_batch_refuse(struct ctx *c, struct fbatch *b, const char *file,
    const char *reason);
/* Stores a page and files it on its record, or in triage; a page already there is a
 * duplicate. DB_OK or an error (stored files of a failed batch are listed in b for
 * forms_batch_abort). */
int         forms_file_page(struct ctx *c, struct fbatch *b, const char *file, int page,
    const struct fpage *p);
/* Writes the batch's counts, report and audit row. */
int         forms_batch_end(struct ctx *c, struct fbatch *b);
/* Removes the files stored by a batch that was rolled back. */
void        forms_batch_abort(struct ctx *c, struct fbatch *b);
/* Checks a typed number for filing a page of site_id: DB_OK with *msg NULL when it may be
 * used (*kind set), else *msg is the catalog key of the refusal. */
int         forms_check_number(struct ctx *c, const char *number, long long site_id,
    const char **msg);

/* Reason and outcome texts. */
const char *forms_reason_key(struct ctx *c, const char *reason);
const char *forms_outcome_name(enum fout o);

#endif
