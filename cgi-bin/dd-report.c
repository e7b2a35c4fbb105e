/* dd-report: the reports (统计分析). The KPI dashboard of a site with trends, the director's
 * sites side by side, the quarterly complaint analysis (用户投诉分析报告) with the departments'
 * corrective actions, and the manager's daily digest (客服经理日报); the two reports print on
 * A4 with their unified numbers (FX, ZY); every table as CSV. Owns /reports and below; the
 * handlers live in cgi-bin/report/.
 *
 * Supervisors, managers and directors read their site's reports; directors and admins also
 * every other site's figures (?site=N, and /reports/sites), but not the records behind them:
 * the links into /requests, /log and /handover are shown only for the user's own site.
 */
#include "report/report.h"

static const struct route routes[] = {
	{ "GET",  "/reports",                       rep_home,               REP_READERS, NULL, NULL },
	{ "GET",  "/reports/kpi",                   rep_kpi,                REP_READERS, NULL, NULL },
	{ "GET",  "/reports/sites",                 rep_sites,              REP_ALL_SITES, NULL, NULL },
	{ "GET",  "/reports/complaints",            rep_quarter_show,       REP_READERS, NULL, NULL },
	{ "POST", "/reports/complaints/print",      rep_quarter_print_start, REP_PRINTERS, NULL, NULL },
	{ "POST", "/reports/complaints/actions",    rep_action_post,        REP_ACTIONS,
	    &rep_action_form, rep_quarter_show },
	{ "GET",  "/reports/complaints/:id",        rep_quarter_record,     REP_READERS, NULL, NULL },
	{ "GET",  "/reports/complaints/:id/print",  rep_quarter_print,      REP_PRINTERS, NULL, NULL },
	{ "GET",  "/reports/digest",                rep_digest_show,        REP_DIGEST, NULL, NULL },
	{ "POST", "/reports/digest/print",          rep_digest_print_start, REP_PRINTERS, NULL, NULL },
	{ "GET",  "/reports/digest/:id",            rep_digest_record,      REP_DIGEST, NULL, NULL },
	{ "GET",  "/reports/digest/:id/print",      rep_digest_print,       REP_PRINTERS, NULL, NULL },
	{ "GET",  "/reports/digest/:day",           rep_digest_day,         REP_DIGEST, NULL, NULL },
};

int
main(int argc, char **argv)
{
	static const struct app app = {
		"dd-report", routes, sizeof(routes) / sizeof(routes[0]),
		rep_stmts, sizeof(rep_stmts) / sizeof(rep_stmts[0]), APP_KEEPS_SESSIONS,
	};

	return app_main(argc, argv, &app);
}
