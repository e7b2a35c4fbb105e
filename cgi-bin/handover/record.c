/* record.c: one handover (交接班记录): opened by the outgoing for their log page; the open
 * log items it hands over; the outgoing's notes; anomalies; the incoming's count and both
 * signatures (each with their own password, on the outgoing's screen); refusal and the
 * supervisor's decision; corrections once signed; the printed form. */
#include "handover.h"
#include <string.h>

/* ---- forms ---- */
enum { OF_PAGE };
static const struct field open_fields[] = {
	[OF_PAGE] = { "page_id", FT_INT, FF_REQUIRED, 1, 4294967295LL, NULL, "handover.field.page" },
};
const struct form_spec ho_open_form = FORM_SPEC(open_fields);

enum { NF_NOTES, NF_REPAIRS, NF_MAJOR };
static const struct field notes_fields[] = {
	[NF_NOTES]   = { "notes", FT_MULTILINE, 0, 0, 2000, NULL, "handover.field.notes" },
	[NF_REPAIRS] = { "repairs", FT_MULTILINE, 0, 0, 2000, NULL, "handover.field.repairs" },
	[NF_MAJOR]   = { "major", FT_MULTILINE, 0, 0, 2000, NULL, "handover.field.major" },
};
const struct form_spec ho_notes_form = FORM_SPEC(notes_fields);

enum { NA_WHAT, NA_EXPL };
static const struct field anomaly_fields[] = {
	[NA_WHAT] = { "what", FT_MULTILINE, FF_REQUIRED, 0, 500, NULL, "handover.field.anomaly" },
	[NA_EXPL] = { "explanation", FT_MULTILINE, 0, 0, 500, NULL, "handover.field.anomaly_expl" },
};
const struct form_spec ho_anomaly_form = FORM_SPEC(anomaly_fields);

enum { AF_INCOMING, AF_IN_PW, AF_OUT_PW, AF_ARRIVED };
static const struct field accept_fields[] = {
	[AF_INCOMING] = { "incoming", FT_USERNAME, FF_REQUIRED, 0, 50, NULL, "handover.field.incoming" },
	[AF_IN_PW]    = { "in_password", FT_PASSWORD, FF_REQUIRED, 0, 200, NULL,
	    "handover.field.in_password" },
	[AF_OUT_PW]   = { "out_password", FT_PASSWORD, FF_REQUIRED, 0, 200, NULL,
	    "handover.field.out_password" },
	[AF_ARRIVED]  = { "arrived", FT_TIME, FF_REQUIRED, 0, 0, NULL, "handover.field.arrived" },
};
const struct form_spec ho_accept_form = FORM_SPEC(accept_fields);

enum { RF_INCOMING, RF_PW, RF_REASON };
static const struct field refuse_fields[] = {
	[RF_INCOMING] = { "r_incoming", FT_USERNAME, FF_REQUIRED, 0, 50, NULL, "handover.field.incoming" },
	[RF_PW]       = { "r_password", FT_PASSWORD, FF_REQUIRED, 0, 200, NULL,
	    "handover.field.in_password" },
	[RF_REASON]   = { "reason", FT_MULTILINE, FF_REQUIRED, 0, 500, NULL, "handover.field.reason" },
};
const struct form_spec ho_refuse_form = FORM_SPEC(refuse_fields);

enum { DF_DECISION };
static const struct field decide_fields[] = {
	[DF_DECISION] = { "decision", FT_MULTILINE, FF_REQUIRED, 0, 500, NULL, "handover.field.decision" },
};
const struct form_spec ho_decide_form = FORM_SPEC(decide_fields);

static const char *const correct_choices[] = { "notes", "repairs", "major", NULL };
enum { CF_FIELD, CF_TEXT, CF_REASON };
static const struct field correct_fields[] = {
	[CF_FIELD]  = { "field", FT_CHOICE, FF_REQUIRED, 0, 0, correct_choices, "handover.field.field" },
	[CF_TEXT]   = { "new_text", FT_MULTILINE, FF_REQUIRED, 0, 2000, NULL, "handover.field.new_text" },
	[CF_REASON] = { "reason", FT_MULTILINE, FF_REQUIRED, 0, 500, NULL, "handover.field.reason" },
};
const struct form_spec ho_correct_form = FORM_SPEC(correct_fields);

/* ---- helpers ---- */

static int
ho_load(struct ctx *c, long long id, struct dbres **r)
{
	int rc = db_exec(c->db, c->a, H_GET, r, "i", id);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if ((*r)->nrows != 1 || !ctx_site_ok(c, dbres_int(*r, 0, HG_SITE)))
		return 404;
	return 0;
}

static int
is(const struct dbres *r, size_t col, const char *v)
{
	return strcmp(dbres_str(r, 0, col), v) == 0;
}

/* The POSTed value of name, trimmed of spaces, as an arena string ("" when absent). */
static const char *
post_trim(struct ctx *c, const char *name)
{
	const char *v = ctx_post(c, name);
	size_t n;

	if (v == NULL)
		return "";
	while (*v == ' ' || *v == '\t')
		v++;
	n = strlen(v);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r' || v[n - 1] == '\n'))
		n--;
	return arena_strndup(c->a, v, n);
}

static int
in_err(const struct ctx *c, long long item_id, const char **msg)
{
	*msg = form_row_msg(c, item_id);
	return *msg != NULL;
}

/* The open items (log entries) of the record: those carried at acceptance, or those the page
 * would hand over now. */
static int
carried_to_dict(struct ctx *c, tpl_dict *d, const struct dbres *h, size_t *n)
{
	struct dbres *r;
	int rc;

	if (is(h, HG_STATUS, "accepted") || is(h, HG_PAGE_STATUS, "closed"))
		rc = db_exec(c->db, c->a, H_CARRIED_OF, &r, "i", dbres_int(h, 0, HG_PAGE));
	else
		rc = db_exec(c->db, c->a, H_OPEN_ENTRIES, &r, "iis", dbres_int(h, 0, HG_SITE),
		    dbres_int(h, 0, HG_PAGE), dbres_str(h, 0, HG_PAGE_OPENED));
	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *e = tpl_section(d, "CARRIED");

		tpl_set(e, "ID", dbres_str(r, i, 0));
		tpl_set(e, "AT", dbres_str(r, i, 1));
		tpl_set(e, "LOCATION", dbres_str(r, i, 2));
		tpl_set(e, "WHAT", dbres_str(r, i, 3));
		tpl_set(e, "FOLLOWUP", dbres_str(r, i, 4));
		if (dbres_str(r, i, 4)[0])
			tpl_show(e, "HAS_FOLLOWUP");
		tpl_set(e, "WRITER", dbres_str(r, i, 5));
		if (dbres_int(r, i, 6))
			tpl_show(e, "MAJOR");
	}
	if (r->nrows == 0)
		tpl_show(d, "NO_CARRIED");
	*n = r->nrows;
	return DB_OK;
}

/* The notes with their corrections (stamps) shown under each. */
static int
notes_to_dict(struct ctx *c, tpl_dict *d, const struct dbres *h)
{
	static const struct { const char *field, *marker, *label; size_t col; } f[] = {
		{ "notes", "NOTE_NOTES", "handover.field.notes", HG_NOTES },
		{ "repairs", "NOTE_REPAIRS", "handover.field.repairs", HG_REPAIRS },
		{ "major", "NOTE_MAJOR", "handover.field.major", HG_MAJOR },
	};
	struct dbres *k;
	int rc = db_exec(c->db, c->a, H_CORRECTIONS, &k, "i", dbres_int(h, 0, HG_ID));

	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; i < 3; i++) {
		tpl_dict *s = tpl_section(d, "NOTE");

		tpl_set(s, "LABEL", ctx_t(c, f[i].label));
		tpl_set(s, "TEXT", dbres_str(h, 0, f[i].col));
		for (size_t j = 0; j < k->nrows; j++) {
			tpl_dict *st;

			if (strcmp(dbres_str(k, j, 0), f[i].field) != 0)
				continue;
			st = tpl_section(s, "CORRECTION");
			tpl_set(st, "FIELD", ctx_t(c, f[i].label));
			tpl_set(st, "OLD", dbres_str(k, j, 1));
			tpl_set(st, "NEW", dbres_str(k, j, 2));
			tpl_set(st, "REASON", dbres_str(k, j, 3));
			tpl_set(st, "BY", dbres_str(k, j, 4));
			tpl_set(st, "AT", dbres_str(k, j, 5));
			tpl_show(s, "CORRECTED");
		}
	}
	return DB_OK;
}

static int
anomalies_to_dict(struct ctx *c, tpl_dict *d, long long id)
{
	static const char *const cols[] = { "WHAT", "EXPL", "BY", "AT" };
	struct dbres *r;
	int rc = db_exec(c->db, c->a, H_ANOMALIES, &r, "i", id);

	if (rc == DB_OK && page_rows(d, "ANOMALY", r, cols) == 0)
		tpl_show(d, "NO_ANOMALIES");
	return rc;
}

static int
counts_to_dict(struct ctx *c, tpl_dict *d, long long id)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, H_COUNTS, &r, "i", id);

	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *k = tpl_section(d, "COUNT");

		tpl_set(k, "NAME", dbres_str(r, i, 0));
		tpl_set(k, "EXPECTED", dbres_str(r, i, 1));
		tpl_set(k, "COUNTED", dbres_str(r, i, 2));
		tpl_set(k, "EXPL", dbres_str(r, i, 3));
		tpl_set(k, "ANSWER", dbres_str(r, i, 4));
		if (dbres_int(r, i, 1) != dbres_int(r, i, 2))
			tpl_show(k, "DIFF");
	}
	return DB_OK;
}

/* Arrival against the site's rule (minutes early, the rule) into d. */
static void
arrival_to_dict(tpl_dict *d, const struct dbres *h)
{
	long long early = dbres_int(h, 0, HG_EARLY_BY), rule = dbres_int(h, 0, HG_EARLY);

	tpl_set(d, "ARRIVED", dbres_str(h, 0, HG_ARRIVED));
	tpl_set_int(d, "RULE", rule);
	if (early >= rule) {
		tpl_set_int(tpl_section(d, "ON_TIME"), "EARLY", early);
	} else if (early >= 0) {
		tpl_set_int(tpl_section(d, "NOT_EARLY"), "EARLY", early);
	} else {
		tpl_set_int(tpl_section(d, "LATE"), "LATE", -early);
	}
}

/* The item rows of the count form, with the POSTed values kept and their messages. */
static int
count_form(struct ctx *c, tpl_dict *f, long long site)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, H_ITEMS_ACTIVE, &r, "i", site);
	int posted = c->form.spec == &ho_accept_form;

	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *k = tpl_section(f, "ITEM");
		long long id = dbres_int(r, i, 0);
		const char *msg;

		tpl_set(k, "ID", dbres_str(r, i, 0));
		tpl_set(k, "NAME", dbres_str(r, i, 1));
		tpl_set(k, "EXPECTED", dbres_str(r, i, 2));
		if (posted) {
			tpl_set(k, "COUNT", post_trim(c, arena_printf(c->a, "count_%lld", id)));
			tpl_set(k, "EXPL", post_trim(c, arena_printf(c->a, "expl_%lld", id)));
			tpl_set(k, "ANSWER", post_trim(c, arena_printf(c->a, "answer_%lld", id)));
			if (in_err(c, id, &msg)) {
				tpl_show(k, "INVALID");
				tpl_set(tpl_section(k, "ERR"), "MSG", msg);
			}
		}
	}
	if (r->nrows == 0)
		tpl_show(f, "NO_ITEMS");
	return DB_OK;
}

/* GET /handover/:id: the record, and the forms its state allows. */
int
ho_show(struct ctx *c)
{
	long long id = c->ids[0];
	struct dbres *h, *now;
	tpl_dict *d, *f;
	size_t ncarried = 0;
	const char *status;
	int rc = ho_load(c, id, &h), accepted, writer = ctx_has_role(c, HO_WRITERS);

	if (rc != 0)
		return rc;
	status = dbres_str(h, 0, HG_STATUS);
	accepted = strcmp(status, "accepted") == 0;
	d = page_begin(c, "handover.tpl", "handover.title");
	tpl_set(d, "ID", dbres_str(h, 0, HG_ID));
	tpl_set(d, "DAY", dbres_str(h, 0, HG_DAY));
	tpl_set(d, "SHIFT", dbres_str(h, 0, HG_SHIFT));
	tpl_set(d, "SHIFT_TIME", arena_printf(c->a, "%s–%s", dbres_str(h, 0, HG_START),
	    dbres_str(h, 0, HG_END)));
	tpl_set(d, "PAGE_ID", dbres_str(h, 0, HG_PAGE));
	tpl_set(d, "END_AT", dbres_str(h, 0, HG_END_AT));
	tpl_set(d, "OUTGOING", dbres_str(h, 0, HG_OUT_NAME));
	tpl_set(d, "OPENED_AT", dbres_str(h, 0, HG_OPENED_AT));
	tpl_set(d, "STATUS", ctx_t(c, arena_printf(c->a, "handover.status.%s", status)));
	tpl_set(d, "STATUS_CLASS", status);
	tpl_set_int(d, "RULE", dbres_int(h, 0, HG_EARLY));
	if (dbres_int(h, 0, HG_UNRELIEVED))
		tpl_show(d, "UNRELIEVED");
	if (dbres_int(h, 0, HG_REVIEWED))
		tpl_show(d, "REVIEWED");
	if ((rc = carried_to_dict(c, d, h, &ncarried)) != DB_OK ||
	    (rc = notes_to_dict(c, d, h)) != DB_OK ||
	    (rc = anomalies_to_dict(c, d, id)) != DB_OK)
		return DB_STATUS(rc);
	if (strcmp(status, "refused") == 0 || dbres_str(h, 0, HG_REF_REASON)[0]) {
		tpl_dict *s = tpl_section(d, "REFUSAL");

		tpl_set(s, "BY", dbres_str(h, 0, HG_REF_NAME));
		tpl_set(s, "AT", dbres_str(h, 0, HG_REF_AT));
		tpl_set(s, "REASON", dbres_str(h, 0, HG_REF_REASON));
		if (strcmp(status, "refused") == 0)
			tpl_show(s, "WAITING");
	}
	if (dbres_str(h, 0, HG_DEC_AT)[0]) {
		tpl_dict *s = tpl_section(d, "DECISION");

		tpl_set(s, "BY", dbres_str(h, 0, HG_DEC_NAME));
		tpl_set(s, "AT", dbres_str(h, 0, HG_DEC_AT));
		tpl_set(s, "TEXT", dbres_str(h, 0, HG_DECISION));
	}
	if (accepted) {
		tpl_dict *s = tpl_section(d, "SIGNED");

		tpl_set(s, "INCOMING", dbres_str(h, 0, HG_IN_NAME));
		tpl_set(s, "IN_AT", dbres_str(h, 0, HG_IN_SIGNED));
		tpl_set(s, "OUTGOING", dbres_str(h, 0, HG_OUT_NAME));
		tpl_set(s, "OUT_AT", dbres_str(h, 0, HG_OUT_SIGNED));
		arrival_to_dict(s, h);
		if ((rc = counts_to_dict(c, s, id)) != DB_OK)
			return DB_STATUS(rc);
		if (writer || ctx_has_role(c, ROLE_MANAGER)) {
			f = tpl_section(d, "CORRECT_FORM");
			if (c->form.spec == &ho_correct_form)
				form_to_dict(c, f);
			tpl_show(f, arena_printf(c->a, "FIELD_%s_SEL",
			    c->form.spec == &ho_correct_form ? form_str(c, CF_FIELD) : "notes"));
		}
		return 200;
	}
	if (writer) {
		f = tpl_section(d, "NOTES_FORM");
		if (c->form.spec == &ho_notes_form) {
			form_to_dict(c, f);
		} else {
			tpl_set(f, "NOTES", dbres_str(h, 0, HG_NOTES));
			tpl_set(f, "REPAIRS", dbres_str(h, 0, HG_REPAIRS));
			tpl_set(f, "MAJOR", dbres_str(h, 0, HG_MAJOR));
		}
		f = tpl_section(d, "ANOMALY_FORM");
		if (c->form.spec == &ho_anomaly_form)
			form_to_dict(c, f);
	}
	if (writer && strcmp(status, "refused") != 0) {
		f = tpl_section(d, "ACCEPT_FORM");
		tpl_set(f, "OUTGOING", dbres_str(h, 0, HG_OUT_NAME));
		tpl_set_int(f, "NCARRIED", (long long)ncarried);
		if (c->form.spec == &ho_accept_form) {
			form_to_dict(c, f);
		} else {
			if ((rc = db_exec(c->db, c->a, H_NOW, &now, "")) != DB_OK)
				return DB_STATUS(rc);
			tpl_set(f, "ARRIVED", dbres_str(now, 0, 0));
		}
		if ((rc = count_form(c, f, dbres_int(h, 0, HG_SITE))) != DB_OK)
			return DB_STATUS(rc);
		f = tpl_section(d, "REFUSE_FORM");
		if (c->form.spec == &ho_refuse_form)
			form_to_dict(c, f);
	}
	if (strcmp(status, "refused") == 0 && ctx_has_role(c, HO_DECIDERS)) {
		f = tpl_section(d, "DECIDE_FORM");
		if (c->form.spec == &ho_decide_form)
			form_to_dict(c, f);
	}
	return 200;
}

/* POST /handover/open: the outgoing starts the handover of an open log page of the site. */
int
ho_open_post(struct ctx *c)
{
	long long page = form_num(c, OF_PAGE);
	struct dbres *p, *r;
	long long early;
	int rc = db_exec(c->db, c->a, H_PAGE_FOR_OPEN, &p, "i", page);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (p->nrows != 1 || !ctx_site_ok(c, dbres_int(p, 0, 0)))
		return 404;
	if ((rc = db_exec(c->db, c->a, H_BY_PAGE, &r, "i", page)) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows == 1)
		return resp_redirect(c, arena_printf(c->a, "/handover/%s", dbres_str(r, 0, 0)));
	if (strcmp(dbres_str(p, 0, 1), "closed") == 0 || strcmp(dbres_str(p, 0, 2), "open") != 0) {
		page_error(c, 409, "handover.err.page_closed");
		return 409;
	}
	if ((rc = db_exec(c->db, c->a, H_RULE_GET, &r, "i", dbres_int(p, 0, 0))) != DB_OK)
		return DB_STATUS(rc);
	early = dbres_int(r, 0, 0);
	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	rc = db_exec(c->db, c->a, H_NEW, &r, "iisisii", dbres_int(p, 0, 0), page,
	    dbres_str(p, 0, 3), dbres_int(p, 0, 4), dbres_str(p, 0, 5), early, c->user.id);
	if (rc == DB_EDUP) {
		db_rollback(c->db);
		if ((rc = db_exec(c->db, c->a, H_BY_PAGE, &r, "i", page)) != DB_OK || r->nrows != 1)
			return DB_STATUS(rc);
		return resp_redirect(c, arena_printf(c->a, "/handover/%s", dbres_str(r, 0, 0)));
	}
	long long id = rc == DB_OK ? (long long)r->insert_id : 0;
	if (rc == DB_OK)
		rc = audit_write(c, "open", "handover", id, dbres_int(p, 0, 0),
		    arena_printf(c->a, "%s %s %s", ctx_t(c, "handover.audit.opened"),
		    dbres_str(p, 0, 3), dbres_str(p, 0, 6)), NULL, NULL);
	return resp_commit(c, rc, "handover_opened", arena_printf(c->a, "/handover/%lld", id));
}

/* Locks the record for a change. 0 or an HTTP status (404 for another site's). */
static int
ho_lock(struct ctx *c, long long id, struct dbres **r)
{
	int rc = db_begin(c->db);

	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, H_LOCK, r, "i", id);
	if (rc != DB_OK)
		return DB_STATUS(rc);
	if ((*r)->nrows != 1 || !ctx_site_ok(c, dbres_int(*r, 0, 1)))
		return 404;
	return 0;
}

static char *
notes_json(struct ctx *c, const char *notes, const char *repairs, const char *major)
{
	struct json j;

	json_begin(&j);
	json_str(&j, "notes", notes);
	json_str(&j, "repairs", repairs);
	json_str(&j, "major", major);
	return json_end(&j, c->a);
}

/* POST /handover/:id/notes: the outgoing's notes (until the record is signed). */
int
ho_notes_post(struct ctx *c)
{
	long long id = c->ids[0];
	struct dbres *r;
	int rc = ho_lock(c, id, &r);

	if (rc != 0)
		return rc;
	if (strcmp(dbres_str(r, 0, 0), "accepted") == 0) {
		page_error(c, 409, "handover.err.signed");
		return 409;
	}
	rc = db_exec(c->db, c->a, H_NOTES, NULL, "sssi", form_str(c, NF_NOTES),
	    form_str(c, NF_REPAIRS), form_str(c, NF_MAJOR), id);
	if (rc == DB_OK)
		rc = audit_write(c, "update", "handover", id, dbres_int(r, 0, 1),
		    arena_printf(c->a, "%s #%lld", ctx_t(c, "handover.audit.notes"), id),
		    notes_json(c, dbres_str(r, 0, 5), dbres_str(r, 0, 6), dbres_str(r, 0, 7)),
		    notes_json(c, form_str(c, NF_NOTES), form_str(c, NF_REPAIRS), form_str(c, NF_MAJOR)));
	return resp_commit(c, rc, "saved", arena_printf(c->a, "/handover/%lld", id));
}

/* POST /handover/:id/anomalies: an anomaly found checking the area, with the explanation. */
int
ho_anomaly_post(struct ctx *c)
{
	long long id = c->ids[0];
	struct dbres *r;
	int rc = ho_lock(c, id, &r);

	if (rc != 0)
		return rc;
	if (strcmp(dbres_str(r, 0, 0), "accepted") == 0) {
		page_error(c, 409, "handover.err.signed");
		return 409;
	}
	rc = db_exec(c->db, c->a, H_ANOMALY_ADD, NULL, "issi", id, form_str(c, NA_WHAT),
	    form_str(c, NA_EXPL), c->user.id);
	if (rc == DB_OK)
		rc = audit_write(c, "create", "handover_anomaly", id, dbres_int(r, 0, 1),
		    arena_printf(c->a, "%s #%lld: %s", ctx_t(c, "handover.audit.anomaly"), id,
		    form_str(c, NA_WHAT)), NULL, NULL);
	return resp_commit(c, rc, "saved", arena_printf(c->a, "/handover/%lld#anomalies", id));
}

/* Checks the password of user name (auth_check_password: throttled like sign-in, a failure
 * recorded at once). 1 when right; 0 with the field's message set; -1 on a database error
 * (*rc). */
static int
check_password(struct ctx *c, const char *name, const char *hash, const char *pw, size_t field,
    int *rc)
{
	long long wait_min;

	switch (auth_check_password(c, name, hash, pw, &wait_min, rc)) {
	case AUTH_PW_OK:
		return 1;
	case AUTH_PW_THROTTLED:
		form_error(c, field, "handover.err.throttled");
		return 0;
	case AUTH_PW_WRONG:
		form_error(c, field, "handover.err.password");
		return 0;
	default:
		return -1;
	}
}

/* Records a refused signature in the audit log (its own transaction: the change itself was
 * not made). */
static int
audit_sign_failed(struct ctx *c, long long id, long long site, const char *who)
{
	int rc = db_begin(c->db);

	if (rc == DB_OK)
		rc = audit_write(c, "sign_failed", "handover", id, site,
		    arena_printf(c->a, "%s #%lld: %s", ctx_t(c, "handover.audit.sign_failed"), id, who),
		    NULL, NULL);
	if (rc == DB_OK)
		rc = db_commit(c->db);
	return rc;
}

/* Finds the incoming by user name: an active duty staff or supervisor of the record's site,
 * not the outgoing. Sets the field's message and returns 0 when not. */
static int
find_incoming(struct ctx *c, const struct dbres *h, const char *name, size_t field,
    struct dbres **u, int *rc)
{
	*rc = DB_OK;
	if (strcmp(name, dbres_str(h, 0, HG_OUT_USER)) == 0) {
		form_error(c, field, "handover.err.same_person");
		return 0;
	}
	if ((*rc = db_exec(c->db, c->a, H_USER_BY_NAME, u, "s", name)) != DB_OK)
		return 0;
	if ((*u)->nrows != 1 || dbres_int(*u, 0, 3) != dbres_int(h, 0, HG_SITE) ||
	    (dbres_int(*u, 0, 4) & HO_WRITERS) == 0) {
		form_error(c, field, "handover.err.not_staff");
		return 0;
	}
	if (dbres_int(*u, 0, 0) == dbres_int(h, 0, HG_OUT_ID)) {
		form_error(c, field, "handover.err.same_person");
		return 0;
	}
	return 1;
}

/* POST /handover/:id/accept: the incoming's count and both signatures; closes the outgoing's
 * log page carrying its open items, in one transaction. */
int
ho_accept_post(struct ctx *c)
{
	long long id = c->ids[0], site, early;
	struct dbres *h, *items, *u = NULL, *o, *r, *open;
	const char *number, *st;
	long long *counted;
	const char **expl, **answer;
	int rc = ho_load(c, id, &h), bad = 0, okin, okout;
	struct json j;

	if (rc != 0)
		return rc;
	site = dbres_int(h, 0, HG_SITE);
	st = dbres_str(h, 0, HG_STATUS);
	if (strcmp(st, "accepted") == 0) {
		page_error(c, 409, "handover.err.already_accepted");
		return 409;
	}
	if (strcmp(st, "refused") == 0) {
		page_error(c, 409, "handover.err.wait_decision");
		return 409;
	}
	if ((rc = db_exec(c->db, c->a, H_ITEMS_ACTIVE, &items, "i", site)) != DB_OK)
		return DB_STATUS(rc);
	counted = arena_alloc(c->a, (items->nrows + 1) * sizeof(long long));
	expl = arena_alloc(c->a, (items->nrows + 1) * sizeof(char *));
	answer = arena_alloc(c->a, (items->nrows + 1) * sizeof(char *));
	for (size_t i = 0; i < items->nrows; i++) {
		long long iid = dbres_int(items, i, 0);
		const char *e;

		counted[i] = ho_parse_count(post_trim(c, arena_printf(c->a, "count_%lld", iid)));
		expl[i] = post_trim(c, arena_printf(c->a, "expl_%lld", iid));
		answer[i] = post_trim(c, arena_printf(c->a, "answer_%lld", iid));
		e = ho_count_problem(dbres_int(items, i, 2), counted[i], expl[i], answer[i]);
		if (e == NULL && (utf8_chars(expl[i]) > 200 || utf8_chars(answer[i]) > 50 ||
		    !valid_utf8(expl[i], strlen(expl[i]), 0) ||
		    !valid_utf8(answer[i], strlen(answer[i]), 0)))
			e = "handover.err.too_long";
		if (e != NULL)
			form_row_error(c, iid, e);
		bad |= e != NULL;
	}
	if (!find_incoming(c, h, form_str(c, AF_INCOMING), AF_INCOMING, &u, &rc)) {
		if (rc != DB_OK)
			return DB_STATUS(rc);
		bad = 1;
	}
	early = ho_early_minutes(form_str(c, AF_ARRIVED), dbres_str(h, 0, HG_END));
	if (bad)
		return ho_show(c);
	if ((rc = db_exec(c->db, c->a, H_USER_GET, &o, "i", dbres_int(h, 0, HG_OUT_ID))) != DB_OK)
		return DB_STATUS(rc);
	okin = check_password(c, form_str(c, AF_INCOMING), dbres_str(u, 0, 1),
	    form_str(c, AF_IN_PW), AF_IN_PW, &rc);
	if (okin < 0)
		return DB_STATUS(rc);
	okout = check_password(c, dbres_str(o, 0, 1), dbres_str(o, 0, 0), form_str(c, AF_OUT_PW),
	    AF_OUT_PW, &rc);
	if (okout < 0)
		return DB_STATUS(rc);
	if (!okin || !okout) {
		if ((rc = audit_sign_failed(c, id, site, !okin ? form_str(c, AF_INCOMING) :
		    dbres_str(o, 0, 1))) != DB_OK)
			return DB_STATUS(rc);
		return ho_show(c);
	}
	/* The change: lock, check again, close the page carrying its open items. */
	if ((rc = ho_lock(c, id, &r)) != 0)
		return rc;
	st = dbres_str(r, 0, 0);
	if (strcmp(st, "open") != 0 && strcmp(st, "decided") != 0) {
		page_error(c, 409, strcmp(st, "accepted") == 0 ? "handover.err.already_accepted" :
		    "handover.err.wait_decision");
		return 409;
	}
	if ((rc = db_exec(c->db, c->a, H_PAGE_LOCK, &r, "i", dbres_int(h, 0, HG_PAGE))) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows == 1 && strcmp(dbres_str(r, 0, 0), "closed") != 0) {
		rc = db_exec(c->db, c->a, H_OPEN_ENTRIES, &open, "iis", site, dbres_int(h, 0, HG_PAGE),
		    dbres_str(r, 0, 2));
		for (size_t i = 0; rc == DB_OK && i < open->nrows; i++)
			rc = db_exec(c->db, c->a, H_CARRY_ADD, NULL, "iii", dbres_int(open, i, 0),
			    dbres_int(h, 0, HG_PAGE), dbres_int(h, 0, HG_OUT_ID));
		if (rc == DB_OK)
			rc = db_exec(c->db, c->a, H_PAGE_CLOSE, NULL, "isi", dbres_int(h, 0, HG_OUT_ID),
			    arena_printf(c->a, "%s #%lld", ctx_t(c, "handover.audit.page_note"), id),
			    dbres_int(h, 0, HG_PAGE));
		if (rc != DB_OK)
			return DB_STATUS(rc);
	}
	json_begin(&j);
	for (size_t i = 0; rc == DB_OK && i < items->nrows; i++) {
		rc = db_exec(c->db, c->a, H_COUNT_ADD, NULL, "iisiiss", id, dbres_int(items, i, 0),
		    dbres_str(items, i, 1), dbres_int(items, i, 2), counted[i], expl[i], answer[i]);
		json_int(&j, dbres_str(items, i, 1), counted[i]);
	}
	json_str(&j, "incoming", form_str(c, AF_INCOMING));
	json_str(&j, "arrived", form_str(c, AF_ARRIVED));
	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, H_ACCEPT, &r, "iii", dbres_int(u, 0, 0), early, id);
	if (rc == DB_OK && r->affected != 1)
		rc = DB_EFAIL;
	if (rc == DB_OK)
		rc = number_assign(c, "handover", site, id, dbres_str(h, 0, HG_DAY), &number);
	if (rc == DB_OK)
		rc = audit_write(c, "accept", "handover", id, site,
		    arena_printf(c->a, "%s #%lld %s → %s", ctx_t(c, "handover.audit.accepted"), id,
		    dbres_str(h, 0, HG_OUT_NAME), dbres_str(u, 0, 2)), NULL, json_end(&j, c->a));
	else
		(void)json_end(&j, c->a);
	return resp_commit(c, rc, "handover_accepted", arena_printf(c->a, "/handover/%lld", id));
}

/* POST /handover/:id/refuse: the incoming refuses, with a reason, signed with their password. */
int
ho_refuse_post(struct ctx *c)
{
	long long id = c->ids[0], site;
	struct dbres *h, *u = NULL, *r;
	const char *st;
	int rc = ho_load(c, id, &h), ok;

	if (rc != 0)
		return rc;
	site = dbres_int(h, 0, HG_SITE);
	st = dbres_str(h, 0, HG_STATUS);
	if (strcmp(st, "open") != 0 && strcmp(st, "decided") != 0) {
		page_error(c, 409, strcmp(st, "accepted") == 0 ? "handover.err.already_accepted" :
		    "handover.err.wait_decision");
		return 409;
	}
	if (!find_incoming(c, h, form_str(c, RF_INCOMING), RF_INCOMING, &u, &rc))
		return rc != DB_OK ? DB_STATUS(rc) : ho_show(c);
	ok = check_password(c, form_str(c, RF_INCOMING), dbres_str(u, 0, 1), form_str(c, RF_PW),
	    RF_PW, &rc);
	if (ok < 0)
		return DB_STATUS(rc);
	if (!ok) {
		if ((rc = audit_sign_failed(c, id, site, form_str(c, RF_INCOMING))) != DB_OK)
			return DB_STATUS(rc);
		return ho_show(c);
	}
	if ((rc = ho_lock(c, id, &r)) != 0)
		return rc;
	rc = db_exec(c->db, c->a, H_REFUSE, &r, "isi", dbres_int(u, 0, 0), form_str(c, RF_REASON), id);
	if (rc == DB_OK && r->affected != 1) {
		page_error(c, 409, "handover.err.already_accepted");
		return 409;
	}
	if (rc == DB_OK)
		rc = audit_write(c, "refuse", "handover", id, site,
		    arena_printf(c->a, "%s #%lld %s: %s", ctx_t(c, "handover.audit.refused"), id,
		    dbres_str(u, 0, 2), form_str(c, RF_REASON)), NULL, NULL);
	return resp_commit(c, rc, "handover_refused", arena_printf(c->a, "/handover/%lld", id));
}

/* POST /handover/:id/decide: the supervisor's decision on a refused handover. */
int
ho_decide_post(struct ctx *c)
{
	long long id = c->ids[0];
	struct dbres *r;
	int rc = ho_lock(c, id, &r);

	if (rc != 0)
		return rc;
	if (strcmp(dbres_str(r, 0, 0), "refused") != 0) {
		page_error(c, 409, "handover.err.not_refused");
		return 409;
	}
	rc = db_exec(c->db, c->a, H_DECIDE, NULL, "isi", c->user.id, form_str(c, DF_DECISION), id);
	if (rc == DB_OK)
		rc = audit_write(c, "decide", "handover", id, dbres_int(r, 0, 1),
		    arena_printf(c->a, "%s #%lld: %s", ctx_t(c, "handover.audit.decided"), id,
		    form_str(c, DF_DECISION)), NULL, NULL);
	return resp_commit(c, rc, "handover_decided", arena_printf(c->a, "/handover/%lld", id));
}

/* POST /handover/:id/correct: a signed record changes only by a correction (a new row). */
int
ho_correct_post(struct ctx *c)
{
	long long id = c->ids[0];
	const char *field = form_str(c, CF_FIELD), *old;
	struct dbres *r, *k;
	int rc = ho_lock(c, id, &r);

	if (rc != 0)
		return rc;
	if (strcmp(dbres_str(r, 0, 0), "accepted") != 0) {
		page_error(c, 409, "handover.err.not_signed");
		return 409;
	}
	old = dbres_str(r, 0, strcmp(field, "notes") == 0 ? 5 : strcmp(field, "repairs") == 0 ? 6 : 7);
	if ((rc = db_exec(c->db, c->a, H_CORRECTIONS, &k, "i", id)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < k->nrows; i++)
		if (strcmp(dbres_str(k, i, 0), field) == 0)
			old = dbres_str(k, i, 2);
	rc = db_exec(c->db, c->a, H_CORRECTION_ADD, NULL, "issssi", id, field, old,
	    form_str(c, CF_TEXT), form_str(c, CF_REASON), c->user.id);
	if (rc == DB_OK) {
		struct json o, n;

		json_begin(&o);
		json_str(&o, field, old);
		json_begin(&n);
		json_str(&n, field, form_str(c, CF_TEXT));
		json_str(&n, "reason", form_str(c, CF_REASON));
		rc = audit_write(c, "correct", "handover", id, dbres_int(r, 0, 1),
		    arena_printf(c->a, "%s #%lld", ctx_t(c, "handover.audit.corrected"), id),
		    json_end(&o, c->a), json_end(&n, c->a));
	}
	return resp_commit(c, rc, "handover_corrected", arena_printf(c->a, "/handover/%lld", id));
}

/* GET /handover/:id/print: the 交接班记录表 on A4. */
int
ho_print(struct ctx *c)
{
	long long id = c->ids[0];
	struct dbres *h;
	const char *number;
	tpl_dict *d;
	size_t n;
	int rc = ho_load(c, id, &h);

	if (rc != 0)
		return rc;
	rc = number_assign(c, "handover", dbres_int(h, 0, HG_SITE), id, dbres_str(h, 0, HG_DAY),
	    &number);
	if (rc != DB_OK || (d = print_begin(c, "handover_print.tpl", "handover", number, &rc)) == NULL)
		return DB_STATUS(rc);
	tpl_set(d, "DAY", dbres_str(h, 0, HG_DAY));
	tpl_set(d, "SHIFT", dbres_str(h, 0, HG_SHIFT));
	tpl_set(d, "SHIFT_TIME", arena_printf(c->a, "%s–%s", dbres_str(h, 0, HG_START),
	    dbres_str(h, 0, HG_END)));
	tpl_set(d, "STATUS", ctx_t(c, arena_printf(c->a, "handover.status.%s",
	    dbres_str(h, 0, HG_STATUS))));
	tpl_set(d, "OUTGOING", dbres_str(h, 0, HG_OUT_NAME));
	tpl_set(d, "INCOMING", dbres_str(h, 0, HG_IN_NAME));
	tpl_set_int(d, "RULE", dbres_int(h, 0, HG_EARLY));
	if (dbres_int(h, 0, HG_UNRELIEVED))
		tpl_show(d, "UNRELIEVED");
	if (is(h, HG_STATUS, "accepted")) {
		tpl_dict *s = tpl_section(d, "SIGNED");

		tpl_set(s, "IN_AT", dbres_str(h, 0, HG_IN_SIGNED));
		tpl_set(s, "OUT_AT", dbres_str(h, 0, HG_OUT_SIGNED));
		arrival_to_dict(s, h);
		if ((rc = counts_to_dict(c, s, id)) != DB_OK)
			return DB_STATUS(rc);
	}
	if (dbres_str(h, 0, HG_REF_AT)[0]) {
		tpl_dict *s = tpl_section(d, "REFUSAL");

		tpl_set(s, "BY", dbres_str(h, 0, HG_REF_NAME));
		tpl_set(s, "AT", dbres_str(h, 0, HG_REF_AT));
		tpl_set(s, "REASON", dbres_str(h, 0, HG_REF_REASON));
	}
	if (dbres_str(h, 0, HG_DEC_AT)[0]) {
		tpl_dict *s = tpl_section(d, "DECISION");

		tpl_set(s, "BY", dbres_str(h, 0, HG_DEC_NAME));
		tpl_set(s, "AT", dbres_str(h, 0, HG_DEC_AT));
		tpl_set(s, "TEXT", dbres_str(h, 0, HG_DECISION));
	}
	if ((rc = carried_to_dict(c, d, h, &n)) != DB_OK || (rc = notes_to_dict(c, d, h)) != DB_OK ||
	    (rc = anomalies_to_dict(c, d, id)) != DB_OK)
		return DB_STATUS(rc);
	print_sign(c, "handover.sign.outgoing", dbres_str(h, 0, HG_OUT_NAME));
	print_sign(c, "handover.sign.incoming", dbres_str(h, 0, HG_IN_NAME));
	print_sign(c, "handover.sign.reviewer", NULL);
	return 200;
}
