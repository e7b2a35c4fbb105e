/* residents.c: the residents directory of a site (住户名录): search by name, phone or unit,
 * paged; add, edit, deactivate; the CSV import (all lines or none, every bad line reported
 * by its number). Everything from c->a. */
#include "rq.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const kind_choices[] = { "owner", "tenant", "other", NULL };
static const char *const one_choice[] = { "1", NULL };

enum { RF_NAME, RF_PHONE, RF_KIND, RF_UNIT, RF_NOTE, RF_ACTIVE };
static const struct field res_fields[] = {
	[RF_NAME]   = { "name", FT_TEXT, FF_REQUIRED, 0, 50, NULL, "req.f.res_name" },
	[RF_PHONE]  = { "phone", FT_PHONE, 0, 0, 40, NULL, "req.f.phone" },
	[RF_KIND]   = { "kind", FT_CHOICE, FF_REQUIRED, 0, 0, kind_choices, "req.f.kind" },
	[RF_UNIT]   = { "unit", FT_TEXT, 0, 0, 20, NULL, "req.f.unit" },
	[RF_NOTE]   = { "note", FT_TEXT, 0, 0, 200, NULL, "req.f.note" },
	[RF_ACTIVE] = { "active", FT_CHOICE, 0, 0, 0, one_choice, "req.f.active" },
};
const struct form_spec rq_res_form = FORM_SPEC(res_fields);

enum { IF_FILE };
static const struct field import_fields[] = {
	[IF_FILE] = { "file", FT_TEXT, 0, 0, 200, NULL, "req.f.file" },
};
static const struct form_spec import_form = FORM_SPEC(import_fields);

#define RES_PER_PAGE 30
#define IMPORT_MAX_BYTES (1024 * 1024)
#define IMPORT_MAX_LINES 5000
#define IMPORT_MAX_ERRORS 100

/* GET /residents */
int
rq_residents(struct ctx *c)
{
	const char *q = ctx_query(c, "q"), *bq = ctx_query(c, "building"), *pq = ctx_query(c, "page");
	long long building = bq ? strtoll(bq, NULL, 10) : 0, page = pq ? strtoll(pq, NULL, 10) : 1;
	long long inactive = ctx_query(c, "inactive") != NULL, off;
	struct dbres *n, *r, *b;
	const char *like, *base;
	tpl_dict *d;
	int rc;

	if (q == NULL || utf8_chars(q) > 50 || !valid_utf8(q, strlen(q), 0))
		q = "";
	if (building < 0)
		building = 0;
	like = arena_printf(c->a, "%%%s%%", q);
	if ((rc = db_exec(c->db, c->a, Q_RES_COUNT, &n, "issssiii", c->user.site_id, q, like, like,
	    like, building, building, inactive)) != DB_OK ||
	    (rc = db_exec_cached(c->db, c->a, Q_BUILDINGS, c->user.site_id, 60, &b)) != DB_OK)
		return DB_STATUS(rc);
	d = page_begin(c, "req_residents.tpl", "req.res.title");
	base = arena_printf(c->a, "q=%s&building=%lld%s", url_encode(c->a, q), building,
	    inactive ? "&inactive=1" : "");
	off = page_pager(c, d, dbres_int(n, 0, 0), page, RES_PER_PAGE, base);
	if ((rc = db_exec(c->db, c->a, Q_RES_LIST, &r, "issssiiiii", c->user.site_id, q, like, like,
	    like, building, building, inactive, (long long)RES_PER_PAGE, off)) != DB_OK)
		return DB_STATUS(rc);
	tpl_set(d, "Q", q);
	if (inactive)
		tpl_show(d, "INACTIVE_ON");
	if (ctx_has_role(c, RQ_DESK))
		tpl_show(d, "CAN_EDIT");
	for (size_t i = 0; i < b->nrows; i++) {
		tpl_dict *o = tpl_section(d, "BUILDING_OPT");

		tpl_set(o, "ID", dbres_str(b, i, 0));
		tpl_set(o, "NAME", dbres_str(b, i, 2));
		if (dbres_int(b, i, 0) == building)
			tpl_show(o, "SEL");
	}
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *row = tpl_section(d, "ROW");

		tpl_set(row, "ID", dbres_str(r, i, 0));
		tpl_set(row, "NAME", dbres_str(r, i, 1));
		tpl_set(row, "PHONE", dbres_str(r, i, 2));
		tpl_set(row, "KIND", rq_t(c, "kind", dbres_str(r, i, 3)));
		tpl_set(row, "UNIT", dbres_str(r, i, 4));
		tpl_set(row, "NOTE", dbres_str(r, i, 6));
		if (!dbres_int(r, i, 5))
			tpl_show(row, "INACTIVE");
	}
	if (r->nrows == 0)
		tpl_show(d, "EMPTY");
	return 200;
}

/* GET /residents/new */
int
rq_res_new_show(struct ctx *c)
{
	if (c->form.spec != &rq_res_form) {
		form_empty(c, &rq_res_form);
		form_set(c, RF_KIND, "owner");
	}
	tpl_show(page_begin(c, "req_resident.tpl", "req.res.new"), "CREATING");
	return 200;
}

/* The unit the form names (must exist in the site): *unit 0 when none given. Marks the
 * field. */
static int
res_check(struct ctx *c, long long *unit)
{
	struct dbres *r;
	int rc;

	*unit = 0;
	if (form_str(c, RF_PHONE)[0] && !rq_phone_ok(form_str(c, RF_PHONE)))
		form_error(c, RF_PHONE, "req.err.phone");
	if (!form_str(c, RF_UNIT)[0])
		return DB_OK;
	if ((rc = db_exec(c->db, c->a, Q_UNIT_BY_CODE, &r, "is", c->user.site_id,
	    form_str(c, RF_UNIT))) != DB_OK)
		return rc;
	if (r->nrows != 1)
		form_error(c, RF_UNIT, "req.err.unit_unknown");
	else
		*unit = dbres_int(r, 0, 0);
	return DB_OK;
}

static char *
res_json(struct ctx *c, const char *name, const char *phone, const char *kind, const char *unit,
    const char *note, long long active)
{
	struct json j;

	json_begin(&j);
	json_str(&j, "name", name);
	json_str(&j, "phone", phone);
	json_str(&j, "kind", kind);
	json_str(&j, "unit", unit);
	json_str(&j, "note", note);
	json_int(&j, "active", active);
	return json_end(&j, c->a);
}

/* POST /residents/new */
int
rq_res_new_post(struct ctx *c)
{
	struct dbres *r;
	long long unit;
	int rc = res_check(c, &unit);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (!c->form.ok)
		return rq_res_new_show(c);
	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	rc = db_exec(c->db, c->a, Q_RES_NEW, &r, "inssss", c->user.site_id, unit,
	    form_str(c, RF_NAME), form_str(c, RF_PHONE), form_str(c, RF_KIND), form_str(c, RF_NOTE));
	if (rc == DB_OK)
		rc = audit_write(c, "create", "resident", (long long)r->insert_id, c->user.site_id,
		    arena_printf(c->a, "%s %s", ctx_t(c, "req.audit.resident"), form_str(c, RF_NAME)),
		    NULL, res_json(c, form_str(c, RF_NAME), form_str(c, RF_PHONE),
		    form_str(c, RF_KIND), form_str(c, RF_UNIT), form_str(c, RF_NOTE), 1));
	return resp_commit(c, rc, "saved", arena_printf(c->a, "/residents/%lld",
	    rc == DB_OK ? (long long)r->insert_id : 0LL));
}

static int
res_load(struct ctx *c, struct dbres **r)
{
	int rc = db_exec(c->db, c->a, Q_RES_GET, r, "i", c->ids[0]);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	return (*r)->nrows == 1 && ctx_site_ok(c, dbres_int(*r, 0, 1)) ? 0 : 404;
}

/* GET /residents/:id */
int
rq_res_show(struct ctx *c)
{
	struct dbres *r;
	tpl_dict *d;
	int rc = res_load(c, &r);

	if (rc != 0)
		return rc;
	if (c->form.spec != &rq_res_form) {
		form_empty(c, &rq_res_form);
		form_set(c, RF_NAME, dbres_str(r, 0, 2));
		form_set(c, RF_PHONE, dbres_str(r, 0, 3));
		form_set(c, RF_KIND, dbres_str(r, 0, 4));
		form_set(c, RF_UNIT, dbres_str(r, 0, 5));
		form_set(c, RF_NOTE, dbres_str(r, 0, 6));
		form_set(c, RF_ACTIVE, dbres_int(r, 0, 7) ? "1" : "");
	}
	d = page_begin(c, "req_resident.tpl", "req.res.edit");
	tpl_set(d, "ID", dbres_str(r, 0, 0));
	tpl_show(d, "EDITING");
	tpl_show(d, ctx_has_role(c, RQ_DESK) ? "CAN_EDIT" : "READ_ONLY");
	return 200;
}

/* POST /residents/:id: a change, or deactivation (active unticked). */
int
rq_res_edit_post(struct ctx *c)
{
	struct dbres *r;
	long long unit, active = form_str(c, RF_ACTIVE)[0] == '1';
	int rc = res_load(c, &r);

	if (rc != 0)
		return rc;
	if ((rc = res_check(c, &unit)) != DB_OK)
		return DB_STATUS(rc);
	if (!c->form.ok)
		return rq_res_show(c);
	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	rc = db_exec(c->db, c->a, Q_RES_UPDATE, NULL, "nssssii", unit, form_str(c, RF_NAME),
	    form_str(c, RF_PHONE), form_str(c, RF_KIND), form_str(c, RF_NOTE), active, c->ids[0]);
	if (rc == DB_OK)
		rc = audit_write(c, active ? "update" : "deactivate", "resident", c->ids[0],
		    dbres_int(r, 0, 1), arena_printf(c->a, "%s %s", ctx_t(c, "req.audit.resident_updated"),
		    form_str(c, RF_NAME)), res_json(c, dbres_str(r, 0, 2), dbres_str(r, 0, 3),
		    dbres_str(r, 0, 4), dbres_str(r, 0, 5), dbres_str(r, 0, 6), dbres_int(r, 0, 7)),
		    res_json(c, form_str(c, RF_NAME), form_str(c, RF_PHONE), form_str(c, RF_KIND),
		    form_str(c, RF_UNIT), form_str(c, RF_NOTE), active));
	return resp_commit(c, rc, "saved", arena_printf(c->a, "/residents/%lld", c->ids[0]));
}

/* ---- CSV import ---- */

/* Line errors of this request's import (one request at a time per worker). */
static struct {
	size_t       n;
	long long   *line;
	const char **msg;
} import_err;

static void
line_error(struct ctx *c, long long line, const char *key, const char *detail)
{
	if (import_err.n >= IMPORT_MAX_ERRORS)
		return;
	import_err.line[import_err.n] = line;
	import_err.msg[import_err.n] = detail ? arena_printf(c->a, "%s：%s", ctx_t(c, key), detail) :
	    ctx_t(c, key);
	import_err.n++;
}

/* GET /residents/import (and the page again with the errors of a refused file). */
int
rq_import_show(struct ctx *c)
{
	tpl_dict *d;

	if (c->form.spec != &import_form) {
		/* A plain GET: no errors (those of an earlier request point into its arena). */
		import_err.n = 0;
		form_empty(c, &import_form);
	}
	d = page_begin(c, "req_import.tpl", "req.import.title");
	for (size_t i = 0; i < import_err.n; i++) {
		tpl_dict *e = tpl_section(d, "LINE_ERR");

		tpl_set_int(e, "LINE", import_err.line[i]);
		tpl_set(e, "MSG", import_err.msg[i]);
	}
	if (import_err.n > 0) {
		tpl_set_int(d, "NERR", (long long)import_err.n);
		tpl_show(d, "HAS_ERRORS");
	}
	return 200;
}

/* The column of each known header (Chinese or English), -1 when absent. */
enum { COL_BUILDING, COL_ROOM, COL_NAME, COL_PHONE, COL_KIND, COL_NOTE, NCOLS };
static const char *const col_names[NCOLS][2] = {
	{ "楼栋", "building" }, { "房号", "room" }, { "姓名", "name" }, { "电话", "phone" },
	{ "身份", "kind" }, { "备注", "note" },
};

static const char *
kind_of(const char *s)
{
	if (!*s || strcmp(s, "业主") == 0 || strcmp(s, "owner") == 0)
		return "owner";
	if (strcmp(s, "租户") == 0 || strcmp(s, "tenant") == 0)
		return "tenant";
	if (strcmp(s, "家属") == 0 || strcmp(s, "其他") == 0 || strcmp(s, "other") == 0)
		return "other";
	return NULL;
}

/* One data line: checked, its unit found or added, the resident written (inside the
 * import's transaction). Problems are line errors; the return is a database status. */
static int
import_line(struct ctx *c, long long line, const char **f, int nf, const int *col,
    long long *added)
{
	const char *v[NCOLS], *code, *kind;
	struct dbres *r;
	long long unit = 0, building;
	size_t before = import_err.n;
	int rc;

	for (int k = 0; k < NCOLS; k++)
		v[k] = col[k] >= 0 && col[k] < nf ? f[col[k]] : "";
	for (int k = 0; k < NCOLS; k++)
		if (!valid_utf8(v[k], strlen(v[k]), 0))
			line_error(c, line, "err.bad_text", col_names[k][0]);
	if (import_err.n > before)
		return DB_OK;
	if (!v[COL_NAME][0])
		line_error(c, line, "req.imp.no_name", NULL);
	else if (utf8_chars(v[COL_NAME]) > 50)
		line_error(c, line, "req.imp.long_name", v[COL_NAME]);
	if (v[COL_PHONE][0] && (strlen(v[COL_PHONE]) > 40 || !rq_phone_ok(v[COL_PHONE])))
		line_error(c, line, "req.err.phone", v[COL_PHONE]);
	if ((kind = kind_of(v[COL_KIND])) == NULL)
		line_error(c, line, "req.imp.kind", v[COL_KIND]);
	if (utf8_chars(v[COL_NOTE]) > 200)
		line_error(c, line, "req.imp.long_note", NULL);
	if (v[COL_BUILDING][0] || v[COL_ROOM][0]) {
		if ((rc = db_exec(c->db, c->a, Q_BUILDING_BY_CODE, &r, "isss", c->user.site_id,
		    v[COL_BUILDING], v[COL_BUILDING], v[COL_BUILDING])) != DB_OK)
			return rc;
		if (r->nrows != 1) {
			line_error(c, line, "req.imp.building", v[COL_BUILDING]);
		} else if ((code = rq_unit_code(c->a, dbres_str(r, 0, 1), v[COL_ROOM])) == NULL ||
		    strlen(code) > 20) {
			line_error(c, line, "req.imp.room", v[COL_ROOM]);
		} else if (import_err.n == before) {
			building = dbres_int(r, 0, 0);
			if ((rc = db_exec(c->db, c->a, Q_UNIT_BY_CODE, &r, "is", c->user.site_id,
			    code)) != DB_OK)
				return rc;
			if (r->nrows == 1) {
				unit = dbres_int(r, 0, 0);
			} else {
				/* A room not yet known is added to its building (floor from the
				 * room number: 0302 -> 3). */
				const char *room = strrchr(code, '-') + 1;
				long long floor = strlen(room) >= 3 ? strtoll(room, NULL, 10) / 100 : 0;

				if ((rc = db_exec(c->db, c->a, Q_UNIT_NEW, &r, "iisi", c->user.site_id,
				    building, code, floor)) != DB_OK)
					return rc;
				unit = (long long)r->insert_id;
			}
		}
	}
	if (import_err.n > before)
		return DB_OK;
	(*added)++;
	return db_exec(c->db, c->a, Q_RES_NEW, NULL, "inssss", c->user.site_id, unit, v[COL_NAME],
	    v[COL_PHONE], kind, v[COL_NOTE]);
}

/* POST /residents/import (multipart, field file): UTF-8 CSV with a header line; every line
 * written in one transaction, or none when any line is wrong. */
int
rq_import_post(struct ctx *c)
{
	const struct upload *u = NULL;
	const char *p, *end, *f[16];
	int col[NCOLS], nf, lines, rc = DB_OK;
	long long line = 1, added = 0;

	import_err.n = 0;
	import_err.line = arena_calloc(c->a, IMPORT_MAX_ERRORS, sizeof(*import_err.line));
	import_err.msg = arena_calloc(c->a, IMPORT_MAX_ERRORS, sizeof(*import_err.msg));
	form_validate(c, &import_form, &c->post);
	for (size_t i = 0; i < c->files.n; i++)
		if (strcmp(c->files.v[i].field, "file") == 0)
			u = &c->files.v[i];
	if (u == NULL || u->len == 0)
		form_error(c, IF_FILE, "req.imp.no_file");
	else if (u->len > IMPORT_MAX_BYTES)
		form_error(c, IF_FILE, "req.imp.too_large");
	else if (memchr(u->data, '\0', u->len) != NULL || !valid_utf8(u->data, u->len, 1))
		form_error(c, IF_FILE, "req.imp.not_text");
	if (!c->form.ok)
		return rq_import_show(c);
	p = u->data;
	end = u->data + u->len;
	if (end - p >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	nf = rq_csv_record(c->a, &p, end, f, 16, &lines);
	for (int k = 0; k < NCOLS; k++) {
		col[k] = -1;
		for (int i = 0; i < nf && i < 16; i++)
			if (strcmp(f[i], col_names[k][0]) == 0 || strcasecmp(f[i], col_names[k][1]) == 0)
				col[k] = i;
	}
	if (nf <= 0 || col[COL_NAME] < 0 || col[COL_BUILDING] < 0 || col[COL_ROOM] < 0) {
		form_error(c, IF_FILE, "req.imp.header");
		return rq_import_show(c);
	}
	line += lines - 1;
	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	while (rc == DB_OK) {
		long long at = line + 1;

		nf = rq_csv_record(c->a, &p, end, f, 16, &lines);
		if (nf == 0)
			break;
		line += lines;
		if (nf < 0) {
			line_error(c, at, "req.imp.quote", NULL);
			break;
		}
		if (nf == 1 && f[0][0] == '\0')
			continue;   /* an empty line */
		if (line > IMPORT_MAX_LINES + 1) {
			line_error(c, at, "req.imp.too_many", NULL);
			break;
		}
		rc = import_line(c, at, f, nf < 16 ? nf : 16, col, &added);
	}
	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (import_err.n > 0 || added == 0) {
		db_rollback(c->db);
		form_error(c, IF_FILE, added == 0 && import_err.n == 0 ? "req.imp.empty" :
		    "req.imp.refused");
		return rq_import_show(c);
	}
	rc = audit_write(c, "import", "resident", 0, c->user.site_id, arena_printf(c->a,
	    "%s %lld", ctx_t(c, "req.audit.imported"), added), NULL, NULL);
	return resp_commit(c, rc, "req_imported", "/residents");
}

/* ---- buildings and units ---- */

enum { BF_CODE, BF_NAME, BF_FLOORS };
static const struct field building_fields[] = {
	[BF_CODE]   = { "b_code", FT_CODE, FF_REQUIRED, 0, 10, NULL, "req.f.b_code" },
	[BF_NAME]   = { "b_name", FT_TEXT, FF_REQUIRED, 0, 50, NULL, "req.f.b_name" },
	[BF_FLOORS] = { "b_floors", FT_INT, 0, 0, 200, NULL, "req.f.b_floors" },
};
const struct form_spec rq_building_form = FORM_SPEC(building_fields);

enum { UF_ROOM, UF_FLOOR };
static const struct field unit_fields[] = {
	[UF_ROOM]  = { "u_room", FT_CODE, FF_REQUIRED, 0, 16, NULL, "req.f.u_room" },
	[UF_FLOOR] = { "u_floor", FT_INT, 0, -5, 200, NULL, "req.f.u_floor" },
};
const struct form_spec rq_unit_form = FORM_SPEC(unit_fields);

/* GET /residents/buildings: the site's buildings with their units and residents counted. */
int
rq_buildings(struct ctx *c)
{
	struct dbres *r;
	tpl_dict *d, *f;
	int rc = db_exec(c->db, c->a, Q_BLD_LIST, &r, "i", c->user.site_id);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	d = page_begin(c, "req_buildings.tpl", "req.bld.title");
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *row = tpl_section(d, "ROW");

		tpl_set(row, "ID", dbres_str(r, i, 0));
		tpl_set(row, "CODE", dbres_str(r, i, 1));
		tpl_set(row, "NAME", dbres_str(r, i, 2));
		tpl_set(row, "FLOORS", dbres_str(r, i, 3));
		tpl_set(row, "UNITS", dbres_str(r, i, 4));
		tpl_set(row, "RESIDENTS", dbres_str(r, i, 5));
	}
	if (ctx_has_role(c, RQ_CONFIG)) {
		f = tpl_section(d, "BUILDING_FORM");
		if (c->form.spec == &rq_building_form)
			form_to_dict(c, f);
	}
	return 200;
}

/* POST /residents/buildings */
int
rq_building_new_post(struct ctx *c)
{
	struct dbres *r;
	struct json j;
	int rc = db_begin(c->db);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	rc = db_exec(c->db, c->a, Q_BLD_NEW, &r, "issi", c->user.site_id, form_str(c, BF_CODE),
	    form_str(c, BF_NAME), form_num(c, BF_FLOORS));
	if (rc == DB_EDUP) {
		db_rollback(c->db);
		form_error(c, BF_CODE, "req.err.building_taken");
		return rq_buildings(c);
	}
	json_begin(&j);
	json_str(&j, "code", form_str(c, BF_CODE));
	json_str(&j, "name", form_str(c, BF_NAME));
	json_int(&j, "floors", form_num(c, BF_FLOORS));
	if (rc == DB_OK)
		rc = audit_write(c, "create", "building", (long long)r->insert_id, c->user.site_id,
		    arena_printf(c->a, "%s %s", ctx_t(c, "req.audit.building"), form_str(c, BF_NAME)),
		    NULL, json_end(&j, c->a));
	else
		buf_free(&j.b);
	return resp_commit(c, rc, "saved", "/residents/buildings");
}

static int
building_load(struct ctx *c, struct dbres **b)
{
	int rc = db_exec(c->db, c->a, Q_BLD_GET, b, "i", c->ids[0]);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	return (*b)->nrows == 1 && ctx_site_ok(c, dbres_int(*b, 0, 1)) ? 0 : 404;
}

/* GET /residents/buildings/:id: its units with their residents. */
int
rq_building_show(struct ctx *c)
{
	struct dbres *b, *u;
	tpl_dict *d, *f;
	int rc = building_load(c, &b);

	if (rc != 0)
		return rc;
	if ((rc = db_exec(c->db, c->a, Q_BLD_UNITS, &u, "i", c->ids[0])) != DB_OK)
		return DB_STATUS(rc);
	d = page_begin(c, "req_building.tpl", "req.bld.title");
	tpl_set(d, "ID", dbres_str(b, 0, 0));
	tpl_set(d, "CODE", dbres_str(b, 0, 2));
	tpl_set(d, "NAME", dbres_str(b, 0, 3));
	for (size_t i = 0; i < u->nrows; i++) {
		tpl_dict *row = tpl_section(d, "UNIT");

		tpl_set(row, "UNIT_CODE", dbres_str(u, i, 1));
		tpl_set(row, "FLOOR", dbres_str(u, i, 2));
		tpl_set(row, "NAMES", dbres_str(u, i, 3));
		tpl_set(row, "N", dbres_str(u, i, 4));
		tpl_set(row, "Q", url_encode(c->a, dbres_str(u, i, 1)));
	}
	if (u->nrows == 0)
		tpl_show(d, "NO_UNITS");
	if (ctx_has_role(c, RQ_DESK))
		tpl_show(d, "CAN_REGISTER");
	if (ctx_has_role(c, RQ_CONFIG)) {
		f = tpl_section(d, "UNIT_FORM");
		if (c->form.spec == &rq_unit_form)
			form_to_dict(c, f);
	}
	return 200;
}

/* POST /residents/buildings/:id/units: a unit of the building ("0302" becomes "1-0302"). */
int
rq_unit_new_post(struct ctx *c)
{
	struct dbres *b, *r;
	const char *code;
	struct json j;
	int rc = building_load(c, &b);

	if (rc != 0)
		return rc;
	code = rq_unit_code(c->a, dbres_str(b, 0, 2), form_str(c, UF_ROOM));
	if (code == NULL || strlen(code) > 20) {
		form_error(c, UF_ROOM, "req.imp.room");
		return rq_building_show(c);
	}
	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	rc = db_exec(c->db, c->a, Q_UNIT_NEW, &r, "iisi", dbres_int(b, 0, 1), c->ids[0], code,
	    form_num(c, UF_FLOOR));
	if (rc == DB_EDUP) {
		db_rollback(c->db);
		form_error(c, UF_ROOM, "req.err.unit_taken");
		return rq_building_show(c);
	}
	json_begin(&j);
	json_str(&j, "code", code);
	json_int(&j, "floor", form_num(c, UF_FLOOR));
	if (rc == DB_OK)
		rc = audit_write(c, "create", "unit", (long long)r->insert_id, dbres_int(b, 0, 1),
		    arena_printf(c->a, "%s %s", ctx_t(c, "req.audit.unit"), code), NULL,
		    json_end(&j, c->a));
	else
		buf_free(&j.b);
	return resp_commit(c, rc, "saved", arena_printf(c->a, "/residents/buildings/%lld", c->ids[0]));
}
