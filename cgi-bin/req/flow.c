/* flow.c: the end of a request: callbacks (回访: not reached keeps it due; a score at or
 * below the site's unsatisfied_max reopens the work with a new order to the same
 * department), answering an inquiry or suggestion, closing (never without the callback of
 * its work), decisions on escalated major complaints, and the settings page (working hours,
 * callback time, SLA table, escalation rules, categories), audited. Everything from c->a. */
#include "rq.h"
#include <string.h>

static const char *const yesno_choices[] = { "yes", "no", NULL };
static const char *const method_choices[] = { "phone", "visit", "letter", "online", NULL };
static const char *const type_choices[] = { "complaint", "repair", "inquiry", "suggestion", "help",
	NULL };
static const char *const urgency_choices[] = { "normal", "urgent", "critical", NULL };
static const char *const calendar_choices[] = { "working", "natural", NULL };
static const char *const esc_role_choices[] = { "supervisor", "manager", "director", NULL };

enum { CB_REACHED, CB_SCORE, CB_METHOD, CB_WORDS, CB_NOTE };
static const struct field callback_fields[] = {
	[CB_REACHED] = { "cb_reached", FT_CHOICE, FF_REQUIRED, 0, 0, yesno_choices, "req.f.reached" },
	[CB_SCORE]   = { "cb_score", FT_INT, 0, 1, 5, NULL, "req.f.score" },
	[CB_METHOD]  = { "cb_method", FT_CHOICE, FF_REQUIRED, 0, 0, method_choices, "req.f.method" },
	[CB_WORDS]   = { "cb_words", FT_MULTILINE, 0, 0, 1000, NULL, "req.f.words" },
	[CB_NOTE]    = { "cb_note", FT_MULTILINE, 0, 0, 500, NULL, "req.f.cb_note" },
};
const struct form_spec rq_callback_form = FORM_SPEC(callback_fields);

static const char *const correct_choices[] = { "description", "answer", "caller_name",
	"caller_phone", NULL };
enum { XF_FIELD, XF_TEXT, XF_REASON };
static const struct field correct_fields[] = {
	[XF_FIELD]  = { "x_field", FT_CHOICE, FF_REQUIRED, 0, 0, correct_choices, "req.f.x_field" },
	[XF_TEXT]   = { "x_text", FT_MULTILINE, FF_REQUIRED, 0, 2000, NULL, "req.f.x_text" },
	[XF_REASON] = { "x_reason", FT_TEXT, FF_REQUIRED, 0, 500, NULL, "req.f.x_reason" },
};
const struct form_spec rq_correct_form = FORM_SPEC(correct_fields);

enum { CL_NOTE };
static const struct field close_fields[] = {
	[CL_NOTE] = { "cl_note", FT_MULTILINE, 0, 0, 500, NULL, "req.f.close_note" },
};
const struct form_spec rq_close_form = FORM_SPEC(close_fields);

enum { AN_ANSWER };
static const struct field answer_fields[] = {
	[AN_ANSWER] = { "a_answer", FT_MULTILINE, FF_REQUIRED, 0, 2000, NULL, "req.f.answer" },
};
const struct form_spec rq_answer_form = FORM_SPEC(answer_fields);

enum { DC_DECISION };
static const struct field decide_fields[] = {
	[DC_DECISION] = { "dc_decision", FT_MULTILINE, FF_REQUIRED, 0, 1000, NULL, "req.f.decision" },
};
const struct form_spec rq_decide_form = FORM_SPEC(decide_fields);

enum { SF_START, SF_END, SF_HOURS, SF_UNSAT };
static const struct field settings_fields[] = {
	[SF_START] = { "work_start", FT_TIME, FF_REQUIRED, 0, 0, NULL, "req.f.work_start" },
	[SF_END]   = { "work_end", FT_TIME, FF_REQUIRED, 0, 0, NULL, "req.f.work_end" },
	[SF_HOURS] = { "callback_hours", FT_INT, FF_REQUIRED, 1, 720, NULL, "req.f.callback_hours" },
	[SF_UNSAT] = { "unsatisfied_max", FT_INT, FF_REQUIRED, 1, 4, NULL, "req.f.unsatisfied_max" },
};
const struct form_spec rq_settings_form = FORM_SPEC(settings_fields);

enum { SL_TYPE, SL_URGENCY, SL_RESPOND, SL_RESOLVE, SL_CAL };
static const struct field sla_fields[] = {
	[SL_TYPE]    = { "sla_type", FT_CHOICE, FF_REQUIRED, 0, 0, type_choices, "req.f.type" },
	[SL_URGENCY] = { "sla_urgency", FT_CHOICE, FF_REQUIRED, 0, 0, urgency_choices, "req.f.urgency" },
	[SL_RESPOND] = { "sla_respond", FT_INT, FF_REQUIRED, 1, 100000, NULL, "req.f.respond_minutes" },
	[SL_RESOLVE] = { "sla_resolve", FT_INT, FF_REQUIRED, 1, 1000000, NULL, "req.f.resolve_minutes" },
	[SL_CAL]     = { "sla_calendar", FT_CHOICE, FF_REQUIRED, 0, 0, calendar_choices, "req.f.calendar" },
};
const struct form_spec rq_sla_form = FORM_SPEC(sla_fields);

enum { ES_LEVEL, ES_ROLE, ES_MINUTES };
static const struct field esc_fields[] = {
	[ES_LEVEL]   = { "esc_level", FT_INT, FF_REQUIRED, 1, 5, NULL, "req.f.level" },
	[ES_ROLE]    = { "esc_role", FT_CHOICE, FF_REQUIRED, 0, 0, esc_role_choices, "req.f.role" },
	[ES_MINUTES] = { "esc_minutes", FT_INT, FF_REQUIRED, 1, 100000, NULL, "req.f.decide_minutes" },
};
const struct form_spec rq_esc_form = FORM_SPEC(esc_fields);

enum { CA_NAME, CA_DEPT };
static const struct field category_fields[] = {
	[CA_NAME] = { "cat_name", FT_TEXT, FF_REQUIRED, 0, 30, NULL, "req.f.category" },
	[CA_DEPT] = { "cat_dept", FT_INT, 0, 1, 4294967295LL, NULL, "req.f.dept" },
};
const struct form_spec rq_category_form = FORM_SPEC(category_fields);

/* Locks request :id of the user's site: 0 or an HTTP status (columns of Q_REQ_LOCK: site,
 * status, type, urgency, number, orders, callbacks done, answer). */
static int
req_lock(struct ctx *c, struct dbres **r)
{
	int rc;

	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, Q_REQ_LOCK, r, "i", c->ids[0])) != DB_OK)
		return DB_STATUS(rc);
	return (*r)->nrows == 1 && ctx_site_ok(c, dbres_int(*r, 0, 0)) ? 0 : 404;
}

static int
refuse(struct ctx *c, size_t field, const char *key)
{
	form_error(c, field, key);
	db_rollback(c->db);
	return rq_show(c);
}

/* POST /requests/:id/callback */
int
rq_callback_post(struct ctx *c)
{
	struct dbres *r, *cb, *s;
	long long id = c->ids[0], order, score = form_num(c, CB_SCORE), site;
	int reached = strcmp(form_str(c, CB_REACHED), "yes") == 0, rc = req_lock(c, &r);
	const char *path = arena_printf(c->a, "/requests/%lld", id), *flash = "req_called";
	struct json j;

	if (rc != 0)
		return rc;
	site = dbres_int(r, 0, 0);
	if ((rc = db_exec(c->db, c->a, Q_CALLBACK_DUE, &cb, "i", id)) != DB_OK)
		return DB_STATUS(rc);
	if (cb->nrows != 1)
		return refuse(c, CB_REACHED, "req.err.no_callback_due");
	/* Whoever recorded the work (done_by) may not judge it. */
	if (c->user.id == dbres_int(cb, 0, 2))
		return refuse(c, CB_REACHED, "req.err.callback_self");
	if (reached && !form_str(c, CB_SCORE)[0])
		return refuse(c, CB_SCORE, "req.err.score_needed");
	json_begin(&j);
	json_str(&j, "reached", form_str(c, CB_REACHED));
	json_int(&j, "satisfaction", reached ? score : 0);
	json_str(&j, "words", form_str(c, CB_WORDS));
	if (!reached) {
		rc = db_exec(c->db, c->a, Q_CALLBACK_MISSED, NULL, "ssi", form_str(c, CB_METHOD),
		    form_str(c, CB_NOTE), dbres_int(cb, 0, 0));
		if (rc == DB_OK)
			rc = rq_event(c, id, dbres_int(cb, 0, 1), "callback", "", "",
			    ctx_t(c, "req.cb.unreached"));
		flash = "req_unreached";
	} else {
		rc = db_exec(c->db, c->a, Q_CALLBACK_DONE, NULL, "siissi", form_str(c, CB_METHOD),
		    c->user.id, score, form_str(c, CB_WORDS), form_str(c, CB_NOTE),
		    dbres_int(cb, 0, 0));
		if (rc == DB_OK)
			rc = db_exec(c->db, c->a, Q_SETTINGS, &s, "i", site);
		if (rc == DB_OK)
			rc = rq_event(c, id, dbres_int(cb, 0, 1), "callback", dbres_str(r, 0, 1),
			    score <= dbres_int(s, 0, 3) ? "" : "called_back",
			    arena_printf(c->a, "%s %lld · %s", ctx_t(c, "req.f.score"), score,
			    form_str(c, CB_WORDS)));
		if (rc == DB_OK && score <= dbres_int(s, 0, 3)) {
			/* Unsatisfied: the work again, to the same department. */
			rc = rq_order_open(c, site, id, dbres_int(cb, 0, 4), dbres_str(r, 0, 2),
			    dbres_str(r, 0, 3), NULL, arena_printf(c->a, "%s %s",
			    ctx_t(c, "req.cb.reopen_note"), form_str(c, CB_WORDS)), &order);
			if (rc == DB_OK)
				rc = db_exec(c->db, c->a, Q_REQ_REOPEN, NULL, "i", id);
			if (rc == DB_OK)
				rc = rq_event(c, id, order, "reopened", dbres_str(r, 0, 1), "dispatched",
				    form_str(c, CB_WORDS));
			flash = "req_reopened";
		} else if (rc == DB_OK) {
			rc = db_exec(c->db, c->a, Q_REQ_STATUS, NULL, "siii", "called_back", 0LL, 0LL, id);
		}
	}
	if (rc == DB_OK)
		rc = audit_write(c, "callback", "request", id, site, arena_printf(c->a, "%s %s",
		    ctx_t(c, "req.audit.callback"), dbres_str(r, 0, 4)), NULL, json_end(&j, c->a));
	else
		buf_free(&j.b);
	return resp_commit(c, rc, flash, path);
}

/* POST /requests/:id/close: after the callback; an inquiry or suggestion that needed no
 * work order closes with its answer (the note when there is none yet). */
int
rq_close_post(struct ctx *c)
{
	struct dbres *r;
	long long id = c->ids[0];
	const char *st, *type, *note = form_str(c, CL_NOTE);
	int rc = req_lock(c, &r), no_work;

	if (rc != 0)
		return rc;
	st = dbres_str(r, 0, 1);
	type = dbres_str(r, 0, 2);
	no_work = dbres_int(r, 0, 5) == 0 && (strcmp(type, "inquiry") == 0 ||
	    strcmp(type, "suggestion") == 0);
	if (strcmp(st, "closed") == 0)
		return refuse(c, CL_NOTE, "req.err.closed");
	if (no_work && strcmp(st, "registered") == 0) {
		if (!dbres_str(r, 0, 7)[0] && !note[0])
			return refuse(c, CL_NOTE, "req.err.answer_needed");
		rc = db_exec(c->db, c->a, Q_REQ_ANSWER_CLOSE, NULL, "sii",
		    dbres_str(r, 0, 7)[0] ? dbres_str(r, 0, 7) : note, c->user.id, id);
	} else if (strcmp(st, "called_back") == 0) {
		rc = db_exec(c->db, c->a, Q_REQ_CLOSE, NULL, "ii", c->user.id, id);
	} else {
		return refuse(c, CL_NOTE, "req.err.close_no_callback");
	}
	if (rc == DB_OK)
		rc = rq_event(c, id, 0, "closed", st, "closed", note);
	if (rc == DB_OK)
		rc = audit_write(c, "close", "request", id, dbres_int(r, 0, 0), arena_printf(c->a,
		    "%s %s", ctx_t(c, "req.audit.closed"), dbres_str(r, 0, 4)), NULL, NULL);
	return resp_commit(c, rc, "req_closed", arena_printf(c->a, "/requests/%lld", id));
}

/* POST /requests/:id/answer: an inquiry or suggestion answered, and closed. */
int
rq_answer_post(struct ctx *c)
{
	struct dbres *r;
	long long id = c->ids[0];
	const char *type;
	int rc = req_lock(c, &r);

	if (rc != 0)
		return rc;
	type = dbres_str(r, 0, 2);
	if (strcmp(dbres_str(r, 0, 1), "registered") != 0 || dbres_int(r, 0, 5) != 0 ||
	    (strcmp(type, "inquiry") != 0 && strcmp(type, "suggestion") != 0))
		return refuse(c, AN_ANSWER, "req.err.answer_state");
	rc = db_exec(c->db, c->a, Q_REQ_ANSWER_CLOSE, NULL, "sii", form_str(c, AN_ANSWER),
	    c->user.id, id);
	if (rc == DB_OK)
		rc = rq_event(c, id, 0, "closed", "registered", "closed", form_str(c, AN_ANSWER));
	if (rc == DB_OK)
		rc = audit_write(c, "answer", "request", id, dbres_int(r, 0, 0), arena_printf(c->a,
		    "%s %s", ctx_t(c, "req.audit.answered"), dbres_str(r, 0, 4)), NULL, NULL);
	return resp_commit(c, rc, "req_closed", arena_printf(c->a, "/requests/%lld", id));
}

/* POST /requests/:id/decide: the manager (level 1) or the director decides the pending
 * escalation step. */
int
rq_decide_post(struct ctx *c)
{
	struct dbres *r, *e;
	long long id = c->ids[0];
	int rc;

	if ((rc = rq_escalate_due(c)) != DB_OK)
		return DB_STATUS(rc);
	if ((rc = req_lock(c, &r)) != 0)
		return rc;
	if ((rc = db_exec(c->db, c->a, Q_ESC_PENDING_LOCK, &e, "i", id)) != DB_OK)
		return DB_STATUS(rc);
	if (e->nrows != 1)
		return refuse(c, DC_DECISION, "req.err.no_pending");
	if (!ctx_has_role(c, (unsigned)dbres_int(e, 0, 2) | ROLE_DIRECTOR))
		return refuse(c, DC_DECISION, "req.err.not_your_level");
	rc = db_exec(c->db, c->a, Q_ESC_DECIDE, NULL, "isi", c->user.id, form_str(c, DC_DECISION),
	    dbres_int(e, 0, 0));
	if (rc == DB_OK)
		rc = rq_event(c, id, 0, "decided", "", "", form_str(c, DC_DECISION));
	if (rc == DB_OK) {
		struct json j;

		json_begin(&j);
		json_int(&j, "level", dbres_int(e, 0, 1));
		json_str(&j, "decision", form_str(c, DC_DECISION));
		rc = audit_write(c, "decide", "request", id, dbres_int(r, 0, 0), arena_printf(c->a,
		    "%s %s", ctx_t(c, "req.audit.decided"), dbres_str(r, 0, 4)), NULL,
		    json_end(&j, c->a));
	}
	return resp_commit(c, rc, "req_decided", arena_printf(c->a, "/requests/%lld", id));
}

/* POST /requests/:id/correct: a closed request is never changed in place; a correction (勘误)
 * is a row of record_corrections with the old and new text, why, who and when. */
int
rq_correct_post(struct ctx *c)
{
	struct dbres *r;
	const char *field = form_str(c, XF_FIELD), *text = form_str(c, XF_TEXT);
	struct json o, n;
	int rc;

	if (strcmp(field, "caller_phone") == 0 && text[0] && !rq_phone_ok(text)) {
		form_error(c, XF_TEXT, "req.err.phone");
		return rq_show(c);
	}
	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, Q_REQ_TEXTS_LOCK, &r, "ssi", field, field, c->ids[0])) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || !ctx_site_ok(c, dbres_int(r, 0, 0)))
		return 404;
	if (strcmp(dbres_str(r, 0, 1), "closed") != 0)
		return refuse(c, XF_FIELD, "req.err.not_closed");
	if (strcmp(dbres_str(r, 0, 3), text) == 0)
		return refuse(c, XF_TEXT, "req.err.same_text");
	rc = db_exec(c->db, c->a, Q_CORRECTION_NEW, NULL, "iissssi", dbres_int(r, 0, 0), c->ids[0],
	    field, dbres_str(r, 0, 3), text, form_str(c, XF_REASON), c->user.id);
	json_begin(&o);
	json_str(&o, field, dbres_str(r, 0, 3));
	json_begin(&n);
	json_str(&n, field, text);
	json_str(&n, "reason", form_str(c, XF_REASON));
	if (rc == DB_OK)
		rc = rq_event(c, c->ids[0], 0, "note", "", "", arena_printf(c->a, "%s %s：%s",
		    ctx_t(c, "req.correction"), rq_t(c, "xfield", field), form_str(c, XF_REASON)));
	if (rc == DB_OK)
		rc = audit_write(c, "correct", "request", c->ids[0], dbres_int(r, 0, 0),
		    arena_printf(c->a, "%s %s", ctx_t(c, "req.audit.corrected"), dbres_str(r, 0, 2)),
		    json_end(&o, c->a), json_end(&n, c->a));
	else {
		buf_free(&o.b);
		buf_free(&n.b);
	}
	return resp_commit(c, rc, "saved", arena_printf(c->a, "/requests/%lld", c->ids[0]));
}

/* ---- settings ---- */

static unsigned
role_bit(const char *code)
{
	return strcmp(code, "supervisor") == 0 ? ROLE_SUPERVISOR :
	    strcmp(code, "manager") == 0 ? ROLE_MANAGER : ROLE_DIRECTOR;
}

/* GET /requests/settings */
int
rq_settings_show(struct ctx *c)
{
	struct dbres *s, *sla, *esc, *cat;
	tpl_dict *d, *f;
	long long site = c->user.site_id;
	int rc;

	/* A site without its rows gets the defaults first (then they can be changed). */
	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, Q_DEFAULT_SETTINGS, NULL, "i", site)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, Q_DEFAULT_SLA, NULL, "i", site)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, Q_ESC_DEFAULTS, NULL, "ii", site, site)) != DB_OK ||
	    (rc = db_commit(c->db)) != DB_OK)
		return DB_STATUS(rc);
	if ((rc = db_exec(c->db, c->a, Q_SETTINGS, &s, "i", site)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, Q_SLA_ALL, &sla, "i", site)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, Q_ESC_RULES, &esc, "i", site)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, Q_CATEGORIES, &cat, "i", site)) != DB_OK)
		return DB_STATUS(rc);
	d = page_begin(c, "req_settings.tpl", "req.settings.title");
	f = tpl_section(d, "SETTINGS_FORM");
	if (c->form.spec == &rq_settings_form) {
		form_to_dict(c, f);
	} else {
		tpl_set(f, "WORK_START", dbres_str(s, 0, 0));
		tpl_set(f, "WORK_END", dbres_str(s, 0, 1));
		tpl_set(f, "CALLBACK_HOURS", dbres_str(s, 0, 2));
		tpl_set(f, "UNSATISFIED_MAX", dbres_str(s, 0, 3));
	}
	for (size_t i = 0; i < sla->nrows; i++) {
		tpl_dict *row = tpl_section(d, "SLA");

		tpl_set(row, "TYPE", rq_t(c, "type", dbres_str(sla, i, 0)));
		tpl_set(row, "URGENCY", rq_t(c, "urgency", dbres_str(sla, i, 1)));
		tpl_set(row, "RESPOND", dbres_str(sla, i, 2));
		tpl_set(row, "RESOLVE", dbres_str(sla, i, 3));
		tpl_set(row, "CALENDAR", rq_t(c, "calendar", dbres_str(sla, i, 4)));
	}
	f = tpl_section(d, "SLA_FORM");
	if (c->form.spec == &rq_sla_form)
		form_to_dict(c, f);
	for (size_t i = 0; i < esc->nrows; i++) {
		tpl_dict *row = tpl_section(d, "RULE");

		tpl_set(row, "LEVEL", dbres_str(esc, i, 0));
		tpl_set(row, "ROLE", roles_text(c, (unsigned)dbres_int(esc, i, 1), "、", 0));
		tpl_set(row, "MINUTES", dbres_str(esc, i, 2));
	}
	f = tpl_section(d, "ESC_FORM");
	if (c->form.spec == &rq_esc_form)
		form_to_dict(c, f);
	for (size_t i = 0; i < cat->nrows; i++) {
		tpl_dict *row = tpl_section(d, "CAT");

		tpl_set(row, "NAME", dbres_str(cat, i, 1));
		tpl_set(row, "DEPT", dbres_str(cat, i, 2));
	}
	f = tpl_section(d, "CAT_FORM");
	if (c->form.spec == &rq_category_form)
		form_to_dict(c, f);
	rc = rq_dept_options(c, f, "DEPT_OPT", c->form.spec == &rq_category_form ?
	    form_num(c, CA_DEPT) : 0);
	return rc == DB_OK ? 200 : DB_STATUS(rc);
}

/* POST /requests/settings: working hours, callback time, the unsatisfied score. */
int
rq_settings_post(struct ctx *c)
{
	struct dbres *s;
	struct json o, n;
	int rc;

	if (rq_parse_hm(form_str(c, SF_START)) >= rq_parse_hm(form_str(c, SF_END))) {
		form_error(c, SF_END, "req.err.work_hours");
		return rq_settings_show(c);
	}
	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, Q_SETTINGS, &s, "i", c->user.site_id)) != DB_OK)
		return DB_STATUS(rc);
	json_begin(&o);
	json_str(&o, "work_start", dbres_str(s, 0, 0));
	json_str(&o, "work_end", dbres_str(s, 0, 1));
	json_int(&o, "callback_hours", dbres_int(s, 0, 2));
	json_int(&o, "unsatisfied_max", dbres_int(s, 0, 3));
	json_begin(&n);
	json_str(&n, "work_start", form_str(c, SF_START));
	json_str(&n, "work_end", form_str(c, SF_END));
	json_int(&n, "callback_hours", form_num(c, SF_HOURS));
	json_int(&n, "unsatisfied_max", form_num(c, SF_UNSAT));
	rc = db_exec(c->db, c->a, Q_SETTINGS_SET, NULL, "issii", c->user.site_id,
	    form_str(c, SF_START), form_str(c, SF_END), form_num(c, SF_HOURS), form_num(c, SF_UNSAT));
	if (rc == DB_OK)
		rc = audit_write(c, "update", "req_settings", c->user.site_id, c->user.site_id,
		    ctx_t(c, "req.audit.settings"), json_end(&o, c->a), json_end(&n, c->a));
	else {
		buf_free(&o.b);
		buf_free(&n.b);
	}
	return resp_commit(c, rc, "saved", "/requests/settings");
}

/* POST /requests/settings/sla: one row of the SLA table. */
int
rq_sla_post(struct ctx *c)
{
	struct dbres *s;
	struct json o, n;
	const char *type = form_str(c, SL_TYPE), *urg = form_str(c, SL_URGENCY);
	int rc;

	if (form_num(c, SL_RESOLVE) < form_num(c, SL_RESPOND)) {
		form_error(c, SL_RESOLVE, "req.err.resolve_before_respond");
		return rq_settings_show(c);
	}
	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, Q_SLA_GET, &s, "iss", c->user.site_id, type, urg)) != DB_OK)
		return DB_STATUS(rc);
	json_begin(&o);
	json_str(&o, "sla", arena_printf(c->a, "%s/%s", type, urg));
	if (s->nrows == 1) {
		json_int(&o, "respond_minutes", dbres_int(s, 0, 0));
		json_int(&o, "resolve_minutes", dbres_int(s, 0, 1));
		json_str(&o, "calendar", dbres_str(s, 0, 2));
	}
	json_begin(&n);
	json_str(&n, "sla", arena_printf(c->a, "%s/%s", type, urg));
	json_int(&n, "respond_minutes", form_num(c, SL_RESPOND));
	json_int(&n, "resolve_minutes", form_num(c, SL_RESOLVE));
	json_str(&n, "calendar", form_str(c, SL_CAL));
	rc = db_exec(c->db, c->a, Q_SLA_SET, NULL, "issiis", c->user.site_id, type, urg,
	    form_num(c, SL_RESPOND), form_num(c, SL_RESOLVE), form_str(c, SL_CAL));
	if (rc == DB_OK)
		rc = audit_write(c, "update", "req_sla", c->user.site_id, c->user.site_id,
		    arena_printf(c->a, "%s %s %s", ctx_t(c, "req.audit.sla"), rq_t(c, "type", type),
		    rq_t(c, "urgency", urg)), json_end(&o, c->a), json_end(&n, c->a));
	else {
		buf_free(&o.b);
		buf_free(&n.b);
	}
	return resp_commit(c, rc, "saved", "/requests/settings");
}

/* POST /requests/settings/escalation: one level of the escalation rules (levels follow each
 * other from 1). */
int
rq_esc_post(struct ctx *c)
{
	struct dbres *e;
	struct json o, n;
	long long level = form_num(c, ES_LEVEL);
	unsigned role = role_bit(form_str(c, ES_ROLE));
	int rc;

	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, Q_ESC_RULES, &e, "i", c->user.site_id)) != DB_OK)
		return DB_STATUS(rc);
	if (level > (long long)e->nrows + 1) {
		form_error(c, ES_LEVEL, "req.err.level_gap");
		db_rollback(c->db);
		return rq_settings_show(c);
	}
	json_begin(&o);
	json_int(&o, "level", level);
	for (size_t i = 0; i < e->nrows; i++)
		if (dbres_int(e, i, 0) == level) {
			json_int(&o, "role", dbres_int(e, i, 1));
			json_int(&o, "decide_minutes", dbres_int(e, i, 2));
		}
	json_begin(&n);
	json_int(&n, "level", level);
	json_int(&n, "role", role);
	json_int(&n, "decide_minutes", form_num(c, ES_MINUTES));
	rc = db_exec(c->db, c->a, Q_ESC_RULE_SET, NULL, "iiii", c->user.site_id, level,
	    (long long)role, form_num(c, ES_MINUTES));
	if (rc == DB_OK)
		rc = audit_write(c, "update", "req_escalation_rule", c->user.site_id, c->user.site_id,
		    arena_printf(c->a, "%s %lld", ctx_t(c, "req.audit.escalation"), level),
		    json_end(&o, c->a), json_end(&n, c->a));
	else {
		buf_free(&o.b);
		buf_free(&n.b);
	}
	return resp_commit(c, rc, "saved", "/requests/settings");
}

/* POST /requests/settings/categories: a new category (optionally with its department). */
int
rq_category_post(struct ctx *c)
{
	struct dbres *r;
	long long dept = form_num(c, CA_DEPT);
	struct json n;
	int rc;

	if (dept > 0) {
		if ((rc = db_exec(c->db, c->a, Q_DEPT_GET, &r, "i", dept)) != DB_OK)
			return DB_STATUS(rc);
		if (r->nrows != 1 || dbres_int(r, 0, 1) != c->user.site_id) {
			form_error(c, CA_DEPT, "req.err.dept");
			return rq_settings_show(c);
		}
	}
	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	rc = db_exec(c->db, c->a, Q_CATEGORY_NEW, &r, "isni", c->user.site_id,
	    form_str(c, CA_NAME), dept, c->user.site_id);
	if (rc == DB_EDUP) {
		db_rollback(c->db);
		form_error(c, CA_NAME, "req.err.category_taken");
		return rq_settings_show(c);
	}
	json_begin(&n);
	json_str(&n, "name", form_str(c, CA_NAME));
	json_int(&n, "department_id", dept);
	if (rc == DB_OK)
		rc = audit_write(c, "create", "req_category", (long long)r->insert_id, c->user.site_id,
		    arena_printf(c->a, "%s %s", ctx_t(c, "req.audit.category"), form_str(c, CA_NAME)),
		    NULL, json_end(&n, c->a));
	else
		buf_free(&n.b);
	return resp_commit(c, rc, "saved", "/requests/settings");
}
