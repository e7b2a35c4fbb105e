/* stmts.c: the evaluation's SQL, one statement per enum ev_stmt (eval.h). */
#include "eval.h"

#define Q(id) [id - DB_APP_FIRST]
#define DT(col) "DATE_FORMAT(" col ", '%Y-%m-%d %H:%i')"
#define D(col) "DATE_FORMAT(" col ", '%Y-%m-%d')"
/* How often an item is scored (an item in use is never deleted, its maximum never changed). */
#define ITEM_USED "(SELECT COUNT(*) FROM eval_scores s WHERE s.item_id = i.id)"
/* The total of evaluation e as shown: the scores with every score correction applied (each
 * correction's old text is the value it replaced, so the differences add up). */
#define TOTAL_NOW "(e.total + COALESCE((SELECT SUM(CAST(k.new_text AS SIGNED)" \
	" - CAST(k.old_text AS SIGNED)) FROM record_corrections k WHERE k.entity = 'evaluation'" \
	" AND k.entity_id = e.id AND k.field LIKE 'score:%'), 0))"
#define MAX_NOW "(SELECT COALESCE(SUM(i.max_score), 0) FROM eval_scores s" \
	" JOIN eval_items i ON i.id = s.item_id WHERE s.evaluation_id = e.id)"
/* List filters: site, period from (two), period to (two), person (two), status (two), own
 * (two: a duty staff member sees only their own signed evaluations). */
#define LIST_WHERE " WHERE e.site_id = ? AND (? = '' OR e.period_to >= ?)" \
	" AND (? = '' OR e.period_from <= ?) AND (? = 0 OR e.user_id = ?)" \
	" AND (? = '' OR e.status = ?) AND (? = 0 OR (e.user_id = ? AND e.status = 'signed'))"
/* The records behind a figure: site, person, first and last day; (link, when, what). */
#define REC_WHERE_DAY " AND h.day BETWEEN ? AND ?"
#define IN_PERIOD(col) " AND " col " >= ? AND " col " < DATE_ADD(?, INTERVAL 1 DAY)"
#define HO_REC "SELECT CONCAT('/handover/', h.id), " D("h.day") ", CONCAT(s.name, ' · ', "

const char *const ev_stmts[E__END - DB_APP_FIRST] = {
	Q(E_ITEMS_ALL) = "SELECT i.id, i.name, i.max_score, i.sort_order, i.active, " ITEM_USED
	    " FROM eval_items i WHERE i.site_id = ? ORDER BY i.active DESC, i.sort_order, i.id",
	Q(E_ITEMS_ACTIVE) = "SELECT id, name, max_score FROM eval_items"
	    " WHERE site_id = ? AND active = 1 ORDER BY sort_order, id",
	Q(E_ITEM_GET) = "SELECT i.id, i.site_id, i.name, i.max_score, i.sort_order, i.active, "
	    ITEM_USED " FROM eval_items i WHERE i.id = ? FOR UPDATE",
	Q(E_ITEM_NEW) = "INSERT INTO eval_items (site_id, name, max_score, sort_order)"
	    " VALUES (?, ?, ?, ?)",
	Q(E_ITEM_UPDATE) = "UPDATE eval_items SET name = ?, max_score = ?, sort_order = ?,"
	    " active = ? WHERE id = ?",
	/* Only an item no evaluation scored (the foreign key of eval_scores says so too). */
	Q(E_ITEM_DELETE) = "DELETE FROM eval_items WHERE id = ? AND site_id = ?"
	    " AND NOT EXISTS (SELECT 1 FROM eval_scores s WHERE s.item_id = ?)",
	/* The default checklist (sql/013 gives it to the sites that existed then). */
	Q(E_ITEMS_DEFAULTS) = "INSERT IGNORE INTO eval_items (site_id, name, max_score, sort_order)"
	    " VALUES (?, '仪容仪表', 10, 1), (?, '服务态度', 20, 2), (?, '记录规范', 15, 3),"
	    " (?, '交接规范', 15, 4), (?, '电话接听(三声内)', 15, 5), (?, '投诉处理', 15, 6),"
	    " (?, '劳动纪律', 10, 7)",
	Q(E_STAFF_OF_SITE) = "SELECT id, display_name FROM users WHERE site_id = ? AND active = 1"
	    " AND (roles & 1) <> 0 ORDER BY display_name, id",
	Q(E_USER_GET) = "SELECT id, site_id, roles, display_name, active FROM users WHERE id = ?",
	/* Serialises two new evaluations of one person (the overlap check, then the insert). */
	Q(E_USER_LOCK) = "SELECT id FROM users WHERE id = ? FOR UPDATE",
	/* Every figure of a person and period in one row (order of enum ev_fig). Parameters:
	 * site, person, first day, last day, site (for the ring target). */
	Q(E_FIGURES) = "SELECT"
	    " (SELECT COUNT(*) FROM roster_entries e JOIN roster_months m ON m.id = e.month_id"
	    "   WHERE m.site_id = k.s AND e.user_id = k.u AND m.status = 'published'"
	    "   AND e.version_to IS NULL AND e.day BETWEEN k.f AND k.t),"
	    " (SELECT COUNT(*) FROM log_entries e WHERE e.site_id = k.s AND e.written_by = k.u"
	    "   AND e.occurred_at >= k.f AND e.occurred_at < k.t + INTERVAL 1 DAY),"
	    " (SELECT COUNT(*) FROM log_pages p JOIN log_days d ON d.id = p.day_id"
	    "   WHERE d.site_id = k.s AND d.day BETWEEN k.f AND k.t AND p.closed_by = k.u),"
	    " (SELECT COUNT(*) FROM handovers h WHERE h.site_id = k.s AND h.incoming_id = k.u"
	    "   AND h.status = 'accepted' AND h.day BETWEEN k.f AND k.t"
	    "   AND TIMESTAMPDIFF(MINUTE, h.arrived_at, h.shift_end_at) >= h.early_minutes),"
	    " (SELECT COUNT(*) FROM handovers h WHERE h.site_id = k.s AND h.incoming_id = k.u"
	    "   AND h.status = 'accepted' AND h.day BETWEEN k.f AND k.t"
	    "   AND TIMESTAMPDIFF(MINUTE, h.arrived_at, h.shift_end_at) < h.early_minutes),"
	    " (SELECT COUNT(*) FROM handovers h WHERE h.site_id = k.s AND h.outgoing_id = k.u"
	    "   AND h.refused_at IS NOT NULL AND h.day BETWEEN k.f AND k.t),"
	    " (SELECT COUNT(*) FROM requests r WHERE r.site_id = k.s AND r.received_by = k.u"
	    "   AND r.received_at >= k.f AND r.received_at < k.t + INTERVAL 1 DAY),"
	    " (SELECT COUNT(*) FROM requests r WHERE r.site_id = k.s AND r.received_by = k.u"
	    "   AND r.received_at >= k.f AND r.received_at < k.t + INTERVAL 1 DAY"
	    "   AND r.type = 'complaint'),"
	    " (SELECT COUNT(*) FROM requests r WHERE r.site_id = k.s AND r.received_by = k.u"
	    "   AND r.received_at >= k.f AND r.received_at < k.t + INTERVAL 1 DAY"
	    "   AND r.channel = 'phone' AND r.rings IS NOT NULL),"
	    " (SELECT COUNT(*) FROM requests r WHERE r.site_id = k.s AND r.received_by = k.u"
	    "   AND r.received_at >= k.f AND r.received_at < k.t + INTERVAL 1 DAY"
	    "   AND r.channel = 'phone' AND r.rings IS NOT NULL AND r.rings <= k.rt),"
	    " k.rt,"
	    " (SELECT COUNT(*) FROM callbacks c WHERE c.site_id = k.s AND c.called_by = k.u"
	    "   AND c.status = 'done' AND c.called_at >= k.f AND c.called_at < k.t + INTERVAL 1 DAY),"
	    " (SELECT COUNT(*) FROM callbacks c WHERE c.site_id = k.s AND c.called_by = k.u"
	    "   AND c.status = 'done' AND c.called_at >= k.f AND c.called_at < k.t + INTERVAL 1 DAY"
	    "   AND c.satisfaction IS NOT NULL),"
	    " (SELECT COALESCE(SUM(c.satisfaction), 0) FROM callbacks c WHERE c.site_id = k.s"
	    "   AND c.called_by = k.u AND c.status = 'done' AND c.called_at >= k.f"
	    "   AND c.called_at < k.t + INTERVAL 1 DAY AND c.satisfaction IS NOT NULL)"
	    " FROM (SELECT CAST(? AS UNSIGNED) AS s, CAST(? AS UNSIGNED) AS u, CAST(? AS DATE) AS f,"
	    "   CAST(? AS DATE) AS t,"
	    "   COALESCE((SELECT ring_target FROM req_settings WHERE site_id = ?), 3) AS rt) k",
	Q(E_OVERLAP) = "SELECT id FROM evaluations WHERE user_id = ? AND period_from <= ?"
	    " AND period_to >= ? LIMIT 1",
	Q(E_NEW) = "INSERT INTO evaluations (site_id, user_id, period_from, period_to, evaluator_id,"
	    " comment, figures, staff_remark) VALUES (?, ?, ?, ?, ?, '', '{}', '')",
	Q(E_GET) = "SELECT e.id, e.site_id, e.user_id, " D("e.period_from") ", " D("e.period_to") ","
	    " e.status, e.evaluator_id, e.comment, e.figures, e.total, " DT("e.created_at") ","
	    " COALESCE(" DT("e.signed_at") ", ''), e.staff_remark, COALESCE(" DT("e.remark_at") ", ''),"
	    " u.display_name, v.display_name, " D("COALESCE(e.signed_at, e.created_at)") ", u.username"
	    " FROM evaluations e JOIN users u ON u.id = e.user_id JOIN users v ON v.id = e.evaluator_id"
	    " WHERE e.id = ?",
	Q(E_LOCK) = "SELECT status, site_id, user_id, comment, total, staff_remark,"
	    " remark_at IS NOT NULL FROM evaluations WHERE id = ? FOR UPDATE",
	Q(E_SCORES) = "SELECT i.id, i.name, i.max_score, s.score, s.comment FROM eval_scores s"
	    " JOIN eval_items i ON i.id = s.item_id WHERE s.evaluation_id = ?"
	    " ORDER BY i.sort_order, i.id",
	Q(E_SCORES_DEL) = "DELETE FROM eval_scores WHERE evaluation_id = ?",
	Q(E_SCORE_ADD) = "INSERT INTO eval_scores (evaluation_id, item_id, score, comment)"
	    " VALUES (?, ?, ?, ?)",
	Q(E_SAVE) = "UPDATE evaluations SET comment = ?, total = ? WHERE id = ? AND status = 'draft'",
	Q(E_SIGN) = "UPDATE evaluations SET status = 'signed', signed_at = NOW(), evaluator_id = ?,"
	    " figures = ?, total = ? WHERE id = ? AND status = 'draft'",
	Q(E_REMARK) = "UPDATE evaluations SET staff_remark = ?, remark_at = NOW() WHERE id = ?"
	    " AND user_id = ? AND status = 'signed' AND remark_at IS NULL",
	Q(E_CORRECTIONS) = "SELECT k.field, k.old_text, k.new_text, k.reason, u.display_name,"
	    " " DT("k.corrected_at") " FROM record_corrections k JOIN users u ON u.id = k.corrected_by"
	    " WHERE k.entity = 'evaluation' AND k.entity_id = ? ORDER BY k.id",
	Q(E_CORRECTION_ADD) = "INSERT INTO record_corrections (site_id, entity, entity_id, field,"
	    " old_text, new_text, reason, corrected_by) VALUES (?, 'evaluation', ?, ?, ?, ?, ?, ?)",
	Q(E_LIST_COUNT) = "SELECT COUNT(*) FROM evaluations e" LIST_WHERE,
	Q(E_LIST) = "SELECT e.id, " D("e.period_from") ", " D("e.period_to") ", u.display_name,"
	    " e.status, " TOTAL_NOW ", " MAX_NOW ", v.display_name, COALESCE(" DT("e.signed_at") ", ''),"
	    " e.user_id, e.staff_remark <> '',"
	    " (SELECT COUNT(*) FROM record_corrections k WHERE k.entity = 'evaluation'"
	    "  AND k.entity_id = e.id)"
	    " FROM evaluations e JOIN users u ON u.id = e.user_id JOIN users v ON v.id = e.evaluator_id"
	    LIST_WHERE " ORDER BY e.period_from DESC, u.display_name, e.id DESC LIMIT ? OFFSET ?",
	/* A person's evaluations over time (oldest first): site, person, signed only (two). */
	Q(E_HISTORY) = "SELECT e.id, " D("e.period_from") ", " D("e.period_to") ", e.status, "
	    TOTAL_NOW ", " MAX_NOW " FROM evaluations e WHERE e.site_id = ? AND e.user_id = ?"
	    " AND (? = 0 OR e.status = 'signed') ORDER BY e.period_from DESC LIMIT ?",
	Q(E_TODAY) = "SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d')",
	Q(E_SCANS_OF_NUMBER) = "SELECT COUNT(*) FROM form_scans WHERE number = ?",
	Q(E_REC_SHIFTS) = "SELECT CONCAT('/roster/month/', m.id), " D("e.day") ", CONCAT(s.name, ' ',"
	    " TIME_FORMAT(s.start_time, '%H:%i'), '–', TIME_FORMAT(s.end_time, '%H:%i'))"
	    " FROM roster_entries e JOIN roster_months m ON m.id = e.month_id"
	    " JOIN shifts s ON s.id = e.shift_id WHERE m.site_id = ? AND e.user_id = ?"
	    " AND m.status = 'published' AND e.version_to IS NULL AND e.day BETWEEN ? AND ?"
	    " ORDER BY e.day, s.start_time LIMIT 500",
	Q(E_REC_ENTRIES) = "SELECT CONCAT('/log/entry/', e.id), " DT("e.occurred_at") ","
	    " LEFT(e.what, 80) FROM log_entries e WHERE e.site_id = ? AND e.written_by = ?"
	    IN_PERIOD("e.occurred_at") " ORDER BY e.occurred_at, e.id LIMIT 500",
	Q(E_REC_PAGES) = "SELECT CONCAT('/log/page/', p.id), " D("d.day") ", CONCAT(s.name, ' · ',"
	    " " DT("p.closed_at") ") FROM log_pages p JOIN log_days d ON d.id = p.day_id"
	    " JOIN shifts s ON s.id = p.shift_id WHERE d.site_id = ? AND p.closed_by = ?"
	    " AND d.day BETWEEN ? AND ? ORDER BY d.day, s.start_time LIMIT 500",
	Q(E_REC_HO_ON_TIME) = HO_REC DT("h.arrived_at") ") FROM handovers h"
	    " JOIN shifts s ON s.id = h.shift_id WHERE h.site_id = ? AND h.incoming_id = ?"
	    " AND h.status = 'accepted'" REC_WHERE_DAY
	    " AND TIMESTAMPDIFF(MINUTE, h.arrived_at, h.shift_end_at) >= h.early_minutes"
	    " ORDER BY h.day, h.id LIMIT 500",
	Q(E_REC_HO_LATE) = HO_REC DT("h.arrived_at") ") FROM handovers h"
	    " JOIN shifts s ON s.id = h.shift_id WHERE h.site_id = ? AND h.incoming_id = ?"
	    " AND h.status = 'accepted'" REC_WHERE_DAY
	    " AND TIMESTAMPDIFF(MINUTE, h.arrived_at, h.shift_end_at) < h.early_minutes"
	    " ORDER BY h.day, h.id LIMIT 500",
	Q(E_REC_HO_REFUSED) = HO_REC "h.refuse_reason) FROM handovers h"
	    " JOIN shifts s ON s.id = h.shift_id WHERE h.site_id = ? AND h.outgoing_id = ?"
	    " AND h.refused_at IS NOT NULL" REC_WHERE_DAY " ORDER BY h.day, h.id LIMIT 500",
	Q(E_REC_REQUESTS) = "SELECT CONCAT('/requests/', r.id), " DT("r.received_at") ","
	    " CONCAT(r.number, ' ', LEFT(r.description, 60)) FROM requests r"
	    " WHERE r.site_id = ? AND r.received_by = ?" IN_PERIOD("r.received_at")
	    " ORDER BY r.received_at, r.id LIMIT 500",
	Q(E_REC_COMPLAINTS) = "SELECT CONCAT('/requests/', r.id), " DT("r.received_at") ","
	    " CONCAT(r.number, ' ', LEFT(r.description, 60)) FROM requests r"
	    " WHERE r.site_id = ? AND r.received_by = ?" IN_PERIOD("r.received_at")
	    " AND r.type = 'complaint' ORDER BY r.received_at, r.id LIMIT 500",
	Q(E_REC_PHONE) = "SELECT CONCAT('/requests/', r.id), " DT("r.received_at") ","
	    " CONCAT(r.number, ' · ', r.rings) FROM requests r"
	    " WHERE r.site_id = ? AND r.received_by = ?" IN_PERIOD("r.received_at")
	    " AND r.channel = 'phone' AND r.rings IS NOT NULL ORDER BY r.received_at, r.id LIMIT 500",
	Q(E_REC_CALLBACKS) = "SELECT IF(c.request_id IS NULL, '', CONCAT('/requests/', c.request_id)),"
	    " " DT("c.called_at") ", COALESCE(c.satisfaction, '—') FROM callbacks c"
	    " WHERE c.site_id = ? AND c.called_by = ? AND c.status = 'done'" IN_PERIOD("c.called_at")
	    " ORDER BY c.called_at, c.id LIMIT 500",
};
