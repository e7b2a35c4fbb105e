/* dd-forms: the paper round trip's scan inbox (表单扫描). Staff upload scanned forms (PDF,
 * JPEG, PNG, several files at once); each page's QR code names its record and the page is
 * filed as that record's archived paper copy (归档); pages without a readable code wait in
 * triage for a person to type or pick the number. Also the batch print list of a period.
 *
 * Owns /forms and everything below it. Decoding is in cgi-bin/forms/scan.c, filing in
 * cgi-bin/forms/ingest.c (shared with the folder importer, build/bin/dd-import).
 */
#include "forms/forms.h"
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- the inbox and uploads ---- */

enum { UF_FILES };
static const struct field upload_fields[] = {
	[UF_FILES] = { "files", FT_TEXT, 0, 0, 0, NULL, "forms.field.files" },
};
static const struct form_spec upload_form = FORM_SPEC(upload_fields);

static void
batch_row(struct ctx *c, tpl_dict *row, const struct dbres *r, size_t i)
{
	(void)c;
	tpl_set(row, "ID", dbres_str(r, i, 0));
	tpl_set(row, "BY", dbres_str(r, i, 2));
	tpl_set(row, "AT", dbres_str(r, i, 4));
	tpl_set(row, "FILES", dbres_str(r, i, 5));
	tpl_set(row, "PAGES", dbres_str(r, i, 6));
	tpl_set(row, "FILED", dbres_str(r, i, 7));
	tpl_set(row, "TRIAGE", dbres_str(r, i, 8));
	tpl_set(row, "DUPS", dbres_str(r, i, 9));
	tpl_set(row, "REFUSED", dbres_str(r, i, 10));
	if (strcmp(dbres_str(r, i, 3), "import") == 0)
		tpl_show(row, "IMPORT");
	if (strcmp(dbres_str(r, i, 12), "queued") == 0)
		tpl_show(row, "QUEUED");
}

static const char *
today(struct ctx *c)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return arena_printf(c->a, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* GET /forms */
static int
inbox_show(struct ctx *c)
{
	struct dbres *r, *t;
	tpl_dict *d;
	int rc;

	if (c->form.spec == NULL)
		form_empty(c, &upload_form);
	d = page_begin(c, "forms.tpl", "forms.title");
	tpl_set_int(d, "MAX_MB", (long long)(c->conf->max_upload_bytes >> 20));
	tpl_set(d, "TODAY", today(c));
	if ((rc = db_exec(c->db, c->a, F_BATCHES, &r, "i", c->user.site_id)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, F_TRIAGE_LIST, &t, "i", c->user.site_id)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++)
		batch_row(c, tpl_section(d, "BATCH"), r, i);
	if (r->nrows == 0)
		tpl_show(d, "NO_BATCHES");
	tpl_set_int(d, "TRIAGE_COUNT", (long long)t->nrows);
	if (t->nrows > 0)
		tpl_show(d, "TRIAGE_WAITING");
	return 200;
}

/* ---- queued batches: stored at upload, processed after the answer, progress shown ---- */

/* Where a processing batch tells its progress: upload_dir/progress/<id> (arena string). */
static const char *
progress_path(struct ctx *c, long long id)
{
	return arena_printf(c->a, "%s/progress/%lld", c->conf->upload_dir, id);
}

struct progress {
	struct ctx *c;
	long long   id;
	size_t      file, files;   /* the file being decoded (0-based) of files */
	size_t      page, pages;   /* pages read of the current file */
};

/* Writes the progress file (a temporary file renamed over it: a reader never sees half a
 * line). "file files page pages". Failure only loses the display, never the batch. */
static void
progress_write(struct progress *p)
{
	const char *path = progress_path(p->c, p->id);
	const char *tmp = arena_printf(p->c->a, "%s.tmp", path);
	FILE *f = fopen(tmp, "w");

	if (f == NULL)
		return;
	fprintf(f, "%zu %zu %zu %zu\n", p->file, p->files, p->page, p->pages);
	if (fclose(f) == 0)
		(void)rename(tmp, path);
}

static void
progress_page(void *arg, size_t done, size_t total)
{
	struct progress *p = arg;

	p->page = done;
	p->pages = total;
	progress_write(p);
}

/* Processes queued batch c->ids[0] (claimed by this worker): every spooled file decoded
 * (no database; progress written after each page, heartbeat after each file), then one
 * transaction files the whole batch and marks it done. The spool is emptied only after
 * the commit: an interrupted batch can be processed again from it. Runs after the response
 * (c->after) as the user who uploaded or retried it; everything is arena memory. */
static int
batch_process(struct ctx *c)
{
	struct progress pr = { c, c->ids[0], 0, 0, 0, 0 };
	struct dbres *sp;
	struct fpage **pages;
	size_t *npages, total = 0;
	const char **refusal;
	struct fbatch b;
	int rc;

	if ((rc = db_exec(c->db, c->a, F_SPOOL_LIST, &sp, "i", pr.id)) != DB_OK)
		goto fail;
	pr.files = sp->nrows;
	pages = arena_calloc(c->a, sp->nrows + 1, sizeof(*pages));
	npages = arena_calloc(c->a, sp->nrows + 1, sizeof(*npages));
	refusal = arena_calloc(c->a, sp->nrows + 1, sizeof(*refusal));
	(void)mkdir(arena_printf(c->a, "%s/progress", c->conf->upload_dir), 0750);
	for (size_t i = 0; i < sp->nrows; i++) {
		char *data;
		size_t len;

		pr.file = i;
		pr.page = pr.pages = 0;
		progress_write(&pr);
		(void)db_exec(c->db, c->a, F_BATCH_BEAT, NULL, "i", pr.id);
		if (total >= FORMS_MAX_PAGES)
			refusal[i] = "too_many";
		else if ((size_t)dbres_int(sp, i, 3) > FORMS_MAX_FILE || !*dbres_str(sp, i, 2))
			refusal[i] = "too_large";
		else if (upload_read(c, dbres_str(sp, i, 2), &data, &len) != 0)
			refusal[i] = "bad_image";
		else if (forms_decode(c->a, data, len, &pages[i], &npages[i], &refusal[i],
		    progress_page, &pr) == 0 && total + npages[i] > FORMS_MAX_PAGES) {
			npages[i] = 0;
			refusal[i] = "too_many";
		}
		total += npages[i];
	}
	if ((rc = db_begin(c->db)) != DB_OK)
		goto fail;
	forms_batch_resume(&b, pr.id);
	b.files = (int)sp->nrows;
	for (size_t i = 0; rc == DB_OK && i < sp->nrows; i++) {
		const char *name = dbres_str(sp, i, 1);

		if (refusal[i] != NULL) {
			forms_batch_refuse(c, &b, name, refusal[i]);
			continue;
		}
		for (size_t k = 0; rc == DB_OK && k < npages[i]; k++)
			rc = forms_file_page(c, &b, name, (int)k + 1, &pages[i][k]);
	}
	if (rc == DB_OK)
		rc = forms_batch_end(c, &b);
	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, F_SPOOL_DEL, NULL, "i", pr.id);
	if (rc == DB_OK)
		rc = db_commit(c->db);
	if (rc != DB_OK) {
		db_rollback(c->db);
		forms_batch_abort(c, &b);
		goto fail;
	}
	for (size_t i = 0; i < sp->nrows; i++)
		if (*dbres_str(sp, i, 2))
			upload_remove(c, dbres_str(sp, i, 2));
	(void)unlink(progress_path(c, pr.id));
	return 200;
fail:
	/* The batch stays queued; its page offers to process it again once it is stalled. */
	fprintf(stderr, "dd-forms: scan batch %lld not filed (database error %d)\n", pr.id, rc);
	return 500;
}

/* POST /forms/upload: the files are stored in the spool and the batch queued in one
 * transaction; the answer goes to the batch's page at once (which shows progress), and
 * this worker then decodes and files the batch (batch_process). */
static int
upload_post(struct ctx *c)
{
	const char **stored;
	struct dbres *r;
	long long id = 0;
	int rc;

	form_validate(c, &upload_form, &c->post);
	if (c->files.n == 0 || (c->files.n == 1 && c->files.v[0].len == 0)) {
		form_error(c, UF_FILES, "forms.err.no_files");
		return inbox_show(c);
	}
	stored = arena_calloc(c->a, c->files.n, sizeof(*stored));
	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	rc = db_exec(c->db, c->a, F_BATCH_QUEUE, &r, "iii", c->user.site_id, c->user.id,
	    (long long)c->files.n);
	if (rc == DB_OK)
		id = (long long)r->insert_id;
	for (size_t i = 0; rc == DB_OK && i < c->files.n; i++) {
		const struct upload *u = &c->files.v[i];

		/* A file too large to file is not kept; processing notes the refusal. */
		if (u->len <= FORMS_MAX_FILE &&
		    (stored[i] = upload_store(c, u->data, u->len, "bin")) == NULL) {
			rc = DB_EFAIL;
			break;
		}
		rc = db_exec(c->db, c->a, F_SPOOL_ADD, NULL, "iissi", id, (long long)i + 1,
		    forms_clean_name(c->a, u->filename), stored[i] ? stored[i] : "",
		    (long long)u->len);
	}
	if (rc == DB_OK)
		rc = audit_write(c, "scan_queued", "form_scan_batch", id, c->user.site_id,
		    arena_printf(c->a, "%s #%lld: %zu", ctx_t(c, "forms.audit.queued"), id,
		    c->files.n), NULL, NULL);
	if (rc != DB_OK) {
		for (size_t i = 0; i < c->files.n; i++)
			if (stored[i] != NULL)
				upload_remove(c, stored[i]);
		return DB_STATUS(rc);
	}
	c->ids[0] = id;   /* batch_process's argument */
	c->nids = 1;
	c->after = batch_process;
	return resp_commit(c, rc, NULL, arena_printf(c->a, "/forms/batch/%lld", id));
}

/* POST /forms/batch/:id/retry: a queued batch whose worker stopped (killed, restarted) is
 * claimed by this worker and processed again from the spool. */
static int
batch_retry_post(struct ctx *c)
{
	struct dbres *r;
	int rc;

	if ((rc = db_exec(c->db, c->a, F_BATCH_CLAIM, &r, "ii", c->ids[0], c->user.site_id)) !=
	    DB_OK)
		return DB_STATUS(rc);
	if (r->affected == 1)
		c->after = batch_process;
	return resp_redirect(c, arena_printf(c->a, "/forms/batch/%lld", c->ids[0]));
}

/* The progress a queued batch wrote: 0, or -1 when there is none yet. */
static int
progress_read(struct ctx *c, long long id, size_t v[4])
{
	FILE *f = fopen(progress_path(c, id), "r");
	int n;

	if (f == NULL)
		return -1;
	n = fscanf(f, "%zu %zu %zu %zu", &v[0], &v[1], &v[2], &v[3]);
	fclose(f);
	return n == 4 ? 0 : -1;
}

/* The page of a batch still being processed: a progress bar (reloads itself every second,
 * no script), or the offer to process it again when it stalled. */
static int
batch_queued_show(struct ctx *c, const struct dbres *r)
{
	tpl_dict *d = page_begin(c, "forms_batch_queued.tpl", "forms.batch.title");
	size_t v[4];

	tpl_set(d, "ID", dbres_str(r, 0, 0));
	tpl_set(d, "AT", dbres_str(r, 0, 4));
	tpl_set(d, "BY", dbres_str(r, 0, 2));
	tpl_set(d, "FILES", dbres_str(r, 0, 5));
	if (dbres_int(r, 0, 13)) {
		tpl_show(d, "STALLED");
		return 200;
	}
	tpl_set_int(tpl_section(c->dict, "REFRESH"), "SECONDS", 1);
	if (progress_read(c, dbres_int(r, 0, 0), v) != 0 || v[1] == 0) {
		tpl_show(d, "WAITING");
		return 200;
	}
	/* The bar counts files, the current one by its pages read. */
	d = tpl_section(d, "PROGRESS");
	tpl_set_int(d, "MAX", (long long)v[1] * 100);
	tpl_set_int(d, "VALUE", (long long)(v[0] * 100 + (v[3] ? v[2] * 100 / v[3] : 0)));
	tpl_set_int(d, "PERCENT", (long long)((v[0] * 100 + (v[3] ? v[2] * 100 / v[3] : 0)) / v[1]));
	tpl_set_int(d, "FILE_NO", (long long)v[0] + 1);
	tpl_set_int(d, "FILE_COUNT", (long long)v[1]);
	if (v[3] > 0) {
		tpl_dict *p = tpl_section(d, "PAGES");

		tpl_set_int(p, "PAGE", (long long)v[2]);
		tpl_set_int(p, "PAGE_COUNT", (long long)v[3]);
	}
	return 200;
}

/* GET /forms/batch/:id: what became of each page of a batch (or its progress). */
static int
batch_show(struct ctx *c)
{
	struct dbres *r;
	tpl_dict *d;
	char *rep, *line, *save = NULL;
	int rc = db_exec(c->db, c->a, F_BATCH_GET, &r, "i", c->ids[0]);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || dbres_int(r, 0, 1) != c->user.site_id)
		return 404;
	if (strcmp(dbres_str(r, 0, 12), "queued") == 0)
		return batch_queued_show(c, r);
	d = page_begin(c, "forms_batch.tpl", "forms.batch.title");
	batch_row(c, d, r, 0);
	rep = arena_strdup(c->a, dbres_str(r, 0, 11));
	for (line = strtok_r(rep, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *f[6] = { 0 }, *p = line;
		tpl_dict *row;
		int k;

		for (k = 0; k < 6 && p; k++) {
			f[k] = p;
			if ((p = strchr(p, '\t')) != NULL)
				*p++ = '\0';
		}
		if (k < 6)
			continue;
		row = tpl_section(d, "PAGE");
		tpl_set(row, "FILE", f[0]);
		if (strcmp(f[1], "0") != 0)
			tpl_set(row, "PAGE_NO", f[1]);
		tpl_set(row, "OUTCOME", ctx_t(c, arena_printf(c->a, "forms.outcome.%s", f[2])));
		tpl_set(row, "CLASS", f[2]);
		if (*f[3])
			tpl_set(tpl_section(row, "NUMBER"), "NUMBER", f[3]);
		tpl_set(row, "REASON", forms_reason_key(c, f[4]));
		if (strcmp(f[2], "triage") == 0 && strcmp(f[5], "0") != 0)
			tpl_set(tpl_section(row, "TRIAGE_LINK"), "SCAN_ID", f[5]);
	}
	if (dbres_int(r, 0, 8) > 0)
		tpl_show(d, "HAS_TRIAGE");
	return 200;
}

/* ---- scans and the archive of a record ---- */

/* GET /forms/scan/:id: a page image, only for users of its site, never as HTML. */
static int
scan_image(struct ctx *c)
{
	struct dbres *r;
	char *data;
	size_t len;
	int rc = db_exec(c->db, c->a, F_SCAN_GET, &r, "i", c->ids[0]);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || !ctx_site_ok(c, dbres_int(r, 0, 1)))
		return 404;
	if (upload_read(c, dbres_str(r, 0, 2), &data, &len) != 0)
		return 404;
	return resp_file(c, data, len, strcmp(dbres_str(r, 0, 3), "png") == 0 ? "image/png" :
	    "image/jpeg");
}

/* GET /forms/archive/:number: a record's archived paper copy, its pages in order. */
static int
archive_show(struct ctx *c)
{
	const char *number = number_normalise(c->a, c->args[0]);
	const struct number_kind *k;
	struct dbres *r, *s;
	tpl_dict *d;
	int rc;

	if (!number_valid(number))
		return 404;
	if ((rc = db_exec(c->db, c->a, DBQ_NUMBER_FIND, &r, "s", number)) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || !ctx_site_ok(c, dbres_int(r, 0, 1)) ||
	    (k = number_kind(dbres_str(r, 0, 0))) == NULL)
		return 404;
	if ((rc = db_exec(c->db, c->a, F_SCANS_OF_NUMBER, &s, "s", number)) != DB_OK)
		return DB_STATUS(rc);
	d = page_begin(c, "forms_archive.tpl", "forms.archive.title");
	tpl_set(d, "NUMBER", number);
	tpl_set(d, "KIND", ctx_t(c, k->title));
	tpl_set(d, "RECORD_URL", arena_printf(c->a, k->url, dbres_int(r, 0, 2)));
	tpl_set_int(d, "PAGES", (long long)s->nrows);
	if (s->nrows == 0)
		tpl_show(d, "NONE");
	else
		tpl_show(d, "ARCHIVED");
	for (size_t i = 0; i < s->nrows; i++) {
		tpl_dict *row = tpl_section(d, "SCAN");

		tpl_set(row, "ID", dbres_str(s, i, 0));
		tpl_set(row, "PAGE_NO", dbres_str(s, i, 1));
		tpl_set(row, "AT", dbres_str(s, i, 2));
		tpl_set(row, "BY", dbres_str(s, i, 3));
		tpl_set(row, "FILE", dbres_str(s, i, 4));
		tpl_set(row, "FILE_PAGE", dbres_str(s, i, 5));
		tpl_set(row, "FILED_BY", dbres_str(s, i, 7));
	}
	return 200;
}

/* ---- triage ---- */

/* GET /forms/triage */
static int
triage_list(struct ctx *c)
{
	struct dbres *r;
	tpl_dict *d;
	int rc = db_exec(c->db, c->a, F_TRIAGE_LIST, &r, "i", c->user.site_id);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	d = page_begin(c, "forms_triage.tpl", "forms.triage.title");
	if (r->nrows == 0)
		tpl_show(d, "EMPTY");
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *row = tpl_section(d, "SCAN");

		tpl_set(row, "ID", dbres_str(r, i, 0));
		tpl_set(row, "REASON", forms_reason_key(c, dbres_str(r, i, 1)));
		tpl_set(row, "FILE", dbres_str(r, i, 2));
		tpl_set(row, "FILE_PAGE", dbres_str(r, i, 3));
		tpl_set(row, "AT", dbres_str(r, i, 4));
		tpl_set(row, "BY", dbres_str(r, i, 5));
	}
	return 200;
}

enum { TF_NUMBER, TF_PICK };
static const struct field triage_fields[] = {
	[TF_NUMBER] = { "number", FT_TEXT, 0, 0, 40, NULL, "forms.field.number" },
	[TF_PICK]   = { "pick", FT_TEXT, 0, 0, 40, NULL, "forms.field.pick" },
};
static const struct form_spec triage_form = FORM_SPEC(triage_fields);

/* GET /forms/triage/:id: the page and the form to give it its number. */
static int
triage_show(struct ctx *c)
{
	struct dbres *r, *n;
	tpl_dict *d;
	int rc = db_exec(c->db, c->a, F_SCAN_GET, &r, "i", c->ids[0]);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || dbres_int(r, 0, 1) != c->user.site_id)
		return 404;
	if (strcmp(dbres_str(r, 0, 5), "triage") != 0)
		return resp_redirect(c, arena_printf(c->a, "/forms/archive/%s", dbres_str(r, 0, 4)));
	if (c->form.spec == NULL)
		form_empty(c, &triage_form);
	if ((rc = db_exec(c->db, c->a, F_RECENT_NUMBERS, &n, "i", c->user.site_id)) != DB_OK)
		return DB_STATUS(rc);
	d = page_begin(c, "forms_triage_page.tpl", "forms.triage.title");
	tpl_set(d, "ID", dbres_str(r, 0, 0));
	tpl_set(d, "REASON", forms_reason_key(c, dbres_str(r, 0, 6)));
	tpl_set(d, "FILE", dbres_str(r, 0, 7));
	tpl_set(d, "FILE_PAGE", dbres_str(r, 0, 8));
	tpl_set(d, "AT", dbres_str(r, 0, 9));
	tpl_set(d, "BY", dbres_str(r, 0, 10));
	for (size_t i = 0; i < n->nrows; i++) {
		const struct number_kind *k = number_kind(dbres_str(n, i, 1));
		tpl_dict *row = tpl_section(d, "OPTION");

		tpl_set(row, "NUMBER", dbres_str(n, i, 0));
		tpl_set(row, "KIND", k ? ctx_t(c, k->title) : dbres_str(n, i, 1));
		tpl_set(row, "DAY", dbres_str(n, i, 2));
		if (strcmp(form_str(c, TF_PICK), dbres_str(n, i, 0)) == 0)
			tpl_show(row, "SELECTED");
	}
	return 200;
}

/* POST /forms/triage/:id: files the page under the typed (or picked) number. */
static int
triage_post(struct ctx *c)
{
	const char *typed = form_str(c, TF_PICK)[0] ? form_str(c, TF_PICK) : form_str(c, TF_NUMBER);
	const char *number = number_normalise(c->a, typed), *msg;
	struct dbres *r, *p;
	long long page_no;
	int rc;

	if (*number == '\0') {
		form_error(c, TF_NUMBER, "forms.err.number_required");
		return triage_show(c);
	}
	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	if ((rc = db_exec(c->db, c->a, F_TRIAGE_LOCK, &r, "i", c->ids[0])) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || dbres_int(r, 0, 1) != c->user.site_id)
		return 404;
	if (strcmp(dbres_str(r, 0, 2), "triage") != 0) {
		db_rollback(c->db);
		return triage_show(c);   /* filed meanwhile: shows where */
	}
	if ((rc = forms_check_number(c, number, c->user.site_id, &msg)) != DB_OK)
		return DB_STATUS(rc);
	if (msg != NULL) {
		db_rollback(c->db);
		form_set(c, TF_NUMBER, number);
		form_error(c, form_str(c, TF_PICK)[0] ? TF_PICK : TF_NUMBER, msg);
		return triage_show(c);
	}
	if ((rc = db_exec(c->db, c->a, F_NEXT_PAGE, &p, "s", number)) != DB_OK)
		return DB_STATUS(rc);
	page_no = dbres_int(p, 0, 0);
	rc = db_exec(c->db, c->a, F_TRIAGE_FILE, NULL, "siii", number, page_no, c->user.id,
	    c->ids[0]);
	if (rc == DB_OK)
		rc = audit_write(c, "scan_filed", "form_scan", c->ids[0], c->user.site_id,
		    arena_printf(c->a, "%s %s %s %lld (%s)", ctx_t(c, "forms.audit.filed"), number,
		    ctx_t(c, "forms.page"), page_no, ctx_t(c, "forms.audit.by_hand")),
		    "{\"status\":\"triage\"}",
		    arena_printf(c->a, "{\"status\":\"filed\",\"number\":\"%s\"}", number));
	return resp_commit(c, rc, "saved", arena_printf(c->a, "/forms/archive/%s", number));
}

/* ---- batch print: the forms of a period, listed, or as one document to print in one go ---- */

/* The forms a batch prints, in this order within the document. Each statement returns id,
 * label, number ('' before the first printing) and archived pages for (site, from, to); the
 * record's page is its number kind's url, the print page that url plus "/print". */
static const struct printable {
	const char *kind;
	int         stmt;
} printables[] = {
	{ "log_day",   F_PRINT_DAYS },
	{ "handover",  F_PRINT_HANDOVERS },
	{ "emergency", F_PRINT_EMERGENCIES },
	{ "work_order", F_PRINT_ORDERS },
	{ "callback_report", F_PRINT_CALLBACK_REPORTS },
};
#define NPRINTABLES (sizeof(printables) / sizeof(printables[0]))
static const char *const printable_kinds[] = { "log_day", "handover", "emergency", "work_order",
	"callback_report", NULL };

enum { PF_FROM, PF_TO, PF_KINDS };
static const struct field print_fields[] = {
	[PF_FROM]  = { "from", FT_DATE, 0, 0, 0, NULL, "forms.field.from" },
	[PF_TO]    = { "to", FT_DATE, 0, 0, 0, NULL, "forms.field.to" },
	[PF_KINDS] = { "kinds", FT_MULTI, 0, 0, 0, printable_kinds, "forms.print.form" },
};
static const struct form_spec print_form = FORM_SPEC(print_fields);
#define PRINT_MAX_DAYS 31

/* Whole days from a to b, both valid dates "2026-11-23". */
static long
days_between(const char *a, const char *b)
{
	struct tm ta = { 0 }, tb = { 0 };

	if (sscanf(a, "%d-%d-%d", &ta.tm_year, &ta.tm_mon, &ta.tm_mday) != 3 ||
	    sscanf(b, "%d-%d-%d", &tb.tm_year, &tb.tm_mon, &tb.tm_mday) != 3)
		return 0;
	ta.tm_year -= 1900, ta.tm_mon -= 1, tb.tm_year -= 1900, tb.tm_mon -= 1;
	return (long)((timegm(&tb) - timegm(&ta)) / 86400);
}

/* Reads ?from=&to=&kinds= into c->form (today when absent or invalid; at most 31 days) and
 * sets *from and *to (arena strings). */
static void
print_period(struct ctx *c, const char **from, const char **to)
{
	form_validate(c, &print_form, &c->query);
	*from = form_str(c, PF_FROM)[0] ? form_str(c, PF_FROM) : today(c);
	*to = form_str(c, PF_TO)[0] ? form_str(c, PF_TO) : *from;
	if (!c->form.ok) {
		*from = *to = today(c);
	} else if (strcmp(*to, *from) < 0) {
		form_error(c, PF_TO, "forms.err.range");
		*to = *from;
	} else if (days_between(*from, *to) >= PRINT_MAX_DAYS) {
		form_error(c, PF_TO, "forms.err.too_long");
		*to = *from;
	}
	form_set(c, PF_FROM, *from);
	form_set(c, PF_TO, *to);
}

/* Whether kind i is asked for (all of them when none is ticked). */
static int
print_wanted(const struct ctx *c, size_t i)
{
	return c->form.v[PF_KINDS].nmulti == 0 || form_has(c, PF_KINDS, printables[i].kind);
}

/* The query string of the period and kinds (arena string), for links between the list and
 * the document. */
static const char *
print_query(struct ctx *c, const char *from, const char *to)
{
	const char *q = arena_printf(c->a, "from=%s&to=%s", from, to);

	for (size_t i = 0; i < NPRINTABLES; i++)
		if (c->form.v[PF_KINDS].nmulti > 0 && form_has(c, PF_KINDS, printables[i].kind))
			q = arena_printf(c->a, "%s&kinds=%s", q, printables[i].kind);
	return q;
}

typedef void (*print_row_fn)(struct ctx *c, tpl_dict *d, const struct number_kind *k,
    const char *url, const struct dbres *r, size_t i);

/* Runs each asked-for kind's statement for the period and hands every form to row with its
 * record page's url (arena). *total gets the number of forms. DB_OK or an error. */
static int
print_each(struct ctx *c, const char *from, const char *to, tpl_dict *d, print_row_fn row,
    size_t *total)
{
	*total = 0;
	for (size_t i = 0; i < NPRINTABLES; i++) {
		const struct number_kind *k = number_kind(printables[i].kind);
		struct dbres *r;
		int rc;

		if (!print_wanted(c, i))
			continue;
		if ((rc = db_exec(c->db, c->a, printables[i].stmt, &r, "iss", c->user.site_id, from,
		    to)) != DB_OK)
			return rc;
		for (size_t j = 0; j < r->nrows; j++)
			row(c, d, k, arena_printf(c->a, k->url, dbres_int(r, j, 0)), r, j);
		*total += r->nrows;
	}
	return DB_OK;
}

/* One line of the list: the form, its number, its print link, its archived pages. */
static void
print_list_row(struct ctx *c, tpl_dict *d, const struct number_kind *k, const char *url,
    const struct dbres *r, size_t i)
{
	tpl_dict *row = tpl_section(d, "FORM");

	tpl_set(row, "KIND", ctx_t(c, k->title));
	tpl_set(row, "LABEL", dbres_str(r, i, 1));
	tpl_set(row, "URL", url);
	tpl_set(row, "PRINT_URL", arena_printf(c->a, "%s/print", url));
	tpl_set(row, "NUMBER", dbres_str(r, i, 2));
	if (dbres_int(r, i, 3) > 0)
		tpl_set_int(tpl_section(row, "ARCHIVED"), "PAGES", dbres_int(r, i, 3));
}

/* One sheet of the document: the SSI include of the form's print page, built here from the
 * record's url (a kind's fixed path and a number) only. */
static void
print_doc_row(struct ctx *c, tpl_dict *d, const struct number_kind *k, const char *url,
    const struct dbres *r, size_t i)
{
	(void)k, (void)r, (void)i;
	tpl_set(tpl_section(d, "FORM"), "SSI", arena_printf(c->a,
	    "<!--# include virtual=\"%s/print?embed=1\" stub=\"dd_failed\" -->", url));
}

/* GET /forms/print?from=&to=&kinds=: the forms of the period, each with its print link. */
static int
print_list(struct ctx *c)
{
	const char *from, *to;
	tpl_dict *d;
	size_t total;
	int rc;

	print_period(c, &from, &to);
	d = page_begin(c, "forms_print.tpl", "forms.print.title");
	form_to_dict(c, d);
	tpl_set(d, "QUERY", print_query(c, from, to));
	for (size_t i = 0; i < NPRINTABLES; i++) {
		const struct number_kind *k = number_kind(printables[i].kind);
		tpl_dict *opt = tpl_section(d, "KIND");

		tpl_set(opt, "CODE", k->kind);
		tpl_set(opt, "NAME", ctx_t(c, k->title));
		if (c->form.v[PF_KINDS].nmulti > 0 && form_has(c, PF_KINDS, k->kind))
			tpl_show(opt, "CHECKED");
	}
	if ((rc = print_each(c, from, to, d, print_list_row, &total)) != DB_OK)
		return DB_STATUS(rc);
	if (total == 0)
		tpl_show(d, "NONE");
	else
		tpl_set_int(tpl_section(d, "DOCUMENT"), "COUNT", (long long)total);
	return 200;
}

/* GET /forms/print/document?from=&to=&kinds=: every form of the period as one document,
 * one A4 sheet after another, to print in one go. The sheets are the forms' own print pages
 * (?embed=1: the sheet alone), which nginx includes through SSI (this location only has
 * `ssi on`), so each form is rendered, numbered and its printing recorded by the program
 * that owns it, with that program's access checks. */
static int
print_document(struct ctx *c)
{
	const char *from, *to;
	tpl_dict *d;
	size_t total;
	int rc;

	print_period(c, &from, &to);
	d = page_begin(c, "forms_print_doc.tpl", "forms.print.title");
	c->layout = "forms_print_frame.tpl";
	tpl_set(c->dict, "FROM", from);
	tpl_set(c->dict, "TO", to);
	tpl_set(c->dict, "QUERY", print_query(c, from, to));
	if ((rc = print_each(c, from, to, d, print_doc_row, &total)) != DB_OK)
		return DB_STATUS(rc);
	tpl_set_int(c->dict, "COUNT", (long long)total);
	if (total == 0)
		tpl_show(d, "NONE");
	return 200;
}

static const struct route routes[] = {
	{ "GET",  "/forms",                  inbox_show,   FORMS_WRITERS, NULL, NULL },
	{ "POST", "/forms/upload",           upload_post,  FORMS_WRITERS, NULL, NULL },
	{ "GET",  "/forms/batch/:id",        batch_show,   FORMS_WRITERS, NULL, NULL },
	{ "POST", "/forms/batch/:id/retry",  batch_retry_post, FORMS_WRITERS, NULL, NULL },
	{ "GET",  "/forms/triage",           triage_list,  FORMS_WRITERS, NULL, NULL },
	{ "GET",  "/forms/triage/:id",       triage_show,  FORMS_WRITERS, NULL, NULL },
	{ "POST", "/forms/triage/:id",       triage_post,  FORMS_WRITERS, &triage_form, triage_show },
	{ "GET",  "/forms/archive/:number",  archive_show, FORMS_READERS, NULL, NULL },
	{ "GET",  "/forms/scan/:id",         scan_image,   FORMS_READERS, NULL, NULL },
	{ "GET",  "/forms/print",            print_list,   FORMS_READERS, NULL, NULL },
	{ "GET",  "/forms/print/document",   print_document, FORMS_READERS, NULL, NULL },
};

int
main(int argc, char **argv)
{
	static const struct app app = {
		"dd-forms", routes, sizeof(routes) / sizeof(routes[0]),
		forms_stmts, sizeof(forms_stmts) / sizeof(forms_stmts[0]), APP_KEEPS_SESSIONS,
	};

	return app_main(argc, argv, &app);
}
