/* requests.c: registering a request (来人来电来访登记: numbered at once, a line in the
 * duty log's current page, escalation of a major complaint), the list with its filters and
 * CSV, the request page (timeline, work orders, escalations, callbacks, and the forms its
 * state allows), and the helpers the other files share. Everything comes from c->a. */
#include "rq.h"
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

static const char *const channel_choices[] = { "phone", "visit", "letter", "fax", "online", NULL };
static const char *const type_choices[] = { "complaint", "repair", "inquiry", "suggestion", "help",
	NULL };
static const char *const urgency_choices[] = { "normal", "urgent", "critical", NULL };
static const char *const status_choices[] = { "registered", "dispatched", "in_progress", "done",
	"called_back", "closed", NULL };
static const char *const one_choice[] = { "1", NULL };

enum { NF_CHANNEL, NF_TYPE, NF_CATEGORY, NF_UNIT, NF_RESIDENT, NF_ANON, NF_CALLER, NF_PHONE,
	NF_DESC, NF_URGENCY, NF_MAJOR, NF_RINGS, NF_DATE, NF_TIME, NF_ANSWER, NF_CLOSE, NF_KEY };
static const struct field new_fields[] = {
	[NF_CHANNEL]  = { "channel", FT_CHOICE, FF_REQUIRED, 0, 0, channel_choices, "req.f.channel" },
	[NF_TYPE]     = { "type", FT_CHOICE, FF_REQUIRED, 0, 0, type_choices, "req.f.type" },
	[NF_CATEGORY] = { "category_id", FT_INT, 0, 1, 4294967295LL, NULL, "req.f.category" },
	[NF_UNIT]     = { "unit", FT_TEXT, 0, 0, 20, NULL, "req.f.unit" },
	[NF_RESIDENT] = { "resident_id", FT_INT, 0, 1, 4294967295LL, NULL, "req.f.resident" },
	[NF_ANON]     = { "anonymous", FT_CHOICE, 0, 0, 0, one_choice, "req.f.anonymous" },
	[NF_CALLER]   = { "caller_name", FT_TEXT, 0, 0, 50, NULL, "req.f.caller" },
	[NF_PHONE]    = { "caller_phone", FT_PHONE, 0, 0, 40, NULL, "req.f.phone" },
	[NF_DESC]     = { "description", FT_MULTILINE, FF_REQUIRED, 0, 2000, NULL, "req.f.description" },
	[NF_URGENCY]  = { "urgency", FT_CHOICE, FF_REQUIRED, 0, 0, urgency_choices, "req.f.urgency" },
	[NF_MAJOR]    = { "major", FT_CHOICE, 0, 0, 0, one_choice, "req.f.major" },
	[NF_RINGS]    = { "rings", FT_INT, 0, 1, 30, NULL, "req.f.rings" },
	[NF_DATE]     = { "received_date", FT_DATE, FF_REQUIRED, 0, 0, NULL, "req.f.received_date" },
	[NF_TIME]     = { "received_time", FT_TIME, FF_REQUIRED, 0, 0, NULL, "req.f.received_time" },
	[NF_ANSWER]   = { "answer", FT_MULTILINE, 0, 0, 2000, NULL, "req.f.answer" },
	[NF_CLOSE]    = { "close_now", FT_CHOICE, 0, 0, 0, one_choice, "req.f.close_now" },
	[NF_KEY]      = { "form_key", FT_TEXT, 0, 0, 32, NULL, NULL },
};
const struct form_spec rq_new_form = FORM_SPEC(new_fields);

/* ---- shared helpers ---- */

const char *
rq_t(struct ctx *c, const char *what, const char *value)
{
	return ctx_t(c, arena_printf(c->a, "req.%s.%s", what, value));
}

const char *
rq_form_key(struct ctx *c)
{
	unsigned char raw[16];
	char *hex = arena_alloc(c->a, 33);

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(hex, 33, raw, sizeof(raw));
	return hex;
}

int
rq_event(struct ctx *c, long long req, long long order, const char *kind, const char *from,
    const char *to, const char *note)
{
	return db_exec(c->db, c->a, Q_EVENT_ADD, NULL, "inssssi", req, order, kind, from ? from : "",
	    to ? to : "", note ? note : "", c->user.id);
}

int
rq_user_dept(struct ctx *c, long long *dept)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, Q_USER_DEPT, &r, "i", c->user.id);

	*dept = rc == DB_OK && r->nrows == 1 ? dbres_int(r, 0, 0) : 0;
	return rc;
}

int
rq_dept_options(struct ctx *c, tpl_dict *d, const char *section, long long selected)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, Q_DEPTS, &r, "i", c->user.site_id);

	for (size_t i = 0; rc == DB_OK && i < r->nrows; i++) {
		tpl_dict *o = tpl_section(d, section);

		tpl_set(o, "ID", dbres_str(r, i, 0));
		tpl_set(o, "NAME", dbres_str(r, i, 1));
		if (dbres_int(r, i, 0) == selected)
			tpl_show(o, "SEL");
	}
	return rc;
}

int
rq_sla_due(struct ctx *c, long long site, const char *type, const char *urgency,
    const char *from, int respond, char out[17])
{
	struct dbres *s, *set, *h;
	long long minutes;
	int working, rc = db_exec(c->db, c->a, Q_SLA_GET, &s, "iss", site, type, urgency);
	struct rq_calendar cal = { 0 };
	const char **off, **work;

	if (rc != DB_OK)
		return rc;
	if (s->nrows == 1) {
		minutes = dbres_int(s, 0, respond ? 0 : 1);
		working = strcmp(dbres_str(s, 0, 2), "working") == 0;
	} else {
		minutes = respond ? 60 : 2880;
		working = 1;
	}
	if (!working)
		return rq_due(from, minutes, NULL, out) == 0 ? DB_OK : DB_EFAIL;
	if ((rc = db_exec(c->db, c->a, Q_SETTINGS, &set, "i", site)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, Q_HOLIDAYS, &h, "ss", from, from)) != DB_OK)
		return rc;
	off = arena_calloc(c->a, h->nrows + 1, sizeof(*off));
	work = arena_calloc(c->a, h->nrows + 1, sizeof(*work));
	for (size_t i = 0; i < h->nrows; i++) {
		if (strcmp(dbres_str(h, i, 1), "workday") == 0)
			work[cal.nworkdays++] = dbres_str(h, i, 0);
		else
			off[cal.ndays_off++] = dbres_str(h, i, 0);
	}
	cal.days_off = off;
	cal.workdays = work;
	cal.work_start = rq_parse_hm(dbres_str(set, 0, 0));
	cal.work_end = rq_parse_hm(dbres_str(set, 0, 1));
	if (rq_due(from, minutes, &cal, out) == 0)
		return DB_OK;
	/* Settings without working time: count around the clock rather than fail. */
	return rq_due(from, minutes, NULL, out) == 0 ? DB_OK : DB_EFAIL;
}

int
rq_escalate_due(struct ctx *c)
{
	static const struct rq_esc_stmts q = { Q_ESC_OVERDUE_ANY, Q_ESC_PASS_ON, Q_ESC_MARK_PASSED,
		Q_ESC_LOCK, Q_ESC_UNLOCK };

	return rq_escalation_step(c, &q);
}

/* ---- registering ---- */

/* The resident choices of the form: residents found by ?find= (name, phone or unit), and
 * the one chosen before (kept when the form is shown again). */
static int
resident_options(struct ctx *c, tpl_dict *d, long long chosen)
{
	const char *find = ctx_query(c, "find");
	struct dbres *r = NULL;
	int rc = DB_OK, shown = 0;

	if (chosen > 0) {
		rc = db_exec(c->db, c->a, Q_RES_GET, &r, "i", chosen);
		if (rc == DB_OK && r->nrows == 1 && dbres_int(r, 0, 1) == c->user.site_id) {
			tpl_dict *o = tpl_section(d, "RES_OPT");

			tpl_set(o, "ID", dbres_str(r, 0, 0));
			tpl_set(o, "NAME", dbres_str(r, 0, 2));
			tpl_set(o, "PHONE", dbres_str(r, 0, 3));
			tpl_set(o, "KIND", rq_t(c, "kind", dbres_str(r, 0, 4)));
			tpl_set(o, "UNIT", dbres_str(r, 0, 5));
			tpl_show(o, "SEL");
			shown++;
		}
	}
	if (rc == DB_OK && find && *find) {
		char *like = arena_printf(c->a, "%%%s%%", find);

		tpl_set(d, "FIND", find);
		rc = db_exec(c->db, c->a, Q_RES_SEARCH, &r, "isss", c->user.site_id, like, like, like);
		for (size_t i = 0; rc == DB_OK && i < r->nrows; i++) {
			tpl_dict *o;

			if (dbres_int(r, i, 0) == chosen)
				continue;
			o = tpl_section(d, "RES_OPT");
			tpl_set(o, "ID", dbres_str(r, i, 0));
			tpl_set(o, "NAME", dbres_str(r, i, 1));
			tpl_set(o, "PHONE", dbres_str(r, i, 2));
			tpl_set(o, "KIND", rq_t(c, "kind", dbres_str(r, i, 3)));
			tpl_set(o, "UNIT", dbres_str(r, i, 4));
			shown++;
		}
		if (rc == DB_OK && r->nrows == 0)
			tpl_show(d, "FIND_NONE");
	}
	tpl_show(d, shown ? "HAS_RES" : "NO_RES");
	return rc;
}

static int
category_options(struct ctx *c, tpl_dict *d, long long selected, int *valid)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, Q_CATEGORIES, &r, "i", c->user.site_id);

	if (valid)
		*valid = selected == 0;
	for (size_t i = 0; rc == DB_OK && i < r->nrows; i++) {
		tpl_dict *o;

		if (!dbres_int(r, i, 3) && dbres_int(r, i, 0) != selected)
			continue;
		if (valid && dbres_int(r, i, 0) == selected)
			*valid = 1;
		if (d == NULL)
			continue;
		o = tpl_section(d, "CAT_OPT");
		tpl_set(o, "ID", dbres_str(r, i, 0));
		tpl_set(o, "NAME", dbres_str(r, i, 1));
		if (dbres_int(r, i, 0) == selected)
			tpl_show(o, "SEL");
	}
	return rc;
}

/* GET /requests/new (and the form again after a refusal). */
int
rq_new_show(struct ctx *c)
{
	struct dbres *now;
	tpl_dict *d;
	int rc;

	if ((rc = db_exec(c->db, c->a, Q_NOW, &now, "")) != DB_OK)
		return DB_STATUS(rc);
	if (c->form.spec != &rq_new_form) {
		const char *unit = ctx_query(c, "unit");

		form_empty(c, &rq_new_form);
		form_set(c, NF_CHANNEL, "phone");
		form_set(c, NF_TYPE, "complaint");
		form_set(c, NF_URGENCY, "normal");
		form_set(c, NF_DATE, dbres_str(now, 0, 0));
		form_set(c, NF_TIME, dbres_str(now, 0, 1));
		form_set(c, NF_KEY, rq_form_key(c));
		if (unit && strlen(unit) <= 20)
			form_set(c, NF_UNIT, unit);
		else if (ctx_query(c, "find") && strlen(ctx_query(c, "find")) <= 20) {
			/* Found by its unit code: the unit is filled in too. */
			struct dbres *u;

			if ((rc = db_exec(c->db, c->a, Q_UNIT_BY_CODE, &u, "is", c->user.site_id,
			    ctx_query(c, "find"))) != DB_OK)
				return DB_STATUS(rc);
			if (u->nrows == 1)
				form_set(c, NF_UNIT, dbres_str(u, 0, 2));
		}
	}
	d = page_begin(c, "req_new.tpl", "req.new.title");
	tpl_set(d, "NOW", dbres_str(now, 0, 2));
	if ((rc = category_options(c, d, form_num(c, NF_CATEGORY), NULL)) != DB_OK ||
	    (rc = resident_options(c, d, form_num(c, NF_RESIDENT))) != DB_OK)
		return DB_STATUS(rc);
	return 200;
}

/* The duty-log line of a new request on the current shift's page (opened if need be, as
 * dd-log does). *entry stays 0 when no shift runs now, the page is closed or signed, or the
 * site has no log category: the request is registered all the same. */
static int
log_line(struct ctx *c, long long req, const char *number, const char *at, const char *unit,
    long long *entry)
{
	struct dbres *s, *p, *k;
	long long page, day;
	const char *type = form_str(c, NF_TYPE);
	int rc = db_exec(c->db, c->a, Q_NOW_SHIFT, &s, "i", c->user.site_id);

	*entry = 0;
	if (rc != DB_OK || s->nrows != 1)
		return rc;
	if ((rc = db_exec(c->db, c->a, Q_LOG_CATEGORY, &k, "is", c->user.site_id,
	    strcmp(type, "complaint") == 0 ? "客户投诉电话" : "来电来访")) != DB_OK || k->nrows != 1)
		return rc;
	if ((rc = db_exec(c->db, c->a, Q_PAGE_FIND, &p, "isi", c->user.site_id, dbres_str(s, 0, 2),
	    dbres_int(s, 0, 0))) != DB_OK)
		return rc;
	if (p->nrows == 1) {
		page = dbres_int(p, 0, 0);
	} else {
		if ((rc = db_exec(c->db, c->a, Q_DAY_GET_OR_NEW, &p, "is", c->user.site_id,
		    dbres_str(s, 0, 2))) != DB_OK)
			return rc;
		day = (long long)p->insert_id;
		if ((rc = db_exec(c->db, c->a, Q_PAGE_NEW, &p, "iiiii", c->user.site_id, day,
		    dbres_int(s, 0, 0), c->user.id, c->user.id)) != DB_OK)
			return rc;
		page = (long long)p->insert_id;
		if ((rc = db_exec(c->db, c->a, Q_PAGE_STAFF_ADD, NULL, "iii", page, c->user.id,
		    1LL)) != DB_OK ||
		    (rc = audit_write(c, "open", "log_page", page, c->user.site_id,
		    arena_printf(c->a, "%s %s %s", ctx_t(c, "req.audit.page_opened"),
		    dbres_str(s, 0, 2), dbres_str(s, 0, 1)), NULL, NULL)) != DB_OK)
			return rc;
	}
	if ((rc = db_exec(c->db, c->a, Q_PAGE_SHARE, &p, "i", page)) != DB_OK)
		return rc;
	if (p->nrows != 1 || strcmp(dbres_str(p, 0, 0), "closed") == 0 ||
	    strcmp(dbres_str(p, 0, 1), "signed") == 0)
		return DB_OK;
	rc = db_exec(c->db, c->a, Q_LOG_ENTRY_NEW, &p, "iisisssisi", c->user.site_id, page, at,
	    dbres_int(k, 0, 0), unit,
	    arena_printf(c->a, "%s%s %s：%s", rq_t(c, "channel", form_str(c, NF_CHANNEL)),
	    rq_t(c, "type", type), number, form_str(c, NF_DESC)),
	    arena_printf(c->a, "%s %s", ctx_t(c, "req.log.handling"), number),
	    c->user.id, rq_form_key(c), c->user.id);
	if (rc != DB_OK)
		return rc;
	*entry = (long long)p->insert_id;   /* the writer joins the page's staff: sql/016 */
	return db_exec(c->db, c->a, Q_REQ_SET_LOG, NULL, "ii", *entry, req);
}

/* Checks what the declared validation cannot; marks the fields. Sets the unit, building
 * and resident to store. */
static int
new_check(struct ctx *c, const char *at, long long *unit, long long *building)
{
	struct dbres *r;
	const char *type = form_str(c, NF_TYPE), *code = form_str(c, NF_UNIT);
	long long res = form_num(c, NF_RESIDENT);
	int rc, ok_cat;

	*unit = *building = 0;
	if (form_str(c, NF_PHONE)[0] && !rq_phone_ok(form_str(c, NF_PHONE)))
		form_error(c, NF_PHONE, "req.err.phone");
	if (form_str(c, NF_MAJOR)[0] && strcmp(type, "complaint") != 0)
		form_error(c, NF_MAJOR, "req.err.major_complaint");
	if (form_str(c, NF_CLOSE)[0] && strcmp(type, "inquiry") != 0)
		form_error(c, NF_CLOSE, "req.err.close_inquiry");
	else if (form_str(c, NF_CLOSE)[0] && !form_str(c, NF_ANSWER)[0])
		form_error(c, NF_ANSWER, "req.err.answer_needed");
	if ((rc = db_exec(c->db, c->a, Q_MINUTES_FROM_NOW, &r, "s", at)) != DB_OK)
		return rc;
	if (dbres_int(r, 0, 0) >= 60)
		form_error(c, NF_TIME, "req.err.future");
	if ((rc = category_options(c, NULL, form_num(c, NF_CATEGORY), &ok_cat)) != DB_OK)
		return rc;
	if (!ok_cat)
		form_error(c, NF_CATEGORY, "err.choice");
	if (code[0]) {
		if ((rc = db_exec(c->db, c->a, Q_UNIT_BY_CODE, &r, "is", c->user.site_id, code)) != DB_OK)
			return rc;
		if (r->nrows != 1)
			form_error(c, NF_UNIT, "req.err.unit_unknown");
		else {
			*unit = dbres_int(r, 0, 0);
			*building = dbres_int(r, 0, 1);
		}
	}
	if (res > 0) {
		if ((rc = db_exec(c->db, c->a, Q_RES_GET, &r, "i", res)) != DB_OK)
			return rc;
		if (r->nrows != 1 || dbres_int(r, 0, 1) != c->user.site_id || !dbres_int(r, 0, 7))
			form_error(c, NF_RESIDENT, "err.choice");
		else if (code[0] && *unit && dbres_int(r, 0, 8) != *unit)
			form_error(c, NF_RESIDENT, "req.err.resident_unit");
		else if (!code[0]) {
			*unit = dbres_int(r, 0, 8);
			*building = dbres_int(r, 0, 9);
		}
	} else if (!form_str(c, NF_ANON)[0] && !form_str(c, NF_CALLER)[0] &&
	    !form_str(c, NF_PHONE)[0]) {
		form_error(c, NF_CALLER, "req.err.who");
	}
	return DB_OK;
}

static char *
request_json(struct ctx *c, const char *number, const char *at, const char *status)
{
	struct json j;

	json_begin(&j);
	json_str(&j, "number", number);
	json_str(&j, "channel", form_str(c, NF_CHANNEL));
	json_str(&j, "type", form_str(c, NF_TYPE));
	json_str(&j, "urgency", form_str(c, NF_URGENCY));
	json_int(&j, "major", form_str(c, NF_MAJOR)[0] == '1');
	json_str(&j, "unit", form_str(c, NF_UNIT));
	json_int(&j, "resident_id", form_num(c, NF_RESIDENT));
	json_str(&j, "caller_name", form_str(c, NF_CALLER));
	json_str(&j, "caller_phone", form_str(c, NF_PHONE));
	json_str(&j, "description", form_str(c, NF_DESC));
	json_str(&j, "received_at", at);
	json_str(&j, "status", status);
	return json_end(&j, c->a);
}

/* POST /requests/new: registers the request, numbers it, writes its line in the duty log,
 * escalates a major complaint; an inquiry answered on the spot is closed at once. A form
 * sent twice leads to the request the first one wrote. */
int
rq_new_post(struct ctx *c)
{
	const char *key = form_str(c, NF_KEY), *type = form_str(c, NF_TYPE), *number;
	const char *at = arena_printf(c->a, "%s %s", form_str(c, NF_DATE), form_str(c, NF_TIME));
	const char *kind = arena_printf(c->a, "req_%s", type), *status;
	int close_now = form_str(c, NF_CLOSE)[0] == '1', major = form_str(c, NF_MAJOR)[0] == '1';
	long long unit, building, id, entry, rings;
	char respond[17], resolve[17];
	struct dbres *r;
	int rc;

	if (strlen(key) != 32 || strspn(key, "0123456789abcdef") != 32) {
		form_set(c, NF_KEY, rq_form_key(c));
		form_error(c, NF_DESC, "req.err.form_expired");
	}
	if ((rc = new_check(c, at, &unit, &building)) != DB_OK)
		return DB_STATUS(rc);
	if (!c->form.ok)
		return rq_new_show(c);
	if ((rc = rq_sla_due(c, c->user.site_id, type, form_str(c, NF_URGENCY), at, 1,
	    respond)) != DB_OK ||
	    (rc = rq_sla_due(c, c->user.site_id, type, form_str(c, NF_URGENCY), at, 0,
	    resolve)) != DB_OK)
		return DB_STATUS(rc);
	status = close_now ? "closed" : "registered";
	rings = strcmp(form_str(c, NF_CHANNEL), "phone") == 0 ? form_num(c, NF_RINGS) : 0;
	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	/* The number is the form key until the unified number is assigned below. */
	rc = db_exec(c->db, c->a, Q_REQ_NEW, &r, "issssinnnnissssnisssssiin", c->user.site_id, key,
	    form_str(c, NF_CHANNEL), type, form_str(c, NF_URGENCY), (long long)major,
	    form_num(c, NF_CATEGORY), form_num(c, NF_RESIDENT), unit, building,
	    (long long)(form_str(c, NF_ANON)[0] == '1'), form_str(c, NF_CALLER),
	    form_str(c, NF_PHONE), form_str(c, NF_DESC), close_now ? form_str(c, NF_ANSWER) : "",
	    rings, c->user.id, at, respond, resolve, status, key, (long long)close_now,
	    (long long)close_now, close_now ? c->user.id : 0LL);
	if (rc == DB_EDUP) {
		db_rollback(c->db);
		if ((rc = db_exec(c->db, c->a, Q_REQ_BY_KEY, &r, "s", key)) != DB_OK || r->nrows != 1)
			return DB_STATUS(rc == DB_OK ? DB_EFAIL : rc);
		return resp_redirect(c, arena_printf(c->a, "/requests/%s", dbres_str(r, 0, 0)));
	}
	if (rc != DB_OK)
		return DB_STATUS(rc);
	id = (long long)r->insert_id;
	if ((rc = number_assign(c, kind, c->user.site_id, id, form_str(c, NF_DATE), &number)) == DB_OK)
		rc = db_exec(c->db, c->a, Q_REQ_SET_NUMBER, NULL, "si", number, id);
	if (rc == DB_OK)
		rc = log_line(c, id, number, at, form_str(c, NF_UNIT), &entry);
	if (rc == DB_OK)
		rc = rq_event(c, id, 0, "registered", "", "registered", form_str(c, NF_DESC));
	if (rc == DB_OK && close_now)
		rc = rq_event(c, id, 0, "closed", "registered", "closed", form_str(c, NF_ANSWER));
	if (rc == DB_OK && major)
		rc = db_exec(c->db, c->a, Q_ESC_DEFAULTS, NULL, "ii", c->user.site_id, c->user.site_id);
	if (rc == DB_OK && major) {
		rc = db_exec(c->db, c->a, Q_ESC_NEW, NULL, "iii", id, c->user.site_id, c->user.site_id);
		if (rc == DB_OK)
			rc = rq_event(c, id, 0, "escalated", "", "", ctx_t(c, "req.esc.level1"));
	}
	if (rc == DB_OK)
		rc = audit_write(c, "create", "request", id, c->user.site_id,
		    arena_printf(c->a, "%s %s", ctx_t(c, "req.audit.registered"), number), NULL,
		    request_json(c, number, at, status));
	return resp_commit(c, rc, "req_saved", arena_printf(c->a, "/requests/%lld", id));
}

/* ---- the list ---- */

struct filters {
	const char *status, *type, *channel, *from, *to, *q, *like, *num, *num_like, *text;
	long long   building, dept, overdue, page;
	const char *base;   /* the query string without page= */
};

static const char *
pick(struct ctx *c, const char *name, const char *const *choices)
{
	const char *v = ctx_query(c, name);

	for (size_t i = 0; v && choices[i]; i++)
		if (strcmp(v, choices[i]) == 0)
			return choices[i];
	return "";
}

static long long
qnum(struct ctx *c, const char *name)
{
	const char *v = ctx_query(c, name);
	char *end;
	long long n;

	if (v == NULL || *v == '\0')
		return 0;
	n = strtoll(v, &end, 10);
	return *end == '\0' && n > 0 && n < 4294967296LL ? n : 0;
}

static const char *
qdate(struct ctx *c, const char *name)
{
	const char *v = ctx_query(c, name);

	return v && valid_date(v) ? v : "";
}

static void
filters_read(struct ctx *c, struct filters *f)
{
	const char *q = ctx_query(c, "q");
	struct buf b = { 0 };

	f->status = pick(c, "status", status_choices);
	f->type = pick(c, "type", type_choices);
	f->channel = pick(c, "channel", channel_choices);
	f->building = qnum(c, "building");
	f->dept = qnum(c, "dept");
	f->overdue = ctx_query(c, "overdue") && strcmp(ctx_query(c, "overdue"), "1") == 0;
	f->from = qdate(c, "from");
	f->to = qdate(c, "to");
	f->q = q && utf8_chars(q) <= 50 && valid_utf8(q, strlen(q), 0) ? q : "";
	f->like = arena_printf(c->a, "%%%s%%", f->q);
	/* "TS-2026..." (capitals, a dash, then capitals, digits and dashes): a number's prefix;
	 * anything else: text. */
	size_t caps = strspn(f->q, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");

	if (caps >= 2 && f->q[caps] == '-' &&
	    strspn(f->q, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == strlen(f->q)) {
		f->num = f->q;
		f->text = "";
	} else {
		f->num = "";
		f->text = f->q;
	}
	f->num_like = arena_printf(c->a, "%s%%", f->num);
	f->page = qnum(c, "page");
	if (f->page < 1)
		f->page = 1;
	buf_printf(&b, "status=%s&type=%s&channel=%s&building=%lld&dept=%lld&overdue=%lld&from=%s"
	    "&to=%s&q=%s", f->status, f->type, f->channel, f->building, f->dept, f->overdue,
	    f->from, f->to, url_encode(c->a, f->q));
	f->base = arena_strndup(c->a, b.data, b.len);
	buf_free(&b);
}

#define FILTER_ARGS(f, site) (site), (f)->status, (f)->status, (f)->type, (f)->type, \
	(f)->channel, (f)->channel, (f)->building, (f)->building, (f)->dept, (f)->dept, \
	(f)->overdue, (f)->from, (f)->from, (f)->to, (f)->to, (f)->num, (f)->num_like, (f)->text, \
	(f)->like, (f)->like, (f)->like
#define FILTER_TYPES "issssssiiiiissssssssss"

static void
choice_opts(struct ctx *c, tpl_dict *d, const char *section, const char *what,
    const char *const *choices, const char *sel)
{
	for (size_t i = 0; choices[i]; i++) {
		tpl_dict *o = tpl_section(d, section);

		tpl_set(o, "V", choices[i]);
		tpl_set(o, "NAME", rq_t(c, what, choices[i]));
		if (strcmp(choices[i], sel) == 0)
			tpl_show(o, "SEL");
	}
}

#define PER_PAGE 20

/* GET /requests: newest first, filtered, PER_PAGE a page (department staff go to their
 * department's orders). */
int
rq_list(struct ctx *c)
{
	struct filters f;
	struct dbres *r, *b;
	tpl_dict *d;
	size_t n;
	int rc;

	if (!ctx_has_role(c, RQ_VIEW))
		return resp_redirect(c, "/requests/orders");
	if ((rc = rq_escalate_due(c)) != DB_OK)
		return DB_STATUS(rc);
	filters_read(c, &f);
	rc = db_exec(c->db, c->a, f.num[0] ? Q_LIST_BY_NUMBER : Q_LIST, &r, FILTER_TYPES "ii",
	    FILTER_ARGS(&f, c->user.site_id), (long long)PER_PAGE + 1, (f.page - 1) * PER_PAGE);
	if (rc == DB_OK)
		rc = db_exec_cached(c->db, c->a, Q_BUILDINGS, c->user.site_id, 60, &b);
	if (rc != DB_OK)
		return DB_STATUS(rc);
	d = page_begin(c, "req_list.tpl", "req.list.title");
	if (ctx_has_role(c, RQ_DESK))
		tpl_show(d, "CAN_REGISTER");
	if (ctx_has_role(c, RQ_CONFIG))
		tpl_show(d, "CAN_CONFIG");
	choice_opts(c, d, "STATUS_OPT", "status", status_choices, f.status);
	choice_opts(c, d, "TYPE_OPT", "type", type_choices, f.type);
	choice_opts(c, d, "CHANNEL_OPT", "channel", channel_choices, f.channel);
	for (size_t i = 0; i < b->nrows; i++) {
		tpl_dict *o = tpl_section(d, "BUILDING_OPT");

		tpl_set(o, "ID", dbres_str(b, i, 0));
		tpl_set(o, "NAME", dbres_str(b, i, 2));
		if (dbres_int(b, i, 0) == f.building)
			tpl_show(o, "SEL");
	}
	if ((rc = rq_dept_options(c, d, "DEPT_OPT", f.dept)) != DB_OK)
		return DB_STATUS(rc);
	if (f.overdue)
		tpl_show(d, "OVERDUE_ON");
	tpl_set(d, "FROM", f.from);
	tpl_set(d, "TO", f.to);
	tpl_set(d, "Q", f.q);
	tpl_set(d, "BASE", f.base);
	n = r->nrows > PER_PAGE ? PER_PAGE : r->nrows;
	for (size_t i = 0; i < n; i++) {
		tpl_dict *row = tpl_section(d, "ROW");

		tpl_set(row, "ID", dbres_str(r, i, 0));
		tpl_set(row, "NUMBER", dbres_str(r, i, 1));
		tpl_set(row, "AT", dbres_str(r, i, 2));
		tpl_set(row, "TYPE", rq_t(c, "type", dbres_str(r, i, 3)));
		tpl_set(row, "UNIT", dbres_str(r, i, 4));
		tpl_set(row, "SUMMARY", dbres_str(r, i, 5));
		tpl_set(row, "STATUS", rq_t(c, "status", dbres_str(r, i, 6)));
		tpl_set(row, "STATUS_CLASS", dbres_str(r, i, 6));
		tpl_set(row, "DUE", dbres_str(r, i, 7));
		if (dbres_int(r, i, 8))
			tpl_show(row, "OVERDUE");
		if (dbres_int(r, i, 9))
			tpl_show(row, "MAJOR");
		tpl_set(row, "CHANNEL", rq_t(c, "channel", dbres_str(r, i, 10)));
		tpl_set(row, "WHO", dbres_str(r, i, 11));
	}
	if (n == 0)
		tpl_show(d, "EMPTY");
	if (f.page > 1 || r->nrows > PER_PAGE) {
		tpl_dict *p = tpl_section(d, "PAGER");

		tpl_set_int(p, "PAGE", f.page);
		if (f.page > 1)
			tpl_set(tpl_section(p, "PREV"), "HREF",
			    arena_printf(c->a, "?%s&page=%lld", f.base, f.page - 1));
		if (r->nrows > PER_PAGE)
			tpl_set(tpl_section(p, "NEXT"), "HREF",
			    arena_printf(c->a, "?%s&page=%lld", f.base, f.page + 1));
	}
	return 200;
}

/* A CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is
 * prefixed with ' so that a spreadsheet does not read it as a formula. */
static void
csv_put(struct buf *b, const char *s, int last)
{
	int quote = strpbrk(s, ",\"\r\n") != NULL;

	if (quote)
		buf_putc(b, '"');
	if (*s == '=' || *s == '+' || *s == '-' || *s == '@')
		buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		buf_putc(b, *s);
	}
	if (quote)
		buf_putc(b, '"');
	buf_puts(b, last ? "\r\n" : ",");
}

/* GET /requests/export: the filtered list as CSV (UTF-8 with BOM, for spreadsheets). */
int
rq_export(struct ctx *c)
{
	static const char *const heads[] = { "req.f.number", "req.f.received_at", "req.f.channel",
		"req.f.type", "req.f.urgency", "req.f.major", "req.f.unit", "req.f.caller",
		"req.f.phone", "req.f.description", "req.f.status", "req.f.due", "req.overdue",
		"req.f.closed_at" };
	struct filters f;
	struct dbres *r;
	int rc;

	filters_read(c, &f);
	if ((rc = db_exec(c->db, c->a, Q_EXPORT, &r, FILTER_TYPES,
	    FILTER_ARGS(&f, c->user.site_id))) != DB_OK)
		return DB_STATUS(rc);
	c->ctype = "text/csv; charset=utf-8";
	resp_header(c, "Content-Disposition", "attachment; filename=\"requests.csv\"");
	buf_puts(&c->out, "\xef\xbb\xbf");
	for (size_t i = 0; i < 14; i++)
		csv_put(&c->out, ctx_t(c, heads[i]), i == 13);
	for (size_t i = 0; i < r->nrows; i++) {
		for (size_t k = 0; k < 14; k++) {
			const char *v = dbres_str(r, i, k);

			if (k == 2)
				v = rq_t(c, "channel", v);
			else if (k == 3)
				v = rq_t(c, "type", v);
			else if (k == 4)
				v = rq_t(c, "urgency", v);
			else if (k == 10)
				v = rq_t(c, "status", v);
			else if (k == 5 || k == 12)
				v = dbres_int(r, i, k) ? ctx_t(c, "req.yes") : "";
			csv_put(&c->out, v, k == 13);
		}
	}
	return 200;
}

/* ---- the request page ---- */

static int
timeline(struct ctx *c, tpl_dict *d, long long id)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, Q_EVENTS, &r, "i", id);

	for (size_t i = 0; rc == DB_OK && i < r->nrows; i++) {
		tpl_dict *e = tpl_section(d, "EVENT");

		tpl_set(e, "KIND", rq_t(c, "event", dbres_str(r, i, 0)));
		tpl_set(e, "KIND_CLASS", dbres_str(r, i, 0));
		if (dbres_str(r, i, 2)[0])
			tpl_set(tpl_section(e, "TO"), "STATUS", rq_t(c, "status", dbres_str(r, i, 2)));
		tpl_set(e, "NOTE", dbres_str(r, i, 3));
		tpl_set(e, "BY", dbres_str(r, i, 4));
		tpl_set(e, "AT", dbres_str(r, i, 5));
		if (dbres_str(r, i, 6)[0])
			tpl_set(tpl_section(e, "EV_ORDER"), "ORDER_ID", dbres_str(r, i, 6));
	}
	return rc;
}

static int
orders_part(struct ctx *c, tpl_dict *d, long long id, long long *active_dept)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, Q_ORDERS_OF, &r, "i", id);

	*active_dept = 0;
	for (size_t i = 0; rc == DB_OK && i < r->nrows; i++) {
		tpl_dict *o = tpl_section(d, "ORDER");
		const char *st = dbres_str(r, i, 2);

		tpl_set(o, "ID", dbres_str(r, i, 0));
		tpl_set(o, "DEPT", dbres_str(r, i, 1));
		tpl_set(o, "STATUS", rq_t(c, "ostatus", st));
		tpl_set(o, "STATUS_CLASS", st);
		tpl_set(o, "DUE", dbres_str(r, i, 3));
		tpl_set(o, "AT", dbres_str(r, i, 4));
		tpl_set(o, "BY", dbres_str(r, i, 5));
		tpl_set(o, "DONE_AT", dbres_str(r, i, 6));
		tpl_set(o, "DONE_BY", dbres_str(r, i, 7));
		tpl_set(o, "TECH", dbres_str(r, i, 8));
		tpl_set(o, "RESULT", dbres_str(r, i, 9));
		tpl_set(o, "MATERIALS", dbres_str(r, i, 10));
		tpl_set(o, "INSTR", dbres_str(r, i, 11));
		if (dbres_int(r, i, 12))
			tpl_show(o, "OVERDUE");
		if (strcmp(st, "dispatched") == 0 || strcmp(st, "in_progress") == 0)
			*active_dept = dbres_int(r, i, 13);
	}
	if (rc == DB_OK)
		tpl_show(d, r->nrows == 0 ? "NO_ORDERS" : "HAS_ORDERS");
	return rc;
}

static int
escalations_part(struct ctx *c, tpl_dict *d, long long id, long long *pending_role)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, Q_ESCS_OF, &r, "i", id);

	*pending_role = 0;
	for (size_t i = 0; rc == DB_OK && i < r->nrows; i++) {
		tpl_dict *e = tpl_section(d, "ESC");
		const char *st = dbres_str(r, i, 3);

		tpl_set(e, "LEVEL", dbres_str(r, i, 1));
		tpl_set(e, "ROLE", roles_text(c, (unsigned)dbres_int(r, i, 2), "、", 0));
		tpl_set(e, "STATUS", rq_t(c, "esc", st));
		tpl_set(e, "STATUS_CLASS", st);
		tpl_set(e, "AT", dbres_str(r, i, 4));
		tpl_set(e, "DUE", dbres_str(r, i, 5));
		tpl_set(e, "BY", dbres_str(r, i, 6));
		tpl_set(e, "DECIDED_AT", dbres_str(r, i, 7));
		tpl_set(e, "DECISION", dbres_str(r, i, 8));
		if (dbres_int(r, i, 9))
			tpl_show(e, "OVERDUE");
		if (strcmp(st, "pending") == 0)
			*pending_role = dbres_int(r, i, 2);
	}
	if (rc == DB_OK && r->nrows > 0)
		tpl_show(d, "HAS_ESC");
	return rc;
}

static int
callbacks_part(struct ctx *c, tpl_dict *d, long long id, int *due)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, Q_CALLBACKS_OF, &r, "i", id);

	*due = 0;
	for (size_t i = 0; rc == DB_OK && i < r->nrows; i++) {
		tpl_dict *e = tpl_section(d, "CALLBACK");
		const char *st = dbres_str(r, i, 1);

		tpl_set(e, "STATUS", rq_t(c, "cbstatus", st));
		tpl_set(e, "STATUS_CLASS", st);
		tpl_set(e, "DUE", dbres_str(r, i, 2));
		tpl_set(e, "ATTEMPTS", dbres_str(r, i, 3));
		tpl_set(e, "LAST", dbres_str(r, i, 4));
		tpl_set(e, "BY", dbres_str(r, i, 5));
		tpl_set(e, "AT", dbres_str(r, i, 6));
		tpl_set(e, "SCORE", dbres_str(r, i, 7));
		tpl_set(e, "WORDS", dbres_str(r, i, 8));
		tpl_set(e, "NOTE", dbres_str(r, i, 9));
		if (dbres_str(r, i, 10)[0])
			tpl_set(e, "METHOD", rq_t(c, "method", dbres_str(r, i, 10)));
		if (dbres_int(r, i, 11))
			tpl_show(e, "OVERDUE");
		if (strcmp(st, "due") == 0)
			*due = 1;
	}
	if (rc == DB_OK && r->nrows > 0)
		tpl_show(d, "HAS_CALLBACKS");
	return rc;
}

/* The corrections of a closed request, shown like stamps; each field shows its latest text. */
static int
corrections_part(struct ctx *c, tpl_dict *d, long long id, const char **answer)
{
	struct dbres *k;
	int rc = db_exec(c->db, c->a, Q_CORRECTIONS, &k, "i", id);

	for (size_t i = 0; rc == DB_OK && i < k->nrows; i++) {
		tpl_dict *s = tpl_section(d, "CORRECTION");
		const char *field = dbres_str(k, i, 0);

		tpl_set(s, "FIELD", rq_t(c, "xfield", field));
		tpl_set(s, "OLD", dbres_str(k, i, 1));
		tpl_set(s, "NEW", dbres_str(k, i, 2));
		tpl_set(s, "REASON", dbres_str(k, i, 3));
		tpl_set(s, "BY", dbres_str(k, i, 4));
		tpl_set(s, "AT", dbres_str(k, i, 5));
		if (strcmp(field, "description") == 0)
			tpl_set(d, "DESC", dbres_str(k, i, 2));
		else if (strcmp(field, "caller_name") == 0)
			tpl_set(d, "CALLER", dbres_str(k, i, 2));
		else if (strcmp(field, "caller_phone") == 0)
			tpl_set(d, "PHONE", dbres_str(k, i, 2));
		else if (strcmp(field, "answer") == 0)
			*answer = dbres_str(k, i, 2);
	}
	if (rc == DB_OK && k->nrows > 0)
		tpl_show(d, "CORRECTED");
	return rc;
}

/* One of the page's forms: its section, with the posted values and messages when it is
 * the form being shown again. */
static tpl_dict *
form_part(struct ctx *c, tpl_dict *d, const char *section, const struct form_spec *spec)
{
	tpl_dict *f = tpl_section(d, section);

	if (c->form.spec == spec)
		form_to_dict(c, f);
	return f;
}

/* GET /requests/:id: the request, its timeline, orders, escalations and callbacks, and
 * the forms its state allows the user. */
int
rq_show(struct ctx *c)
{
	struct dbres *r;
	tpl_dict *d, *f;
	long long active_dept, pending_role;
	const char *st, *type, *answer;
	int due, rc, desk = ctx_has_role(c, RQ_DESK);

	if ((rc = rq_escalate_due(c)) != DB_OK ||
	    (rc = db_exec(c->db, c->a, Q_REQ_GET, &r, "i", c->ids[0])) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || !ctx_site_ok(c, dbres_int(r, 0, RG_SITE)))
		return 404;
	st = dbres_str(r, 0, RG_STATUS);
	type = dbres_str(r, 0, RG_TYPE);
	d = page_begin(c, "req_show.tpl", "req.show.title");
	tpl_set(d, "ID", dbres_str(r, 0, RG_ID));
	tpl_set(d, "NUMBER", dbres_str(r, 0, RG_NUMBER));
	tpl_set(d, "CHANNEL", rq_t(c, "channel", dbres_str(r, 0, RG_CHANNEL)));
	tpl_set(d, "TYPE", rq_t(c, "type", type));
	tpl_set(d, "URGENCY", rq_t(c, "urgency", dbres_str(r, 0, RG_URGENCY)));
	if (dbres_int(r, 0, RG_MAJOR))
		tpl_show(d, "MAJOR");
	tpl_set(d, "CATEGORY", dbres_str(r, 0, RG_CATEGORY));
	tpl_set(d, "RESIDENT", dbres_str(r, 0, RG_RESIDENT));
	tpl_set(d, "RES_PHONE", dbres_str(r, 0, RG_RES_PHONE));
	tpl_set(d, "UNIT", dbres_str(r, 0, RG_UNIT));
	tpl_set(d, "BUILDING", dbres_str(r, 0, RG_BUILDING));
	if (dbres_int(r, 0, RG_ANON))
		tpl_show(d, "ANON");
	tpl_set(d, "CALLER", dbres_str(r, 0, RG_CALLER));
	tpl_set(d, "PHONE", dbres_str(r, 0, RG_PHONE));
	tpl_set(d, "DESC", dbres_str(r, 0, RG_DESC));
	if (dbres_str(r, 0, RG_RINGS)[0])
		tpl_set(tpl_section(d, "RINGS"), "N", dbres_str(r, 0, RG_RINGS));
	if (dbres_int(r, 0, RG_RINGS) > dbres_int(r, 0, RG_RING_TARGET))
		tpl_set_int(tpl_section(d, "RINGS_LATE"), "TARGET", dbres_int(r, 0, RG_RING_TARGET));
	tpl_set(d, "RECEIVER", dbres_str(r, 0, RG_RECEIVER));
	tpl_set(d, "RECEIVED", dbres_str(r, 0, RG_RECEIVED));
	tpl_set(d, "RESPOND_DUE", dbres_str(r, 0, RG_RESPOND_DUE));
	tpl_set(d, "RESOLVE_DUE", dbres_str(r, 0, RG_RESOLVE_DUE));
	tpl_set(d, "FIRST_RESP", dbres_str(r, 0, RG_FIRST_RESP));
	tpl_set(d, "DONE", dbres_str(r, 0, RG_DONE));
	tpl_set(d, "CLOSED", dbres_str(r, 0, RG_CLOSED));
	tpl_set(d, "CLOSER", dbres_str(r, 0, RG_CLOSER));
	tpl_set(d, "STATUS", rq_t(c, "status", st));
	tpl_set(d, "STATUS_CLASS", st);
	if (dbres_int(r, 0, RG_REOPENED))
		tpl_set(tpl_section(d, "REOPENED"), "N", dbres_str(r, 0, RG_REOPENED));
	if (dbres_int(r, 0, RG_OVERDUE))
		tpl_show(d, "REQ_OVERDUE");
	if (dbres_int(r, 0, RG_LOG_ENTRY))
		tpl_set(tpl_section(d, "LOG"), "ENTRY", dbres_str(r, 0, RG_LOG_ENTRY));
	answer = dbres_str(r, 0, RG_ANSWER);
	if ((rc = corrections_part(c, d, c->ids[0], &answer)) != DB_OK)
		return DB_STATUS(rc);
	if (answer[0])
		tpl_set(tpl_section(d, "ANSWER"), "TEXT", answer);
	if ((rc = timeline(c, d, c->ids[0])) != DB_OK ||
	    (rc = orders_part(c, d, c->ids[0], &active_dept)) != DB_OK ||
	    (rc = escalations_part(c, d, c->ids[0], &pending_role)) != DB_OK ||
	    (rc = callbacks_part(c, d, c->ids[0], &due)) != DB_OK)
		return DB_STATUS(rc);
	/* A form refused is shown again (with its message) even when the state no longer
	 * offers it. */
#define SHOWN(cond, sp) ((cond) || c->form.spec == (sp))
	if (SHOWN(desk && strcmp(st, "registered") == 0, &rq_dispatch_form)) {
		/* The category's department is chosen already. */
		f = form_part(c, d, "DISPATCH_FORM", &rq_dispatch_form);
		if ((rc = rq_dept_options(c, f, "DEPT_OPT", c->form.spec == &rq_dispatch_form ?
		    form_num(c, 0) : dbres_int(r, 0, RG_CAT_DEPT))) != DB_OK)
			return DB_STATUS(rc);
	}
	if (SHOWN(desk && active_dept, &rq_reassign_form)) {
		f = form_part(c, d, "REASSIGN_FORM", &rq_reassign_form);
		if ((rc = rq_dept_options(c, f, "DEPT_OPT", c->form.spec == &rq_reassign_form ?
		    form_num(c, 0) : 0)) != DB_OK)
			return DB_STATUS(rc);
	}
	if (SHOWN(desk && strcmp(st, "registered") == 0 && (strcmp(type, "inquiry") == 0 ||
	    strcmp(type, "suggestion") == 0), &rq_answer_form))
		form_part(c, d, "ANSWER_FORM", &rq_answer_form);
	if (SHOWN(desk && due, &rq_callback_form))
		form_part(c, d, "CALLBACK_FORM", &rq_callback_form);
	if (SHOWN(desk && strcmp(st, "closed") != 0, &rq_close_form))
		form_part(c, d, "CLOSE_FORM", &rq_close_form);
	if (SHOWN(desk && strcmp(st, "closed") == 0, &rq_correct_form))
		form_part(c, d, "CORRECT_FORM", &rq_correct_form);
	if (SHOWN(pending_role && ctx_has_role(c, (unsigned)pending_role | ROLE_DIRECTOR),
	    &rq_decide_form))
		form_part(c, d, "DECIDE_FORM", &rq_decide_form);
#undef SHOWN
	return 200;
}
