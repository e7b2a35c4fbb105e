/* entries.c: duty-log entries: writing one (once per submitted form), changing it while
 * its page is open or it is still open, corrections (勘误) once its day is signed, and the
 * list with search and filters. */
#include "log.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Columns of ENTRY_COLS (stmts.c). */
enum { EN_ID, EN_AT, EN_CAT, EN_LOC, EN_WHAT, EN_HANDLING, EN_FOLLOWUP, EN_STATUS, EN_MAJOR,
	EN_WRITER, EN_CLOSER, EN_CLOSED_AT, EN_PAGE, EN_SHIFT, EN_DAY, EN_AGE, EN_NCORR,
	EN_DAY_STATUS, EN_EMERGENCY, EN_SITE, EN_CAT_ID, EN_PAGE_STATUS, EN_DAY_ID };

static const char *const status_choices[] = { "open", "closed", NULL };
static const char *const major_choices[] = { "1", NULL };
static const struct field entry_fields[] = {
	[EF_DATE]     = { "occurred_date", FT_DATE, FF_REQUIRED, 0, 0, NULL, "log.field.date" },
	[EF_TIME]     = { "occurred_time", FT_TIME, FF_REQUIRED, 0, 0, NULL, "log.field.time" },
	[EF_CATEGORY] = { "category_id", FT_INT, FF_REQUIRED, 1, 2000000000, NULL,
	    "log.field.category" },
	[EF_LOCATION] = { "location", FT_TEXT, 0, 0, 100, NULL, "log.field.location" },
	[EF_WHAT]     = { "what", FT_MULTILINE, FF_REQUIRED, 0, 2000, NULL, "log.field.what" },
	[EF_HANDLING] = { "handling", FT_MULTILINE, 0, 0, 2000, NULL, "log.field.handling" },
	[EF_FOLLOWUP] = { "followup", FT_MULTILINE, 0, 0, 2000, NULL, "log.field.followup" },
	[EF_STATUS]   = { "status", FT_CHOICE, FF_REQUIRED, 0, 0, status_choices,
	    "log.field.status" },
	[EF_MAJOR]    = { "major", FT_CHOICE, 0, 0, 0, major_choices, "log.field.major" },
	[EF_KEY]      = { "form_key", FT_TEXT, 0, 0, 32, NULL, NULL },
};
const struct form_spec log_entry_form = FORM_SPEC(entry_fields);

/* "3 小时 20 分" from minutes. */
static const char *
age_text(struct ctx *c, long long min)
{
	if (min < 0)
		min = 0;
	if (min < 60)
		return arena_printf(c->a, "%lld %s", min, ctx_t(c, "log.unit.min"));
	if (min < 48 * 60)
		return arena_printf(c->a, "%lld %s %lld %s", min / 60, ctx_t(c, "log.unit.hour"),
		    min % 60, ctx_t(c, "log.unit.min"));
	return arena_printf(c->a, "%lld %s", min / 1440, ctx_t(c, "log.unit.day"));
}

/* Corrections are fetched for up to LOG_CORR_BATCH entries a query (S_CORRECTIONS_OF_ENTRIES
 * has that many placeholders): a list of entries costs one more query, not one per corrected
 * entry. */
#define LOG_CORR_BATCH 16

/* Adds the corrections in k to the rows of their entries (section CORRECTION, the original
 * struck through) and puts the corrected text of each field in place. ids[i] is the entry of
 * rows[i]; k is ordered by entry and correction. */
static void
entry_corrections(struct ctx *c, tpl_dict *const *rows, const long long *ids, size_t n,
    const struct dbres *k)
{
	for (size_t i = 0; i < k->nrows; i++) {
		long long id = dbres_int(k, i, 0);
		const char *field = dbres_str(k, i, 1);
		char *marker = arena_printf(c->a, "%s", field);
		tpl_dict *row = NULL, *s;

		for (size_t j = 0; j < n && row == NULL; j++)
			if (ids[j] == id)
				row = rows[j];
		if (row == NULL)
			continue;
		s = tpl_section(row, "CORRECTION");
		tpl_set(s, "FIELD", ctx_t(c, arena_printf(c->a, "log.field.%s", field)));
		tpl_set(s, "OLD", dbres_str(k, i, 2));
		tpl_set(s, "NEW", dbres_str(k, i, 3));
		tpl_set(s, "REASON", dbres_str(k, i, 4));
		tpl_set(s, "BY", dbres_str(k, i, 5));
		tpl_set(s, "AT", dbres_str(k, i, 6));
		for (char *p = marker; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		tpl_set(row, marker, dbres_str(k, i, 3));   /* the latest text wins */
		tpl_show(row, "CORRECTED");
	}
}

/* Fetches and adds the corrections of the n entries ids (rows their dictionaries), a batch
 * of LOG_CORR_BATCH a query; the last batch repeats its first id in the unused places. */
static int
entries_corrections(struct ctx *c, tpl_dict *const *rows, const long long *ids, size_t n)
{
	for (size_t at = 0; at < n; at += LOG_CORR_BATCH) {
		size_t m = n - at < LOG_CORR_BATCH ? n - at : LOG_CORR_BATCH;
		long long v[LOG_CORR_BATCH];
		struct dbres *k;
		int rc;

		for (size_t j = 0; j < LOG_CORR_BATCH; j++)
			v[j] = ids[at + (j < m ? j : 0)];
		rc = db_exec(c->db, c->a, S_CORRECTIONS_OF_ENTRIES, &k, "iiiiiiiiiiiiiiii", v[0],
		    v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13],
		    v[14], v[15]);
		if (rc != DB_OK)
			return rc;
		entry_corrections(c, rows + at, ids + at, m, k);
	}
	return DB_OK;
}

int
log_entries_to_dict(struct ctx *c, tpl_dict *d, const char *section, const struct dbres *r,
    int with_page)
{
	/* Every list shows its entries the same way: one include of log_entry_row.tpl per list
	 * (not per row: each include costs a lookup in ctemplate's locked cache). */
	tpl_dict *list = page_include(c, d, section, "log_entry_row.tpl");
	/* The entries with corrections (arena memory, freed with the request). */
	tpl_dict **corr_rows = arena_alloc(c->a, (r->nrows + 1) * sizeof *corr_rows);
	long long *corr_ids = arena_alloc(c->a, (r->nrows + 1) * sizeof *corr_ids);
	size_t ncorr = 0;

	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *row = tpl_section(list, "ENTRY");
		int open = strcmp(dbres_str(r, i, EN_STATUS), "open") == 0;

		tpl_set(row, "ID", dbres_str(r, i, EN_ID));
		tpl_set(row, "AT", dbres_str(r, i, EN_AT));
		tpl_set(row, "CATEGORY", dbres_str(r, i, EN_CAT));
		tpl_set(row, "LOCATION", dbres_str(r, i, EN_LOC));
		tpl_set(row, "WHAT", dbres_str(r, i, EN_WHAT));
		tpl_set(row, "HANDLING", dbres_str(r, i, EN_HANDLING));
		tpl_set(row, "FOLLOWUP", dbres_str(r, i, EN_FOLLOWUP));
		tpl_set(row, "WRITER", dbres_str(r, i, EN_WRITER));
		tpl_set(row, "STATUS", ctx_t(c, open ? "log.status.open" : "log.status.closed"));
		tpl_show(row, open ? "IS_OPEN" : "IS_CLOSED");
		tpl_set(row, "CLOSER", dbres_str(r, i, EN_CLOSER));
		if (*dbres_str(r, i, EN_CLOSER))
			tpl_show(row, "HAS_CLOSER");
		if (*dbres_str(r, i, EN_LOC))
			tpl_show(row, "HAS_LOCATION");
		tpl_set(row, "CLOSED_AT", dbres_str(r, i, EN_CLOSED_AT));
		tpl_set(row, "AGE", age_text(c, dbres_int(r, i, EN_AGE)));
		tpl_set(row, "PAGE_ID", dbres_str(r, i, EN_PAGE));
		tpl_set(row, "SHIFT", dbres_str(r, i, EN_SHIFT));
		tpl_set(row, "DAY", dbres_str(r, i, EN_DAY));
		if (dbres_int(r, i, EN_MAJOR))
			tpl_show(row, "MAJOR");
		if (dbres_int(r, i, EN_EMERGENCY))
			tpl_set(tpl_section(row, "EMERGENCY"), "EMERGENCY_ID",
			    dbres_str(r, i, EN_EMERGENCY));
		if (with_page)
			tpl_show(row, "WITH_PAGE");
		if (dbres_int(r, i, EN_NCORR) > 0) {
			corr_rows[ncorr] = row;
			corr_ids[ncorr++] = dbres_int(r, i, EN_ID);
		}
	}
	return entries_corrections(c, corr_rows, corr_ids, ncorr);
}

/* The category options (active categories of the user's site) into the entry form f. */
int
log_entry_form_fill(struct ctx *c, tpl_dict *f, long long selected)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, S_CATEGORIES, &r, "i", c->user.site_id);

	for (size_t i = 0; rc == DB_OK && i < r->nrows; i++) {
		tpl_dict *o;

		if (!dbres_int(r, i, 2) && dbres_int(r, i, 0) != selected)
			continue;
		o = tpl_section(f, "CATEGORY_OPT");
		tpl_set(o, "ID", dbres_str(r, i, 0));
		tpl_set(o, "NAME", dbres_str(r, i, 1));
		if (dbres_int(r, i, 0) == selected)
			tpl_show(o, "SEL");
	}
	return rc;
}

/* Checks what the declared validation cannot: the category is one of this site's, and the
 * time is not in the future (beyond LOG_TIME_AHEAD minutes) nor more than two days old
 * (LOG_TIME_PAST). Marks the fields; returns DB_OK or a database error. */
static int
entry_check(struct ctx *c, long long allowed_category)
{
	struct dbres *r;
	const char *at = arena_printf(c->a, "%s %s", form_str(c, EF_DATE), form_str(c, EF_TIME));
	long long cat = form_num(c, EF_CATEGORY);
	int rc = db_exec(c->db, c->a, S_ENTRY_CHECK, &r, "sii", at, cat, cat);

	if (rc != DB_OK)
		return rc;
	if (dbres_int(r, 0, 1) != c->user.site_id || (!dbres_int(r, 0, 2) && cat != allowed_category))
		form_error(c, EF_CATEGORY, "err.choice");
	if (dbres_int(r, 0, 0) > LOG_TIME_AHEAD)
		form_error(c, EF_TIME, "log.err.future");
	else if (dbres_int(r, 0, 0) < LOG_TIME_PAST)
		form_error(c, EF_TIME, "log.err.too_old");
	return DB_OK;
}

static char *
entry_json(struct ctx *c, const char *at, long long category, const char *loc,
    const char *what, const char *handling, const char *followup, const char *status,
    long long major)
{
	struct json j;

	json_begin(&j);
	json_str(&j, "occurred_at", at);
	json_int(&j, "category_id", category);
	json_str(&j, "location", loc);
	json_str(&j, "what", what);
	json_str(&j, "handling", handling);
	json_str(&j, "followup", followup);
	json_str(&j, "status", status);
	json_int(&j, "major", major);
	return json_end(&j, c->a);
}

/* The entry form shown again after a refusal: on its page, or on the open-the-page view. */
int
log_entry_new_invalid(struct ctx *c)
{
	return c->nids ? log_page_show(c) : log_home(c);
}

/* Why S_ENTRY_NEW wrote nothing (called after the rollback), told to the user: a page that is
 * not there or of another site (404), a page closed or a day signed (403), else the category
 * or the time (the form again, the reason at the field). Returns the status. */
static int
entry_new_refused(struct ctx *c, long long page_id)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, S_PAGE_GET, &r, "i", page_id);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || dbres_int(r, 0, PG_SITE) != c->user.site_id)
		return 404;
	if (strcmp(dbres_str(r, 0, PG_DAY_STATUS), "signed") == 0 ||
	    strcmp(dbres_str(r, 0, PG_STATUS), "closed") == 0) {
		page_error(c, 403, "log.err.page_not_open");
		return 403;
	}
	if ((rc = entry_check(c, 0)) != DB_OK)
		return DB_STATUS(rc);
	/* Everything holds now: the page or the category changed in between. */
	if (c->form.ok)
		form_error(c, EF_WHAT, "log.err.changed");
	return log_entry_new_invalid(c);
}

/* POST /log/page/:id/entries, and POST /log/open/entry (opens the current page first). */
int
log_entry_new_post(struct ctx *c)
{
	const char *key = form_str(c, EF_KEY), *status = form_str(c, EF_STATUS);
	const char *at = arena_printf(c->a, "%s %s", form_str(c, EF_DATE), form_str(c, EF_TIME));
	long long page_id = c->nids ? c->ids[0] : 0, major = form_str(c, EF_MAJOR)[0] == '1';
	long long closed = strcmp(status, "closed") == 0 ? c->user.id : 0, entry_id;
	struct dbres *r;
	int rc;

	if (strlen(key) != 32 || strspn(key, "0123456789abcdef") != 32) {
		/* A form without its key is not ours (or very old): start again. */
		form_set(c, EF_KEY, log_form_key(c));
		form_error(c, EF_WHAT, "log.err.form_expired");
	}
	if (!c->form.ok) {
		/* All the reasons at once: the category's and the time's too. */
		if ((rc = entry_check(c, 0)) != DB_OK)
			return DB_STATUS(rc);
		return log_entry_new_invalid(c);
	}
	/* The page's, the category's and the time's checks are in the insert itself (one round
	 * trip); a form submitted twice (double click, back button) hits the unique form_key
	 * and leads to the entry the first submission wrote. */
	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	if (page_id == 0 && (rc = log_page_open_current(c, &page_id)) != DB_OK)
		return rc == DB_EFAIL && page_id == 0 ? 404 : DB_STATUS(rc);
	rc = db_exec(c->db, c->a, S_ENTRY_NEW, &r, "ssssssiisnsiiisii", at, form_str(c, EF_LOCATION),
	    form_str(c, EF_WHAT), form_str(c, EF_HANDLING), form_str(c, EF_FOLLOWUP), status,
	    major, c->user.id, key, closed, status, form_num(c, EF_CATEGORY), page_id,
	    c->user.site_id, at, (long long)LOG_TIME_PAST, (long long)LOG_TIME_AHEAD);
	if (rc == DB_EDUP) {
		/* The same form, submitted before: it is written already. */
		db_rollback(c->db);
		if ((rc = db_exec(c->db, c->a, S_ENTRY_BY_KEY, &r, "s", key)) != DB_OK || r->nrows != 1)
			return DB_STATUS(rc);
		return resp_redirect(c, arena_printf(c->a, "/log/entry/%s", dbres_str(r, 0, 0)));
	}
	if (rc == DB_OK && r->affected == 0) {
		db_rollback(c->db);
		return entry_new_refused(c, page_id);
	}
	/* The writer joins the page's staff in the insert (trigger, sql/016). */
	entry_id = rc == DB_OK ? (long long)r->insert_id : 0;
	if (rc == DB_OK && major)
		rc = log_emergency_open(c, entry_id, c->user.site_id, at, form_str(c, EF_LOCATION),
		    form_str(c, EF_WHAT));
	if (rc == DB_OK)
		rc = audit_write(c, "create", "log_entry", entry_id, c->user.site_id,
		    arena_printf(c->a, "%s %s", ctx_t(c, "log.audit.entry"), form_str(c, EF_WHAT)),
		    NULL, entry_json(c, at, form_num(c, EF_CATEGORY), form_str(c, EF_LOCATION),
		    form_str(c, EF_WHAT), form_str(c, EF_HANDLING), form_str(c, EF_FOLLOWUP), status,
		    major));
	return resp_commit(c, rc, "entry_saved", arena_printf(c->a, "/log/page/%lld#entry-%lld",
	    page_id, entry_id));
}

/* Whether entry row r (ENTRY_COLS) may still be changed directly: its day is not signed
 * and its page is open (or returned), or the entry itself is still open (carried over). */
static int
entry_editable(const struct dbres *r)
{
	return strcmp(dbres_str(r, 0, EN_DAY_STATUS), "signed") != 0 &&
	    (strcmp(dbres_str(r, 0, EN_PAGE_STATUS), "closed") != 0 ||
	    strcmp(dbres_str(r, 0, EN_STATUS), "open") == 0);
}

static const char *const field_choices[] = { "location", "what", "handling", "followup", NULL };
enum { XF_FIELD, XF_TEXT, XF_REASON };
static const struct field correct_fields[] = {
	[XF_FIELD]  = { "field", FT_CHOICE, FF_REQUIRED, 0, 0, field_choices, "log.field.field" },
	[XF_TEXT]   = { "new_text", FT_MULTILINE, FF_REQUIRED, 0, 2000, NULL, "log.field.new_text" },
	[XF_REASON] = { "reason", FT_TEXT, FF_REQUIRED, 0, 500, NULL, "log.field.reason" },
};
const struct form_spec log_correct_form = FORM_SPEC(correct_fields);

/* GET /log/entry/:id: the entry, its corrections, and the form that fits: a direct change
 * while it may be changed, a correction once its day is signed. */
int
log_entry_show(struct ctx *c)
{
	struct dbres *r;
	tpl_dict *d, *f;
	int rc = db_exec(c->db, c->a, S_ENTRY_GET, &r, "i", c->ids[0]), signed_day;

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || !ctx_site_ok(c, dbres_int(r, 0, EN_SITE)))
		return 404;
	signed_day = strcmp(dbres_str(r, 0, EN_DAY_STATUS), "signed") == 0;
	d = page_begin(c, "log_entry.tpl", "log.entry.title");
	if (log_entries_to_dict(c, d, "ENTRY", r, 1) != DB_OK)
		return 500;
	tpl_set(d, "DAY_ID", dbres_str(r, 0, EN_DAY_ID));
	tpl_set(d, "ENTRY_ID", dbres_str(r, 0, EN_ID));
	if (signed_day)
		tpl_show(d, "DAY_SIGNED");
	if (signed_day && ctx_has_role(c, LOG_WRITERS | LOG_SIGNERS)) {
		struct form keep = c->form;

		f = tpl_section(d, "CORRECT_FORM");
		if (c->form.spec != &log_correct_form)
			form_empty(c, &log_correct_form);
		form_to_dict(c, f);
		c->form = keep;
	}
	if (!signed_day && entry_editable(r) && ctx_has_role(c, LOG_WRITERS)) {
		f = page_include(c, tpl_section(d, "EDIT_FORM"), "FIELDS", "log_entry_fields.tpl");
		if (c->form.spec != &log_entry_form) {
			const char *at = dbres_str(r, 0, EN_AT);

			form_empty(c, &log_entry_form);
			form_set(c, EF_DATE, arena_strndup(c->a, at, 10));
			form_set(c, EF_TIME, strlen(at) >= 16 ? at + 11 : "");
			form_set(c, EF_CATEGORY, dbres_str(r, 0, EN_CAT_ID));
			form_set(c, EF_LOCATION, dbres_str(r, 0, EN_LOC));
			form_set(c, EF_WHAT, dbres_str(r, 0, EN_WHAT));
			form_set(c, EF_HANDLING, dbres_str(r, 0, EN_HANDLING));
			form_set(c, EF_FOLLOWUP, dbres_str(r, 0, EN_FOLLOWUP));
			form_set(c, EF_STATUS, dbres_str(r, 0, EN_STATUS));
			form_set(c, EF_MAJOR, dbres_int(r, 0, EN_MAJOR) ? "1" : "");
		}
		form_to_dict(c, f);
		if ((rc = log_entry_form_fill(c, f, form_num(c, EF_CATEGORY))) != DB_OK)
			return DB_STATUS(rc);
	}
	return 200;
}

/* POST /log/entry/:id: a direct change (refused once the day is signed). */
int
log_entry_update_post(struct ctx *c)
{
	const char *at = arena_printf(c->a, "%s %s", form_str(c, EF_DATE), form_str(c, EF_TIME));
	const char *status = form_str(c, EF_STATUS), *old;
	long long major = form_str(c, EF_MAJOR)[0] == '1', id = c->ids[0];
	struct dbres *r, *e;
	int rc = db_exec(c->db, c->a, S_ENTRY_GET, &e, "i", id);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (e->nrows != 1 || !ctx_site_ok(c, dbres_int(e, 0, EN_SITE)))
		return 404;
	if ((rc = entry_check(c, dbres_int(e, 0, EN_CAT_ID))) != DB_OK)
		return DB_STATUS(rc);
	if (!c->form.ok)
		return log_entry_show(c);
	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, S_ENTRY_LOCK, &r, "i", id)) != DB_OK)
		return DB_STATUS(rc);
	if (strcmp(dbres_str(r, 0, 3), "signed") == 0) {
		page_error(c, 403, "log.err.signed");
		return 403;
	}
	if (strcmp(dbres_str(r, 0, 2), "closed") == 0 && strcmp(dbres_str(r, 0, 1), "closed") == 0) {
		page_error(c, 403, "log.err.page_not_open");
		return 403;
	}
	old = entry_json(c, dbres_str(r, 0, 9), dbres_int(r, 0, 8), dbres_str(r, 0, 4),
	    dbres_str(r, 0, 5), dbres_str(r, 0, 6), dbres_str(r, 0, 7), dbres_str(r, 0, 1),
	    dbres_int(r, 0, 10));
	rc = db_exec(c->db, c->a, S_ENTRY_UPDATE, NULL, "sisssssssisi", at,
	    form_num(c, EF_CATEGORY), form_str(c, EF_LOCATION), form_str(c, EF_WHAT),
	    form_str(c, EF_HANDLING), form_str(c, EF_FOLLOWUP), status, major ? "1" : "0", status,
	    c->user.id, status, id);
	if (rc == DB_OK && major && !dbres_int(r, 0, 10))
		rc = log_emergency_open(c, id, dbres_int(r, 0, 0), at, form_str(c, EF_LOCATION),
		    form_str(c, EF_WHAT));
	if (rc == DB_OK)
		rc = audit_write(c, "update", "log_entry", id, dbres_int(r, 0, 0),
		    arena_printf(c->a, "%s %s", ctx_t(c, "log.audit.entry_updated"),
		    form_str(c, EF_WHAT)), old, entry_json(c, at, form_num(c, EF_CATEGORY),
		    form_str(c, EF_LOCATION), form_str(c, EF_WHAT), form_str(c, EF_HANDLING),
		    form_str(c, EF_FOLLOWUP), status, major));
	return resp_commit(c, rc, "saved", arena_printf(c->a, "/log/entry/%lld", id));
}

/* POST /log/entry/:id/correct: a correction of a signed entry, a new row (old, new, why). */
int
log_entry_correct_post(struct ctx *c)
{
	const char *field = form_str(c, XF_FIELD), *cur;
	long long id = c->ids[0];
	struct dbres *r, *k;
	size_t col;
	int rc;

	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, S_ENTRY_LOCK, &r, "i", id)) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || !ctx_site_ok(c, dbres_int(r, 0, 0)))
		return 404;
	if (strcmp(dbres_str(r, 0, 3), "signed") != 0) {
		page_error(c, 409, "log.err.not_signed");
		return 409;
	}
	/* The text being corrected: the latest correction of that field, else the original. */
	col = strcmp(field, "location") == 0 ? 4 : strcmp(field, "what") == 0 ? 5 :
	    strcmp(field, "handling") == 0 ? 6 : 7;
	cur = dbres_str(r, 0, col);
	if ((rc = db_exec(c->db, c->a, S_CORRECTIONS_OF_ENTRY, &k, "i", id)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < k->nrows; i++)
		if (strcmp(dbres_str(k, i, 0), field) == 0)
			cur = dbres_str(k, i, 2);
	if (strcmp(cur, form_str(c, XF_TEXT)) == 0) {
		form_error(c, XF_TEXT, "log.err.same_text");
		db_rollback(c->db);
		return log_entry_show(c);
	}
	rc = db_exec(c->db, c->a, S_CORRECTION_NEW, &k, "issssi", id, field, cur,
	    form_str(c, XF_TEXT), form_str(c, XF_REASON), c->user.id);
	if (rc == DB_OK) {
		struct json o, n;

		json_begin(&o);
		json_str(&o, field, cur);
		json_begin(&n);
		json_str(&n, field, form_str(c, XF_TEXT));
		json_str(&n, "reason", form_str(c, XF_REASON));
		rc = audit_write(c, "correct", "log_entry", id, dbres_int(r, 0, 0),
		    arena_printf(c->a, "%s #%lld: %s", ctx_t(c, "log.audit.corrected"), id,
		    form_str(c, XF_REASON)), json_end(&o, c->a), json_end(&n, c->a));
	}
	return resp_commit(c, rc, "corrected", arena_printf(c->a, "/log/entry/%lld", id));
}

/* ---- list and search ---- */

enum { SF_FROM, SF_TO, SF_SHIFT, SF_CATEGORY, SF_STATUS, SF_STAFF, SF_Q, SF_PAGE };
static const struct field search_fields[] = {
	[SF_FROM]     = { "from", FT_DATE, 0, 0, 0, NULL, "field.from" },
	[SF_TO]       = { "to", FT_DATE, 0, 0, 0, NULL, "field.to" },
	[SF_SHIFT]    = { "shift", FT_INT, 0, 0, 2000000000, NULL, "log.field.shift" },
	[SF_CATEGORY] = { "category", FT_INT, 0, 0, 2000000000, NULL, "log.field.category" },
	[SF_STATUS]   = { "status", FT_CHOICE, 0, 0, 0, status_choices, "log.field.status" },
	[SF_STAFF]    = { "staff", FT_INT, 0, 0, 2000000000, NULL, "log.field.staff" },
	[SF_Q]        = { "q", FT_TEXT, 0, 0, 50, NULL, "field.search" },
	[SF_PAGE]     = { "page", FT_INT, 0, 1, 100000, NULL, NULL },
};
const struct form_spec log_search_form = FORM_SPEC(search_fields);

static const char *
search_value(const struct ctx *c, size_t i)
{
	return c->form.v[i].err ? "" : form_str(c, i);
}

/* Options of a filter select from rows (id, name): section, chosen id. */
static void
filter_options(tpl_dict *d, const char *section, const struct dbres *r, long long chosen)
{
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *o = tpl_section(d, section);

		tpl_set(o, "ID", dbres_str(r, i, 0));
		tpl_set(o, "NAME", dbres_str(r, i, 1));
		if (dbres_int(r, i, 0) == chosen)
			tpl_show(o, "SEL");
	}
}

/* GET /log/entries?from=&to=&shift=&category=&status=&staff=&q=&page= : newest first. */
int
log_search(struct ctx *c)
{
	const char *from = search_value(c, SF_FROM), *to = search_value(c, SF_TO);
	const char *status = search_value(c, SF_STATUS), *q = search_value(c, SF_Q), *like;
	long long shift = atoll(search_value(c, SF_SHIFT)), cat = atoll(search_value(c, SF_CATEGORY));
	long long staff = atoll(search_value(c, SF_STAFF)), page = atoll(search_value(c, SF_PAGE));
	/* Entries are cards of several lines: 20 make a screenful or two. */
	const long long per = 20;
	struct dbres *r;
	tpl_dict *d;
	int rc;

	if (page < 1)
		page = 1;
	like = *q ? arena_printf(c->a, "%%%s%%", q) : "";
	d = page_begin(c, "log_entries.tpl", "log.entries.title");
	/* One row more than a page tells whether there is a next page, without counting. */
	rc = db_exec(c->db, c->a, S_SEARCH, &r, "issssiiiissiisssssii", c->user.site_id, from, from,
	    to, to, shift, shift, cat, cat, status, status, staff, staff, q, like, like, like, like,
	    per + 1, (page - 1) * per);
	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows > (size_t)per) {
		r->nrows = (size_t)per;
		tpl_set(tpl_section(d, "NEXT"), "PAGE", arena_printf(c->a, "%lld", page + 1));
	}
	if (page > 1)
		tpl_set(tpl_section(d, "PREV"), "PAGE", arena_printf(c->a, "%lld", page - 1));
	tpl_set_int(d, "PAGE", page);
	tpl_set(d, "QS", arena_printf(c->a, "from=%s&to=%s&shift=%lld&category=%lld&status=%s"
	    "&staff=%lld&q=%s", from, to, shift, cat, status, staff, url_encode(c->a, q)));
	if (log_entries_to_dict(c, d, "ENTRY", r, 1) != DB_OK)
		return 500;
	if (r->nrows == 0)
		tpl_show(d, "EMPTY");
	/* The filter choices change rarely: kept for a minute per worker. */
	if ((rc = db_exec_cached(c->db, c->a, S_SHIFTS, c->user.site_id, 60, &r)) != DB_OK)
		return DB_STATUS(rc);
	filter_options(d, "SHIFT_OPT", r, shift);
	if ((rc = db_exec_cached(c->db, c->a, S_CATEGORIES, c->user.site_id, 60, &r)) != DB_OK)
		return DB_STATUS(rc);
	filter_options(d, "CATEGORY_OPT", r, cat);
	if ((rc = db_exec_cached(c->db, c->a, S_STAFF_OF_SITE, c->user.site_id, 60, &r)) != DB_OK)
		return DB_STATUS(rc);
	filter_options(d, "STAFF_OPT", r, staff);
	return 200;
}
