/* ingest.c: a file becomes pages (decode, no database), pages are filed (one transaction
 * per batch, in the caller's). Shared by the web inbox and the folder importer. */
#include "forms.h"
#include <sodium.h>
#include <stdio.h>
#include <string.h>

const char *
forms_clean_name(struct arena *a, const char *name)
{
	char *out;
	size_t chars = 0, i, k = 0;

	if (name == NULL || *name == '\0')
		return "-";
	/* The last path part only (some browsers send a path). */
	for (const char *p = name; *p; p++)
		if (*p == '/' || *p == '\\')
			name = p + 1;
	out = arena_alloc(a, strlen(name) + 1);
	for (i = 0; name[i]; i++) {
		unsigned char ch = (unsigned char)name[i];

		if ((ch & 0xc0) != 0x80 && ++chars > 100)
			break;
		out[k++] = ch < 0x20 || ch == 0x7f ? '_' : (char)ch;
	}
	out[k] = '\0';
	return k && valid_utf8(out, k, 0) ? out : "-";
}

void
forms_read_page(struct arena *a, struct fpage *p)
{
	struct grey g;
	const char *text;

	p->number[0] = '\0';
	p->reason = "no_code";
	if (scan_grey_decode(p->kind, p->data, p->len, &g) != 0) {
		p->reason = "bad_image";
		return;
	}
	text = scan_qr(a, &g);
	scan_grey_free(&g);
	if (text == NULL)
		return;
	if (scan_number_of(text, p->number, sizeof(p->number))) {
		p->reason = NULL;
		return;
	}
	p->reason = p->number[0] ? "bad_check" : "not_ours";
	p->number[0] = '\0';
}

static void
page_sha(struct fpage *p)
{
	unsigned char sum[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(sum, (const unsigned char *)p->data, p->len);
	sodium_bin2hex(p->sha, sizeof(p->sha), sum, sizeof(sum));
}

int
forms_decode(struct arena *a, const char *data, size_t len, struct fpage **pages, size_t *n,
    const char **refusal, forms_progress_fn progress, void *arg)
{
	int kind = scan_kind(data, len);

	*pages = NULL;
	*n = 0;
	*refusal = NULL;
	if (len > FORMS_MAX_FILE) {
		*refusal = "too_large";
		return -1;
	}
	if (kind == SCAN_NONE) {
		*refusal = "not_scan";
		return -1;
	}
	if (kind == SCAN_PDF) {
		struct scan_page *sp;
		size_t np;

		if (scan_pdf_render(a, data, len, FORMS_DPI, FORMS_PDF_SECS, &sp, &np, refusal) != 0)
			return -1;
		*pages = arena_calloc(a, np, sizeof(**pages));
		for (size_t i = 0; i < np; i++) {
			(*pages)[i].kind = sp[i].kind;
			(*pages)[i].data = sp[i].data;
			(*pages)[i].len = sp[i].len;
		}
		*n = np;
	} else {
		*pages = arena_calloc(a, 1, sizeof(**pages));
		(*pages)[0].kind = kind;
		(*pages)[0].data = data;
		(*pages)[0].len = len;
		*n = 1;
	}
	if (progress != NULL)
		progress(arg, 0, *n);
	for (size_t i = 0; i < *n; i++) {
		page_sha(&(*pages)[i]);
		forms_read_page(a, &(*pages)[i]);
		if (progress != NULL)
			progress(arg, i + 1, *n);
		if ((*pages)[i].reason && strcmp((*pages)[i].reason, "bad_image") == 0 && kind != SCAN_PDF) {
			*refusal = "bad_image";   /* an image file that does not decode is refused */
			*n = 0;
			return -1;
		}
	}
	return 0;
}

/* ---- filing ---- */

static struct fresult *
result_add(struct ctx *c, struct fbatch *b, const char *file, int page, enum fout out)
{
	struct fresult *r;

	if (b->n == b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 32;
		struct fresult *v = arena_calloc(c->a, cap, sizeof(*v));

		if (b->n)
			memcpy(v, b->v, b->n * sizeof(*v));
		b->v = v;
		b->cap = cap;
	}
	r = &b->v[b->n++];
	memset(r, 0, sizeof(*r));
	r->file = file;
	r->page = page;
	r->out = out;
	r->number = "";
	r->reason = "";
	return r;
}

int
forms_batch_begin(struct ctx *c, const char *source, struct fbatch *b)
{
	struct dbres *r;
	int rc;

	memset(b, 0, sizeof(*b));
	rc = db_exec(c->db, c->a, F_BATCH_NEW, &r, "iis", c->user.site_id, c->user.id, source);
	if (rc == DB_OK)
		b->id = (long long)r->insert_id;
	return rc;
}

void
forms_batch_resume(struct fbatch *b, long long id)
{
	memset(b, 0, sizeof(*b));
	b->id = id;
}

void
forms_batch_refuse(struct ctx *c, struct fbatch *b, const char *file, const char *reason)
{
	result_add(c, b, file, 0, FO_REFUSED)->reason = reason;
	b->refused++;
}

int
forms_check_number(struct ctx *c, const char *number, long long site_id, const char **msg)
{
	struct dbres *r;
	int rc;

	*msg = NULL;
	if (!number_valid(number)) {
		*msg = "forms.err.check";
		return DB_OK;
	}
	if ((rc = db_exec(c->db, c->a, F_NUMBER_LOCK, &r, "s", number)) != DB_OK)
		return rc;
	/* Another site's number is answered like one that does not exist. */
	if (r->nrows != 1 || dbres_int(r, 0, 1) != site_id)
		*msg = "forms.err.unknown";
	return DB_OK;
}

/* The next page number of a number whose register row the caller has locked. */
static int
next_page(struct ctx *c, const char *number, long long *page)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, F_NEXT_PAGE, &r, "s", number);

	*page = rc == DB_OK ? dbres_int(r, 0, 0) : 0;
	return rc;
}

int
forms_file_page(struct ctx *c, struct fbatch *b, const char *file, int page,
    const struct fpage *p)
{
	const char *number = p->number[0] ? p->number : NULL, *reason = p->reason;
	const char *path, *msg;
	struct fresult *res;
	struct dbres *r;
	long long page_no = 0;
	int rc;

	/* Seen before (this batch or an earlier one): not attached twice. */
	if ((rc = db_exec(c->db, c->a, F_SCAN_BY_SHA, &r, "is", c->user.site_id, p->sha)) != DB_OK)
		return rc;
	if (r->nrows > 0) {
		res = result_add(c, b, file, page, FO_DUPLICATE);
		res->number = dbres_str(r, 0, 1);
		res->scan_id = dbres_int(r, 0, 0);
		b->dups++;
		return DB_OK;
	}
	if (number != NULL) {
		if ((rc = forms_check_number(c, number, c->user.site_id, &msg)) != DB_OK)
			return rc;
		if (msg != NULL) {
			reason = "unknown";
			number = NULL;
		} else if ((rc = next_page(c, number, &page_no)) != DB_OK) {
			return rc;
		}
	}
	if ((path = upload_store(c, p->data, p->len, p->kind == SCAN_PNG ? "png" : "jpg")) == NULL)
		return DB_EFAIL;
	res = result_add(c, b, file, page, number ? FO_FILED : FO_TRIAGE);
	res->number = number ? number : "";
	res->reason = number ? "" : reason ? reason : "no_code";
	res->path = path;
	rc = db_exec(c->db, c->a, F_SCAN_NEW, &r, "iisnsssissisinn", c->user.site_id, b->id, number,
	    page_no, number ? "filed" : "triage", res->reason, file, (long long)page, path,
	    p->kind == SCAN_PNG ? "png" : "jpeg", (long long)p->len, p->sha, c->user.id,
	    number ? c->user.id : 0LL, number ? c->user.id : 0LL);
	if (rc == DB_EDUP) {
		/* The same image twice in one request (or a race): the first one stays. */
		upload_remove(c, path);
		res->path = NULL;
		res->out = FO_DUPLICATE;
		b->dups++;
		return DB_OK;
	}
	if (rc != DB_OK)
		return rc;
	res->scan_id = (long long)r->insert_id;
	if (number) {
		b->filed++;
		return audit_write(c, "scan_filed", "form_scan", res->scan_id, c->user.site_id,
		    arena_printf(c->a, "%s %s %s %lld", ctx_t(c, "forms.audit.filed"), number,
		    ctx_t(c, "forms.page"), page_no), NULL, NULL);
	}
	b->triage++;
	return audit_write(c, "scan_triage", "form_scan", res->scan_id, c->user.site_id,
	    arena_printf(c->a, "%s %s", ctx_t(c, "forms.audit.triage"), file), NULL, NULL);
}

void
forms_batch_abort(struct ctx *c, struct fbatch *b)
{
	for (size_t i = 0; i < b->n; i++)
		if (b->v[i].path != NULL) {
			upload_remove(c, b->v[i].path);
			b->v[i].path = NULL;
		}
}

const char *
forms_outcome_name(enum fout o)
{
	switch (o) {
	case FO_FILED:     return "filed";
	case FO_TRIAGE:    return "triage";
	case FO_DUPLICATE: return "duplicate";
	default:           return "refused";
	}
}

const char *
forms_reason_key(struct ctx *c, const char *reason)
{
	static const char *const known[] = { "no_code", "not_ours", "bad_check", "unknown",
	    "bad_image", "not_scan", "too_large", "pdf_failed", "pdf_timeout", "pdf_empty",
	    "too_many", NULL };

	for (size_t i = 0; known[i]; i++)
		if (reason && strcmp(reason, known[i]) == 0)
			return ctx_t(c, arena_printf(c->a, "forms.reason.%s", known[i]));
	return "";
}

/* One report line per page: file, page, outcome, number, reason (tabs and newlines are
 * not in cleaned names). */
int
forms_batch_end(struct ctx *c, struct fbatch *b)
{
	struct buf rep;
	char *text;
	int rc, pages = 0;

	buf_init(&rep);
	for (size_t i = 0; i < b->n; i++) {
		const struct fresult *r = &b->v[i];

		if (r->page > 0)
			pages++;
		buf_printf(&rep, "%s\t%d\t%s\t%s\t%s\t%lld\n", r->file, r->page,
		    forms_outcome_name(r->out), r->number, r->reason, r->scan_id);
	}
	text = arena_strndup(c->a, rep.data ? rep.data : "", rep.len);
	buf_free(&rep);
	rc = db_exec(c->db, c->a, F_BATCH_END, NULL, "iiiiiisi", (long long)b->files,
	    (long long)pages, (long long)b->filed, (long long)b->triage, (long long)b->dups,
	    (long long)b->refused, text, b->id);
	if (rc == DB_OK)
		rc = audit_write(c, "scan_batch", "form_scan_batch", b->id, c->user.site_id,
		    arena_printf(c->a, "%s #%lld: %d / %d / %d / %d", ctx_t(c, "forms.audit.batch"),
		    b->id, b->filed, b->triage, b->dups, b->refused), NULL, NULL);
	return rc;
}
