/* dd-callback: the callback desk (回访). The due callbacks of the site (a work order's, made
 * when it is done and recorded on its request's page by dd-req; a plan's, recorded here), the
 * callback records (客户回访记录表) filed by category with CSV, callback plans (客户回访计划)
 * drafted and approved, and the next-day callback report (客户回访报告表) reviewed by the
 * supervisor and then only corrected, printed on A4. Owns /callbacks and below; the handlers
 * live in cgi-bin/callback/.
 */
#include "callback/callback.h"

static const struct route routes[] = {
	{ "GET",  "/callbacks",                      cb_due_list,        CB_READERS, &cb_list_form,
	    cb_due_list },
	{ "GET",  "/callbacks/records",              cb_records,         CB_READERS, &cb_records_form,
	    cb_records },
	{ "GET",  "/callbacks/records.csv",          cb_records_csv,     CB_READERS, &cb_records_form,
	    cb_records },
	{ "GET",  "/callbacks/plans",                cb_plans,           CB_READERS, &cb_plans_form,
	    cb_plans },
	{ "GET",  "/callbacks/plans/new",            cb_plan_new,        CB_WRITERS, NULL, NULL },
	{ "POST", "/callbacks/plans/new",            cb_plan_new_post,   CB_WRITERS, &cb_plan_form,
	    cb_plan_new },
	{ "GET",  "/callbacks/plans/:id",            cb_plan_show,       CB_READERS, NULL, NULL },
	{ "POST", "/callbacks/plans/:id",            cb_plan_update_post, CB_WRITERS,
	    &cb_plan_edit_form, cb_plan_show },
	{ "POST", "/callbacks/plans/:id/approve",    cb_plan_approve_post, CB_REVIEWERS, NULL, NULL },
	{ "POST", "/callbacks/plans/:id/correct",    cb_plan_correct_post, CB_CORRECTORS,
	    &cb_plan_correct_form, cb_plan_show },
	{ "GET",  "/callbacks/reports",              cb_reports,         CB_READERS, &cb_reports_form,
	    cb_reports },
	{ "GET",  "/callbacks/reports/new",          cb_report_new,      CB_WRITERS,
	    &cb_report_day_form, cb_report_new },
	{ "POST", "/callbacks/reports/new",          cb_report_new_post, CB_WRITERS,
	    &cb_report_new_form, cb_report_new },
	{ "GET",  "/callbacks/reports/:id",          cb_report_show,     CB_READERS, NULL, NULL },
	{ "POST", "/callbacks/reports/:id",          cb_report_update_post, CB_WRITERS,
	    &cb_report_form, cb_report_show },
	{ "POST", "/callbacks/reports/:id/review",   cb_review_post,     CB_REVIEWERS, &cb_review_form,
	    cb_report_show },
	{ "POST", "/callbacks/reports/:id/correct",  cb_report_correct_post, CB_CORRECTORS,
	    &cb_report_correct_form, cb_report_show },
	{ "GET",  "/callbacks/reports/:id/print",    cb_report_print,    CB_READERS, NULL, NULL },
	{ "POST", "/callbacks/:id/cancel",           cb_cancel_post,     CB_WRITERS, &cb_cancel_form,
	    cb_show },
	{ "GET",  "/callbacks/:id",                  cb_show,            CB_READERS, NULL, NULL },
	{ "POST", "/callbacks/:id",                  cb_record_post,     CB_WRITERS, &cb_record_form,
	    cb_show },
};

int
main(int argc, char **argv)
{
	static const struct app app = {
		"dd-callback", routes, sizeof(routes) / sizeof(routes[0]),
		cb_stmts, sizeof(cb_stmts) / sizeof(cb_stmts[0]), APP_KEEPS_SESSIONS,
	};

	return app_main(argc, argv, &app);
}
