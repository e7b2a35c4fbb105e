/* dd-log: the duty log (值班日志). A page per shift per day with its entries; open items
 * carried to the next page; the manager's daily sign-off, after which a change is only a
 * correction; the emergency register with photos and its next-day report; lists and search;
 * the printed day and emergency record with their QR codes.
 *
 * Owns /log and everything below it. The handlers live in cgi-bin/log/ by subject.
 */
#include "log/log.h"
#include <sodium.h>
#include <string.h>

const char *
log_form_key(struct ctx *c)
{
	unsigned char raw[16];
	char *hex = arena_alloc(c->a, 33);

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(hex, 33, raw, sizeof(raw));
	return hex;
}

int
log_paper_copy(struct ctx *c, tpl_dict *d, const char *number)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, S_SCANS_OF_NUMBER, &r, "s", number);

	tpl_set(d, "NUMBER", number);
	if (rc == DB_OK && dbres_int(r, 0, 0) > 0)
		tpl_set(tpl_section(d, "ARCHIVED"), "PAGES", dbres_str(r, 0, 0));
	return rc;
}

int
log_page_load(struct ctx *c, long long id, struct dbres **r)
{
	int rc = db_exec(c->db, c->a, S_PAGE_GET, r, "i", id);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if ((*r)->nrows != 1 || !ctx_site_ok(c, dbres_int(*r, 0, PG_SITE)))
		return 404;
	return 0;
}

/* ---- categories of entries, per site ---- */

static const char *const bool_choices[] = { "0", "1", NULL };
enum { CF_NAME, CF_ACTIVE };
static const struct field category_fields[] = {
	[CF_NAME]   = { "name", FT_TEXT, FF_REQUIRED, 0, 30, NULL, "log.field.category" },
	[CF_ACTIVE] = { "active", FT_CHOICE, 0, 0, 0, bool_choices, "field.status" },
};
const struct form_spec log_category_form = FORM_SPEC(category_fields);

/* GET /log/categories (the new-category form is on this page). */
int
log_categories_show(struct ctx *c)
{
	struct dbres *r;
	tpl_dict *d;
	int rc;

	if (c->form.spec == NULL)
		form_empty(c, &log_category_form);
	d = page_begin(c, "log_categories.tpl", "log.categories.title");
	if ((rc = db_exec(c->db, c->a, S_CATEGORIES, &r, "i", c->user.site_id)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *row = tpl_section(d, "CATEGORY");

		tpl_set(row, "ID", dbres_str(r, i, 0));
		tpl_set(row, "NAME", dbres_str(r, i, 1));
		if (!dbres_int(r, i, 2))
			tpl_show(row, "INACTIVE");
	}
	return 200;
}

static char *
category_json(struct ctx *c, const char *name, long long active)
{
	struct json j;

	json_begin(&j);
	json_str(&j, "name", name);
	json_int(&j, "active", active);
	return json_end(&j, c->a);
}

/* POST /log/categories/new */
int
log_category_new_post(struct ctx *c)
{
	const char *name = form_str(c, CF_NAME);
	struct dbres *r;
	int rc = db_begin(c->db);

	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, S_CATEGORY_NEW, &r, "isi", c->user.site_id, name,
		    c->user.site_id);
	if (rc == DB_EDUP) {
		form_error(c, CF_NAME, "log.err.category_taken");
		return log_categories_show(c);
	}
	if (rc == DB_OK)
		rc = audit_write(c, "create", "log_category", (long long)r->insert_id,
		    c->user.site_id, arena_printf(c->a, "%s %s", ctx_t(c, "log.audit.category"), name),
		    NULL, category_json(c, name, 1));
	return resp_commit(c, rc, "saved", "/log/categories");
}

/* POST /log/categories/:id (rename, or take out of use: entries keep their category). */
int
log_category_update_post(struct ctx *c)
{
	const char *name = form_str(c, CF_NAME);
	long long active = strcmp(form_str(c, CF_ACTIVE), "0") == 0 ? 0 : 1;
	struct dbres *r;
	int rc = db_exec(c->db, c->a, S_CATEGORY_GET, &r, "i", c->ids[0]);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || dbres_int(r, 0, 1) != c->user.site_id)
		return 404;
	if ((rc = db_begin(c->db)) == DB_OK)
		rc = db_exec(c->db, c->a, S_CATEGORY_UPDATE, NULL, "sii", name, active, c->ids[0]);
	if (rc == DB_EDUP) {
		form_error(c, CF_NAME, "log.err.category_taken");
		return log_categories_show(c);
	}
	if (rc == DB_OK)
		rc = audit_write(c, "update", "log_category", c->ids[0], c->user.site_id,
		    arena_printf(c->a, "%s %s", ctx_t(c, "log.audit.category"), name),
		    category_json(c, dbres_str(r, 0, 2), dbres_int(r, 0, 3)),
		    category_json(c, name, active));
	return resp_commit(c, rc, "saved", "/log/categories");
}

static const struct route routes[] = {
	{ "GET",  "/log",                         log_home,            LOG_READERS, NULL, NULL },
	{ "POST", "/log/open",                    log_page_open_post,  LOG_WRITERS, NULL, NULL },
	{ "GET",  "/log/page/:id",                log_page_show,       LOG_READERS, NULL, NULL },
	{ "POST", "/log/page/:id/entries",        log_entry_new_post,  LOG_WRITERS, &log_entry_form,
	    log_entry_new_invalid },
	{ "POST", "/log/page/:id/close",          log_page_close_post, LOG_WRITERS, &log_close_form,
	    log_page_show },
	{ "POST", "/log/page/:id/return",         log_page_return_post, LOG_SIGNERS, &log_return_form,
	    log_page_return_invalid },
	{ "GET",  "/log/entry/:id",               log_entry_show,      LOG_READERS, NULL, NULL },
	{ "POST", "/log/entry/:id",               log_entry_update_post, LOG_WRITERS, &log_entry_form,
	    log_entry_show },
	{ "POST", "/log/entry/:id/correct",       log_entry_correct_post,
	    LOG_WRITERS | LOG_SIGNERS, &log_correct_form, log_entry_show },
	{ "GET",  "/log/entries",                 log_search,          LOG_READERS, &log_search_form,
	    log_search },
	{ "GET",  "/log/days",                    log_days_list,       LOG_READERS, NULL, NULL },
	{ "GET",  "/log/day/:id",                 log_day_show,        LOG_READERS, NULL, NULL },
	{ "POST", "/log/day/:id/sign",            log_day_sign_post,   LOG_SIGNERS, &log_sign_form,
	    log_day_show },
	{ "GET",  "/log/day/:id/print",           log_day_print,       LOG_READERS, NULL, NULL },
	{ "GET",  "/log/emergencies",             log_emergencies_list, LOG_READERS, NULL, NULL },
	{ "GET",  "/log/emergency/:id",           log_emergency_show,  LOG_READERS, NULL, NULL },
	{ "POST", "/log/emergency/:id",           log_emergency_update_post, LOG_WRITERS,
	    &log_emergency_form, log_emergency_show },
	{ "POST", "/log/emergency/:id/notices",   log_emergency_notice_post, LOG_WRITERS | LOG_SIGNERS,
	    &log_notice_form, log_emergency_show },
	{ "POST", "/log/emergency/:id/photos",    log_emergency_photos_post, LOG_WRITERS, NULL, NULL },
	{ "POST", "/log/open/entry",              log_entry_new_post,  LOG_WRITERS, &log_entry_form,
	    log_entry_new_invalid },
	{ "GET",  "/log/emergency/:id/photo/:photo_id", log_emergency_photo, LOG_READERS, NULL, NULL },
	{ "POST", "/log/emergency/:id/report",    log_emergency_report_post, LOG_WRITERS | LOG_SIGNERS,
	    &log_report_form, log_emergency_show },
	{ "GET",  "/log/emergency/:id/print",     log_emergency_print, LOG_READERS, NULL, NULL },
	{ "GET",  "/log/categories",              log_categories_show, LOG_CONFIG, NULL, NULL },
	{ "POST", "/log/categories/new",          log_category_new_post, LOG_CONFIG, &log_category_form,
	    log_categories_show },
	{ "POST", "/log/categories/:id",          log_category_update_post, LOG_CONFIG,
	    &log_category_form, log_categories_show },
};

int
main(int argc, char **argv)
{
	static const struct app app = {
		"dd-log", routes, sizeof(routes) / sizeof(routes[0]),
		log_stmts, sizeof(log_stmts) / sizeof(log_stmts[0]), APP_KEEPS_SESSIONS,
	};

	return app_main(argc, argv, &app);
}
