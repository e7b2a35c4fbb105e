/* plans.c: callback plans (客户回访计划): routine (例行) or special (专项), with a title, its
 * purpose, the method and the dates, and the residents to call (a building, a list of units,
 * or those who had requests of a type in a period), each a callbacks row due within the
 * plan's dates. Drafted by the desk, approved by the supervisor or manager (never by the
 * one who drafted it); approval fixes the plan: later changes are corrections (stamps). */
#include "callback.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const kind_choices[] = { "routine", "special", NULL };
static const char *const method_choices[] = { "phone", "visit", "letter", "online", NULL };
static const char *const pick_choices[] = { "building", "units", "requests", NULL };
static const char *const type_choices[] = { "complaint", "repair", "inquiry", "suggestion", "help",
	NULL };
static const char *const status_choices[] = { "draft", "approved", "done", NULL };
static const char *const correct_choices[] = { "title", "purpose", NULL };

enum { PF_KIND, PF_TITLE, PF_PURPOSE, PF_METHOD, PF_FROM, PF_TO, PF_PICK, PF_BUILDING,
	PF_UNITS, PF_REQ_TYPE, PF_REQ_FROM, PF_REQ_TO };
static const struct field plan_fields[] = {
	[PF_KIND]     = { "kind", FT_CHOICE, FF_REQUIRED, 0, 0, kind_choices, "callback.field.plan_kind" },
	[PF_TITLE]    = { "title", FT_TEXT, FF_REQUIRED, 0, 100, NULL, "callback.field.title" },
	[PF_PURPOSE]  = { "purpose", FT_MULTILINE, FF_REQUIRED, 0, 2000, NULL, "callback.field.purpose" },
	[PF_METHOD]   = { "method", FT_CHOICE, FF_REQUIRED, 0, 0, method_choices, "callback.field.method" },
	[PF_FROM]     = { "from_day", FT_DATE, FF_REQUIRED, 0, 0, NULL, "callback.field.from_day" },
	[PF_TO]       = { "to_day", FT_DATE, FF_REQUIRED, 0, 0, NULL, "callback.field.to_day" },
	[PF_PICK]     = { "pick", FT_CHOICE, FF_REQUIRED, 0, 0, pick_choices, "callback.field.pick" },
	[PF_BUILDING] = { "building", FT_INT, 0, 1, 2000000000, NULL, "callback.field.building" },
	[PF_UNITS]    = { "units", FT_MULTILINE, 0, 0, 2000, NULL, "callback.field.units" },
	[PF_REQ_TYPE] = { "req_type", FT_CHOICE, 0, 0, 0, type_choices, "callback.field.req_type" },
	[PF_REQ_FROM] = { "req_from", FT_DATE, 0, 0, 0, NULL, "callback.field.req_from" },
	[PF_REQ_TO]   = { "req_to", FT_DATE, 0, 0, 0, NULL, "callback.field.req_to" },
};
const struct form_spec cb_plan_form = FORM_SPEC(plan_fields);
/* The draft's own fields (the first six of the new plan's form). */
const struct form_spec cb_plan_edit_form = { plan_fields, PF_TO + 1 };

enum { XF_FIELD, XF_TEXT, XF_REASON };
static const struct field correct_fields[] = {
	[XF_FIELD]  = { "field", FT_CHOICE, FF_REQUIRED, 0, 0, correct_choices, "callback.field.field" },
	[XF_TEXT]   = { "text", FT_MULTILINE, FF_REQUIRED, 0, 2000, NULL, "callback.field.new_text" },
	[XF_REASON] = { "reason", FT_TEXT, FF_REQUIRED, 0, 500, NULL, "callback.field.reason" },
};
const struct form_spec cb_plan_correct_form = FORM_SPEC(correct_fields);

enum { SF_STATUS, SF_PAGE };
static const struct field plans_fields[] = {
	[SF_STATUS] = { "status", FT_CHOICE, 0, 0, 0, status_choices, "field.status" },
	[SF_PAGE]   = { "page", FT_INT, 0, 1, 100000, NULL, NULL },
};
const struct form_spec cb_plans_form = FORM_SPEC(plans_fields);

/* Plan columns (PLAN_COLS in stmts.c). */
enum { PC_ID, PC_KIND, PC_TITLE, PC_METHOD, PC_FROM, PC_TO, PC_STATUS, PC_CREATOR, PC_APPROVER,
	PC_APPROVED_AT, PC_TOTAL, PC_CALLED, PC_REACHED, PC_AVG, PC_SITE, PC_CREATED_BY,
	PC_PURPOSE, PC_CREATED_AT };

static const char *
label(struct ctx *c, const char *kind, const char *value)
{
	return *value ? ctx_t(c, arena_printf(c->a, "callback.%s.%s", kind, value)) : "";
}

static void
plan_to_dict(struct ctx *c, tpl_dict *s, const struct dbres *r, size_t i)
{
	long long total = dbres_int(r, i, PC_TOTAL), called = dbres_int(r, i, PC_CALLED);

	tpl_set(s, "ID", dbres_str(r, i, PC_ID));
	tpl_set(s, "KIND", label(c, "cat", dbres_str(r, i, PC_KIND)));
	tpl_set(s, "TITLE", dbres_str(r, i, PC_TITLE));
	tpl_set(s, "PURPOSE", dbres_str(r, i, PC_PURPOSE));
	tpl_set(s, "METHOD", label(c, "method", dbres_str(r, i, PC_METHOD)));
	tpl_set(s, "FROM", dbres_str(r, i, PC_FROM));
	tpl_set(s, "TO", dbres_str(r, i, PC_TO));
	tpl_set(s, "STATUS", label(c, "plan_status", dbres_str(r, i, PC_STATUS)));
	tpl_set(s, "STATUS_CLASS", dbres_str(r, i, PC_STATUS));
	tpl_set(s, "CREATOR", dbres_str(r, i, PC_CREATOR));
	tpl_set(s, "CREATED_AT", dbres_str(r, i, PC_CREATED_AT));
	tpl_set(s, "APPROVER", dbres_str(r, i, PC_APPROVER));
	tpl_set(s, "APPROVED_AT", dbres_str(r, i, PC_APPROVED_AT));
	tpl_set_int(s, "TOTAL", total);
	tpl_set_int(s, "CALLED", called);
	tpl_set(s, "REACHED", dbres_str(r, i, PC_REACHED));
	tpl_set(s, "AVG", *dbres_str(r, i, PC_AVG) ? dbres_str(r, i, PC_AVG) : "—");
	tpl_set_int(s, "PCT", total > 0 ? called * 100 / total : 0);
	if (dbres_str(r, i, PC_APPROVED_AT)[0])
		tpl_show(s, "APPROVED");
}

/* GET /callbacks/plans?status=&page= : the site's plans with their progress. */
int
cb_plans(struct ctx *c)
{
	const char *status = cb_filter(c, SF_STATUS);
	long long page = atoll(cb_filter(c, SF_PAGE)), off;
	struct dbres *n, *r;
	tpl_dict *d = page_begin(c, "callback_plans.tpl", "callback.plans.title");
	int rc = db_exec(c->db, c->a, C_PLAN_COUNT, &n, "iss", c->user.site_id, status, status);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	form_to_dict(c, d);
	off = page_pager(c, d, dbres_int(n, 0, 0), page, 20,
	    arena_printf(c->a, "status=%s", status));
	if ((rc = db_exec(c->db, c->a, C_PLAN_PAGE, &r, "issii", c->user.site_id, status, status,
	    20LL, off)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++)
		plan_to_dict(c, tpl_section(d, "PLAN"), r, i);
	if (r->nrows == 0)
		tpl_show(d, "EMPTY");
	if (ctx_has_role(c, CB_WRITERS))
		tpl_show(d, "CAN_NEW");
	return 200;
}

/* The new plan's form (a fresh one, or the refused input). */
static int
plan_form_page(struct ctx *c)
{
	tpl_dict *d = page_begin(c, "callback_plan_new.tpl", "callback.plan.new"), *o;
	struct dbres *r;
	const char *today;
	int rc;

	if (c->form.spec != &cb_plan_form) {
		if ((rc = cb_today(c, &today, NULL)) != DB_OK)
			return DB_STATUS(rc);
		form_empty(c, &cb_plan_form);
		form_set(c, PF_KIND, "routine");
		form_set(c, PF_METHOD, "phone");
		form_set(c, PF_FROM, today);
		form_set(c, PF_PICK, "building");
	}
	form_to_dict(c, d);
	form_to_dict(c, page_include(c, d, "FIELDS", "callback_plan_fields.tpl"));
	if ((rc = db_exec(c->db, c->a, C_BUILDINGS, &r, "i", c->user.site_id)) != DB_OK)
		return DB_STATUS(rc);
	cb_options(d, "BUILDING_OPT", r, atoll(form_str(c, PF_BUILDING)));
	for (size_t k = 0; type_choices[k]; k++) {
		o = tpl_section(d, "TYPE_OPT");
		tpl_set(o, "ID", type_choices[k]);
		tpl_set(o, "NAME", label(c, "cat", type_choices[k]));
		if (strcmp(form_str(c, PF_REQ_TYPE), type_choices[k]) == 0)
			tpl_show(o, "SEL");
	}
	return 200;
}

/* GET /callbacks/plans/new */
int
cb_plan_new(struct ctx *c)
{
	return plan_form_page(c);
}

/* Checks the plan's dates: to_day not before from_day nor in the past. 1 when good. */
static int
dates_ok(struct ctx *c, const char *today)
{
	const char *from = form_str(c, PF_FROM), *to = form_str(c, PF_TO);

	if (strcmp(to, from) < 0) {
		form_error(c, PF_TO, "callback.err.dates_reversed");
		return 0;
	}
	if (strcmp(to, today) < 0) {
		form_error(c, PF_TO, "callback.err.to_past");
		return 0;
	}
	if (cb_day_number(to) - cb_day_number(from) > 366) {
		form_error(c, PF_TO, "callback.err.too_long");
		return 0;
	}
	return 1;
}

/* The unit codes typed, comma-joined, with their count; NULL (field marked) when one is
 * malformed, there are too many, or none. */
static const char *
unit_list(struct ctx *c, size_t *n)
{
	const char *out = cb_unit_codes(c->a, form_str(c, PF_UNITS), n);

	if (out == NULL)
		form_error(c, PF_UNITS, "callback.err.units_format");
	else if (*n == 0)
		form_error(c, PF_UNITS, "callback.err.no_units");
	return out && *n ? out : NULL;
}

/* Checks the residents' selection before anything is written; 1 when it names something. */
static int
pick_ok(struct ctx *c, const char **units)
{
	const char *pick = form_str(c, PF_PICK);
	struct dbres *r;
	size_t n;

	*units = "";
	if (strcmp(pick, "building") == 0) {
		if (!*form_str(c, PF_BUILDING)) {
			form_error(c, PF_BUILDING, "callback.err.no_building");
			return 0;
		}
		if (db_exec(c->db, c->a, C_BUILDING_OF_SITE, &r, "ii", form_num(c, PF_BUILDING),
		    c->user.site_id) != DB_OK || dbres_int(r, 0, 0) != 1) {
			form_error(c, PF_BUILDING, "err.choice");
			return 0;
		}
		return 1;
	}
	if (strcmp(pick, "units") == 0) {
		struct buf missing;
		const char *p;

		if ((*units = unit_list(c, &n)) == NULL)
			return 0;
		if (db_exec(c->db, c->a, C_UNITS_FOUND, &r, "is", c->user.site_id, *units) != DB_OK)
			return 0;
		if (r->nrows == n)
			return 1;
		/* Name the codes this site does not have. */
		buf_init(&missing);
		for (p = *units; *p;) {
			size_t len = strcspn(p, ","), k;

			for (k = 0; k < r->nrows; k++)
				if (strlen(dbres_str(r, k, 0)) == len &&
				    strncasecmp(dbres_str(r, k, 0), p, len) == 0)
					break;
			if (k == r->nrows) {
				if (missing.len)
					buf_puts(&missing, " ");
				buf_append(&missing, p, len);
			}
			p += len + (p[len] == ',');
		}
		if (missing.len == 0) {  /* a code typed twice */
			buf_free(&missing);
			return 1;
		}
		form_error(c, PF_UNITS, "callback.err.unknown_units");
		c->form.v[PF_UNITS].err = arena_printf(c->a, "%s %s", c->form.v[PF_UNITS].err,
		    buf_cstr(&missing));
		buf_free(&missing);
		return 0;
	}
	/* requests: a period is needed, in order. */
	if (!*form_str(c, PF_REQ_FROM)) {
		form_error(c, PF_REQ_FROM, "callback.err.req_period");
		return 0;
	}
	if (!*form_str(c, PF_REQ_TO)) {
		form_error(c, PF_REQ_TO, "callback.err.req_period");
		return 0;
	}
	if (strcmp(form_str(c, PF_REQ_TO), form_str(c, PF_REQ_FROM)) < 0) {
		form_error(c, PF_REQ_TO, "callback.err.dates_reversed");
		return 0;
	}
	return 1;
}

static char *
plan_json(struct ctx *c, const char *kind, const char *title, const char *purpose,
    const char *method, const char *from, const char *to, long long residents)
{
	struct json j;

	json_begin(&j);
	json_str(&j, "kind", kind);
	json_str(&j, "title", title);
	json_str(&j, "purpose", purpose);
	json_str(&j, "method", method);
	json_str(&j, "from_day", from);
	json_str(&j, "to_day", to);
	if (residents >= 0)
		json_int(&j, "residents", residents);
	return json_end(&j, c->a);
}

/* POST /callbacks/plans/new: a draft plan and one due callback per resident picked. */
int
cb_plan_new_post(struct ctx *c)
{
	const char *kind = form_str(c, PF_KIND), *title = form_str(c, PF_TITLE);
	const char *purpose = form_str(c, PF_PURPOSE), *method = form_str(c, PF_METHOD);
	const char *from = form_str(c, PF_FROM), *to = form_str(c, PF_TO);
	const char *pick = form_str(c, PF_PICK), *today, *units, *type = form_str(c, PF_REQ_TYPE);
	long long plan, site = c->user.site_id, added;
	struct dbres *r;
	int rc = cb_today(c, &today, NULL);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (!dates_ok(c, today) || !pick_ok(c, &units))
		return plan_form_page(c);
	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, C_PLAN_NEW, &r, "issssssi", site, kind, title, purpose,
	    method, from, to, c->user.id)) != DB_OK)
		return DB_STATUS(rc);
	plan = (long long)r->insert_id;
	if (strcmp(pick, "building") == 0)
		rc = db_exec(c->db, c->a, C_PLAN_ADD_BUILDING, &r, "iisii", site, plan, to, site,
		    form_num(c, PF_BUILDING));
	else if (strcmp(pick, "units") == 0)
		rc = db_exec(c->db, c->a, C_PLAN_ADD_UNITS, &r, "iisis", site, plan, to, site, units);
	else
		rc = db_exec(c->db, c->a, C_PLAN_ADD_REQUESTS, &r, "iisissss", site, plan, to, site,
		    type, type, form_str(c, PF_REQ_FROM), form_str(c, PF_REQ_TO));
	if (rc != DB_OK)
		return DB_STATUS(rc);
	added = (long long)r->affected;
	if (added == 0) {
		db_rollback(c->db);
		form_error(c, strcmp(pick, "building") == 0 ? PF_BUILDING :
		    strcmp(pick, "units") == 0 ? PF_UNITS : PF_REQ_TYPE, "callback.err.no_residents");
		return plan_form_page(c);
	}
	rc = db_exec(c->db, c->a, C_PLAN_SPREAD, NULL, "sii", from,
	    cb_day_number(to) - cb_day_number(from) + 1, plan);
	if (rc == DB_OK)
		rc = audit_write(c, "create", "callback_plan", plan, site,
		    arena_printf(c->a, "%s %s (%lld)", ctx_t(c, "callback.audit.plan_new"), title, added),
		    NULL, plan_json(c, kind, title, purpose, method, from, to, added));
	return resp_commit(c, rc, "cb_plan_saved", arena_printf(c->a, "/callbacks/plans/%lld", plan));
}

/* GET /callbacks/plans/:id: the plan, its progress and its residents; the draft's form and
 * approval, or (approved) the correction form and the stamps. */
int
cb_plan_show(struct ctx *c)
{
	static const char *const fields[] = { "title", "purpose" };
	struct dbres *r, *k;
	tpl_dict *d, *at[2];
	const char *latest[2], *status;
	int rc = db_exec(c->db, c->a, C_PLAN_GET, &r, "i", c->ids[0]);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || !ctx_site_ok(c, dbres_int(r, 0, PC_SITE)))
		return 404;
	status = dbres_str(r, 0, PC_STATUS);
	d = page_begin(c, "callback_plan.tpl", "callback.plan.title");
	plan_to_dict(c, d, r, 0);
	at[0] = tpl_section(d, "TITLE_STAMPS");
	at[1] = tpl_section(d, "PURPOSE_STAMPS");
	latest[0] = dbres_str(r, 0, PC_TITLE);
	latest[1] = dbres_str(r, 0, PC_PURPOSE);
	if ((rc = cb_corrections(c, "callback_plan", c->ids[0], fields, at, latest, 2)) != DB_OK)
		return DB_STATUS(rc);
	tpl_set(d, "TITLE_NOW", latest[0]);
	tpl_set(d, "PURPOSE_NOW", latest[1]);
	if ((rc = db_exec(c->db, c->a, C_PLAN_CALLBACKS, &k, "i", c->ids[0])) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < k->nrows; i++)
		cb_row(c, d, "CALLBACK", k, i);
	if (strcmp(status, "draft") == 0) {
		tpl_show(d, "DRAFT");
		if (ctx_has_role(c, CB_WRITERS)) {
			tpl_dict *f = tpl_section(d, "EDIT_FORM");

			tpl_set(f, "ID", dbres_str(r, 0, PC_ID));
			f = page_include(c, f, "FIELDS", "callback_plan_fields.tpl");
			if (c->form.spec != &cb_plan_edit_form) {
				struct form keep = c->form;

				form_empty(c, &cb_plan_edit_form);
				form_set(c, PF_KIND, dbres_str(r, 0, PC_KIND));
				form_set(c, PF_TITLE, dbres_str(r, 0, PC_TITLE));
				form_set(c, PF_PURPOSE, dbres_str(r, 0, PC_PURPOSE));
				form_set(c, PF_METHOD, dbres_str(r, 0, PC_METHOD));
				form_set(c, PF_FROM, dbres_str(r, 0, PC_FROM));
				form_set(c, PF_TO, dbres_str(r, 0, PC_TO));
				form_to_dict(c, f);
				c->form = keep;
			} else {
				form_to_dict(c, f);
			}
		}
		if (ctx_has_role(c, CB_REVIEWERS)) {
			tpl_dict *f = tpl_section(d, "APPROVE_FORM");

			tpl_set(f, "ID", dbres_str(r, 0, PC_ID));
			if (dbres_int(r, 0, PC_CREATED_BY) == c->user.id)
				tpl_show(f, "OWN");
			else
				tpl_show(f, "CAN");
		}
	} else if (ctx_has_role(c, CB_CORRECTORS)) {
		tpl_dict *f = tpl_section(d, "CORRECT_FORM");

		tpl_set(f, "ID", dbres_str(r, 0, PC_ID));
		if (c->form.spec == &cb_plan_correct_form) {
			form_to_dict(c, f);
		} else {
			struct form keep = c->form;

			form_empty(c, &cb_plan_correct_form);
			form_to_dict(c, f);
			c->form = keep;
		}
	}
	return 200;
}

/* Locks plan :id of the user's site; 0 or an HTTP status. */
static int
plan_lock(struct ctx *c, struct dbres **r)
{
	int rc;

	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, C_PLAN_LOCK, r, "i", c->ids[0])) != DB_OK)
		return DB_STATUS(rc);
	if ((*r)->nrows != 1 || !ctx_site_ok(c, dbres_int(*r, 0, 1)))
		return 404;
	return 0;
}

/* POST /callbacks/plans/:id: changes a draft (its callbacks are spread again over the dates). */
int
cb_plan_update_post(struct ctx *c)
{
	const char *kind = form_str(c, PF_KIND), *title = form_str(c, PF_TITLE);
	const char *purpose = form_str(c, PF_PURPOSE), *method = form_str(c, PF_METHOD);
	const char *from = form_str(c, PF_FROM), *to = form_str(c, PF_TO), *today;
	struct dbres *r;
	int rc = cb_today(c, &today, NULL);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if ((rc = plan_lock(c, &r)) != 0)
		return rc;
	if (strcmp(dbres_str(r, 0, 0), "draft") != 0) {
		page_error(c, 409, "callback.err.plan_fixed");
		return 409;
	}
	if (!dates_ok(c, today)) {
		db_rollback(c->db);
		return cb_plan_show(c);
	}
	rc = db_exec(c->db, c->a, C_PLAN_UPDATE, NULL, "ssssssi", kind, title, purpose, method, from,
	    to, c->ids[0]);
	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, C_PLAN_SPREAD, NULL, "sii", from,
		    cb_day_number(to) - cb_day_number(from) + 1, c->ids[0]);
	if (rc == DB_OK)
		rc = audit_write(c, "update", "callback_plan", c->ids[0], dbres_int(r, 0, 1),
		    arena_printf(c->a, "%s %s", ctx_t(c, "callback.audit.plan_update"), title),
		    plan_json(c, dbres_str(r, 0, 3), dbres_str(r, 0, 4), dbres_str(r, 0, 5),
		    dbres_str(r, 0, 6), dbres_str(r, 0, 7), dbres_str(r, 0, 8), -1),
		    plan_json(c, kind, title, purpose, method, from, to, -1));
	return resp_commit(c, rc, "cb_plan_saved", arena_printf(c->a, "/callbacks/plans/%lld",
	    c->ids[0]));
}

/* POST /callbacks/plans/:id/approve: the supervisor or manager approves a draft someone else
 * drafted; its callbacks become due. */
int
cb_plan_approve_post(struct ctx *c)
{
	struct dbres *r;
	int rc = plan_lock(c, &r);

	if (rc != 0)
		return rc;
	if (strcmp(dbres_str(r, 0, 0), "draft") != 0) {
		page_error(c, 409, "callback.err.plan_fixed");
		return 409;
	}
	if (dbres_int(r, 0, 2) == c->user.id) {
		page_error(c, 409, "callback.err.own_plan");
		return 409;
	}
	rc = db_exec(c->db, c->a, C_PLAN_APPROVE, NULL, "ii", c->user.id, c->ids[0]);
	if (rc == DB_OK)
		rc = audit_write(c, "approve", "callback_plan", c->ids[0], dbres_int(r, 0, 1),
		    arena_printf(c->a, "%s %s", ctx_t(c, "callback.audit.plan_approved"),
		    dbres_str(r, 0, 4)), "{\"status\":\"draft\"}", "{\"status\":\"approved\"}");
	return resp_commit(c, rc, "cb_plan_approved", arena_printf(c->a, "/callbacks/plans/%lld",
	    c->ids[0]));
}

/* POST /callbacks/plans/:id/correct: an approved plan changes only by a correction (a row in
 * record_corrections, entity callback_plan), shown as a stamp over the original. */
int
cb_plan_correct_post(struct ctx *c)
{
	static const char *const fields[] = { "title", "purpose" };
	const char *field = form_str(c, XF_FIELD), *latest[2];
	struct dbres *r;
	size_t f = strcmp(field, "title") == 0 ? 0 : 1;
	int rc = plan_lock(c, &r);

	if (rc != 0)
		return rc;
	if (strcmp(dbres_str(r, 0, 0), "draft") == 0) {
		page_error(c, 409, "callback.err.plan_draft_edit");
		return 409;
	}
	latest[0] = dbres_str(r, 0, 4);
	latest[1] = dbres_str(r, 0, 5);
	if ((rc = cb_corrections(c, "callback_plan", c->ids[0], fields, NULL, latest, 2)) != DB_OK)
		return DB_STATUS(rc);
	rc = db_exec(c->db, c->a, C_CORR_ADD, NULL, "isissssi", dbres_int(r, 0, 1), "callback_plan",
	    c->ids[0], field, latest[f], form_str(c, XF_TEXT), form_str(c, XF_REASON), c->user.id);
	if (rc == DB_OK) {
		struct json o, n;

		json_begin(&o);
		json_str(&o, field, latest[f]);
		json_begin(&n);
		json_str(&n, field, form_str(c, XF_TEXT));
		json_str(&n, "reason", form_str(c, XF_REASON));
		rc = audit_write(c, "correct", "callback_plan", c->ids[0], dbres_int(r, 0, 1),
		    arena_printf(c->a, "%s #%lld", ctx_t(c, "callback.audit.corrected"), c->ids[0]),
		    json_end(&o, c->a), json_end(&n, c->a));
	}
	return resp_commit(c, rc, "callback_corrected", arena_printf(c->a, "/callbacks/plans/%lld",
	    c->ids[0]));
}
