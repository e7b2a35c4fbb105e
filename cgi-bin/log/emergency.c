/* emergency.c: the emergency register (紧急情况处理登记表): opened by a major entry; what,
 * where, when, who was involved, what was done, who was told and when, photos of the scene,
 * and the written report due by the end of the next day. */
#include "log.h"
#include <sodium.h>
#include <stdio.h>
#include <string.h>

/* Columns of EMERGENCY_COLS (stmts.c). */
enum { EM_ID, EM_SITE, EM_ENTRY, EM_AT, EM_PLACE, EM_WHAT, EM_PEOPLE, EM_ACTIONS, EM_REPORT,
	EM_DUE, EM_REPORT_BY, EM_REPORT_AT, EM_CREATOR, EM_OVERDUE, EM_DAY_ID, EM_DAY_STATUS };

#define PHOTO_MAX_BYTES (8 * 1024 * 1024)
#define PHOTO_MAX_FILES 10

enum { MF_DATE, MF_TIME, MF_PLACE, MF_WHAT, MF_PEOPLE, MF_ACTIONS };
static const struct field emergency_fields[] = {
	[MF_DATE]    = { "occurred_date", FT_DATE, FF_REQUIRED, 0, 0, NULL, "log.field.date" },
	[MF_TIME]    = { "occurred_time", FT_TIME, FF_REQUIRED, 0, 0, NULL, "log.field.time" },
	[MF_PLACE]   = { "place", FT_TEXT, FF_REQUIRED, 0, 100, NULL, "log.field.location" },
	[MF_WHAT]    = { "what", FT_MULTILINE, FF_REQUIRED, 0, 2000, NULL, "log.field.what" },
	[MF_PEOPLE]  = { "people", FT_MULTILINE, 0, 0, 1000, NULL, "log.field.people" },
	[MF_ACTIONS] = { "actions", FT_MULTILINE, 0, 0, 2000, NULL, "log.field.actions" },
};
const struct form_spec log_emergency_form = FORM_SPEC(emergency_fields);

static const char *const party_choices[] = { "manager", "department", "police", "fire", "other",
	NULL };
enum { NF_PARTY, NF_WHO, NF_DATE, NF_TIME };
static const struct field notice_fields[] = {
	[NF_PARTY] = { "party", FT_CHOICE, FF_REQUIRED, 0, 0, party_choices, "log.field.party" },
	[NF_WHO]   = { "who", FT_TEXT, 0, 0, 100, NULL, "log.field.who" },
	[NF_DATE]  = { "notified_date", FT_DATE, FF_REQUIRED, 0, 0, NULL, "log.field.date" },
	[NF_TIME]  = { "notified_time", FT_TIME, FF_REQUIRED, 0, 0, NULL, "log.field.time" },
};
const struct form_spec log_notice_form = FORM_SPEC(notice_fields);

enum { PF_REPORT };
static const struct field report_fields[] = {
	[PF_REPORT] = { "report", FT_MULTILINE, FF_REQUIRED, 0, 5000, NULL, "log.field.report" },
};
const struct form_spec log_report_form = FORM_SPEC(report_fields);

int
log_emergency_open(struct ctx *c, long long entry_id, long long site_id,
    const char *occurred_at, const char *place, const char *what)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, S_EMERGENCY_OF_ENTRY, &r, "i", entry_id);

	if (rc != DB_OK || r->nrows > 0)
		return rc;
	rc = db_exec(c->db, c->a, S_EMERGENCY_NEW, &r, "iissssi", site_id,
	    entry_id, occurred_at, place, what, occurred_at, c->user.id);
	if (rc == DB_OK)
		rc = audit_write(c, "create", "emergency", (long long)r->insert_id, site_id,
		    arena_printf(c->a, "%s %s", ctx_t(c, "log.audit.emergency"), what), NULL, NULL);
	return rc;
}

/* GET /log/emergencies: the register, newest first, reports overdue marked. */
int
log_emergencies_list(struct ctx *c)
{
	struct dbres *r;
	tpl_dict *d = page_begin(c, "log_emergencies.tpl", "log.emergencies.title");
	int rc = db_exec(c->db, c->a, S_EMERGENCIES, &r, "i", c->user.site_id);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *row = tpl_section(d, "EMERGENCY");

		tpl_set(row, "ID", dbres_str(r, i, 0));
		tpl_set(row, "AT", dbres_str(r, i, 1));
		tpl_set(row, "PLACE", dbres_str(r, i, 2));
		tpl_set(row, "WHAT", dbres_str(r, i, 3));
		tpl_set(row, "DUE", dbres_str(r, i, 6));
		tpl_set(row, "PHOTOS", dbres_str(r, i, 7));
		tpl_show(row, dbres_int(r, i, 4) ? "REPORTED" : dbres_int(r, i, 5) ? "OVERDUE" :
		    "PENDING");
	}
	if (r->nrows == 0)
		tpl_show(d, "EMPTY");
	return 200;
}

/* Loads emergency :id of the user's site. 0 or an HTTP status. */
static int
emergency_load(struct ctx *c, struct dbres **r)
{
	int rc = db_exec(c->db, c->a, S_EMERGENCY_GET, r, "i", c->ids[0]);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if ((*r)->nrows != 1 || !ctx_site_ok(c, dbres_int(*r, 0, EM_SITE)))
		return 404;
	return 0;
}

/* The record's values, notices and photos into d (shared by the page and its print). */
static int
emergency_fill(struct ctx *c, tpl_dict *d, const struct dbres *r)
{
	struct dbres *n, *p;
	int rc;

	tpl_set(d, "ID", dbres_str(r, 0, EM_ID));
	tpl_set(d, "ENTRY_ID", dbres_str(r, 0, EM_ENTRY));
	tpl_set(d, "AT", dbres_str(r, 0, EM_AT));
	tpl_set(d, "PLACE_TEXT", dbres_str(r, 0, EM_PLACE));
	tpl_set(d, "WHAT_TEXT", dbres_str(r, 0, EM_WHAT));
	tpl_set(d, "PEOPLE_TEXT", dbres_str(r, 0, EM_PEOPLE));
	tpl_set(d, "ACTIONS_TEXT", dbres_str(r, 0, EM_ACTIONS));
	tpl_set(d, "REPORT_TEXT", dbres_str(r, 0, EM_REPORT));
	tpl_set(d, "DUE", dbres_str(r, 0, EM_DUE));
	tpl_set(d, "REPORT_BY", dbres_str(r, 0, EM_REPORT_BY));
	tpl_set(d, "REPORT_AT", dbres_str(r, 0, EM_REPORT_AT));
	tpl_set(d, "CREATOR", dbres_str(r, 0, EM_CREATOR));
	tpl_set(d, "DAY_ID", dbres_str(r, 0, EM_DAY_ID));
	tpl_show(d, *dbres_str(r, 0, EM_REPORT_AT) ? "REPORTED" : dbres_int(r, 0, EM_OVERDUE) ?
	    "OVERDUE" : "PENDING");
	if ((rc = db_exec(c->db, c->a, S_NOTICES, &n, "i", dbres_int(r, 0, EM_ID))) != DB_OK)
		return rc;
	for (size_t i = 0; i < n->nrows; i++) {
		tpl_dict *row = tpl_section(d, "NOTICE");

		tpl_set(row, "PARTY", ctx_t(c, arena_printf(c->a, "log.party.%s",
		    dbres_str(n, i, 0))));
		tpl_set(row, "WHO", dbres_str(n, i, 1));
		tpl_set(row, "AT", dbres_str(n, i, 2));
		tpl_set(row, "BY", dbres_str(n, i, 3));
	}
	if (n->nrows == 0)
		tpl_show(d, "NO_NOTICES");
	if ((rc = db_exec(c->db, c->a, S_PHOTOS, &p, "i", dbres_int(r, 0, EM_ID))) != DB_OK)
		return rc;
	for (size_t i = 0; i < p->nrows; i++) {
		tpl_dict *row = tpl_section(d, "PHOTO");

		tpl_set(row, "PHOTO_ID", dbres_str(p, i, 0));
		tpl_set(row, "SIZE", arena_printf(c->a, "%s×%s", dbres_str(p, i, 1),
		    dbres_str(p, i, 2)));
		tpl_set(row, "KB", arena_printf(c->a, "%lld", (dbres_int(p, i, 3) + 1023) / 1024));
		tpl_set(row, "CAPTION", dbres_str(p, i, 4));
		tpl_set(row, "BY", dbres_str(p, i, 5));
		tpl_set(row, "AT", dbres_str(p, i, 6));
	}
	if (p->nrows == 0)
		tpl_show(d, "NO_PHOTOS");
	return DB_OK;
}

/* Puts form spec's state (or an empty one) into section name of d, keeping c->form. */
static tpl_dict *
emergency_form(struct ctx *c, tpl_dict *d, const char *name, const struct form_spec *spec)
{
	struct form keep = c->form;
	tpl_dict *f = tpl_section(d, name);

	if (c->form.spec != spec)
		form_empty(c, spec);
	form_to_dict(c, f);
	c->form = keep;
	return f;
}

/* GET /log/emergency/:id */
int
log_emergency_show(struct ctx *c)
{
	struct dbres *r;
	tpl_dict *d;
	int rc = emergency_load(c, &r);

	if (rc != 0)
		return rc;
	d = page_begin(c, "log_emergency.tpl", "log.emergency.title");
	tpl_set(d, "ID", dbres_str(r, 0, EM_ID));
	tpl_set(d, "ENTRY_ID", dbres_str(r, 0, EM_ENTRY));
	tpl_set(d, "DAY_ID", dbres_str(r, 0, EM_DAY_ID));
	if (dbres_int(r, 0, EM_OVERDUE))
		tpl_show(d, "OVERDUE");
	{
		const char *number;

		if ((rc = number_lookup(c, "emergency", c->ids[0], &number)) != DB_OK)
			return DB_STATUS(rc);
		if (number != NULL &&
		    (rc = log_paper_copy(c, tpl_section(d, "NUMBER"), number)) != DB_OK)
			return DB_STATUS(rc);
	}
	rc = emergency_fill(c, page_include(c, d, "RECORD", "log_emergency_body.tpl"), r);
	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (ctx_has_role(c, LOG_WRITERS)) {
		if (c->form.spec != &log_emergency_form) {
			struct form keep = c->form;
			const char *at = dbres_str(r, 0, EM_AT);
			tpl_dict *f = tpl_section(d, "EDIT_FORM");

			form_empty(c, &log_emergency_form);
			form_set(c, MF_DATE, arena_strndup(c->a, at, 10));
			form_set(c, MF_TIME, strlen(at) >= 16 ? at + 11 : "");
			form_set(c, MF_PLACE, dbres_str(r, 0, EM_PLACE));
			form_set(c, MF_WHAT, dbres_str(r, 0, EM_WHAT));
			form_set(c, MF_PEOPLE, dbres_str(r, 0, EM_PEOPLE));
			form_set(c, MF_ACTIONS, dbres_str(r, 0, EM_ACTIONS));
			form_to_dict(c, f);
			c->form = keep;
		} else {
			emergency_form(c, d, "EDIT_FORM", &log_emergency_form);
		}
		emergency_form(c, d, "PHOTO_FORM", &log_photo_form);
	}
	if (ctx_has_role(c, LOG_WRITERS | LOG_SIGNERS)) {
		tpl_dict *f = emergency_form(c, d, "NOTICE_FORM", &log_notice_form);

		for (size_t i = 0; party_choices[i]; i++) {
			tpl_dict *o = tpl_section(f, "PARTY_OPT");

			tpl_set(o, "CODE", party_choices[i]);
			tpl_set(o, "NAME", ctx_t(c, arena_printf(c->a, "log.party.%s",
			    party_choices[i])));
			if (c->form.spec == &log_notice_form && form_has(c, NF_PARTY, party_choices[i]))
				tpl_show(o, "SEL");
		}
		f = emergency_form(c, d, "REPORT_FORM", &log_report_form);
		if (c->form.spec != &log_report_form)
			tpl_set(f, "REPORT", dbres_str(r, 0, EM_REPORT));
	}
	return 200;
}

static char *
emergency_json(struct ctx *c, const char *at, const char *place, const char *what,
    const char *people, const char *actions)
{
	struct json j;

	json_begin(&j);
	json_str(&j, "occurred_at", at);
	json_str(&j, "place", place);
	json_str(&j, "what", what);
	json_str(&j, "people", people);
	json_str(&j, "actions", actions);
	return json_end(&j, c->a);
}

/* POST /log/emergency/:id: what, where, when, people involved, actions taken. */
int
log_emergency_update_post(struct ctx *c)
{
	const char *at = arena_printf(c->a, "%s %s", form_str(c, MF_DATE), form_str(c, MF_TIME));
	struct dbres *r;
	int rc = emergency_load(c, &r);

	if (rc != 0)
		return rc;
	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, S_EMERGENCY_LOCK, &r, "i", c->ids[0])) != DB_OK)
		return DB_STATUS(rc);
	rc = db_exec(c->db, c->a, S_EMERGENCY_UPDATE, NULL, "sssssi", at, form_str(c, MF_PLACE),
	    form_str(c, MF_WHAT), form_str(c, MF_PEOPLE), form_str(c, MF_ACTIONS), c->ids[0]);
	if (rc == DB_OK)
		rc = audit_write(c, "update", "emergency", c->ids[0], dbres_int(r, 0, 0),
		    arena_printf(c->a, "%s #%lld", ctx_t(c, "log.audit.emergency_updated"), c->ids[0]),
		    emergency_json(c, dbres_str(r, 0, 6), dbres_str(r, 0, 1), dbres_str(r, 0, 2),
		    dbres_str(r, 0, 3), dbres_str(r, 0, 4)), emergency_json(c, at,
		    form_str(c, MF_PLACE), form_str(c, MF_WHAT), form_str(c, MF_PEOPLE),
		    form_str(c, MF_ACTIONS)));
	return resp_commit(c, rc, "saved", arena_printf(c->a, "/log/emergency/%lld", c->ids[0]));
}

/* POST /log/emergency/:id/notices: who was told (manager, department, police, fire) and when. */
int
log_emergency_notice_post(struct ctx *c)
{
	const char *at = arena_printf(c->a, "%s %s", form_str(c, NF_DATE), form_str(c, NF_TIME));
	struct dbres *r;
	struct json j;
	int rc = emergency_load(c, &r);

	if (rc != 0)
		return rc;
	if ((rc = db_exec(c->db, c->a, S_MINUTES_FROM_NOW, &r, "s", at)) != DB_OK)
		return DB_STATUS(rc);
	if (dbres_int(r, 0, 0) > 10) {
		form_error(c, NF_TIME, "log.err.future");
		return log_emergency_show(c);
	}
	if ((rc = emergency_load(c, &r)) != 0)
		return rc;
	if ((rc = db_begin(c->db)) == DB_OK)
		rc = db_exec(c->db, c->a, S_NOTICE_NEW, NULL, "isssi", c->ids[0],
		    form_str(c, NF_PARTY), form_str(c, NF_WHO), at, c->user.id);
	json_begin(&j);
	json_str(&j, "party", form_str(c, NF_PARTY));
	json_str(&j, "who", form_str(c, NF_WHO));
	json_str(&j, "notified_at", at);
	if (rc == DB_OK)
		rc = audit_write(c, "notice", "emergency", c->ids[0], dbres_int(r, 0, EM_SITE),
		    arena_printf(c->a, "%s #%lld: %s", ctx_t(c, "log.audit.notice"), c->ids[0],
		    ctx_t(c, arena_printf(c->a, "log.party.%s", form_str(c, NF_PARTY)))), NULL,
		    json_end(&j, c->a));
	else
		buf_free(&j.b);
	return resp_commit(c, rc, "saved", arena_printf(c->a, "/log/emergency/%lld", c->ids[0]));
}

enum { HF_CAPTION };
static const struct field photo_fields[] = {
	[HF_CAPTION] = { "caption", FT_TEXT, 0, 0, 100, NULL, "log.field.caption" },
};
const struct form_spec log_photo_form = FORM_SPEC(photo_fields);

/* POST /log/emergency/:id/photos (multipart): JPEG or PNG, checked by content, at most
 * PHOTO_MAX_FILES of PHOTO_MAX_BYTES each; the same picture twice is kept once. */
int
log_emergency_photos_post(struct ctx *c)
{
	struct dbres *r;
	const char *paths[PHOTO_MAX_FILES];
	size_t stored = 0, nstored = 0;
	int rc = emergency_load(c, &r);

	if (rc != 0)
		return rc;
	form_validate(c, &log_photo_form, &c->post);
	if (c->files.n == 0)
		form_error(c, HF_CAPTION, "log.err.no_photo");
	else if (c->files.n > PHOTO_MAX_FILES)
		form_error(c, HF_CAPTION, "log.err.too_many_photos");
	for (size_t i = 0; c->form.ok && i < c->files.n; i++) {
		const struct upload *u = &c->files.v[i];
		int w, h;

		if (u->len > PHOTO_MAX_BYTES)
			form_error(c, HF_CAPTION, "log.err.photo_too_large");
		else if (upload_image_info((const unsigned char *)u->data, u->len, &w, &h) == IMG_NONE)
			form_error(c, HF_CAPTION, "log.err.not_image");
	}
	if (!c->form.ok)
		return log_emergency_show(c);
	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; rc == DB_OK && i < c->files.n; i++) {
		const struct upload *u = &c->files.v[i];
		unsigned char sum[crypto_hash_sha256_BYTES];
		char hex[2 * crypto_hash_sha256_BYTES + 1];
		int w, h, kind = upload_image_info((const unsigned char *)u->data, u->len, &w, &h);
		const char *path;

		crypto_hash_sha256(sum, (const unsigned char *)u->data, u->len);
		sodium_bin2hex(hex, sizeof(hex), sum, sizeof(sum));
		if ((path = upload_store(c, u->data, u->len, upload_ext(kind))) == NULL) {
			rc = DB_EFAIL;
			break;
		}
		paths[nstored++] = path;
		rc = db_exec(c->db, c->a, S_PHOTO_NEW, &r, "issiiissi", c->ids[0], path,
		    kind == IMG_PNG ? "png" : "jpeg", (long long)w, (long long)h, (long long)u->len,
		    hex, form_str(c, HF_CAPTION), c->user.id);
		if (rc == DB_EDUP) {
			upload_remove(c, path);   /* this picture is already in the record */
			nstored--;
			rc = DB_OK;
			continue;
		}
		stored++;
		if (rc == DB_OK)
			rc = audit_write(c, "photo", "emergency", c->ids[0], c->user.site_id,
			    arena_printf(c->a, "%s #%lld (%dx%d)", ctx_t(c, "log.audit.photo"),
			    c->ids[0], w, h), NULL, NULL);
	}
	/* Files of a batch that did not make it into the database are not kept. */
	if (rc != DB_OK)
		for (size_t i = 0; i < nstored; i++)
			upload_remove(c, paths[i]);
	return resp_commit(c, rc, stored ? "photos_saved" : "photos_duplicate",
	    arena_printf(c->a, "/log/emergency/%lld#photos", c->ids[0]));
}

/* GET /log/emergency/:id/photo/:photo_id: the picture, only for users of the record's site. */
int
log_emergency_photo(struct ctx *c)
{
	struct dbres *r;
	char *data;
	size_t len;
	int rc = db_exec(c->db, c->a, S_PHOTO_GET, &r, "ii", c->ids[1], c->ids[0]);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || !ctx_site_ok(c, dbres_int(r, 0, 2)))
		return 404;
	if (upload_read(c, dbres_str(r, 0, 0), &data, &len) != 0)
		return 404;
	return resp_file(c, data, len, upload_ctype(strcmp(dbres_str(r, 0, 1), "png") == 0 ?
	    IMG_PNG : IMG_JPEG));
}

/* POST /log/emergency/:id/report: the written report (due by the end of the next day). */
int
log_emergency_report_post(struct ctx *c)
{
	struct dbres *r;
	struct json o, n;
	int rc = emergency_load(c, &r);

	if (rc != 0)
		return rc;
	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, S_EMERGENCY_LOCK, &r, "i", c->ids[0])) != DB_OK)
		return DB_STATUS(rc);
	rc = db_exec(c->db, c->a, S_EMERGENCY_REPORT, NULL, "sii", form_str(c, PF_REPORT),
	    c->user.id, c->ids[0]);
	json_begin(&o);
	json_str(&o, "report", dbres_str(r, 0, 5));
	json_begin(&n);
	json_str(&n, "report", form_str(c, PF_REPORT));
	if (rc == DB_OK)
		rc = audit_write(c, "report", "emergency", c->ids[0], dbres_int(r, 0, 0),
		    arena_printf(c->a, "%s #%lld", ctx_t(c, "log.audit.report"), c->ids[0]),
		    json_end(&o, c->a), json_end(&n, c->a));
	else {
		buf_free(&o.b);
		buf_free(&n.b);
	}
	return resp_commit(c, rc, "report_saved", arena_printf(c->a, "/log/emergency/%lld",
	    c->ids[0]));
}

/* GET /log/emergency/:id/print: the record on A4 with number, QR code and signatures. */
int
log_emergency_print(struct ctx *c)
{
	struct dbres *r;
	tpl_dict *d;
	const char *number;
	int rc = emergency_load(c, &r);

	if (rc != 0)
		return rc;
	rc = number_assign(c, "emergency", dbres_int(r, 0, EM_SITE), c->ids[0],
	    arena_strndup(c->a, dbres_str(r, 0, EM_AT), 10), &number);
	if (rc != DB_OK ||
	    (d = print_begin(c, "log_emergency_print.tpl", "emergency", number, &rc)) == NULL)
		return DB_STATUS(rc);
	rc = emergency_fill(c, page_include(c, d, "RECORD", "log_emergency_body.tpl"), r);
	if (rc != DB_OK)
		return DB_STATUS(rc);
	print_sign(c, "print.filled_by", dbres_str(r, 0, EM_CREATOR));
	print_sign(c, "print.manager_sign", NULL);
	return 200;
}
