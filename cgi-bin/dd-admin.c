/* dd-admin: sites, users and roles, departments, and the audit log.
 *
 * Owns /admin and everything below it. Users and sites: admins only (company-wide).
 * Departments and the audit log: admins for every site; managers and directors for their
 * own site, where a record of another site answers 404.
 */
#include "core/app.h"
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PER_PAGE 50
#define SITE_ROLES (ROLE_ADMIN | ROLE_MANAGER | ROLE_DIRECTOR)

enum stmt {
	S_SITES_ACTIVE = DB_APP_FIRST,
	S_USERS_COUNT,
	S_USERS_LIST,
	S_USER_GET,
	S_USER_GET_LOCK,
	S_USER_INSERT,
	S_USER_UPDATE,
	S_USER_SET_PW,
	S_USER_SET_ACTIVE,
	S_USER_SESSIONS_DEL,
	S_SITES_LIST,
	S_SITE_GET,
	S_SITE_INSERT,
	S_SITE_REQ_SETTINGS,
	S_SITE_REQ_SLA,
	S_SITE_REQ_ESC,
	S_DEPTS_FOR_USERS,
	S_DEPT_SITE,
	S_SITE_UPDATE,
	S_DEPTS_LIST,
	S_DEPT_GET,
	S_DEPT_INSERT,
	S_DEPT_UPDATE,
	S_SHIFTS_LIST,
	S_SHIFT_GET,
	S_SHIFT_INSERT,
	S_SHIFT_UPDATE,
	S_AUDIT_LIST,
	S_AUDIT_GET,
	S__END
};

#define USER_COLS "u.id, u.username, u.display_name, u.site_id, u.roles, u.lang, u.phone," \
	" u.active, s.name, u.must_change_pw, COALESCE(u.department_id, 0)"
#define USER_FILTER " FROM users u JOIN sites s ON s.id = u.site_id" \
	" WHERE (? = '' OR u.username LIKE ? OR u.display_name LIKE ?)" \
	" AND (? = 0 OR u.site_id = ?) AND (? = 0 OR (u.roles & ?) <> 0)" \
	" AND (? = -1 OR u.active = ?)"
#define AUDIT_FILTER " FROM audit_log a LEFT JOIN users u ON u.id = a.user_id" \
	" LEFT JOIN sites s ON s.id = a.site_id" \
	" WHERE (? = 0 OR a.site_id = ?) AND (? = '' OR a.entity = ?)" \
	" AND (? = '' OR u.username = ?) AND (? = '' OR a.at >= ?)" \
	" AND (? = '' OR a.at < DATE_ADD(?, INTERVAL 1 DAY))"

static const char *const stmts[S__END - DB_APP_FIRST] = {
#define Q(id) [id - DB_APP_FIRST]
	Q(S_SITES_ACTIVE) = "SELECT id, name FROM sites WHERE active = 1 ORDER BY code",
	Q(S_USERS_COUNT) = "SELECT COUNT(*)" USER_FILTER,
	Q(S_USERS_LIST) = "SELECT " USER_COLS USER_FILTER
	    " ORDER BY s.code, u.username LIMIT ? OFFSET ?",
	Q(S_USER_GET) = "SELECT " USER_COLS " FROM users u JOIN sites s ON s.id = u.site_id"
	    " WHERE u.id = ?",
	Q(S_USER_GET_LOCK) = "SELECT " USER_COLS " FROM users u JOIN sites s ON s.id = u.site_id"
	    " WHERE u.id = ? FOR UPDATE",
	Q(S_USER_INSERT) = "INSERT INTO users (username, display_name, site_id, roles, lang, phone,"
	    " pw_hash, must_change_pw, department_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)",
	Q(S_USER_UPDATE) = "UPDATE users SET display_name = ?, site_id = ?, roles = ?, lang = ?,"
	    " phone = ?, department_id = ? WHERE id = ?",
	Q(S_USER_SET_PW) = "UPDATE users SET pw_hash = ?, must_change_pw = 1 WHERE id = ?",
	Q(S_USER_SET_ACTIVE) = "UPDATE users SET active = ? WHERE id = ?",
	Q(S_USER_SESSIONS_DEL) = "DELETE FROM sessions WHERE user_id = ?",
	Q(S_SITES_LIST) = "SELECT s.id, s.code, s.name, s.address, s.phone,"
	    " (SELECT COUNT(*) FROM users u WHERE u.site_id = s.id AND u.active = 1),"
	    " (SELECT COUNT(*) FROM departments d WHERE d.site_id = s.id AND d.active = 1)"
	    " FROM sites s ORDER BY s.code",
	Q(S_SITE_GET) = "SELECT id, code, name, address, phone FROM sites WHERE id = ?",
	Q(S_SITE_INSERT) = "INSERT INTO sites (code, name, address, phone) VALUES (?, ?, ?, ?)",
	/* A new site's request desk defaults: the same rows as the INSERTs at the end of
	 * sql/008_requests.sql. */
	Q(S_SITE_REQ_SETTINGS) = "INSERT IGNORE INTO req_settings (site_id) VALUES (?)",
	Q(S_SITE_REQ_SLA) = "INSERT IGNORE INTO req_sla (site_id, type, urgency, respond_minutes,"
	    " resolve_minutes, calendar) SELECT ?, t.type, u.urgency,"
	    " CASE u.urgency WHEN 'critical' THEN 15 WHEN 'urgent' THEN 30 ELSE 60 END,"
	    " CASE u.urgency WHEN 'critical' THEN 240 WHEN 'urgent' THEN 480"
	    "  ELSE IF(t.type = 'repair', 1440, 2880) END, IF(u.urgency = 'normal', 'working', 'natural')"
	    " FROM (SELECT 'complaint' AS type UNION ALL SELECT 'repair' UNION ALL SELECT 'inquiry'"
	    "  UNION ALL SELECT 'suggestion' UNION ALL SELECT 'help') t"
	    " CROSS JOIN (SELECT 'normal' AS urgency UNION ALL SELECT 'urgent'"
	    "  UNION ALL SELECT 'critical') u",
	Q(S_SITE_REQ_ESC) = "INSERT IGNORE INTO req_escalation_rules (site_id, level, role,"
	    " decide_minutes) VALUES (?, 1, 4, 240), (?, 2, 8, 1440)",
	/* Departments a department user may belong to (every active one, with its site). */
	Q(S_DEPTS_FOR_USERS) = "SELECT d.id, d.name, s.name, d.site_id FROM departments d"
	    " JOIN sites s ON s.id = d.site_id WHERE d.active = 1 ORDER BY s.code, d.name",
	Q(S_DEPT_SITE) = "SELECT site_id, active FROM departments WHERE id = ?",
	Q(S_SITE_UPDATE) = "UPDATE sites SET code = ?, name = ?, address = ?, phone = ?"
	    " WHERE id = ?",
	Q(S_DEPTS_LIST) = "SELECT d.id, d.name, d.phone, d.active, s.name FROM departments d"
	    " JOIN sites s ON s.id = d.site_id WHERE (? = 0 OR d.site_id = ?)"
	    " ORDER BY s.code, d.active DESC, d.name",
	Q(S_DEPT_GET) = "SELECT d.id, d.site_id, d.name, d.phone, d.active, s.name"
	    " FROM departments d JOIN sites s ON s.id = d.site_id WHERE d.id = ?",
	Q(S_DEPT_INSERT) = "INSERT INTO departments (site_id, name, phone) VALUES (?, ?, ?)",
	Q(S_DEPT_UPDATE) = "UPDATE departments SET name = ?, phone = ?, active = ? WHERE id = ?",
#define SHIFT_COLS "sh.id, sh.site_id, sh.name, TIME_FORMAT(sh.start_time, '%H:%i')," \
	" TIME_FORMAT(sh.end_time, '%H:%i'), sh.headcount, sh.holiday_headcount, sh.needs_lead," \
	" sh.needs_deputy, sh.days, sh.sort_order, sh.active, s.name"
	Q(S_SHIFTS_LIST) = "SELECT " SHIFT_COLS " FROM shifts sh JOIN sites s ON s.id = sh.site_id"
	    " WHERE (? = 0 OR sh.site_id = ?) ORDER BY s.code, sh.active DESC, sh.sort_order,"
	    " sh.start_time",
	Q(S_SHIFT_GET) = "SELECT " SHIFT_COLS " FROM shifts sh JOIN sites s ON s.id = sh.site_id"
	    " WHERE sh.id = ?",
	Q(S_SHIFT_INSERT) = "INSERT INTO shifts (site_id, name, start_time, end_time, headcount,"
	    " holiday_headcount, needs_lead, needs_deputy, days, sort_order, active)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	Q(S_SHIFT_UPDATE) = "UPDATE shifts SET name = ?, start_time = ?, end_time = ?, headcount = ?,"
	    " holiday_headcount = ?, needs_lead = ?, needs_deputy = ?, days = ?, sort_order = ?,"
	    " active = ? WHERE id = ?",
	Q(S_AUDIT_LIST) = "SELECT a.id, DATE_FORMAT(a.at, '%Y-%m-%d %H:%i:%s'),"
	    " COALESCE(u.display_name, ''), a.action, a.entity, a.entity_id, a.summary,"
	    " COALESCE(s.name, '')" AUDIT_FILTER " ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?",
	Q(S_AUDIT_GET) = "SELECT a.id, DATE_FORMAT(a.at, '%Y-%m-%d %H:%i:%s'),"
	    " COALESCE(u.display_name, ''), COALESCE(u.username, ''), a.action, a.entity,"
	    " a.entity_id, a.summary, a.old_values, a.new_values, a.ip, a.site_id,"
	    " COALESCE(s.name, '') FROM audit_log a LEFT JOIN users u ON u.id = a.user_id"
	    " LEFT JOIN sites s ON s.id = a.site_id WHERE a.id = ?",
#undef Q
};

/* ---- shared helpers ---- */

static unsigned
roles_from_form(const struct ctx *c, size_t field)
{
	unsigned bits = 0;

	for (size_t i = 0; i < ROLE_COUNT; i++)
		if (form_has(c, field, role_table[i].code))
			bits |= role_table[i].bit;
	return bits;
}

/* Adds the SITE_OPT section (every active site, the chosen one selected). */
static int
site_options(struct ctx *c, tpl_dict *d, long long selected)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, S_SITES_ACTIVE, &r, "");

	for (size_t i = 0; rc == DB_OK && i < r->nrows; i++) {
		tpl_dict *o = tpl_section(d, "SITE_OPT");

		tpl_set(o, "ID", dbres_str(r, i, 0));
		tpl_set(o, "NAME", dbres_str(r, i, 1));
		if (dbres_int(r, i, 0) == selected)
			tpl_show(o, "SEL");
	}
	return rc;
}

/* Escapes LIKE wildcards and wraps in %...%. */
static const char *
like_pattern(struct ctx *c, const char *q)
{
	struct buf b;
	char *s;

	buf_init(&b);
	buf_putc(&b, '%');
	for (; *q; q++) {
		if (*q == '%' || *q == '_' || *q == '\\')
			buf_putc(&b, '\\');
		buf_putc(&b, *q);
	}
	buf_putc(&b, '%');
	s = arena_strdup(c->a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

/* GET /admin: the first page the user may see. */
static int
admin_index(struct ctx *c)
{
	return resp_redirect(c, ctx_has_role(c, ROLE_ADMIN) ? "/admin/users" :
	    ctx_has_role(c, ROLE_MANAGER | ROLE_DIRECTOR) ? "/admin/audit" : "/admin/shifts");
}

/* ---- users ---- */

static const char *const lang_choices[] = { "zh-CN", "en", NULL };
static const char *const status_choices[] = { "active", "disabled", NULL };

/* Edit uses the first UF__EDIT fields; a new user also has a user name and a password. */
enum { UF_DISPLAY, UF_SITE, UF_ROLES, UF_LANG, UF_PHONE, UF_DEPT, UF__EDIT,
	UF_USERNAME = UF__EDIT, UF_PASSWORD };
static const struct field user_fields[] = {
	[UF_DISPLAY]  = { "display_name", FT_TEXT, FF_REQUIRED, 0, 50, NULL, "field.display_name" },
	[UF_SITE]     = { "site_id", FT_INT, FF_REQUIRED, 1, 1000000000, NULL, "field.site" },
	[UF_ROLES]    = { "roles", FT_MULTI, FF_REQUIRED, 0, 0, role_codes, "field.roles" },
	[UF_LANG]     = { "lang", FT_CHOICE, FF_REQUIRED, 0, 0, lang_choices, "field.lang" },
	[UF_PHONE]    = { "phone", FT_PHONE, 0, 0, 40, NULL, "field.phone" },
	[UF_DEPT]     = { "department_id", FT_INT, 0, 1, 4294967295LL, NULL, "req.admin.dept" },
	[UF_USERNAME] = { "username", FT_USERNAME, FF_REQUIRED, 3, 32, NULL, "field.username" },
	[UF_PASSWORD] = { "password", FT_PASSWORD, FF_REQUIRED, 10, 200, NULL, "field.password" },
};
static const struct form_spec user_new_form = { user_fields, UF_PASSWORD + 1 };
static const struct form_spec user_edit_form = { user_fields, UF__EDIT };

enum { RF_PASSWORD };
static const struct field reset_fields[] = {
	[RF_PASSWORD] = { "password", FT_PASSWORD, FF_REQUIRED, 10, 200, NULL, "field.password" },
};
static const struct form_spec reset_form = FORM_SPEC(reset_fields);

enum { AF_ACTIVE };
static const char *const bool_choices[] = { "0", "1", NULL };
static const struct field active_fields[] = {
	[AF_ACTIVE] = { "active", FT_CHOICE, FF_REQUIRED, 0, 0, bool_choices, NULL },
};
static const struct form_spec active_form = FORM_SPEC(active_fields);

enum { LF_Q, LF_SITE, LF_ROLE, LF_STATUS, LF_PAGE };
static const struct field ulist_fields[] = {
	[LF_Q]      = { "q", FT_TEXT, 0, 0, 50, NULL, "field.search" },
	[LF_SITE]   = { "site", FT_INT, 0, 0, 1000000000, NULL, "field.site" },
	[LF_ROLE]   = { "role", FT_CHOICE, 0, 0, 0, role_codes, "field.roles" },
	[LF_STATUS] = { "status", FT_CHOICE, 0, 0, 0, status_choices, "field.status" },
	[LF_PAGE]   = { "page", FT_INT, 0, 1, 1000000, NULL, NULL },
};
static const struct form_spec ulist_form = FORM_SPEC(ulist_fields);

/* A valid filter value, or "" (an invalid one is shown with its message but not applied). */
static const char *
filter(const struct ctx *c, size_t i)
{
	return c->form.v[i].err ? "" : form_str(c, i);
}

/* Adds ROLE_OPT rows (checkboxes) with the given roles checked. */
static void
role_options(struct ctx *c, tpl_dict *d, unsigned checked)
{
	for (size_t i = 0; i < ROLE_COUNT; i++) {
		tpl_dict *o = tpl_section(d, "ROLE_OPT");

		tpl_set(o, "CODE", role_table[i].code);
		tpl_set(o, "NAME", ctx_t(c, role_table[i].msg_key));
		if (checked & role_table[i].bit)
			tpl_show(o, "ON");
	}
}

/* GET /admin/users?q=&site=&role=&status=&page= */
static int
users_list(struct ctx *c)
{
	const char *q = filter(c, LF_Q), *role = filter(c, LF_ROLE), *st = filter(c, LF_STATUS);
	long long site = atoll(filter(c, LF_SITE)), page = atoll(filter(c, LF_PAGE)), off;
	long long rbit = 0, active = *st ? strcmp(st, "active") == 0 : -1;
	const char *like = like_pattern(c, q);
	struct dbres *r;
	tpl_dict *d;
	int rc;

	for (size_t i = 0; i < ROLE_COUNT; i++)
		if (strcmp(role, role_table[i].code) == 0)
			rbit = role_table[i].bit;
	d = page_begin(c, "users.tpl", "users.title");
	if ((rc = db_exec(c->db, c->a, S_USERS_COUNT, &r, "sssiiiiii", q, like, like, site, site,
	    rbit, rbit, active, active)) != DB_OK)
		return DB_STATUS(rc);
	off = page_pager(c, d, dbres_int(r, 0, 0), page, PER_PAGE,
	    arena_printf(c->a, "q=%s&site=%lld&role=%s&status=%s", url_encode(c->a, q), site,
	    role, st));
	if ((rc = db_exec(c->db, c->a, S_USERS_LIST, &r, "sssiiiiiiii", q, like, like, site, site,
	    rbit, rbit, active, active, (long long)PER_PAGE, off)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *row = tpl_section(d, "USER");

		tpl_set(row, "ID", dbres_str(r, i, 0));
		tpl_set(row, "USERNAME", dbres_str(r, i, 1));
		tpl_set(row, "DISPLAY_NAME", dbres_str(r, i, 2));
		tpl_set(row, "SITE_NAME", dbres_str(r, i, 8));
		tpl_set(row, "ROLES", roles_text(c, (unsigned)dbres_int(r, i, 4), "、", 0));
		tpl_set(row, "PHONE", dbres_str(r, i, 6));
		if (!dbres_int(r, i, 7))
			tpl_show(row, "DISABLED");
	}
	if (r->nrows == 0)
		tpl_show(d, "EMPTY");
	for (size_t i = 0; i < ROLE_COUNT; i++) {
		tpl_dict *o = tpl_section(d, "ROLE_FILTER");

		tpl_set(o, "CODE", role_table[i].code);
		tpl_set(o, "NAME", ctx_t(c, role_table[i].msg_key));
		if (rbit == role_table[i].bit)
			tpl_show(o, "SEL");
	}
	rc = site_options(c, d, site);
	return rc == DB_OK ? 200 : DB_STATUS(rc);
}

/* GET /admin/users/new (and the form again after a refused POST). */
/* The department choices (DEPT_OPT: every active department, named with its site). */
static int
dept_options(struct ctx *c, tpl_dict *d, long long selected)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, S_DEPTS_FOR_USERS, &r, "");

	for (size_t i = 0; rc == DB_OK && i < r->nrows; i++) {
		tpl_dict *o = tpl_section(d, "DEPT_OPT");

		tpl_set(o, "ID", dbres_str(r, i, 0));
		tpl_set(o, "NAME", arena_printf(c->a, "%s · %s", dbres_str(r, i, 2), dbres_str(r, i, 1)));
		if (dbres_int(r, i, 0) == selected)
			tpl_show(o, "SEL");
	}
	return rc;
}

/* A department user needs a department, and a department must be an active one of the
 * user's site. Marks the field; returns a database status. */
static int
dept_check(struct ctx *c, unsigned roles)
{
	struct dbres *r;
	long long dept = form_num(c, UF_DEPT);
	int rc;

	if (dept == 0) {
		if (roles & ROLE_DEPT)
			form_error(c, UF_DEPT, "req.admin.dept_needed");
		return DB_OK;
	}
	if ((rc = db_exec(c->db, c->a, S_DEPT_SITE, &r, "i", dept)) != DB_OK)
		return rc;
	if (r->nrows != 1 || dbres_int(r, 0, 0) != form_num(c, UF_SITE) || !dbres_int(r, 0, 1))
		form_error(c, UF_DEPT, "req.admin.dept_err");
	return DB_OK;
}

static int
user_new_show(struct ctx *c)
{
	tpl_dict *d;
	int rc;

	if (c->form.spec == NULL) {
		form_empty(c, &user_new_form);
		form_set(c, UF_LANG, "zh-CN");
		form_set(c, UF_SITE, arena_printf(c->a, "%lld", c->user.site_id));
	}
	d = page_begin(c, "user_new.tpl", "user_new.title");
	role_options(c, d, roles_from_form(c, UF_ROLES));
	rc = site_options(c, d, atoll(form_str(c, UF_SITE)));
	if (rc == DB_OK)
		rc = dept_options(c, d, form_num(c, UF_DEPT));
	return rc == DB_OK ? 200 : DB_STATUS(rc);
}

/* The audit values of a user from the form. */
static char *
user_json(struct ctx *c, const char *username, unsigned roles)
{
	struct json j;

	json_begin(&j);
	json_str(&j, "username", username);
	json_str(&j, "display_name", form_str(c, UF_DISPLAY));
	json_int(&j, "site_id", form_num(c, UF_SITE));
	json_str(&j, "roles", roles_text(c, roles, ",", 1));
	json_str(&j, "lang", form_str(c, UF_LANG));
	json_str(&j, "phone", form_str(c, UF_PHONE));
	json_int(&j, "department_id", form_num(c, UF_DEPT));
	return json_end(&j, c->a);
}

/* The audit values of a user row from S_USER_GET. */
static char *
user_row_json(struct ctx *c, const struct dbres *r)
{
	struct json j;

	json_begin(&j);
	json_str(&j, "username", dbres_str(r, 0, 1));
	json_str(&j, "display_name", dbres_str(r, 0, 2));
	json_int(&j, "site_id", dbres_int(r, 0, 3));
	json_str(&j, "roles", roles_text(c, (unsigned)dbres_int(r, 0, 4), ",", 1));
	json_str(&j, "lang", dbres_str(r, 0, 5));
	json_str(&j, "phone", dbres_str(r, 0, 6));
	json_int(&j, "active", dbres_int(r, 0, 7));
	json_int(&j, "department_id", dbres_int(r, 0, 10));
	return json_end(&j, c->a);
}

/* POST /admin/users/new */
static int
user_new_post(struct ctx *c)
{
	char hash[crypto_pwhash_STRBYTES];
	unsigned roles = roles_from_form(c, UF_ROLES);
	const char *username = form_str(c, UF_USERNAME);
	struct dbres *r;
	long long id;
	int rc;

	if ((rc = dept_check(c, roles)) != DB_OK)
		return DB_STATUS(rc);
	if (!c->form.ok)
		return user_new_show(c);
	if (auth_hash_password(form_str(c, UF_PASSWORD), hash) != 0)
		return 500;
	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	rc = db_exec(c->db, c->a, S_USER_INSERT, &r, "ssiisssn", username,
	    form_str(c, UF_DISPLAY), form_num(c, UF_SITE), (long long)roles, form_str(c, UF_LANG),
	    form_str(c, UF_PHONE), hash, form_num(c, UF_DEPT));
	sodium_memzero(hash, sizeof(hash));
	if (rc == DB_EDUP) {
		form_error(c, UF_USERNAME, "err.username_taken");
		return user_new_show(c);
	}
	if (rc == DB_EFAIL) {
		/* The only other refusal is the site's foreign key. */
		form_error(c, UF_SITE, "err.choice");
		return user_new_show(c);
	}
	id = (long long)r->insert_id;
	if (rc == DB_OK)
		rc = audit_write(c, "create", "user", id, form_num(c, UF_SITE),
		    arena_printf(c->a, "%s %s (%s)", ctx_t(c, "audit.user_created"), username,
		    form_str(c, UF_DISPLAY)), NULL, user_json(c, username, roles));
	return resp_commit(c, rc, "saved", arena_printf(c->a, "/admin/users/%lld", id));
}

/* GET /admin/users/:id (also after a refused edit, reset or (de)activation). */
static int
user_show(struct ctx *c)
{
	struct dbres *r;
	tpl_dict *d;
	unsigned roles;
	int rc, editing = c->form.spec == &user_edit_form;

	if ((rc = db_exec(c->db, c->a, S_USER_GET, &r, "i", c->ids[0])) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1)
		return 404;
	d = page_begin(c, "user.tpl", "user.title");
	tpl_set(d, "ID", dbres_str(r, 0, 0));
	tpl_set(d, "USERNAME", dbres_str(r, 0, 1));
	tpl_set(d, "CURRENT_SITE", dbres_str(r, 0, 8));
	if (!editing) {
		/* The edit form shows the stored values; a refused reset keeps its own error. */
		tpl_set(d, "DISPLAY_NAME", dbres_str(r, 0, 2));
		tpl_set(d, "PHONE", dbres_str(r, 0, 6));
		tpl_show(d, strcmp(dbres_str(r, 0, 5), "en") == 0 ? "LANG_EN_ON" : "LANG_ZH_CN_ON");
	} else {
		tpl_show(d, strcmp(form_str(c, UF_LANG), "en") == 0 ? "LANG_EN_ON" : "LANG_ZH_CN_ON");
	}
	roles = editing ? roles_from_form(c, UF_ROLES) : (unsigned)dbres_int(r, 0, 4);
	role_options(c, d, roles);
	if ((rc = dept_options(c, d, editing ? form_num(c, UF_DEPT) : dbres_int(r, 0, 10))) != DB_OK)
		return DB_STATUS(rc);
	tpl_show(d, dbres_int(r, 0, 7) ? "ACTIVE" : "DISABLED");
	if (dbres_int(r, 0, 9))
		tpl_show(d, "MUST_CHANGE");
	/* An admin never disables their own account (the form is not offered). */
	if (dbres_int(r, 0, 0) != c->user.id)
		tpl_show(d, "NOT_SELF");
	rc = site_options(c, d, editing ? form_num(c, UF_SITE) : dbres_int(r, 0, 3));
	return rc == DB_OK ? 200 : DB_STATUS(rc);
}

/* Locks the user row for a change; 0 when absent. */
static int
user_lock(struct ctx *c, struct dbres **r)
{
	int rc = db_begin(c->db);

	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, S_USER_GET_LOCK, r, "i", c->ids[0]);
	return rc;
}

/* POST /admin/users/:id */
static int
user_edit_post(struct ctx *c)
{
	unsigned roles = roles_from_form(c, UF_ROLES);
	struct dbres *r;
	int rc;

	if (c->ids[0] == c->user.id && !(roles & ROLE_ADMIN)) {
		form_error(c, UF_ROLES, "err.own_admin_role");
		return user_show(c);
	}
	if ((rc = dept_check(c, roles)) != DB_OK)
		return DB_STATUS(rc);
	if (!c->form.ok)
		return user_show(c);
	if ((rc = user_lock(c, &r)) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1)
		return 404;
	rc = db_exec(c->db, c->a, S_USER_UPDATE, NULL, "siissni", form_str(c, UF_DISPLAY),
	    form_num(c, UF_SITE), (long long)roles, form_str(c, UF_LANG), form_str(c, UF_PHONE),
	    form_num(c, UF_DEPT), c->ids[0]);
	if (rc == DB_EFAIL) {
		form_error(c, UF_SITE, "err.choice");
		return user_show(c);
	}
	if (rc == DB_OK)
		rc = audit_write(c, "update", "user", c->ids[0], form_num(c, UF_SITE),
		    arena_printf(c->a, "%s %s", ctx_t(c, "audit.user_updated"), dbres_str(r, 0, 1)),
		    user_row_json(c, r), user_json(c, dbres_str(r, 0, 1), roles));
	return resp_commit(c, rc, "saved", arena_printf(c->a, "/admin/users/%lld", c->ids[0]));
}

/* POST /admin/users/:id/password: a new password the user must change at next sign-in. */
static int
user_reset_post(struct ctx *c)
{
	char hash[crypto_pwhash_STRBYTES];
	struct dbres *r;
	int rc;

	if (auth_hash_password(form_str(c, RF_PASSWORD), hash) != 0)
		return 500;
	if ((rc = user_lock(c, &r)) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1)
		return 404;
	rc = db_exec(c->db, c->a, S_USER_SET_PW, NULL, "si", hash, c->ids[0]);
	sodium_memzero(hash, sizeof(hash));
	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, S_USER_SESSIONS_DEL, NULL, "i", c->ids[0]);
	if (rc == DB_OK)
		rc = audit_write(c, "reset_password", "user", c->ids[0], dbres_int(r, 0, 3),
		    arena_printf(c->a, "%s %s", ctx_t(c, "audit.password_reset"), dbres_str(r, 0, 1)),
		    NULL, NULL);
	return resp_commit(c, rc, "password_reset", arena_printf(c->a, "/admin/users/%lld", c->ids[0]));
}

/* POST /admin/users/:id/active: disable (sessions end) or enable. */
static int
user_active_post(struct ctx *c)
{
	long long active = form_num(c, AF_ACTIVE);
	struct dbres *r;
	struct json o, n;
	int rc;

	if (c->ids[0] == c->user.id) {
		resp_flash(c, "not_self");
		return resp_redirect(c, arena_printf(c->a, "/admin/users/%lld", c->ids[0]));
	}
	if ((rc = user_lock(c, &r)) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1)
		return 404;
	rc = db_exec(c->db, c->a, S_USER_SET_ACTIVE, NULL, "ii", active, c->ids[0]);
	if (rc == DB_OK && !active)
		rc = db_exec(c->db, c->a, S_USER_SESSIONS_DEL, NULL, "i", c->ids[0]);
	json_begin(&o);
	json_int(&o, "active", dbres_int(r, 0, 7));
	json_begin(&n);
	json_int(&n, "active", active);
	if (rc == DB_OK)
		rc = audit_write(c, active ? "enable" : "disable", "user", c->ids[0],
		    dbres_int(r, 0, 3), arena_printf(c->a, "%s %s", ctx_t(c, active ?
		    "audit.user_enabled" : "audit.user_disabled"), dbres_str(r, 0, 1)),
		    json_end(&o, c->a), json_end(&n, c->a));
	else {
		buf_free(&o.b);
		buf_free(&n.b);
	}
	return resp_commit(c, rc, "saved", arena_printf(c->a, "/admin/users/%lld", c->ids[0]));
}

/* ---- sites ---- */

enum { SF_CODE, SF_NAME, SF_ADDRESS, SF_PHONE };
static const struct field site_fields[] = {
	[SF_CODE]    = { "code", FT_CODE, FF_REQUIRED, 2, 32, NULL, "field.site_code" },
	[SF_NAME]    = { "name", FT_TEXT, FF_REQUIRED, 0, 100, NULL, "field.site_name" },
	[SF_ADDRESS] = { "address", FT_TEXT, 0, 0, 200, NULL, "field.address" },
	[SF_PHONE]   = { "phone", FT_PHONE, 0, 0, 40, NULL, "field.phone" },
};
static const struct form_spec site_form = FORM_SPEC(site_fields);

/* GET /admin/sites */
static int
sites_list(struct ctx *c)
{
	static const char *const cols[] = { "ID", "CODE", "NAME", "ADDRESS", "PHONE", "N_USERS",
	    "N_DEPTS" };
	struct dbres *r;
	tpl_dict *d = page_begin(c, "sites.tpl", "sites.title");
	int rc = db_exec(c->db, c->a, S_SITES_LIST, &r, "");

	if (rc != DB_OK)
		return DB_STATUS(rc);
	page_rows(d, "SITE", r, cols);
	return 200;
}

/* GET /admin/sites/new and /admin/sites/:id (also after a refused POST). */
static int
site_show(struct ctx *c)
{
	tpl_dict *d;
	struct dbres *r;
	int rc;

	if (c->nids == 0) {
		if (c->form.spec == NULL)
			form_empty(c, &site_form);
		d = page_begin(c, "site.tpl", "site_new.title");
		tpl_set(d, "ACTION", "/admin/sites/new");
		tpl_show(d, "IS_NEW");
		return 200;
	}
	if ((rc = db_exec(c->db, c->a, S_SITE_GET, &r, "i", c->ids[0])) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1)
		return 404;
	if (c->form.spec == NULL) {
		form_empty(c, &site_form);
		for (size_t i = 0; i < site_form.n; i++)
			form_set(c, i, dbres_str(r, 0, i + 1));
	}
	d = page_begin(c, "site.tpl", "site.title");
	tpl_set(d, "ACTION", arena_printf(c->a, "/admin/sites/%lld", c->ids[0]));
	tpl_show(d, "EXISTING");
	return 200;
}

static char *
site_json(struct ctx *c, const char *code, const char *name, const char *addr,
    const char *phone)
{
	struct json j;

	json_begin(&j);
	json_str(&j, "code", code);
	json_str(&j, "name", name);
	json_str(&j, "address", addr);
	json_str(&j, "phone", phone);
	return json_end(&j, c->a);
}

/* POST /admin/sites/new and /admin/sites/:id */
static int
site_post(struct ctx *c)
{
	const char *code = form_str(c, SF_CODE), *name = form_str(c, SF_NAME);
	const char *addr = form_str(c, SF_ADDRESS), *phone = form_str(c, SF_PHONE);
	const char *old = NULL;
	struct dbres *r;
	long long id = c->nids ? c->ids[0] : 0;
	int rc;

	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	if (id != 0) {
		if ((rc = db_exec(c->db, c->a, S_SITE_GET, &r, "i", id)) != DB_OK)
			return DB_STATUS(rc);
		if (r->nrows != 1)
			return 404;
		old = site_json(c, dbres_str(r, 0, 1), dbres_str(r, 0, 2), dbres_str(r, 0, 3),
		    dbres_str(r, 0, 4));
		rc = db_exec(c->db, c->a, S_SITE_UPDATE, NULL, "ssssi", code, name, addr, phone, id);
	} else {
		rc = db_exec(c->db, c->a, S_SITE_INSERT, &r, "ssss", code, name, addr, phone);
		id = rc == DB_OK ? (long long)r->insert_id : 0;
		if (rc == DB_OK)
			rc = db_exec(c->db, c->a, S_SITE_REQ_SETTINGS, NULL, "i", id);
		if (rc == DB_OK)
			rc = db_exec(c->db, c->a, S_SITE_REQ_SLA, NULL, "i", id);
		if (rc == DB_OK)
			rc = db_exec(c->db, c->a, S_SITE_REQ_ESC, NULL, "ii", id, id);
	}
	if (rc == DB_EDUP) {
		form_error(c, SF_CODE, "err.site_code_taken");
		return site_show(c);
	}
	if (rc == DB_OK)
		rc = audit_write(c, old ? "update" : "create", "site", id, id,
		    arena_printf(c->a, "%s %s %s", ctx_t(c, old ? "audit.site_updated" :
		    "audit.site_created"), code, name), old, site_json(c, code, name, addr, phone));
	return resp_commit(c, rc, "saved", "/admin/sites");
}

/* ---- departments ---- */

enum { DF_NAME, DF_PHONE, DF_SITE, DF_ACTIVE };
static const struct field dept_fields[] = {
	[DF_NAME]   = { "name", FT_TEXT, FF_REQUIRED, 0, 50, NULL, "field.dept_name" },
	[DF_PHONE]  = { "phone", FT_PHONE, 0, 0, 40, NULL, "field.phone" },
	[DF_SITE]   = { "site_id", FT_INT, 0, 0, 1000000000, NULL, "field.site" },
	[DF_ACTIVE] = { "active", FT_CHOICE, 0, 0, 0, bool_choices, "field.status" },
};
static const struct form_spec dept_form = FORM_SPEC(dept_fields);

/* The site whose departments the user works on: admins may pick (?site= or the form),
 * everyone else has their own. */
static long long
dept_site(const struct ctx *c, long long asked)
{
	if (!ctx_has_role(c, ROLE_ADMIN))
		return c->user.site_id;
	return asked;
}

/* GET /admin/departments (the new-department form is on this page). */
static int
depts_list(struct ctx *c)
{
	const char *qs = ctx_query(c, "site");
	long long site = dept_site(c, qs ? atoll(qs) : 0);
	long long form_site;
	struct dbres *r;
	tpl_dict *d;
	int rc;

	if (c->form.spec == NULL)
		form_empty(c, &dept_form);
	form_site = form_num(c, DF_SITE) ? form_num(c, DF_SITE) : site ? site : c->user.site_id;
	d = page_begin(c, "departments.tpl", "departments.title");
	if ((rc = db_exec(c->db, c->a, S_DEPTS_LIST, &r, "ii", site, site)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *row = tpl_section(d, "DEPT");

		tpl_set(row, "ID", dbres_str(r, i, 0));
		tpl_set(row, "NAME", dbres_str(r, i, 1));
		tpl_set(row, "PHONE", dbres_str(r, i, 2));
		tpl_set(row, "SITE_NAME", dbres_str(r, i, 4));
		if (!dbres_int(r, i, 3))
			tpl_show(row, "INACTIVE");
	}
	if (ctx_has_role(c, ROLE_ADMIN)) {
		tpl_dict *a = tpl_section(d, "ADMIN");

		if ((rc = site_options(c, a, form_site)) != DB_OK)
			return DB_STATUS(rc);
		if ((rc = site_options(c, tpl_section(d, "SITE_FILTER"), site)) != DB_OK)
			return DB_STATUS(rc);
	}
	return 200;
}

/* Loads department :id if the user may see it; 404 otherwise (another site's is absent). */
static int
dept_load(struct ctx *c, struct dbres **r)
{
	int rc = db_exec(c->db, c->a, S_DEPT_GET, r, "i", c->ids[0]);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if ((*r)->nrows != 1 || !ctx_site_ok(c, dbres_int(*r, 0, 1)))
		return 404;
	return 0;
}

static char *
dept_json(struct ctx *c, const char *name, const char *phone, long long active)
{
	struct json j;

	json_begin(&j);
	json_str(&j, "name", name);
	json_str(&j, "phone", phone);
	json_int(&j, "active", active);
	return json_end(&j, c->a);
}

/* POST /admin/departments/new */
static int
dept_new_post(struct ctx *c)
{
	long long site = dept_site(c, form_num(c, DF_SITE));
	struct dbres *r;
	int rc;

	if (site == 0)
		site = c->user.site_id;
	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	rc = db_exec(c->db, c->a, S_DEPT_INSERT, &r, "iss", site, form_str(c, DF_NAME),
	    form_str(c, DF_PHONE));
	if (rc == DB_EDUP) {
		form_error(c, DF_NAME, "err.dept_taken");
		return depts_list(c);
	}
	if (rc == DB_EFAIL) {
		form_error(c, DF_SITE, "err.choice");
		return depts_list(c);
	}
	if (rc == DB_OK)
		rc = audit_write(c, "create", "department", (long long)r->insert_id, site,
		    arena_printf(c->a, "%s %s", ctx_t(c, "audit.dept_created"),
		    form_str(c, DF_NAME)), NULL,
		    dept_json(c, form_str(c, DF_NAME), form_str(c, DF_PHONE), 1));
	return resp_commit(c, rc, "saved", ctx_has_role(c, ROLE_ADMIN) ?
	    arena_printf(c->a, "/admin/departments?site=%lld", site) : "/admin/departments");
}

/* GET /admin/departments/:id */
static int
dept_show(struct ctx *c)
{
	struct dbres *r;
	tpl_dict *d;
	int rc = dept_load(c, &r);

	if (rc != 0)
		return rc;
	if (c->form.spec == NULL) {
		form_empty(c, &dept_form);
		form_set(c, DF_NAME, dbres_str(r, 0, 2));
		form_set(c, DF_PHONE, dbres_str(r, 0, 3));
		form_set(c, DF_ACTIVE, dbres_str(r, 0, 4));
	}
	d = page_begin(c, "department.tpl", "department.title");
	tpl_set(d, "ID", dbres_str(r, 0, 0));
	tpl_set(d, "SITE_NAME", dbres_str(r, 0, 5));
	return 200;
}

/* POST /admin/departments/:id */
static int
dept_edit_post(struct ctx *c)
{
	struct dbres *r;
	long long active = strcmp(form_str(c, DF_ACTIVE), "0") == 0 ? 0 : 1;
	int rc = dept_load(c, &r);

	if (rc != 0)
		return rc;
	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	rc = db_exec(c->db, c->a, S_DEPT_UPDATE, NULL, "ssii", form_str(c, DF_NAME),
	    form_str(c, DF_PHONE), active, c->ids[0]);
	if (rc == DB_EDUP) {
		form_error(c, DF_NAME, "err.dept_taken");
		return dept_show(c);
	}
	if (rc == DB_OK)
		rc = audit_write(c, "update", "department", c->ids[0], dbres_int(r, 0, 1),
		    arena_printf(c->a, "%s %s", ctx_t(c, "audit.dept_updated"),
		    form_str(c, DF_NAME)), dept_json(c, dbres_str(r, 0, 2), dbres_str(r, 0, 3),
		    dbres_int(r, 0, 4)), dept_json(c, form_str(c, DF_NAME), form_str(c, DF_PHONE),
		    active));
	return resp_commit(c, rc, "saved", "/admin/departments");
}

/* ---- shifts of a site (used by the duty log, the roster and the handover) ---- */

#define SHIFT_ROLES (SITE_ROLES | ROLE_SUPERVISOR)
static const char *const weekday_codes[] = { "1", "2", "3", "4", "5", "6", "7", NULL };
enum { HF_NAME, HF_START, HF_END, HF_HEAD, HF_HOLIDAY, HF_LEAD, HF_DEPUTY, HF_DAYS, HF_ORDER,
	HF_ACTIVE, HF_SITE };
static const struct field shift_fields[] = {
	[HF_NAME]    = { "name", FT_TEXT, FF_REQUIRED, 0, 20, NULL, "shift.name" },
	[HF_START]   = { "start_time", FT_TIME, FF_REQUIRED, 0, 0, NULL, "shift.start" },
	[HF_END]     = { "end_time", FT_TIME, FF_REQUIRED, 0, 0, NULL, "shift.end" },
	[HF_HEAD]    = { "headcount", FT_INT, FF_REQUIRED, 1, 50, NULL, "shift.headcount" },
	[HF_HOLIDAY] = { "holiday_headcount", FT_INT, FF_REQUIRED, 1, 50, NULL, "shift.holiday" },
	[HF_LEAD]    = { "needs_lead", FT_CHOICE, 0, 0, 0, bool_choices, "shift.lead" },
	[HF_DEPUTY]  = { "needs_deputy", FT_CHOICE, 0, 0, 0, bool_choices, "shift.deputy" },
	[HF_DAYS]    = { "days", FT_MULTI, FF_REQUIRED, 0, 0, weekday_codes, "shift.days" },
	[HF_ORDER]   = { "sort_order", FT_INT, 0, 0, 99, NULL, "shift.order" },
	[HF_ACTIVE]  = { "active", FT_CHOICE, 0, 0, 0, bool_choices, "field.status" },
	[HF_SITE]    = { "site_id", FT_INT, 0, 0, 1000000000, NULL, "field.site" },
};
static const struct form_spec shift_form = FORM_SPEC(shift_fields);

/* The weekdays bit set (Monday = 1 ... Sunday = 64) from the checked boxes. */
static long long
shift_days(const struct ctx *c)
{
	long long bits = 0;

	for (int d = 0; d < 7; d++)
		if (form_has(c, HF_DAYS, weekday_codes[d]))
			bits |= 1LL << d;
	return bits;
}

/* Puts a shift row (SHIFT_COLS) into the form, for the edit page. */
static void
shift_form_from_row(struct ctx *c, const struct dbres *r)
{
	form_empty(c, &shift_form);
	for (size_t i = 0; i < 9; i++)
		if (i != HF_DAYS)
			form_set(c, i, dbres_str(r, 0, i + 2));
	form_set(c, HF_ORDER, dbres_str(r, 0, 10));
	form_set(c, HF_ACTIVE, dbres_str(r, 0, 11));
}

/* Weekday checkboxes: checked from the form when it came back, else from days. */
static void
shift_day_boxes(struct ctx *c, tpl_dict *d, long long days)
{
	for (int i = 0; i < 7; i++) {
		tpl_dict *o = tpl_section(d, "DAY_OPT");

		tpl_set(o, "CODE", weekday_codes[i]);
		tpl_set(o, "NAME", ctx_t(c, arena_printf(c->a, "shift.day%d", i + 1)));
		if (c->form.v[HF_DAYS].present ? form_has(c, HF_DAYS, weekday_codes[i]) :
		    (days >> i) & 1)
			tpl_show(o, "ON");
	}
}

/* GET /admin/shifts (and the new-shift form on it). */
static int
shifts_list(struct ctx *c)
{
	const char *qs = ctx_query(c, "site");
	long long site = dept_site(c, qs ? atoll(qs) : 0);
	struct dbres *r;
	tpl_dict *d;
	int rc;

	if (c->form.spec == NULL) {
		form_empty(c, &shift_form);
		form_set(c, HF_HEAD, "1");
		form_set(c, HF_HOLIDAY, "1");
		form_set(c, HF_LEAD, "1");
		form_set(c, HF_DEPUTY, "0");
		form_set(c, HF_ACTIVE, "1");
	}
	d = page_begin(c, "shifts.tpl", "shifts.title");
	if ((rc = db_exec(c->db, c->a, S_SHIFTS_LIST, &r, "ii", site, site)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *row = tpl_section(d, "SHIFT");
		long long days = dbres_int(r, i, 9);
		struct buf b;

		tpl_set(row, "ID", dbres_str(r, i, 0));
		tpl_set(row, "NAME", dbres_str(r, i, 2));
		tpl_set(row, "START", dbres_str(r, i, 3));
		tpl_set(row, "END", dbres_str(r, i, 4));
		tpl_set(row, "HEAD", dbres_str(r, i, 5));
		tpl_set(row, "HOLIDAY", dbres_str(r, i, 6));
		tpl_set(row, "SITE_NAME", dbres_str(r, i, 12));
		if (strcmp(dbres_str(r, i, 4), dbres_str(r, i, 3)) <= 0)
			tpl_show(row, "OVERNIGHT");
		if (!dbres_int(r, i, 11))
			tpl_show(row, "INACTIVE");
		buf_init(&b);
		for (int k = 0; k < 7; k++)
			if ((days >> k) & 1)
				buf_puts(&b, ctx_t(c, arena_printf(c->a, "shift.day%d", k + 1)));
		tpl_set(row, "DAYS", days == 127 ? ctx_t(c, "shift.every_day") : buf_cstr(&b));
		buf_free(&b);
	}
	{
		/* The form's fields are a template of their own, shared with the edit page. */
		tpl_dict *f = page_include(c, d, "FIELDS", "shift_fields.tpl");

		form_to_dict(c, f);
		shift_day_boxes(c, f, 127);
	}
	if (ctx_has_role(c, ROLE_ADMIN)) {
		if ((rc = site_options(c, tpl_section(d, "ADMIN"), form_num(c, HF_SITE) ?
		    form_num(c, HF_SITE) : site ? site : c->user.site_id)) != DB_OK)
			return DB_STATUS(rc);
		if ((rc = site_options(c, tpl_section(d, "SITE_FILTER"), site)) != DB_OK)
			return DB_STATUS(rc);
	}
	return 200;
}

static char *
shift_json(struct ctx *c, const char *name, const char *start, const char *end,
    long long head, long long holiday, long long days, long long active)
{
	struct json j;

	json_begin(&j);
	json_str(&j, "name", name);
	json_str(&j, "start", start);
	json_str(&j, "end", end);
	json_int(&j, "headcount", head);
	json_int(&j, "holiday_headcount", holiday);
	json_int(&j, "days", days);
	json_int(&j, "active", active);
	return json_end(&j, c->a);
}

/* Checks what the declared validation cannot: a shift has a length. */
static void
shift_check(struct ctx *c)
{
	if (strcmp(form_str(c, HF_START), form_str(c, HF_END)) == 0)
		form_error(c, HF_END, "shift.err.same_time");
}

/* POST /admin/shifts/new */
static int
shift_new_post(struct ctx *c)
{
	long long site = dept_site(c, form_num(c, HF_SITE)), active, days = shift_days(c);
	struct dbres *r;
	int rc;

	shift_check(c);
	if (!c->form.ok)
		return shifts_list(c);
	if (site == 0)
		site = c->user.site_id;
	active = strcmp(form_str(c, HF_ACTIVE), "0") != 0;
	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	rc = db_exec(c->db, c->a, S_SHIFT_INSERT, &r, "isssiiiiiii", site, form_str(c, HF_NAME),
	    form_str(c, HF_START), form_str(c, HF_END), form_num(c, HF_HEAD),
	    form_num(c, HF_HOLIDAY), (long long)(strcmp(form_str(c, HF_LEAD), "0") != 0),
	    (long long)(strcmp(form_str(c, HF_DEPUTY), "1") == 0), days, form_num(c, HF_ORDER),
	    active);
	if (rc == DB_EDUP) {
		form_error(c, HF_NAME, "shift.err.taken");
		return shifts_list(c);
	}
	if (rc == DB_OK)
		rc = audit_write(c, "create", "shift", (long long)r->insert_id, site,
		    arena_printf(c->a, "%s %s %s–%s", ctx_t(c, "shift.audit.created"),
		    form_str(c, HF_NAME), form_str(c, HF_START), form_str(c, HF_END)), NULL,
		    shift_json(c, form_str(c, HF_NAME), form_str(c, HF_START), form_str(c, HF_END),
		    form_num(c, HF_HEAD), form_num(c, HF_HOLIDAY), days, active));
	return resp_commit(c, rc, "saved", "/admin/shifts");
}

/* Loads shift :id if the user may see it (another site's: 404). */
static int
shift_load(struct ctx *c, struct dbres **r)
{
	int rc = db_exec(c->db, c->a, S_SHIFT_GET, r, "i", c->ids[0]);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if ((*r)->nrows != 1 || !ctx_site_ok(c, dbres_int(*r, 0, 1)))
		return 404;
	return 0;
}

/* GET /admin/shifts/:id */
static int
shift_show(struct ctx *c)
{
	struct dbres *r;
	tpl_dict *d;
	int rc = shift_load(c, &r);

	if (rc != 0)
		return rc;
	if (c->form.spec == NULL)
		shift_form_from_row(c, r);
	d = page_begin(c, "shift.tpl", "shift.title");
	tpl_set(d, "ID", dbres_str(r, 0, 0));
	tpl_set(d, "SITE_NAME", dbres_str(r, 0, 12));
	d = page_include(c, d, "FIELDS", "shift_fields.tpl");
	form_to_dict(c, d);
	shift_day_boxes(c, d, dbres_int(r, 0, 9));
	return 200;
}

/* POST /admin/shifts/:id: pages and rosters keep pointing at the shift; taking it out of
 * use stops new pages and rosters from using it. */
static int
shift_edit_post(struct ctx *c)
{
	long long days = shift_days(c), active = strcmp(form_str(c, HF_ACTIVE), "0") != 0;
	struct dbres *r;
	int rc = shift_load(c, &r);

	if (rc != 0)
		return rc;
	shift_check(c);
	if (!c->form.ok)
		return shift_show(c);
	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	rc = db_exec(c->db, c->a, S_SHIFT_UPDATE, NULL, "sssiiiiiiii", form_str(c, HF_NAME),
	    form_str(c, HF_START), form_str(c, HF_END), form_num(c, HF_HEAD),
	    form_num(c, HF_HOLIDAY), (long long)(strcmp(form_str(c, HF_LEAD), "0") != 0),
	    (long long)(strcmp(form_str(c, HF_DEPUTY), "1") == 0), days, form_num(c, HF_ORDER),
	    active, c->ids[0]);
	if (rc == DB_EDUP) {
		form_error(c, HF_NAME, "shift.err.taken");
		return shift_show(c);
	}
	if (rc == DB_OK)
		rc = audit_write(c, "update", "shift", c->ids[0], dbres_int(r, 0, 1),
		    arena_printf(c->a, "%s %s", ctx_t(c, "shift.audit.updated"), form_str(c, HF_NAME)),
		    shift_json(c, dbres_str(r, 0, 2), dbres_str(r, 0, 3), dbres_str(r, 0, 4),
		    dbres_int(r, 0, 5), dbres_int(r, 0, 6), dbres_int(r, 0, 9), dbres_int(r, 0, 11)),
		    shift_json(c, form_str(c, HF_NAME), form_str(c, HF_START), form_str(c, HF_END),
		    form_num(c, HF_HEAD), form_num(c, HF_HOLIDAY), days, active));
	return resp_commit(c, rc, "saved", "/admin/shifts");
}

/* ---- audit log ---- */

static const char *const entity_choices[] = { "user", "site", "department", "shift", NULL };
enum { AL_ENTITY, AL_USER, AL_FROM, AL_TO, AL_PAGE };
static const struct field alist_fields[] = {
	[AL_ENTITY] = { "entity", FT_CHOICE, 0, 0, 0, entity_choices, "field.entity" },
	[AL_USER]   = { "user", FT_TEXT, 0, 0, 50, NULL, "field.username" },
	[AL_FROM]   = { "from", FT_DATE, 0, 0, 0, NULL, "field.from" },
	[AL_TO]     = { "to", FT_DATE, 0, 0, 0, NULL, "field.to" },
	[AL_PAGE]   = { "page", FT_INT, 0, 1, 1000000, NULL, NULL },
};
static const struct form_spec alist_form = FORM_SPEC(alist_fields);

/* GET /admin/audit?entity=&user=&from=&to=&page= : newest first, a page at a time. */
static int
audit_list(struct ctx *c)
{
	const char *ent = filter(c, AL_ENTITY), *who = filter(c, AL_USER);
	const char *from = filter(c, AL_FROM), *to = filter(c, AL_TO);
	long long page = atoll(filter(c, AL_PAGE)), site;
	struct dbres *r;
	tpl_dict *d, *p;
	int rc;

	site = ctx_has_role(c, ROLE_ADMIN) ? 0 : c->user.site_id;
	if (page < 1)
		page = 1;
	d = page_begin(c, "audit.tpl", "audit.title");
	/* One row more than a page tells whether there is a next page, without counting. */
	rc = db_exec(c->db, c->a, S_AUDIT_LIST, &r, "iissssssssii", site, site, ent, ent, who,
	    who, from, from, to, to, (long long)PER_PAGE + 1, (page - 1) * PER_PAGE);
	if (rc != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows && i < PER_PAGE; i++) {
		tpl_dict *row = tpl_section(d, "ENTRY");

		tpl_set(row, "ID", dbres_str(r, i, 0));
		tpl_set(row, "AT", dbres_str(r, i, 1));
		tpl_set(row, "WHO", dbres_str(r, i, 2));
		tpl_set(row, "ACTION", ctx_t(c, arena_printf(c->a, "action.%s", dbres_str(r, i, 3))));
		tpl_set(row, "ENTITY", ctx_t(c, arena_printf(c->a, "entity.%s", dbres_str(r, i, 4))));
		tpl_set(row, "SUMMARY", dbres_str(r, i, 6));
		tpl_set(row, "SITE", dbres_str(r, i, 7));
	}
	if (r->nrows == 0)
		tpl_show(d, "EMPTY");
	if (page > 1 || r->nrows > PER_PAGE) {
		const char *base = arena_printf(c->a, "entity=%s&user=%s&from=%s&to=%s", ent,
		    url_encode(c->a, who), from, to);

		p = tpl_section(d, "PAGER");
		tpl_set_int(p, "PAGE", page);
		if (page > 1)
			tpl_set(tpl_section(p, "PREV"), "HREF",
			    arena_printf(c->a, "?%s&page=%lld", base, page - 1));
		if (r->nrows > PER_PAGE)
			tpl_set(tpl_section(p, "NEXT"), "HREF",
			    arena_printf(c->a, "?%s&page=%lld", base, page + 1));
	}
	for (size_t i = 0; entity_choices[i]; i++) {
		tpl_dict *o = tpl_section(d, "ENTITY_OPT");

		tpl_set(o, "CODE", entity_choices[i]);
		tpl_set(o, "NAME", ctx_t(c, arena_printf(c->a, "entity.%s", entity_choices[i])));
		if (strcmp(ent, entity_choices[i]) == 0)
			tpl_show(o, "SEL");
	}
	return 200;
}

/* GET /admin/audit/:id: one change with its old and new values side by side. */
static int
audit_show(struct ctx *c)
{
	const char **ok, **ov, **nk, **nv;
	size_t no, nn;
	struct dbres *r;
	tpl_dict *d;
	int rc = db_exec(c->db, c->a, S_AUDIT_GET, &r, "i", c->ids[0]);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	/* A row of another site, or of no site, is not there for a site's manager. */
	if (r->nrows != 1 || (!ctx_has_role(c, ROLE_ADMIN) &&
	    (dbres_null(r, 0, 11) || !ctx_site_ok(c, dbres_int(r, 0, 11)))))
		return 404;
	d = page_begin(c, "audit_entry.tpl", "audit_entry.title");
	tpl_set(d, "ID", dbres_str(r, 0, 0));
	tpl_set(d, "AT", dbres_str(r, 0, 1));
	tpl_set(d, "WHO", dbres_str(r, 0, 2));
	tpl_set(d, "WHO_USERNAME", dbres_str(r, 0, 3));
	tpl_set(d, "ACTION", ctx_t(c, arena_printf(c->a, "action.%s", dbres_str(r, 0, 4))));
	tpl_set(d, "ENTITY", ctx_t(c, arena_printf(c->a, "entity.%s", dbres_str(r, 0, 5))));
	tpl_set(d, "ENTITY_ID", dbres_str(r, 0, 6));
	tpl_set(d, "SUMMARY", dbres_str(r, 0, 7));
	tpl_set(d, "IP", dbres_str(r, 0, 10));
	tpl_set(d, "SITE", dbres_str(r, 0, 12));
	no = json_parse_flat(c->a, dbres_null(r, 0, 8) ? NULL : dbres_str(r, 0, 8), &ok, &ov);
	nn = json_parse_flat(c->a, dbres_null(r, 0, 9) ? NULL : dbres_str(r, 0, 9), &nk, &nv);
	/* Every key of the new values, then keys only the old values have. */
	for (size_t i = 0; i < nn + no; i++) {
		const char *key = i < nn ? nk[i] : ok[i - nn], *oldv = NULL, *newv = NULL;
		tpl_dict *row;

		if (i >= nn) {
			int seen = 0;

			for (size_t k = 0; k < nn; k++)
				seen |= strcmp(nk[k], key) == 0;
			if (seen)
				continue;
		}
		for (size_t k = 0; k < no; k++)
			if (strcmp(ok[k], key) == 0)
				oldv = ov[k];
		for (size_t k = 0; k < nn; k++)
			if (strcmp(nk[k], key) == 0)
				newv = nv[k];
		row = tpl_section(d, "FIELD");
		tpl_set(row, "KEY", key);
		tpl_set(row, "OLD", oldv ? oldv : "");
		tpl_set(row, "NEW", newv ? newv : "");
		if (no > 0 && nn > 0 && (oldv == NULL || newv == NULL || strcmp(oldv, newv) != 0))
			tpl_show(row, "CHANGED");
	}
	if (no + nn == 0)
		tpl_show(d, "NO_VALUES");
	return 200;
}

static const struct route routes[] = {
	{ "GET",  "/admin",                    admin_index,      SITE_ROLES | ROLE_SUPERVISOR, NULL,
	    NULL },
	{ "GET",  "/admin/users",              users_list,       ROLE_ADMIN, &ulist_form, users_list },
	{ "GET",  "/admin/users/new",          user_new_show,    ROLE_ADMIN, NULL, NULL },
	{ "POST", "/admin/users/new",          user_new_post,    ROLE_ADMIN, &user_new_form,
	    user_new_show },
	{ "GET",  "/admin/users/:id",          user_show,        ROLE_ADMIN, NULL, NULL },
	{ "POST", "/admin/users/:id",          user_edit_post,   ROLE_ADMIN, &user_edit_form,
	    user_show },
	{ "POST", "/admin/users/:id/password", user_reset_post,  ROLE_ADMIN, &reset_form,
	    user_show },
	{ "POST", "/admin/users/:id/active",   user_active_post, ROLE_ADMIN, &active_form,
	    user_show },
	{ "GET",  "/admin/sites",              sites_list,       ROLE_ADMIN, NULL, NULL },
	{ "GET",  "/admin/sites/new",          site_show,        ROLE_ADMIN, NULL, NULL },
	{ "POST", "/admin/sites/new",          site_post,        ROLE_ADMIN, &site_form, site_show },
	{ "GET",  "/admin/sites/:id",          site_show,        ROLE_ADMIN, NULL, NULL },
	{ "POST", "/admin/sites/:id",          site_post,        ROLE_ADMIN, &site_form, site_show },
	{ "GET",  "/admin/departments",        depts_list,       SITE_ROLES, NULL, NULL },
	{ "POST", "/admin/departments/new",    dept_new_post,    SITE_ROLES, &dept_form,
	    depts_list },
	{ "GET",  "/admin/departments/:id",    dept_show,        SITE_ROLES, NULL, NULL },
	{ "POST", "/admin/departments/:id",    dept_edit_post,   SITE_ROLES, &dept_form,
	    dept_show },
	{ "GET",  "/admin/shifts",             shifts_list,      SHIFT_ROLES, NULL, NULL },
	{ "POST", "/admin/shifts/new",         shift_new_post,   SHIFT_ROLES, &shift_form,
	    shifts_list },
	{ "GET",  "/admin/shifts/:id",         shift_show,       SHIFT_ROLES, NULL, NULL },
	{ "POST", "/admin/shifts/:id",         shift_edit_post,  SHIFT_ROLES, &shift_form, shift_show },
	{ "GET",  "/admin/audit",              audit_list,       SITE_ROLES, &alist_form,
	    audit_list },
	{ "GET",  "/admin/audit/:id",          audit_show,       SITE_ROLES, NULL, NULL },
};

int
main(int argc, char **argv)
{
	static const struct app app = {
		"dd-admin", routes, sizeof(routes) / sizeof(routes[0]),
		stmts, sizeof(stmts) / sizeof(stmts[0]), 0,
	};

	return app_main(argc, argv, &app);
}
