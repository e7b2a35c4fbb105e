/* orders.c: work orders (用户投诉处理单 / 维修工作单) to departments: dispatching with the due
 * time of the SLA table (or one the dispatcher sets, never in the past), reassigning, the
 * department's start and result (or the desk typing the returned paper form), which makes
 * the callback due; the order lists and the printed A4 order. Everything from c->a. */
#include "rq.h"
#include <stdlib.h>
#include <string.h>

/* Field 0 of both forms is the department (rq_show reads it). */
enum { DF_DEPT, DF_DATE, DF_TIME, DF_NOTE };
static const struct field dispatch_fields[] = {
	[DF_DEPT] = { "d_dept", FT_INT, FF_REQUIRED, 1, 4294967295LL, NULL, "req.f.dept" },
	[DF_DATE] = { "d_due_date", FT_DATE, 0, 0, 0, NULL, "req.f.due_date" },
	[DF_TIME] = { "d_due_time", FT_TIME, 0, 0, 0, NULL, "req.f.due_time" },
	[DF_NOTE] = { "d_note", FT_MULTILINE, 0, 0, 1000, NULL, "req.f.instructions" },
};
const struct form_spec rq_dispatch_form = FORM_SPEC(dispatch_fields);

static const struct field reassign_fields[] = {
	[DF_DEPT] = { "r_dept", FT_INT, FF_REQUIRED, 1, 4294967295LL, NULL, "req.f.dept" },
	[DF_DATE] = { "r_due_date", FT_DATE, 0, 0, 0, NULL, "req.f.due_date" },
	[DF_TIME] = { "r_due_time", FT_TIME, 0, 0, 0, NULL, "req.f.due_time" },
	[DF_NOTE] = { "r_reason", FT_MULTILINE, FF_REQUIRED, 0, 1000, NULL, "req.f.reason" },
};
const struct form_spec rq_reassign_form = FORM_SPEC(reassign_fields);

enum { OF_TECH, OF_RESULT, OF_MATERIALS };
static const struct field done_fields[] = {
	[OF_TECH]      = { "technician", FT_TEXT, FF_REQUIRED, 0, 50, NULL, "req.f.technician" },
	[OF_RESULT]    = { "result", FT_MULTILINE, FF_REQUIRED, 0, 2000, NULL, "req.f.result" },
	[OF_MATERIALS] = { "materials", FT_TEXT, 0, 0, 200, NULL, "req.f.materials" },
};
const struct form_spec rq_done_form = FORM_SPEC(done_fields);

enum { PF_NOTE };
static const struct field progress_fields[] = {
	[PF_NOTE] = { "p_note", FT_MULTILINE, FF_REQUIRED, 0, 1000, NULL, "req.f.progress" },
};
const struct form_spec rq_progress_form = FORM_SPEC(progress_fields);

int
rq_order_open(struct ctx *c, long long site, long long req, long long dept, const char *type,
    const char *urgency, const char *due, const char *instructions, long long *order)
{
	struct dbres *r, *now;
	char computed[17];
	int rc;

	if (due == NULL) {
		if ((rc = db_exec(c->db, c->a, Q_NOW, &now, "")) != DB_OK ||
		    (rc = rq_sla_due(c, site, type, urgency, dbres_str(now, 0, 2), 0, computed)) != DB_OK)
			return rc;
		due = computed;
	}
	if ((rc = db_exec(c->db, c->a, Q_ORDER_NEW, &r, "iiissi", site, req, dept, instructions, due,
	    c->user.id)) != DB_OK)
		return rc;
	*order = (long long)r->insert_id;
	return DB_OK;
}

/* Checks the department (active, of the request's site) and the due time the dispatcher
 * typed (both parts or none; not in the past). *due is NULL for the SLA's. */
static int
order_check(struct ctx *c, long long site, const char **due)
{
	struct dbres *r;
	const char *date = form_str(c, DF_DATE), *time = form_str(c, DF_TIME);
	int rc = db_exec(c->db, c->a, Q_DEPT_GET, &r, "i", form_num(c, DF_DEPT));

	*due = NULL;
	if (rc != DB_OK)
		return rc;
	if (r->nrows != 1 || dbres_int(r, 0, 1) != site || !dbres_int(r, 0, 3))
		form_error(c, DF_DEPT, "req.err.dept");
	if (!date[0] && !time[0])
		return DB_OK;
	if (!date[0] || !time[0]) {
		form_error(c, date[0] ? DF_TIME : DF_DATE, "req.err.due_both");
		return DB_OK;
	}
	*due = arena_printf(c->a, "%s %s", date, time);
	if ((rc = db_exec(c->db, c->a, Q_MINUTES_FROM_NOW, &r, "s", *due)) != DB_OK)
		return rc;
	if (dbres_int(r, 0, 0) <= 0)
		form_error(c, DF_TIME, "req.err.due_past");
	return DB_OK;
}

static char *
order_json(struct ctx *c, long long dept, const char *due, const char *status)
{
	struct json j;

	json_begin(&j);
	json_int(&j, "department_id", dept);
	json_str(&j, "due_at", due ? due : "sla");
	json_str(&j, "status", status);
	return json_end(&j, c->a);
}

/* POST /requests/:id/dispatch: the first work order of a registered request. */
int
rq_dispatch_post(struct ctx *c)
{
	long long id = c->ids[0], order;
	struct dbres *r;
	const char *due;
	int rc;

	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, Q_REQ_LOCK, &r, "i", id)) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || !ctx_site_ok(c, dbres_int(r, 0, 0)))
		return 404;
	if ((rc = order_check(c, dbres_int(r, 0, 0), &due)) != DB_OK)
		return DB_STATUS(rc);
	if (c->form.ok && strcmp(dbres_str(r, 0, 1), "registered") != 0)
		form_error(c, DF_DEPT, "req.err.not_registered");
	if (!c->form.ok) {
		db_rollback(c->db);
		return rq_show(c);
	}
	rc = rq_order_open(c, dbres_int(r, 0, 0), id, form_num(c, DF_DEPT), dbres_str(r, 0, 2),
	    dbres_str(r, 0, 3), due, form_str(c, DF_NOTE), &order);
	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, Q_REQ_STATUS, NULL, "siii", "dispatched", 1LL, 0LL, id);
	if (rc == DB_OK)
		rc = rq_event(c, id, order, "dispatched", "registered", "dispatched",
		    form_str(c, DF_NOTE));
	if (rc == DB_OK)
		rc = audit_write(c, "dispatch", "request", id, dbres_int(r, 0, 0),
		    arena_printf(c->a, "%s %s", ctx_t(c, "req.audit.dispatched"), dbres_str(r, 0, 4)),
		    NULL, order_json(c, form_num(c, DF_DEPT), due, "dispatched"));
	return resp_commit(c, rc, "req_dispatched", arena_printf(c->a, "/requests/%lld", id));
}

/* POST /requests/:id/reassign: the open order goes to another department (it stays as
 * reassigned) and a new order opens there. */
int
rq_reassign_post(struct ctx *c)
{
	long long id = c->ids[0], order;
	struct dbres *r, *w;
	const char *due;
	int rc;

	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, Q_REQ_LOCK, &r, "i", id)) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || !ctx_site_ok(c, dbres_int(r, 0, 0)))
		return 404;
	if ((rc = order_check(c, dbres_int(r, 0, 0), &due)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, Q_ORDER_ACTIVE, &w, "i", id)) != DB_OK)
		return DB_STATUS(rc);
	if (c->form.ok && w->nrows != 1)
		form_error(c, DF_DEPT, "req.err.no_open_order");
	else if (c->form.ok && dbres_int(w, 0, 1) == form_num(c, DF_DEPT))
		form_error(c, DF_DEPT, "req.err.same_dept");
	if (!c->form.ok) {
		db_rollback(c->db);
		return rq_show(c);
	}
	rc = db_exec(c->db, c->a, Q_ORDER_REASSIGNED, NULL, "i", dbres_int(w, 0, 0));
	if (rc == DB_OK)
		rc = rq_event(c, id, dbres_int(w, 0, 0), "reassigned", dbres_str(r, 0, 1), "dispatched",
		    form_str(c, DF_NOTE));
	if (rc == DB_OK)
		rc = rq_order_open(c, dbres_int(r, 0, 0), id, form_num(c, DF_DEPT), dbres_str(r, 0, 2),
		    dbres_str(r, 0, 3), due, form_str(c, DF_NOTE), &order);
	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, Q_REQ_STATUS, NULL, "siii", "dispatched", 1LL, 0LL, id);
	if (rc == DB_OK)
		rc = rq_event(c, id, order, "dispatched", "", "dispatched", "");
	if (rc == DB_OK)
		rc = audit_write(c, "reassign", "request", id, dbres_int(r, 0, 0),
		    arena_printf(c->a, "%s %s", ctx_t(c, "req.audit.reassigned"), dbres_str(r, 0, 4)),
		    order_json(c, dbres_int(w, 0, 1), NULL, "reassigned"),
		    order_json(c, form_num(c, DF_DEPT), due, "dispatched"));
	return resp_commit(c, rc, "req_reassigned", arena_printf(c->a, "/requests/%lld", id));
}

/* Loads order :id if the user may see it: the site's desk, or department staff of its
 * department. 0 or an HTTP status. */
static int
order_load(struct ctx *c, struct dbres **r)
{
	long long dept;
	int rc = db_exec(c->db, c->a, Q_ORDER_GET, r, "i", c->ids[0]);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if ((*r)->nrows != 1 || !ctx_site_ok(c, dbres_int(*r, 0, OG_SITE)))
		return 404;
	if (ctx_has_role(c, RQ_VIEW))
		return 0;
	if ((rc = rq_user_dept(c, &dept)) != DB_OK)
		return DB_STATUS(rc);
	return dept != 0 && dept == dbres_int(*r, 0, OG_DEPT_ID) ? 0 : 404;
}

/* GET /requests/orders: open orders (?done=1: done ones), soonest due first: the
 * department's for department staff, the site's (?dept= one department) for the desk. */
int
rq_orders(struct ctx *c)
{
	struct dbres *r;
	tpl_dict *d;
	long long dept = 0;
	const char *done = ctx_query(c, "done");
	int show_done = done && strcmp(done, "1") == 0, rc;

	if (!ctx_has_role(c, RQ_VIEW)) {
		if ((rc = rq_user_dept(c, &dept)) != DB_OK)
			return DB_STATUS(rc);
		if (dept == 0)
			return 403;
	} else {
		const char *q = ctx_query(c, "dept");

		dept = q ? strtoll(q, NULL, 10) : 0;
		if (dept < 0)
			dept = 0;
	}
	rc = db_exec(c->db, c->a, Q_ORDERS_LIST, &r, "iiiss", c->user.site_id, dept, dept,
	    show_done ? "done" : "dispatched", show_done ? "done" : "in_progress");
	if (rc != DB_OK)
		return DB_STATUS(rc);
	d = page_begin(c, "req_orders.tpl", "req.orders.title");
	if (show_done)
		tpl_show(d, "SHOW_DONE");
	else
		tpl_show(d, "SHOW_OPEN");
	if (ctx_has_role(c, RQ_VIEW)) {
		tpl_show(d, "DESK");
		if ((rc = rq_dept_options(c, d, "DEPT_OPT", dept)) != DB_OK)
			return DB_STATUS(rc);
	}
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *o = tpl_section(d, "ROW");

		tpl_set(o, "ID", dbres_str(r, i, 0));
		tpl_set(o, "NUMBER", dbres_str(r, i, 1));
		tpl_set(o, "DEPT", dbres_str(r, i, 2));
		tpl_set(o, "STATUS", rq_t(c, "ostatus", dbres_str(r, i, 3)));
		tpl_set(o, "STATUS_CLASS", dbres_str(r, i, 3));
		tpl_set(o, "DUE", dbres_str(r, i, 4));
		if (dbres_int(r, i, 5))
			tpl_show(o, "OVERDUE");
		tpl_set(o, "UNIT", dbres_str(r, i, 6));
		tpl_set(o, "SUMMARY", dbres_str(r, i, 7));
		tpl_set(o, "TYPE", rq_t(c, "type", dbres_str(r, i, 9)));
	}
	if (r->nrows == 0)
		tpl_show(d, "EMPTY");
	return 200;
}

/* GET /requests/orders/:id: the order, its timeline, and its start, progress and result
 * forms while open. */
int
rq_order_show(struct ctx *c)
{
	struct dbres *r, *ev;
	tpl_dict *d, *f;
	const char *st;
	int rc = order_load(c, &r);

	if (rc != 0)
		return rc;
	st = dbres_str(r, 0, OG_STATUS);
	d = page_begin(c, "req_order.tpl", "req.order.title");
	tpl_set(d, "ID", dbres_str(r, 0, OG_ID));
	tpl_set(d, "REQ_ID", dbres_str(r, 0, OG_REQ));
	tpl_set(d, "NUMBER", dbres_str(r, 0, OG_NUMBER));
	tpl_set(d, "DEPT", dbres_str(r, 0, OG_DEPT));
	tpl_set(d, "STATUS", rq_t(c, "ostatus", st));
	tpl_set(d, "STATUS_CLASS", st);
	tpl_set(d, "INSTR", dbres_str(r, 0, OG_INSTR));
	tpl_set(d, "DUE", dbres_str(r, 0, OG_DUE));
	tpl_set(d, "DISP_NAME", dbres_str(r, 0, OG_DISP_NAME));
	tpl_set(d, "DISP_AT", dbres_str(r, 0, OG_DISP_AT));
	tpl_set(d, "STARTED", dbres_str(r, 0, OG_STARTED));
	tpl_set(d, "DONE_AT", dbres_str(r, 0, OG_DONE_AT));
	tpl_set(d, "DONE_NAME", dbres_str(r, 0, OG_DONE_NAME));
	tpl_set(d, "TECH", dbres_str(r, 0, OG_TECH));
	tpl_set(d, "RESULT", dbres_str(r, 0, OG_RESULT));
	tpl_set(d, "MATERIALS", dbres_str(r, 0, OG_MATERIALS));
	tpl_set(d, "TYPE", rq_t(c, "type", dbres_str(r, 0, OG_TYPE)));
	tpl_set(d, "URGENCY", rq_t(c, "urgency", dbres_str(r, 0, OG_URGENCY)));
	tpl_set(d, "DESC", dbres_str(r, 0, OG_DESC));
	tpl_set(d, "UNIT", dbres_str(r, 0, OG_UNIT));
	tpl_set(d, "NAME", dbres_str(r, 0, OG_NAME));
	tpl_set(d, "PHONE", dbres_str(r, 0, OG_PHONE));
	if (dbres_int(r, 0, OG_OVERDUE))
		tpl_show(d, "OVERDUE");
	if (ctx_has_role(c, RQ_VIEW))
		tpl_show(d, "DESK");
	if (dbres_str(r, 0, OG_GD)[0]) {
		tpl_dict *g = tpl_section(d, "GD");

		tpl_set(g, "GD_NUMBER", dbres_str(r, 0, OG_GD));
		if (dbres_int(r, 0, OG_SCANS) > 0)
			tpl_set(tpl_section(g, "ARCHIVED"), "PAGES", dbres_str(r, 0, OG_SCANS));
	}
	if (strcmp(st, "done") == 0 || dbres_str(r, 0, OG_RESULT)[0])
		tpl_show(d, "HAS_RESULT");
	if ((rc = db_exec(c->db, c->a, Q_ORDER_EVENTS, &ev, "ii", dbres_int(r, 0, OG_REQ),
	    c->ids[0])) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < ev->nrows; i++) {
		tpl_dict *e = tpl_section(d, "EVENT");

		tpl_set(e, "KIND", rq_t(c, "event", dbres_str(ev, i, 0)));
		tpl_set(e, "NOTE", dbres_str(ev, i, 1));
		tpl_set(e, "BY", dbres_str(ev, i, 2));
		tpl_set(e, "AT", dbres_str(ev, i, 3));
	}
	if (!ctx_has_role(c, RQ_WORK) || (strcmp(st, "dispatched") != 0 &&
	    strcmp(st, "in_progress") != 0))
		return 200;
	f = tpl_section(d, "PROGRESS_FORM");
	if (c->form.spec == &rq_progress_form)
		form_to_dict(c, f);
	if (strcmp(st, "dispatched") == 0)
		tpl_show(d, "START_FORM");
	f = tpl_section(d, "DONE_FORM");
	if (c->form.spec == &rq_done_form)
		form_to_dict(c, f);
	if (!ctx_has_role(c, ROLE_DEPT))
		tpl_show(f, "FROM_PAPER");
	return 200;
}

/* The order locked for a change by the user: 0, or an HTTP status. */
static int
order_lock(struct ctx *c, struct dbres **w)
{
	struct dbres *r;
	int rc = order_load(c, &r);

	if (rc != 0)
		return rc;
	if ((rc = db_begin(c->db)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, Q_ORDER_LOCK, w, "i", c->ids[0])) != DB_OK)
		return DB_STATUS(rc);
	return (*w)->nrows == 1 ? 0 : 404;
}

/* POST /requests/orders/:id/start: the department starts the work. */
int
rq_order_start_post(struct ctx *c)
{
	struct dbres *w, *u;
	long long req;
	int rc = order_lock(c, &w);

	if (rc != 0)
		return rc;
	req = dbres_int(w, 0, 2);
	if ((rc = db_exec(c->db, c->a, Q_ORDER_START, &u, "i", c->ids[0])) != DB_OK)
		return DB_STATUS(rc);
	if (u->affected != 1) {
		page_error(c, 409, NULL);
		return 409;
	}
	rc = db_exec(c->db, c->a, Q_REQ_STATUS, NULL, "siii", "in_progress", 1LL, 0LL, req);
	if (rc == DB_OK)
		rc = rq_event(c, req, c->ids[0], "started", "dispatched", "in_progress", "");
	if (rc == DB_OK)
		rc = audit_write(c, "start", "work_order", c->ids[0], dbres_int(w, 0, 0),
		    ctx_t(c, "req.audit.started"), NULL, NULL);
	return resp_commit(c, rc, "req_started",
	    arena_printf(c->a, "/requests/orders/%lld", c->ids[0]));
}

/* POST /requests/orders/:id/note: what the department did so far (a progress event). */
int
rq_order_note_post(struct ctx *c)
{
	struct dbres *w;
	int rc = order_lock(c, &w);

	if (rc != 0)
		return rc;
	if (strcmp(dbres_str(w, 0, 1), "dispatched") != 0 &&
	    strcmp(dbres_str(w, 0, 1), "in_progress") != 0) {
		page_error(c, 409, NULL);
		return 409;
	}
	rc = rq_event(c, dbres_int(w, 0, 2), c->ids[0], "progress", "", "", form_str(c, PF_NOTE));
	if (rc == DB_OK)
		rc = audit_write(c, "progress", "work_order", c->ids[0], dbres_int(w, 0, 0),
		    arena_printf(c->a, "%s %s", ctx_t(c, "req.audit.progress"), form_str(c, PF_NOTE)),
		    NULL, NULL);
	return resp_commit(c, rc, "saved", arena_printf(c->a, "/requests/orders/%lld", c->ids[0]));
}

/* POST /requests/orders/:id/done: the result (by the department, or typed by the desk from
 * the returned paper form); the request is done and its callback falls due. */
int
rq_order_done_post(struct ctx *c)
{
	struct dbres *w, *u;
	long long req;
	struct json j;
	int rc = order_lock(c, &w);

	if (rc != 0)
		return rc;
	req = dbres_int(w, 0, 2);
	if ((rc = db_exec(c->db, c->a, Q_ORDER_DONE, &u, "isssi", c->user.id,
	    form_str(c, OF_TECH), form_str(c, OF_RESULT), form_str(c, OF_MATERIALS),
	    c->ids[0])) != DB_OK)
		return DB_STATUS(rc);
	if (u->affected != 1) {
		page_error(c, 409, NULL);
		return 409;
	}
	rc = db_exec(c->db, c->a, Q_REQ_STATUS, NULL, "siii", "done", 1LL, 1LL, req);
	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, Q_CALLBACK_NEW, NULL, "ii", c->ids[0], req);
	if (rc == DB_OK)
		rc = rq_event(c, req, c->ids[0], "done", dbres_str(w, 0, 1), "done",
		    form_str(c, OF_RESULT));
	if (rc == DB_OK) {
		json_begin(&j);
		json_str(&j, "technician", form_str(c, OF_TECH));
		json_str(&j, "result", form_str(c, OF_RESULT));
		json_str(&j, "materials", form_str(c, OF_MATERIALS));
		json_str(&j, "status", "done");
		rc = audit_write(c, "done", "work_order", c->ids[0], dbres_int(w, 0, 0),
		    ctx_t(c, "req.audit.done"), NULL, json_end(&j, c->a));
	}
	return resp_commit(c, rc, "req_done", arena_printf(c->a, "/requests/orders/%lld", c->ids[0]));
}

/* GET /requests/orders/:id/print: the A4 work order with its GD number and QR code. */
int
rq_order_print(struct ctx *c)
{
	struct dbres *r;
	const char *number;
	tpl_dict *d;
	int rc = order_load(c, &r);

	if (rc != 0)
		return rc;
	rc = number_assign(c, "work_order", dbres_int(r, 0, OG_SITE), c->ids[0],
	    dbres_str(r, 0, OG_DAY), &number);
	if (rc != DB_OK || (d = print_begin(c, "req_order_print.tpl", "work_order", number,
	    &rc)) == NULL)
		return DB_STATUS(rc);
	tpl_set(d, "REQ_NUMBER", dbres_str(r, 0, OG_NUMBER));
	tpl_set(d, "DEPT", dbres_str(r, 0, OG_DEPT));
	tpl_set(d, "TYPE", rq_t(c, "type", dbres_str(r, 0, OG_TYPE)));
	tpl_set(d, "URGENCY", rq_t(c, "urgency", dbres_str(r, 0, OG_URGENCY)));
	tpl_set(d, "NAME", dbres_str(r, 0, OG_NAME));
	tpl_set(d, "UNIT", dbres_str(r, 0, OG_UNIT));
	tpl_set(d, "PHONE", dbres_str(r, 0, OG_PHONE));
	tpl_set(d, "DESC", dbres_str(r, 0, OG_DESC));
	tpl_set(d, "INSTR", dbres_str(r, 0, OG_INSTR));
	tpl_set(d, "DUE", dbres_str(r, 0, OG_DUE));
	tpl_set(d, "DISP_NAME", dbres_str(r, 0, OG_DISP_NAME));
	tpl_set(d, "DISP_AT", dbres_str(r, 0, OG_DISP_AT));
	tpl_set(d, "TECH", dbres_str(r, 0, OG_TECH));
	tpl_set(d, "RESULT", dbres_str(r, 0, OG_RESULT));
	tpl_set(d, "MATERIALS", dbres_str(r, 0, OG_MATERIALS));
	print_sign(c, "req.sign.technician", dbres_str(r, 0, OG_TECH));
	print_sign(c, "req.sign.resident", NULL);
	print_sign(c, "req.sign.desk", dbres_str(r, 0, OG_DISP_NAME));
	return rc == DB_OK ? 200 : DB_STATUS(rc);
}
