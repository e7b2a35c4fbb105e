/* dd-handover: the shift handover (交接班). The outgoing opens the handover of their log page;
 * the incoming counts the items and both sign with their own passwords on one screen; the
 * log page closes (carrying its open items) only when the incoming accepts. Refusal with a
 * reason and the supervisor's decision; shifts not relieved; the daily review, corrections;
 * the printed 交接班记录表. Owns /handover and below; the handlers live in cgi-bin/handover/.
 */
#include "handover/handover.h"

static const struct route routes[] = {
	{ "GET",  "/handover",                  ho_home,         HO_READERS, NULL, NULL },
	{ "POST", "/handover/open",             ho_open_post,    HO_WRITERS, &ho_open_form, ho_home },
	{ "GET",  "/handover/alerts",           ho_alerts,       HO_DECIDERS | ROLE_DIRECTOR, NULL, NULL },
	{ "GET",  "/handover/items",            ho_items_show,   HO_CONFIG, NULL, NULL },
	{ "POST", "/handover/items/new",        ho_item_new_post, HO_CONFIG, &ho_item_form,
	    ho_items_show },
	{ "POST", "/handover/items/:id",        ho_item_update_post, HO_CONFIG, &ho_item_form,
	    ho_items_show },
	{ "POST", "/handover/rule",             ho_rule_post,    HO_CONFIG, &ho_rule_form,
	    ho_items_show },
	{ "GET",  "/handover/day/:day",         ho_day_show,     HO_READERS, NULL, NULL },
	{ "POST", "/handover/day/:day/review",  ho_review_post,  HO_REVIEWERS, &ho_review_form,
	    ho_day_show },
	{ "GET",  "/handover/:id",              ho_show,         HO_READERS, NULL, NULL },
	{ "POST", "/handover/:id/notes",        ho_notes_post,   HO_WRITERS, &ho_notes_form, ho_show },
	{ "POST", "/handover/:id/anomalies",    ho_anomaly_post, HO_WRITERS, &ho_anomaly_form, ho_show },
	{ "POST", "/handover/:id/accept",       ho_accept_post,  HO_WRITERS, &ho_accept_form, ho_show },
	{ "POST", "/handover/:id/refuse",       ho_refuse_post,  HO_WRITERS, &ho_refuse_form, ho_show },
	{ "POST", "/handover/:id/decide",       ho_decide_post,  HO_DECIDERS, &ho_decide_form, ho_show },
	{ "POST", "/handover/:id/correct",      ho_correct_post, HO_WRITERS | ROLE_MANAGER,
	    &ho_correct_form, ho_show },
	{ "GET",  "/handover/:id/print",        ho_print,        HO_READERS, NULL, NULL },
};

int
main(int argc, char **argv)
{
	static const struct app app = {
		"dd-handover", routes, sizeof(routes) / sizeof(routes[0]),
		ho_stmts, sizeof(ho_stmts) / sizeof(ho_stmts[0]), APP_KEEPS_SESSIONS,
	};

	return app_main(argc, argv, &app);
}
