/* dd-eval: staff evaluation (值班表现评估). The site's checklist; an evaluation per duty staff
 * member and period with their figures from the records, scores per item, the supervisor's
 * signature (figures frozen), the staff member's remark, corrections as stamps; the list with
 * filters and CSV, a person's history, the printed form. Owns /evaluations and below (nginx
 * also sends /digest here: it belongs to the reports and stays 404). The handlers live in
 * cgi-bin/eval/.
 */
#include "eval/eval.h"

static const struct route routes[] = {
	{ "GET",  "/evaluations",                    ev_list,          EV_READERS, &ev_list_form,
	    ev_list },
	{ "GET",  "/evaluations/csv",                ev_csv,           EV_READERS, &ev_list_form,
	    ev_csv },
	{ "GET",  "/evaluations/items",              ev_items_show,    EV_EVALUATORS, NULL, NULL },
	{ "POST", "/evaluations/items/new",          ev_item_new_post, EV_EVALUATORS, &ev_item_form,
	    ev_items_show },
	{ "POST", "/evaluations/items/defaults",     ev_items_defaults_post, EV_EVALUATORS, NULL, NULL },
	{ "POST", "/evaluations/items/:id",          ev_item_update_post, EV_EVALUATORS, &ev_item_form,
	    ev_items_show },
	{ "POST", "/evaluations/items/:id/delete",   ev_item_delete_post, EV_EVALUATORS, NULL, NULL },
	{ "GET",  "/evaluations/new",                ev_new_show,      EV_EVALUATORS, NULL, NULL },
	{ "POST", "/evaluations/new",                ev_new_post,      EV_EVALUATORS, &ev_new_form,
	    ev_new_show },
	{ "GET",  "/evaluations/person/:id",         ev_person,        EV_READERS, NULL, NULL },
	{ "GET",  "/evaluations/:id",                ev_show,          EV_READERS, NULL, NULL },
	{ "POST", "/evaluations/:id",                ev_save_post,     EV_EVALUATORS, &ev_save_form,
	    ev_save_post },
	{ "POST", "/evaluations/:id/sign",           ev_sign_post,     EV_EVALUATORS, NULL, NULL },
	{ "POST", "/evaluations/:id/remark",         ev_remark_post,   ROLE_STAFF, &ev_remark_form,
	    ev_show },
	{ "POST", "/evaluations/:id/correct",        ev_correct_post,  EV_EVALUATORS, &ev_correct_form,
	    ev_show },
	{ "GET",  "/evaluations/:id/print",          ev_print,         EV_READERS, NULL, NULL },
	{ "GET",  "/evaluations/:id/records/:name",  ev_records,       EV_READERS, NULL, NULL },
};

int
main(int argc, char **argv)
{
	static const struct app app = {
		"dd-eval", routes, sizeof(routes) / sizeof(routes[0]),
		ev_stmts, sizeof(ev_stmts) / sizeof(ev_stmts[0]), APP_KEEPS_SESSIONS,
	};

	return app_main(argc, argv, &app);
}
