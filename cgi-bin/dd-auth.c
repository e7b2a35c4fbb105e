/* dd-auth: sign-in and sign-out, the home page of each role, the user's own settings, the
 * health route (/_ok) and the error pages nginx hands over (/_err/413).
 *
 * Owns: / /login /logout /me /me/password /_ok /_err/413 and every path no other program
 * claims (so unknown paths get the 404 page in the layout).
 */
#include "core/app.h"
#include "req/escalate.h"
#include <sodium.h>
#include <stdio.h>
#include <string.h>

enum stmt {
	S_USER_PW = DB_APP_FIRST,
	S_USER_SET_PW,
	S_USER_SET_LANG,
	S_SESSIONS_OTHERS_DEL,
	S_SITE_DEPTS,
	S_SITE_STAFF,
	S_SITE_AUDIT,
	S_SITE_COUNTS,
	S_ADMIN_COUNTS,
	S_ADMIN_FAILURES,
	S_LOG_SUMMARY,
	S_ON_DUTY,
	S_HANDOVER_ALERTS,
	S_REQ_ESC_DUE,
	S_REQ_ESC_PASS,
	S_REQ_ESC_MARK,
	S_REQ_HOME,
	S_REQ_DEPT_HOME,
	S_REQ_ESC_LOCK,
	S_REQ_ESC_UNLOCK,
	S_CALLBACK_ALERTS,
	S__END
};

static const char *const stmts[S__END - DB_APP_FIRST] = {
	[S_USER_PW - DB_APP_FIRST] = "SELECT pw_hash FROM users WHERE id = ?",
	[S_USER_SET_PW - DB_APP_FIRST] =
	    "UPDATE users SET pw_hash = ?, must_change_pw = 0 WHERE id = ?",
	[S_USER_SET_LANG - DB_APP_FIRST] = "UPDATE users SET lang = ? WHERE id = ?",
	[S_SESSIONS_OTHERS_DEL - DB_APP_FIRST] =
	    "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?",
	[S_SITE_DEPTS - DB_APP_FIRST] =
	    "SELECT name, phone FROM departments WHERE site_id = ? AND active = 1 ORDER BY name",
	[S_SITE_STAFF - DB_APP_FIRST] =
	    "SELECT display_name, roles, phone FROM users WHERE site_id = ? AND active = 1"
	    " ORDER BY roles DESC, display_name LIMIT 100",
	[S_SITE_AUDIT - DB_APP_FIRST] =
	    "SELECT a.id, DATE_FORMAT(a.at, '%Y-%m-%d %H:%i'), COALESCE(u.display_name, ''),"
	    " a.summary FROM audit_log a LEFT JOIN users u ON u.id = a.user_id"
	    " WHERE a.site_id = ? ORDER BY a.at DESC, a.id DESC LIMIT 8",
	[S_SITE_COUNTS - DB_APP_FIRST] =
	    "SELECT (SELECT COUNT(*) FROM users WHERE site_id = ? AND active = 1),"
	    " (SELECT COUNT(*) FROM departments WHERE site_id = ? AND active = 1),"
	    " (SELECT COUNT(*) FROM buildings WHERE site_id = ?),"
	    " (SELECT COUNT(*) FROM units WHERE site_id = ?)",
	[S_ADMIN_COUNTS - DB_APP_FIRST] =
	    "SELECT (SELECT COUNT(*) FROM sites WHERE active = 1),"
	    " (SELECT COUNT(*) FROM users WHERE active = 1),"
	    " (SELECT COUNT(*) FROM users WHERE active = 0),"
	    " (SELECT COUNT(*) FROM login_attempts WHERE success = 0"
	    "   AND at > NOW() - INTERVAL 1 DAY)",
	[S_ADMIN_FAILURES - DB_APP_FIRST] =
	    "SELECT username, ip, DATE_FORMAT(at, '%Y-%m-%d %H:%i') FROM login_attempts"
	    " WHERE success = 0 ORDER BY id DESC LIMIT 8",
	/* The duty log at a glance: open items, days before today not yet signed, emergency
	 * reports overdue. */
	[S_LOG_SUMMARY - DB_APP_FIRST] =
	    "SELECT (SELECT COUNT(*) FROM log_entries WHERE site_id = ? AND status = 'open'),"
	    " (SELECT COUNT(*) FROM log_days WHERE site_id = ? AND status = 'open'"
	    "   AND day < CURDATE()),"
	    " (SELECT COUNT(*) FROM emergencies WHERE site_id = ? AND report_at IS NULL"
	    "   AND NOW() >= report_due)",
	/* Who the published roster has on duty right now (a night shift started yesterday). */
	[S_ON_DUTY - DB_APP_FIRST] =
	    "SELECT s.name, u.display_name FROM roster_entries e"
	    " JOIN roster_months m ON m.id = e.month_id JOIN shifts s ON s.id = e.shift_id"
	    " JOIN users u ON u.id = e.user_id"
	    " WHERE m.status = 'published' AND e.version_to IS NULL AND m.site_id = ?"
	    " AND e.day BETWEEN CURDATE() - INTERVAL 1 DAY AND CURDATE()"
	    " AND NOW() >= TIMESTAMP(e.day, s.start_time)"
	    " AND NOW() < TIMESTAMP(e.day, s.end_time) + INTERVAL (s.end_time <= s.start_time) DAY"
	    " ORDER BY s.sort_order, u.display_name",
	/* Handovers refused and waiting for a decision; shifts over for which nobody has taken
	 * over (their log page still open, no accepted handover), in the last week. */
	[S_HANDOVER_ALERTS - DB_APP_FIRST] =
	    "SELECT (SELECT COUNT(*) FROM handovers WHERE site_id = ? AND status = 'refused'),"
	    " (SELECT COUNT(*) FROM log_pages p JOIN log_days d ON d.id = p.day_id"
	    "   JOIN shifts s ON s.id = p.shift_id LEFT JOIN handovers h ON h.page_id = p.id"
	    "   WHERE p.site_id = ? AND p.status IN ('open', 'returned')"
	    "   AND d.day >= CURDATE() - INTERVAL 7 DAY"
	    "   AND NOW() > TIMESTAMP(d.day + INTERVAL (s.end_time <= s.start_time) DAY, s.end_time)"
	    "   AND (h.id IS NULL OR h.status <> 'accepted'))",
	/* Resident requests (dd-req, cgi-bin/req/stmts.c): the idempotent escalation step (a
	 * pending step of a major complaint past its time passes to the next level), run here
	 * too so that the next level sees it on its home page; overdue orders and the
	 * escalations waiting for the user's roles; a department user's open orders. */
	[S_REQ_ESC_DUE - DB_APP_FIRST] = RQ_SQL_ESC_DUE,
	[S_REQ_ESC_PASS - DB_APP_FIRST] = RQ_SQL_ESC_PASS,
	[S_REQ_ESC_MARK - DB_APP_FIRST] = RQ_SQL_ESC_MARK,
	[S_REQ_HOME - DB_APP_FIRST] = "(SELECT 'o', w.id, r.id, r.number, d.name,"
	    " DATE_FORMAT(w.due_at, '%Y-%m-%d %H:%i'), LEFT(r.description, 40)"
	    " FROM work_orders w JOIN requests r ON r.id = w.request_id"
	    " JOIN departments d ON d.id = w.department_id"
	    " WHERE w.site_id = ? AND w.status IN ('dispatched', 'in_progress') AND w.due_at < NOW()"
	    " ORDER BY w.due_at LIMIT 8)"
	    " UNION ALL (SELECT 'e', e.id, r.id, r.number, e.level,"
	    " DATE_FORMAT(e.decide_due, '%Y-%m-%d %H:%i'), LEFT(r.description, 40)"
	    " FROM req_escalations e JOIN requests r ON r.id = e.request_id"
	    " WHERE e.site_id = ? AND e.status = 'pending' AND (e.role & ?) <> 0"
	    " ORDER BY e.decide_due LIMIT 8)",
	[S_REQ_ESC_LOCK - DB_APP_FIRST] = RQ_SQL_ESC_LOCK,
	[S_REQ_ESC_UNLOCK - DB_APP_FIRST] = RQ_SQL_ESC_UNLOCK,
	[S_REQ_DEPT_HOME - DB_APP_FIRST] = "SELECT w.id, r.number, DATE_FORMAT(w.due_at, '%Y-%m-%d %H:%i'),"
	    " w.due_at < NOW(), LEFT(r.description, 40), w.status"
	    " FROM users u JOIN work_orders w ON w.department_id = u.department_id"
	    " AND w.status IN ('dispatched', 'in_progress') JOIN requests r ON r.id = w.request_id"
	    " WHERE u.id = ? ORDER BY w.due_at LIMIT 20",
	/* Days of the last two weeks with callbacks and no callback report by the end of the
	 * next day; callbacks past their due time (plans in draft are not due); callback
	 * reports waiting for the review. The days with callbacks done come from their daily
	 * summary (cb_stats_day, kept by the callbacks' triggers: a few rows a day, where the
	 * callbacks themselves are hundreds). */
	[S_CALLBACK_ALERTS - DB_APP_FIRST] =
	    "SELECT (SELECT COUNT(*) FROM (SELECT day AS d FROM cb_stats_day"
	    "   WHERE site_id = ? AND day >= CURDATE() - INTERVAL 14 DAY"
	    "   AND day < CURDATE() - INTERVAL 1 DAY AND n > 0 UNION SELECT DATE(last_attempt_at)"
	    "   FROM callbacks WHERE site_id = ? AND status = 'due'"
	    "   AND last_attempt_at >= CURDATE() - INTERVAL 14 DAY"
	    "   AND last_attempt_at < CURDATE() - INTERVAL 1 DAY) x WHERE NOT EXISTS"
	    "   (SELECT 1 FROM callback_reports r WHERE r.site_id = ? AND r.day = x.d)),"
	    " (SELECT COUNT(*) FROM callbacks cb LEFT JOIN callback_plans p ON p.id = cb.plan_id"
	    "   WHERE cb.site_id = ? AND cb.status = 'due' AND cb.due_at < NOW()"
	    "   AND (p.id IS NULL OR p.status <> 'draft')),"
	    " (SELECT COUNT(*) FROM callback_reports WHERE site_id = ? AND reviewed_by IS NULL)",
};


/* ---- sign-in ---- */

enum { LF_USERNAME, LF_PASSWORD, LF_NEXT };
static const struct field login_fields[] = {
	[LF_USERNAME] = { "username", FT_TEXT, FF_REQUIRED, 0, 50, NULL, "field.username" },
	[LF_PASSWORD] = { "password", FT_PASSWORD, FF_REQUIRED, 0, 200, NULL, "field.password" },
	[LF_NEXT]     = { "next", FT_TEXT, 0, 0, 200, NULL, NULL },
};
static const struct form_spec login_form = FORM_SPEC(login_fields);

/* GET /login: the sign-in form (also shown again after a failed attempt). */
static int
login_show(struct ctx *c)
{
	tpl_dict *d;

	if (c->user.id != 0 && strcmp(c->method, "GET") == 0)
		return resp_redirect(c, "/");
	/* Signing in needs the database: say so now, not after the password is typed. */
	if (db_ping(c->db) != DB_OK)
		return 503;
	if (c->form.spec == NULL) {
		const char *next = ctx_query(c, "next");

		form_empty(c, &login_form);
		if (next != NULL && next[0] == '/' && next[1] != '/' && strlen(next) < 200)
			form_set(c, LF_NEXT, next);
	}
	d = page_begin(c, "login.tpl", "login.title");
	if (c->lang == I18N_EN)
		tpl_show(d, "LANG_EN");
	else
		tpl_show(d, "LANG_ZH");
	return 200;
}

/* The hash checked when the user name is unknown, so both cases take as long. Computed once
 * per process (a cache). */
static const char *
dummy_hash(void)
{
	static char hash[crypto_pwhash_STRBYTES];

	if (hash[0] == '\0' && auth_hash_password("dutydesk-dummy-password", hash) != 0)
		hash[0] = '\0';
	return hash;
}

/* POST /login */
static int
login_post(struct ctx *c)
{
	const char *name = form_str(c, LF_USERNAME), *pw = form_str(c, LF_PASSWORD);
	const char *next = form_str(c, LF_NEXT);
	struct dbres *r;
	long long wait_min = 0, user_id = 0;
	int rc, ok = 0, must_change = 0;

	if (auth_throttled(c, name, &wait_min, &rc)) {
		auth_record_attempt(c, name, 0);
		form_error(c, LF_PASSWORD, "err.login_throttled");
		c->form.v[LF_PASSWORD].err = arena_printf(c->a, "%s %lld %s",
		    ctx_t(c, "err.login_throttled"), wait_min, ctx_t(c, "unit.minutes"));
		return login_show(c);
	}
	if (rc != DB_OK)
		return DB_STATUS(rc);
	if ((rc = db_exec(c->db, c->a, DBQ_LOGIN_USER, &r, "s", name)) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows == 1) {
		ok = auth_verify_password(dbres_str(r, 0, 1), pw);
		user_id = dbres_int(r, 0, 0);
		must_change = (int)dbres_int(r, 0, 2);
	} else {
		(void)auth_verify_password(dummy_hash(), pw);
	}
	if (ok && (rc = auth_purge_sessions(c, user_id)) != DB_OK)
		return DB_STATUS(rc);
	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	rc = auth_record_attempt(c, name, ok);
	if (rc == DB_OK && ok)
		rc = auth_start_session(c, user_id);
	if (rc == DB_OK)
		rc = db_commit(c->db);
	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (!ok) {
		form_error(c, LF_PASSWORD, "err.login_failed");
		return login_show(c);
	}
	if (must_change)
		return resp_redirect(c, "/me/password");
	return resp_redirect(c, next[0] == '/' ? next : "/");
}

/* POST /logout */
static int
logout_post(struct ctx *c)
{
	int rc = auth_end_session(c);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	return resp_redirect(c, "/login");
}

/* ---- home: one panel per role the user has ---- */

static int
home_staff(struct ctx *c, tpl_dict *d)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, S_SITE_DEPTS, &r, "i", c->user.site_id);
	tpl_dict *p = tpl_section(d, "PANEL_STAFF");

	static const char *const cols[] = { "NAME", "PHONE" };

	if (rc == DB_OK)
		page_rows(p, "DEPT", r, cols);
	return rc;
}

static int
home_supervisor(struct ctx *c, tpl_dict *d)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, S_SITE_STAFF, &r, "i", c->user.site_id);
	tpl_dict *p = tpl_section(d, "PANEL_SUPERVISOR");

	if (rc != DB_OK)
		return rc;
	tpl_set_int(p, "COUNT", (long long)r->nrows);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *row = tpl_section(p, "PERSON");

		tpl_set(row, "NAME", dbres_str(r, i, 0));
		tpl_set(row, "ROLES", roles_text(c, (unsigned)dbres_int(r, i, 1), "、", 0));
		tpl_set(row, "PHONE", dbres_str(r, i, 2));
	}
	return DB_OK;
}

static int
home_recent_changes(struct ctx *c, tpl_dict *p)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, S_SITE_AUDIT, &r, "i", c->user.site_id);

	static const char *const cols[] = { "ID", "AT", "WHO", "SUMMARY" };

	if (rc == DB_OK && page_rows(p, "CHANGE", r, cols) == 0)
		tpl_show(p, "NO_CHANGES");
	return rc;
}

static int
home_site_counts(struct ctx *c, tpl_dict *p)
{
	struct dbres *r;
	long long s = c->user.site_id;
	int rc = db_exec(c->db, c->a, S_SITE_COUNTS, &r, "iiii", s, s, s, s);

	if (rc != DB_OK)
		return rc;
	tpl_set(p, "N_USERS", dbres_str(r, 0, 0));
	tpl_set(p, "N_DEPTS", dbres_str(r, 0, 1));
	tpl_set(p, "N_BUILDINGS", dbres_str(r, 0, 2));
	tpl_set(p, "N_UNITS", dbres_str(r, 0, 3));
	return DB_OK;
}

static int
home_admin(struct ctx *c, tpl_dict *d)
{
	static const char *const failure_cols[] = { "USERNAME", "IP", "AT" };
	struct dbres *r;
	tpl_dict *p = tpl_section(d, "PANEL_ADMIN");
	int rc = db_exec(c->db, c->a, S_ADMIN_COUNTS, &r, "");

	if (rc != DB_OK)
		return rc;
	tpl_set(p, "N_SITES", dbres_str(r, 0, 0));
	tpl_set(p, "N_ACTIVE", dbres_str(r, 0, 1));
	tpl_set(p, "N_DISABLED", dbres_str(r, 0, 2));
	tpl_set(p, "N_FAILED", dbres_str(r, 0, 3));
	if ((rc = db_exec(c->db, c->a, S_ADMIN_FAILURES, &r, "")) != DB_OK)
		return rc;
	tpl_show(p, page_rows(p, "FAILURE", r, failure_cols) ? "FAILURES" : "NO_FAILURES");
	return DB_OK;
}

/* The duty log's figures for everyone who works with it. */
static int
home_log(struct ctx *c, tpl_dict *d)
{
	struct dbres *r;
	long long s = c->user.site_id;
	tpl_dict *p;
	int rc = db_exec(c->db, c->a, S_LOG_SUMMARY, &r, "iii", s, s, s);

	if (rc != DB_OK)
		return rc;
	p = tpl_section(d, "PANEL_LOG");
	tpl_set(p, "N_OPEN", dbres_str(r, 0, 0));
	tpl_set(p, "N_UNSIGNED", dbres_str(r, 0, 1));
	tpl_set(p, "N_OVERDUE", dbres_str(r, 0, 2));
	if (dbres_int(r, 0, 1) > 0 && (c->user.roles & ROLE_MANAGER))
		tpl_show(p, "SIGN_WAITING");
	if (dbres_int(r, 0, 2) > 0)
		tpl_show(p, "REPORTS_OVERDUE");
	if (c->user.roles & (ROLE_STAFF | ROLE_SUPERVISOR))
		tpl_show(p, "CAN_WRITE");
	if (c->user.roles & (ROLE_SUPERVISOR | ROLE_MANAGER | ROLE_DIRECTOR)) {
		if ((rc = db_exec(c->db, c->a, S_HANDOVER_ALERTS, &r, "ii", s, s)) != DB_OK)
			return rc;
		if (dbres_int(r, 0, 0) > 0)
			tpl_set(tpl_section(p, "HANDOVER_REFUSED"), "N", dbres_str(r, 0, 0));
		if (dbres_int(r, 0, 1) > 0)
			tpl_set(tpl_section(p, "NOT_RELIEVED"), "N", dbres_str(r, 0, 1));
	}
	if (c->user.roles & (ROLE_STAFF | ROLE_SUPERVISOR | ROLE_MANAGER)) {
		if ((rc = db_exec(c->db, c->a, S_CALLBACK_ALERTS, &r, "iiiii", s, s, s, s, s)) != DB_OK)
			return rc;
		if (dbres_int(r, 0, 0) > 0 && (c->user.roles & (ROLE_SUPERVISOR | ROLE_MANAGER)))
			tpl_set(tpl_section(p, "CALLBACK_REPORTS_OVERDUE"), "N", dbres_str(r, 0, 0));
		if (dbres_int(r, 0, 2) > 0 && (c->user.roles & (ROLE_SUPERVISOR | ROLE_MANAGER)))
			tpl_set(tpl_section(p, "CALLBACK_REPORTS_PENDING"), "N", dbres_str(r, 0, 2));
		if (dbres_int(r, 0, 1) > 0)
			tpl_set(tpl_section(p, "CALLBACKS_OVERDUE"), "N", dbres_str(r, 0, 1));
	}
	if ((rc = db_exec(c->db, c->a, S_ON_DUTY, &r, "i", s)) != DB_OK)
		return rc;
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *row = tpl_section(p, "ON_DUTY");

		tpl_set(row, "SHIFT", dbres_str(r, i, 0));
		tpl_set(row, "NAME", dbres_str(r, i, 1));
	}
	if (r->nrows == 0)
		tpl_show(p, "NOBODY_ON_DUTY");
	return DB_OK;
}

static const struct rq_esc_stmts esc_stmts = { S_REQ_ESC_DUE, S_REQ_ESC_PASS, S_REQ_ESC_MARK,
	S_REQ_ESC_LOCK, S_REQ_ESC_UNLOCK };

/* Resident requests: the escalation step, then overdue work orders and the escalations
 * waiting for the user's roles (desk and management), or the department's open orders. */
static int
home_requests(struct ctx *c, tpl_dict *d)
{
	struct dbres *r;
	tpl_dict *p;
	long long s = c->user.site_id;
	size_t nover = 0, nesc = 0;
	int rc;

	if (c->user.roles & ROLE_DEPT) {
		if ((rc = db_exec(c->db, c->a, S_REQ_DEPT_HOME, &r, "i", c->user.id)) != DB_OK)
			return rc;
		p = tpl_section(d, "PANEL_REQ_DEPT");
		for (size_t i = 0; i < r->nrows; i++) {
			tpl_dict *o = tpl_section(p, "ORDER");

			tpl_set(o, "ID", dbres_str(r, i, 0));
			tpl_set(o, "NUMBER", dbres_str(r, i, 1));
			tpl_set(o, "DUE", dbres_str(r, i, 2));
			if (dbres_int(r, i, 3))
				tpl_show(o, "OVERDUE");
			tpl_set(o, "SUMMARY", dbres_str(r, i, 4));
		}
		if (r->nrows == 0)
			tpl_show(p, "NONE");
	}
	if (!(c->user.roles & (ROLE_STAFF | ROLE_SUPERVISOR | ROLE_MANAGER | ROLE_DIRECTOR)))
		return DB_OK;
	/* The escalation step, as the request pages run it (cgi-bin/req/escalate.c). */
	if ((rc = rq_escalation_step(c, &esc_stmts)) != DB_OK)
		return rc;
	if ((rc = db_exec(c->db, c->a, S_REQ_HOME, &r, "iii", s, s,
	    (long long)c->user.roles)) != DB_OK)
		return rc;
	p = tpl_section(d, "PANEL_REQ");
	for (size_t i = 0; i < r->nrows; i++) {
		int esc = dbres_str(r, i, 0)[0] == 'e';
		tpl_dict *o = tpl_section(p, esc ? "ESC" : "OVERDUE");

		tpl_set(o, "REQ_ID", dbres_str(r, i, 2));
		tpl_set(o, "ID", dbres_str(r, i, 1));
		tpl_set(o, "NUMBER", dbres_str(r, i, 3));
		tpl_set(o, esc ? "LEVEL" : "DEPT", dbres_str(r, i, 4));
		tpl_set(o, "DUE", dbres_str(r, i, 5));
		tpl_set(o, "SUMMARY", dbres_str(r, i, 6));
		if (esc)
			nesc++;
		else
			nover++;
	}
	if (nesc)
		tpl_show(p, "HAS_ESC");
	if (!nover)
		tpl_show(p, "NO_OVERDUE");
	return DB_OK;
}

/* GET / */
static int
home_show(struct ctx *c)
{
	tpl_dict *d = page_begin(c, "home.tpl", "home.title");
	unsigned roles = c->user.roles;
	int rc = DB_OK;

	if (roles & (ROLE_STAFF | ROLE_SUPERVISOR | ROLE_MANAGER | ROLE_DIRECTOR))
		rc = home_log(c, d);
	tpl_set(d, "USER_NAME", c->user.display_name);
	tpl_set(d, "SITE_NAME", c->user.site_name);
	if (rc == DB_OK && (roles & ROLE_STAFF))
		rc = home_staff(c, d);
	if (rc == DB_OK && (roles & ROLE_SUPERVISOR))
		rc = home_supervisor(c, d);
	if (rc == DB_OK && (roles & ROLE_MANAGER))
		rc = home_recent_changes(c, tpl_section(d, "PANEL_MANAGER"));
	if (rc == DB_OK && (roles & ROLE_DIRECTOR))
		rc = home_site_counts(c, tpl_section(d, "PANEL_DIRECTOR"));
	if (rc == DB_OK && (roles & ROLE_ADMIN))
		rc = home_admin(c, d);
	if (rc == DB_OK && (roles & (ROLE_STAFF | ROLE_SUPERVISOR | ROLE_MANAGER | ROLE_DIRECTOR |
	    ROLE_DEPT)))
		rc = home_requests(c, d);
	return rc == DB_OK ? 200 : DB_STATUS(rc);
}

/* ---- the user's own settings ---- */

static const char *const lang_choices[] = { "zh-CN", "en", NULL };
enum { MF_LANG };
static const struct field me_fields[] = {
	[MF_LANG] = { "lang", FT_CHOICE, FF_REQUIRED, 0, 0, lang_choices, "field.lang" },
};
static const struct form_spec me_form = FORM_SPEC(me_fields);

/* GET /me */
static int
me_show(struct ctx *c)
{
	tpl_dict *d;

	if (c->form.spec == NULL) {
		form_empty(c, &me_form);
		form_set(c, MF_LANG, i18n_langs[c->lang]);
	}
	d = page_begin(c, "me.tpl", "me.title");
	tpl_set(d, "USERNAME", c->user.username);
	tpl_set(d, "DISPLAY_NAME", c->user.display_name);
	tpl_set(d, "SITE_NAME", c->user.site_name);
	return 200;
}

/* POST /me: the language of the user's pages. */
static int
me_post(struct ctx *c)
{
	const char *lang = form_str(c, MF_LANG);
	struct json old, new;
	int rc;

	json_begin(&old);
	json_str(&old, "lang", i18n_langs[c->lang]);
	json_begin(&new);
	json_str(&new, "lang", lang);
	if ((rc = db_begin(c->db)) == DB_OK)
		rc = db_exec(c->db, c->a, S_USER_SET_LANG, NULL, "si", lang, c->user.id);
	if (rc == DB_OK)
		rc = audit_write(c, "update", "user", c->user.id, c->user.site_id,
		    arena_printf(c->a, "%s: lang %s", c->user.username, lang),
		    json_end(&old, c->a), json_end(&new, c->a));
	else {
		buf_free(&old.b);
		buf_free(&new.b);
	}
	return resp_commit(c, rc, "saved", "/me");
}

enum { PF_CURRENT, PF_NEW, PF_NEW2 };
static const struct field pw_fields[] = {
	[PF_CURRENT] = { "current_password", FT_PASSWORD, FF_REQUIRED, 0, 200, NULL,
	    "field.current_password" },
	[PF_NEW]     = { "new_password", FT_PASSWORD, FF_REQUIRED, 10, 200, NULL,
	    "field.new_password" },
	[PF_NEW2]    = { "new_password2", FT_PASSWORD, FF_REQUIRED, 0, 200, NULL,
	    "field.new_password2" },
};
static const struct form_spec pw_form = FORM_SPEC(pw_fields);

/* GET /me/password */
static int
pw_show(struct ctx *c)
{
	tpl_dict *d;

	if (c->form.spec == NULL)
		form_empty(c, &pw_form);
	d = page_begin(c, "password.tpl", "password.title");
	if (c->user.must_change_pw)
		tpl_show(d, "MUST_CHANGE");
	return 200;
}

/* POST /me/password */
static int
pw_post(struct ctx *c)
{
	char hash[crypto_pwhash_STRBYTES];
	struct dbres *r;
	long long wait_min;
	int rc, pw;

	if (strcmp(form_str(c, PF_NEW), form_str(c, PF_NEW2)) != 0)
		form_error(c, PF_NEW2, "err.password_mismatch");
	if ((rc = db_exec(c->db, c->a, S_USER_PW, &r, "i", c->user.id)) != DB_OK)
		return DB_STATUS(rc);
	/* Throttled like sign-in: a session left open must not let anyone try passwords. */
	pw = auth_check_password(c, c->user.username, r->nrows == 1 ? dbres_str(r, 0, 0) : NULL,
	    form_str(c, PF_CURRENT), &wait_min, &rc);
	if (pw < 0)
		return DB_STATUS(rc);
	if (pw == AUTH_PW_THROTTLED) {
		form_error(c, PF_CURRENT, "err.login_throttled");
		c->form.v[PF_CURRENT].err = arena_printf(c->a, "%s %lld %s",
		    ctx_t(c, "err.login_throttled"), wait_min, ctx_t(c, "unit.minutes"));
	} else if (pw == AUTH_PW_WRONG)
		form_error(c, PF_CURRENT, "err.password_wrong");
	else if (strcmp(form_str(c, PF_NEW), form_str(c, PF_CURRENT)) == 0)
		form_error(c, PF_NEW, "err.password_same");
	if (!c->form.ok)
		return pw_show(c);
	if (auth_hash_password(form_str(c, PF_NEW), hash) != 0)
		return 500;
	if ((rc = db_begin(c->db)) == DB_OK)
		rc = db_exec(c->db, c->a, S_USER_SET_PW, NULL, "si", hash, c->user.id);
	sodium_memzero(hash, sizeof(hash));
	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, S_SESSIONS_OTHERS_DEL, NULL, "ib", c->user.id,
		    c->token_hash, (size_t)crypto_hash_sha256_BYTES);
	if (rc == DB_OK)
		rc = audit_write(c, "password", "user", c->user.id, c->user.site_id,
		    arena_printf(c->a, "%s: password changed", c->user.username), NULL, NULL);
	return resp_commit(c, rc, "password_changed", "/");
}

/* ---- printed forms: the QR code's link ---- */

/* GET /r/:number: the record a printed form's QR code (or a typed number) names. Works for
 * ever; the record opens only for someone allowed to see it (another site's is 404). */
static int
record_open(struct ctx *c)
{
	const char *number = number_normalise(c->a, c->args[0]);
	const struct number_kind *k;
	struct dbres *r;
	int rc;

	if (!number_valid(number)) {
		page_error(c, 404, "err.number_check");
		return 404;
	}
	if ((rc = db_exec(c->db, c->a, DBQ_NUMBER_FIND, &r, "s", number)) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || !ctx_site_ok(c, dbres_int(r, 0, 1)) ||
	    (k = number_kind(dbres_str(r, 0, 0))) == NULL) {
		page_error(c, 404, "err.number_unknown");
		return 404;
	}
	return resp_redirect(c, arena_printf(c->a, k->url, dbres_int(r, 0, 2)));
}

/* ---- plumbing routes ---- */

/* GET /_ok: the baseline for benchmarks: no session, no database, no template. */
static int
ok_show(struct ctx *c)
{
	return resp_text(c, 200, "ok\n");
}

/* GET /_err/413: nginx refused a body over its limit and hands the page to us. */
static int
err413_show(struct ctx *c)
{
	page_error(c, 413, NULL);
	return 413;
}

static const struct route routes[] = {
	{ "GET",  "/_ok",         ok_show,     R_PUBLIC | R_NODB, NULL, NULL },
	{ "GET",  "/_err/413",    err413_show, R_PUBLIC, NULL, NULL },
	{ "GET",  "/login",       login_show,  R_PUBLIC, NULL, NULL },
	{ "POST", "/login",       login_post,  R_PUBLIC, &login_form, login_show },
	{ "POST", "/logout",      logout_post, ROLES_ANY, NULL, NULL },
	{ "GET",  "/",            home_show,   ROLES_ANY, NULL, NULL },
	{ "GET",  "/me",          me_show,     ROLES_ANY, NULL, NULL },
	{ "POST", "/me",          me_post,     ROLES_ANY, &me_form, me_show },
	{ "GET",  "/me/password", pw_show,     ROLES_ANY, NULL, NULL },
	{ "POST", "/me/password", pw_post,     ROLES_ANY, &pw_form, pw_show },
	{ "GET",  "/r/:number",   record_open, ROLES_ANY, NULL, NULL },
};

int
main(int argc, char **argv)
{
	static const struct app app = {
		"dd-auth", routes, sizeof(routes) / sizeof(routes[0]),
		stmts, sizeof(stmts) / sizeof(stmts[0]), 0,
	};

	return app_main(argc, argv, &app);
}
