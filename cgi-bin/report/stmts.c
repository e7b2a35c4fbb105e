/* stmts.c: the reports' SQL, one statement per enum rep_stmt (report.h). Request figures
 * come from the summary tables of sql/012; the log and handover figures from their own
 * tables (a site has a few rows a day there). */
#include "report.h"

#define Q(id) [id - DB_APP_FIRST]
#define D(col) "DATE_FORMAT(" col ", '%Y-%m-%d')"
#define DT(col) "DATE_FORMAT(" col ", '%Y-%m-%d %H:%i')"
/* The request figures of req_stats_day (columns RS_* of kpi.c). */
#define STATS "SUM(n), SUM(responded), SUM(resp_sla), SUM(resp_met), SUM(resp_min)," \
	" SUM(resolved), SUM(done_sla), SUM(done_met), SUM(done_min), SUM(rings_known)," \
	" SUM(rings_le1), SUM(rings_le2), SUM(rings_le3), SUM(rings_le4), SUM(rings_le5)"
/* What the trends need of the same (columns 1..5 of R_TREND_*). */
#define TREND "SUM(n), SUM(resp_sla), SUM(resp_met), SUM(done_sla), SUM(done_met)"
/* A handover counts once its shift ended or it was accepted; on time when accepted and the
 * incoming arrived at least the site's early_minutes before the change. */
#define HO_DUE "(status = 'accepted' OR shift_end_at < NOW())"
#define HO_ON_TIME "(status = 'accepted' AND arrived_at IS NOT NULL" \
	" AND TIMESTAMPDIFF(MINUTE, arrived_at, shift_end_at) >= early_minutes)"
/* A log day counts once it is signed or the end of the next day has passed; on time when
 * signed by the end of the next day. */
#define LD_DUE "(signed_at IS NOT NULL OR day < CURDATE() - INTERVAL 1 DAY)"
#define LD_ON_TIME "(signed_at IS NOT NULL AND signed_at < day + INTERVAL 2 DAY)"
/* An emergency report counts once written or due; on time when written by report_due. */
#define EM_DUE "(report_at IS NOT NULL OR report_due < NOW())"
#define EM_ON_TIME "(report_at IS NOT NULL AND report_at <= report_due)"

const char *const rep_stmts[R__END - DB_APP_FIRST] = {
	Q(R_SITE) = "SELECT s.name, COALESCE(st.ring_target, 3), COALESCE(st.repeat_days, 30)"
	    " FROM sites s LEFT JOIN req_settings st ON st.site_id = s.id"
	    " WHERE s.id = ? AND s.active = 1",
	Q(R_SITES) = "SELECT s.id, s.name, s.code, COALESCE(st.ring_target, 3)"
	    " FROM sites s LEFT JOIN req_settings st ON st.site_id = s.id"
	    " WHERE s.active = 1 ORDER BY s.code",
	Q(R_DAY_TYPE) = "SELECT " D("day") ", type, SUM(n) FROM req_stats_day"
	    " WHERE site_id = ? AND day >= ? AND day < ? GROUP BY day, type ORDER BY day",
	Q(R_TYPE_CHANNEL) = "SELECT type, channel, " STATS " FROM req_stats_day"
	    " WHERE site_id = ? AND day >= ? AND day < ? GROUP BY type, channel",
	Q(R_TREND_WEEK) = "SELECT " D("day - INTERVAL WEEKDAY(day) DAY") " AS wk, " TREND
	    " FROM req_stats_day WHERE site_id = ? AND day >= ? AND day < ? GROUP BY wk ORDER BY wk",
	Q(R_TREND_MONTH) = "SELECT DATE_FORMAT(month, '%Y-%m') AS mo, " TREND
	    " FROM req_stats_mon WHERE site_id = ? AND month >= ? AND month < ? GROUP BY month"
	    " ORDER BY month",
	/* A whole number of months: the monthly rows. */
	Q(R_TYPE_CHANNEL_M) = "SELECT type, channel, " STATS " FROM req_stats_mon"
	    " WHERE site_id = ? AND month >= ? AND month < ? GROUP BY type, channel",
	Q(R_CB_DIST) = "SELECT satisfaction, SUM(n) FROM cb_stats_day"
	    " WHERE site_id = ? AND day >= ? AND day < ? GROUP BY satisfaction ORDER BY satisfaction",
	Q(R_ORDERS_OVERDUE) = "SELECT COUNT(*) FROM work_orders WHERE site_id = ?"
	    " AND status IN ('dispatched', 'in_progress') AND due_at < NOW()",
	Q(R_HANDOVERS) = "SELECT COALESCE(SUM(" HO_DUE "), 0), COALESCE(SUM(" HO_ON_TIME "), 0),"
	    " COALESCE(SUM(refused_at IS NOT NULL), 0), COUNT(*)"
	    " FROM handovers WHERE site_id = ? AND day >= ? AND day < ?",
	Q(R_LOGDAYS) = "SELECT COALESCE(SUM(" LD_DUE "), 0), COALESCE(SUM(" LD_ON_TIME "), 0)"
	    " FROM log_days WHERE site_id = ? AND day >= ? AND day < ?",
	Q(R_EMERG) = "SELECT COALESCE(SUM(" EM_DUE "), 0), COALESCE(SUM(" EM_ON_TIME "), 0)"
	    " FROM emergencies WHERE site_id = ? AND occurred_at >= ? AND occurred_at < ?",
	/* The records behind the late and refused figures: kind, id, day, what, detail. */
	Q(R_EXCEPTIONS) = "(SELECT 'refused' AS k, h.id, " D("h.day") " AS d, s.name, h.refuse_reason"
	    " FROM handovers h JOIN shifts s ON s.id = h.shift_id WHERE h.site_id = ?"
	    " AND h.day >= ? AND h.day < ? AND h.refused_at IS NOT NULL)"
	    " UNION ALL (SELECT 'late_handover', h.id, " D("h.day") ", s.name,"
	    " COALESCE(" DT("h.arrived_at") ", '') FROM handovers h JOIN shifts s ON s.id = h.shift_id"
	    " WHERE h.site_id = ? AND h.day >= ? AND h.day < ? AND (h.status = 'accepted'"
	    " OR h.shift_end_at < NOW()) AND NOT (h.status = 'accepted' AND h.arrived_at IS NOT NULL"
	    " AND TIMESTAMPDIFF(MINUTE, h.arrived_at, h.shift_end_at) >= h.early_minutes))"
	    " UNION ALL (SELECT 'late_log', id, " D("day") ", '', COALESCE(" DT("signed_at") ", '')"
	    " FROM log_days WHERE site_id = ? AND day >= ? AND day < ? AND " LD_DUE
	    " AND NOT " LD_ON_TIME ")"
	    " UNION ALL (SELECT 'late_emergency', id, " D("occurred_at") ", place,"
	    " COALESCE(" DT("report_at") ", '') FROM emergencies WHERE site_id = ?"
	    " AND occurred_at >= ? AND occurred_at < ? AND " EM_DUE " AND NOT " EM_ON_TIME ")"
	    " ORDER BY d DESC, k LIMIT 100",
	Q(R_SITES_REQ) = "SELECT site_id, " STATS " FROM req_stats_day"
	    " WHERE day >= ? AND day < ? GROUP BY site_id",
	Q(R_SITES_CB) = "SELECT site_id, SUM(IF(satisfaction > 0, n, 0)), SUM(satisfaction * n)"
	    " FROM cb_stats_day WHERE day >= ? AND day < ? GROUP BY site_id",
	Q(R_SITES_ORDERS) = "SELECT site_id, COUNT(*) FROM work_orders"
	    " WHERE status IN ('dispatched', 'in_progress') AND due_at < NOW() GROUP BY site_id",
	Q(R_SITES_HANDOVERS) = "SELECT site_id, SUM(" HO_DUE "), SUM(" HO_ON_TIME "),"
	    " SUM(refused_at IS NOT NULL) FROM handovers WHERE day >= ? AND day < ? GROUP BY site_id",
	Q(R_SITES_LOGDAYS) = "SELECT site_id, SUM(" LD_DUE "), SUM(" LD_ON_TIME ")"
	    " FROM log_days WHERE day >= ? AND day < ? GROUP BY site_id",
	Q(R_SITES_EMERG) = "SELECT site_id, SUM(" EM_DUE "), SUM(" EM_ON_TIME ")"
	    " FROM emergencies WHERE occurred_at >= ? AND occurred_at < ? GROUP BY site_id",
	Q(R_Q_MONTH_TYPE) = "SELECT DATE_FORMAT(month, '%Y-%m'), type, SUM(n) FROM req_stats_mon"
	    " WHERE site_id = ? AND month >= ? AND month < ? GROUP BY month, type ORDER BY month",
	/* The quarter-keyed tables take the quarter's first day. */
	Q(R_Q_BUILDING) = "SELECT t.building_id, COALESCE(b.name, ''), t.n FROM (SELECT building_id,"
	    " SUM(n) AS n FROM req_stats_place WHERE site_id = ? AND quarter = ?"
	    " GROUP BY building_id HAVING SUM(n) > 0) t LEFT JOIN buildings b ON b.id = t.building_id"
	    " ORDER BY t.n DESC, t.building_id = 0, b.code",
	Q(R_Q_CATEGORY) = "SELECT t.category_id, COALESCE(c.name, ''), t.n FROM (SELECT category_id,"
	    " SUM(n) AS n FROM req_stats_place WHERE site_id = ? AND quarter = ?"
	    " GROUP BY category_id HAVING SUM(n) > 0) t"
	    " LEFT JOIN req_categories c ON c.id = t.category_id"
	    " ORDER BY t.n DESC, t.category_id = 0, c.sort_order, c.name",
	Q(R_Q_DEPT) = "SELECT t.department_id, d.name, t.orders, t.done, t.late FROM (SELECT"
	    " department_id, SUM(orders) AS orders, SUM(done) AS done, SUM(done_late) AS late"
	    " FROM req_stats_dept WHERE site_id = ? AND month >= ? AND month < ?"
	    " GROUP BY department_id HAVING SUM(orders) > 0) t"
	    " JOIN departments d ON d.id = t.department_id ORDER BY t.orders DESC, d.name",
	/* One quarter (its first day): the rows in key order, nothing to group or sort. */
	Q(R_Q_HIST) = "SELECT measure, type, bucket, n FROM req_stats_hist"
	    " WHERE site_id = ? AND quarter = ? AND n > 0 ORDER BY measure, type, bucket",
	Q(R_Q_REPEAT_TOTAL) = "SELECT kind, n FROM req_stats_repeat_total"
	    " WHERE site_id = ? AND quarter = ?",
	Q(R_Q_REPEAT_UNITS) = "SELECT t.unit_id, t.building_id, COALESCE(b.name, ''),"
	    " COALESCE(u.code, ''), t.n FROM (SELECT unit_id, building_id, n"
	    " FROM req_stats_repeat WHERE site_id = ? AND quarter = ? AND kind = 'unit'"
	    " AND n > 0 ORDER BY n DESC, unit_id LIMIT 10) t"
	    " LEFT JOIN units u ON u.id = t.unit_id LEFT JOIN buildings b ON b.id = t.building_id"
	    " ORDER BY t.n DESC, t.unit_id",
	Q(R_Q_REPEAT_CATS) = "SELECT t.building_id, t.category_id, COALESCE(b.name, ''),"
	    " COALESCE(c.name, ''), t.n FROM (SELECT building_id, category_id, n"
	    " FROM req_stats_repeat WHERE site_id = ? AND quarter = ? AND kind = 'category'"
	    " AND n > 0 ORDER BY n DESC, building_id, category_id LIMIT 10) t"
	    " LEFT JOIN buildings b ON b.id = t.building_id"
	    " LEFT JOIN req_categories c ON c.id = t.category_id ORDER BY t.n DESC, b.code",
	Q(R_Q_ACTIONS) = "SELECT a.id, d.name, COALESCE(c.name, ''), a.problem, a.action,"
	    " u.display_name, " DT("a.entered_at") " FROM req_actions a"
	    " JOIN departments d ON d.id = a.department_id"
	    " LEFT JOIN req_categories c ON c.id = a.category_id JOIN users u ON u.id = a.entered_by"
	    " WHERE a.site_id = ? AND a.year = ? AND a.quarter = ? ORDER BY a.id",
	Q(R_ACTION_ADD) = "INSERT INTO req_actions (site_id, year, quarter, department_id,"
	    " category_id, problem, action, entered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	Q(R_DEPTS) = "SELECT id, name FROM departments WHERE site_id = ? AND active = 1 ORDER BY name",
	Q(R_CATEGORIES) = "SELECT id, name FROM req_categories WHERE site_id = ? AND active = 1"
	    " ORDER BY sort_order, name",
	Q(R_RECORD_ADD) = "INSERT INTO report_records (site_id, kind, period) VALUES (?, ?, ?)"
	    " ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)",
	Q(R_RECORD_GET) = "SELECT site_id, kind, period FROM report_records WHERE id = ?",
	Q(R_RECORD_FIND) = "SELECT id FROM report_records WHERE site_id = ? AND kind = ?"
	    " AND period = ?",
	/* ---- the digest of one day ---- */
	Q(R_D_PAGES) = "SELECT p.id, s.name, p.status, u.display_name, COUNT(e.id),"
	    " COALESCE(SUM(e.status = 'open'), 0), COALESCE(SUM(e.major), 0)"
	    " FROM log_days d JOIN log_pages p ON p.day_id = d.id JOIN shifts s ON s.id = p.shift_id"
	    " JOIN users u ON u.id = p.opened_by LEFT JOIN log_entries e ON e.page_id = p.id"
	    " WHERE d.site_id = ? AND d.day = ? GROUP BY p.id, s.name, p.status, u.display_name,"
	    " s.sort_order ORDER BY s.sort_order",
	Q(R_D_CARRIED) = "SELECT e.id, " DT("e.occurred_at") ", e.location, e.what, e.status,"
	    " DATEDIFF(?, DATE(e.occurred_at)) FROM log_carryovers c"
	    " JOIN log_pages p ON p.id = c.from_page_id JOIN log_days d ON d.id = p.day_id"
	    " JOIN log_entries e ON e.id = c.entry_id WHERE d.site_id = ? AND d.day = ?"
	    " GROUP BY e.id ORDER BY e.occurred_at LIMIT 100",
	Q(R_D_REQ_IN) = "SELECT type, COUNT(*), COALESCE(SUM(major), 0) FROM requests"
	    " WHERE site_id = ? AND received_at >= ? AND received_at < ? + INTERVAL 1 DAY GROUP BY type",
	Q(R_D_REQ_CLOSED) = "SELECT type, COUNT(*) FROM requests WHERE site_id = ?"
	    " AND closed_at >= ? AND closed_at < ? + INTERVAL 1 DAY GROUP BY type",
	Q(R_D_ESCALATIONS) = "SELECT x.request_id, r.number, x.level, x.status,"
	    " " DT("x.escalated_at") ", LEFT(r.description, 80) FROM req_escalations x"
	    " JOIN requests r ON r.id = x.request_id WHERE x.site_id = ?"
	    " AND ((x.escalated_at >= ? AND x.escalated_at < ? + INTERVAL 1 DAY)"
	    " OR (x.status = 'pending' AND x.escalated_at < ? + INTERVAL 1 DAY))"
	    " ORDER BY x.escalated_at LIMIT 50",
	Q(R_D_UNSIGNED_DAYS) = "SELECT id, " D("day") " FROM log_days WHERE site_id = ?"
	    " AND status = 'open' AND day <= ? AND day >= ? - INTERVAL 30 DAY ORDER BY day DESC",
	Q(R_D_UNSIGNED_HANDOVERS) = "SELECT h.id, s.name, h.status, h.incoming_signed_at IS NULL,"
	    " h.outgoing_signed_at IS NULL FROM handovers h JOIN shifts s ON s.id = h.shift_id"
	    " WHERE h.site_id = ? AND h.day = ? AND (h.incoming_signed_at IS NULL"
	    " OR h.outgoing_signed_at IS NULL) ORDER BY s.sort_order",
	Q(R_D_EMERG_OVERDUE) = "SELECT id, " DT("occurred_at") ", place, " DT("report_due") ","
	    " COALESCE(" DT("report_at") ", '') FROM emergencies WHERE site_id = ?"
	    " AND report_due < ? + INTERVAL 1 DAY AND report_due >= ? - INTERVAL 30 DAY"
	    " AND (report_at IS NULL OR report_at > report_due) ORDER BY occurred_at DESC LIMIT 50",
	Q(R_D_CBREPORT_OVERDUE) = "SELECT " D("x.day") ", SUM(x.n) FROM cb_stats_day x"
	    " LEFT JOIN callback_reports r ON r.site_id = x.site_id AND r.day = x.day"
	    " WHERE x.site_id = ? AND x.day < ? AND x.day >= ? - INTERVAL 14 DAY"
	    " AND (r.id IS NULL OR r.written_at >= x.day + INTERVAL 2 DAY)"
	    " GROUP BY x.day HAVING SUM(x.n) > 0 ORDER BY x.day DESC",
	Q(R_LOGDAY_ID) = "SELECT id, status, COALESCE(" DT("signed_at") ", '') FROM log_days"
	    " WHERE site_id = ? AND day = ?",
};
