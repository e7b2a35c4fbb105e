/* dd-req: resident requests (来人来电来访登记, issue 6): the residents directory and its CSV
 * import, registering requests of every channel with their unified number and duty-log
 * line, work orders to departments with SLA due times on the working calendar, department
 * staff's results, callbacks that close or reopen, escalation of major complaints, the
 * filtered list and its CSV, the printed work order, the settings. Owns /requests and
 * /residents; the handlers live in cgi-bin/req/ (rq.h).
 */
#include "req/rq.h"

static const struct route routes[] = {
	{ "GET",  "/requests",                  rq_list,          RQ_VIEW | ROLE_DEPT, NULL, NULL },
	{ "GET",  "/requests/export",           rq_export,        RQ_VIEW, NULL, NULL },
	{ "GET",  "/requests/new",              rq_new_show,      RQ_DESK, NULL, NULL },
	{ "POST", "/requests/new",              rq_new_post,      RQ_DESK, &rq_new_form, rq_new_show },
	{ "GET",  "/requests/settings",         rq_settings_show, RQ_CONFIG, NULL, NULL },
	{ "POST", "/requests/settings",         rq_settings_post, RQ_CONFIG, &rq_settings_form,
	    rq_settings_show },
	{ "POST", "/requests/settings/sla",     rq_sla_post,      RQ_CONFIG, &rq_sla_form,
	    rq_settings_show },
	{ "POST", "/requests/settings/escalation", rq_esc_post,   RQ_CONFIG, &rq_esc_form,
	    rq_settings_show },
	{ "POST", "/requests/settings/categories", rq_category_post, RQ_CONFIG, &rq_category_form,
	    rq_settings_show },
	{ "GET",  "/requests/orders",           rq_orders,        RQ_WORK | ROLE_DIRECTOR, NULL, NULL },
	{ "GET",  "/requests/orders/:id",       rq_order_show,    RQ_WORK | ROLE_DIRECTOR, NULL, NULL },
	{ "POST", "/requests/orders/:id/start", rq_order_start_post, RQ_WORK, NULL, NULL },
	{ "POST", "/requests/orders/:id/note",  rq_order_note_post, RQ_WORK, &rq_progress_form,
	    rq_order_show },
	{ "POST", "/requests/orders/:id/done",  rq_order_done_post, RQ_WORK, &rq_done_form,
	    rq_order_show },
	{ "GET",  "/requests/orders/:id/print", rq_order_print,   RQ_WORK | ROLE_DIRECTOR, NULL, NULL },
	{ "GET",  "/requests/:id",              rq_show,          RQ_VIEW, NULL, NULL },
	{ "POST", "/requests/:id/dispatch",     rq_dispatch_post, RQ_DESK, &rq_dispatch_form, rq_show },
	{ "POST", "/requests/:id/reassign",     rq_reassign_post, RQ_DESK, &rq_reassign_form, rq_show },
	{ "POST", "/requests/:id/answer",       rq_answer_post,   RQ_DESK, &rq_answer_form, rq_show },
	{ "POST", "/requests/:id/callback",     rq_callback_post, RQ_DESK, &rq_callback_form, rq_show },
	{ "POST", "/requests/:id/close",        rq_close_post,    RQ_DESK, &rq_close_form, rq_show },
	{ "POST", "/requests/:id/decide",       rq_decide_post,   RQ_DECIDE, &rq_decide_form, rq_show },
	{ "POST", "/requests/:id/correct",      rq_correct_post,  RQ_DESK, &rq_correct_form, rq_show },
	{ "GET",  "/residents",                 rq_residents,     RQ_VIEW, NULL, NULL },
	{ "GET",  "/residents/new",             rq_res_new_show,  RQ_DESK, NULL, NULL },
	{ "POST", "/residents/new",             rq_res_new_post,  RQ_DESK, &rq_res_form, rq_res_new_show },
	{ "GET",  "/residents/import",          rq_import_show,   RQ_DESK, NULL, NULL },
	{ "POST", "/residents/import",          rq_import_post,   RQ_DESK, NULL, NULL },
	{ "GET",  "/residents/buildings",       rq_buildings,     RQ_VIEW, NULL, NULL },
	{ "POST", "/residents/buildings",       rq_building_new_post, RQ_CONFIG, &rq_building_form,
	    rq_buildings },
	{ "GET",  "/residents/buildings/:id",   rq_building_show, RQ_VIEW, NULL, NULL },
	{ "POST", "/residents/buildings/:id/units", rq_unit_new_post, RQ_CONFIG, &rq_unit_form,
	    rq_building_show },
	{ "GET",  "/residents/:id",             rq_res_show,      RQ_VIEW, NULL, NULL },
	{ "POST", "/residents/:id",             rq_res_edit_post, RQ_DESK, &rq_res_form, rq_res_show },
};

int
main(int argc, char **argv)
{
	static const struct app app = {
		"dd-req", routes, sizeof(routes) / sizeof(routes[0]),
		rq_stmts, sizeof(rq_stmts) / sizeof(rq_stmts[0]), APP_KEEPS_SESSIONS,
	};

	return app_main(argc, argv, &app);
}
