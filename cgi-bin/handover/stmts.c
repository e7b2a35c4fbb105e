/* stmts.c: the handover's SQL, one statement per enum ho_stmt (handover.h). */
#include "handover.h"

#define Q(id) [id - DB_APP_FIRST]
#define DT(col) "DATE_FORMAT(" col ", '%Y-%m-%d %H:%i')"
#define D(col) "DATE_FORMAT(" col ", '%Y-%m-%d')"
/* When the shift of page p (day d, shift s) ends: the next day for a shift crossing midnight. */
#define SHIFT_END "TIMESTAMP(d.day + INTERVAL (s.end_time <= s.start_time) DAY, s.end_time)"
/* An open item of the log a page hands over (as the log's close form lists them). */
#define OPEN_ITEM_COLS "SELECT e.id, " DT("e.occurred_at") ", e.location, e.what, e.followup," \
	" w.display_name, e.major"

const char *const ho_stmts[H__END - DB_APP_FIRST] = {
	Q(H_RULE_GET) = "SELECT COALESCE((SELECT early_minutes FROM handover_rules"
	    " WHERE site_id = ?), 10)",
	Q(H_RULE_SET) = "INSERT INTO handover_rules (site_id, early_minutes, updated_by)"
	    " VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE early_minutes = VALUES(early_minutes),"
	    " updated_by = VALUES(updated_by), updated_at = NOW()",
	Q(H_ITEMS_ALL) = "SELECT id, name, expected, active FROM handover_items WHERE site_id = ?"
	    " ORDER BY active DESC, sort_order, name",
	Q(H_ITEMS_ACTIVE) = "SELECT id, name, expected FROM handover_items"
	    " WHERE site_id = ? AND active = 1 ORDER BY sort_order, name",
	Q(H_ITEM_GET) = "SELECT id, site_id, name, expected, active FROM handover_items WHERE id = ?",
	Q(H_ITEM_NEW) = "INSERT INTO handover_items (site_id, name, expected, sort_order)"
	    " SELECT ?, ?, ?, COALESCE(MAX(sort_order), 0) + 1 FROM handover_items WHERE site_id = ?",
	Q(H_ITEM_UPDATE) = "UPDATE handover_items SET name = ?, expected = ?, active = ? WHERE id = ?",
	/* The site's log pages still open (to hand over), with their handover if any. */
	Q(H_PAGES_OPEN) = "SELECT p.id, " D("d.day") ", s.name, ou.display_name, COALESCE(h.id, 0),"
	    " COALESCE(h.status, ''), " DT(SHIFT_END) ", NOW() > " SHIFT_END
	    " FROM log_pages p JOIN log_days d ON d.id = p.day_id JOIN shifts s ON s.id = p.shift_id"
	    " JOIN users ou ON ou.id = p.opened_by LEFT JOIN handovers h ON h.page_id = p.id"
	    " WHERE p.site_id = ? AND p.status IN ('open', 'returned') AND d.status = 'open'"
	    " AND d.day >= CURDATE() - INTERVAL 7 DAY"
	    " ORDER BY d.day DESC, s.sort_order DESC LIMIT 20",
	Q(H_PAGE_FOR_OPEN) = "SELECT p.site_id, p.status, d.status, " D("d.day") ", p.shift_id,"
	    " " SHIFT_END ", s.name FROM log_pages p JOIN log_days d ON d.id = p.day_id"
	    " JOIN shifts s ON s.id = p.shift_id WHERE p.id = ?",
	Q(H_NEW) = "INSERT INTO handovers (site_id, page_id, day, shift_id, shift_end_at,"
	    " early_minutes, outgoing_id, notes, repairs, major)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, '', '', '')",
	Q(H_BY_PAGE) = "SELECT id FROM handovers WHERE page_id = ?",
	Q(H_GET) = "SELECT h.id, h.site_id, h.page_id, " D("h.day") ", s.name,"
	    " TIME_FORMAT(s.start_time, '%H:%i'), TIME_FORMAT(s.end_time, '%H:%i'),"
	    " " DT("h.shift_end_at") ", h.early_minutes, h.status, ou.display_name, ou.username,"
	    " " DT("h.opened_at") ", h.notes, h.repairs, h.major, COALESCE(iu.display_name, ''),"
	    " COALESCE(" DT("h.arrived_at") ", ''), COALESCE(" DT("h.incoming_signed_at") ", ''),"
	    " COALESCE(" DT("h.outgoing_signed_at") ", ''), COALESCE(ru.display_name, ''),"
	    " COALESCE(" DT("h.refused_at") ", ''), h.refuse_reason, COALESCE(du.display_name, ''),"
	    " COALESCE(" DT("h.decided_at") ", ''), h.decision,"
	    " (h.status <> 'accepted' AND NOW() > h.shift_end_at),"
	    " TIMESTAMPDIFF(MINUTE, h.arrived_at, h.shift_end_at),"
	    " EXISTS (SELECT 1 FROM handover_reviews r WHERE r.site_id = h.site_id AND r.day = h.day),"
	    " p.status, " DT("p.opened_at") ", h.outgoing_id"
	    " FROM handovers h JOIN shifts s ON s.id = h.shift_id JOIN log_pages p ON p.id = h.page_id"
	    " JOIN users ou ON ou.id = h.outgoing_id LEFT JOIN users iu ON iu.id = h.incoming_id"
	    " LEFT JOIN users ru ON ru.id = h.refused_by LEFT JOIN users du ON du.id = h.decided_by"
	    " WHERE h.id = ?",
	Q(H_LOCK) = "SELECT h.status, h.site_id, h.outgoing_id, h.page_id, " D("h.day") ", h.notes,"
	    " h.repairs, h.major, EXISTS (SELECT 1 FROM handover_reviews r WHERE r.site_id = h.site_id"
	    " AND r.day = h.day) FROM handovers h WHERE h.id = ? FOR UPDATE",
	Q(H_NOTES) = "UPDATE handovers SET notes = ?, repairs = ?, major = ? WHERE id = ?",
	/* The open items a page hands over: its own and those handed to it (as dd-log's close). */
	Q(H_OPEN_ENTRIES) = OPEN_ITEM_COLS " FROM log_entries e JOIN log_pages p ON p.id = e.page_id"
	    " JOIN users w ON w.id = e.written_by"
	    " WHERE e.site_id = ? AND e.status = 'open' AND (e.page_id = ? OR p.opened_at <= ?)"
	    " ORDER BY e.occurred_at, e.id",
	Q(H_PAGE_LOCK) = "SELECT p.status, d.status, " DT("p.opened_at")
	    " FROM log_pages p JOIN log_days d ON d.id = p.day_id WHERE p.id = ? FOR UPDATE",
	Q(H_CARRY_ADD) = "INSERT IGNORE INTO log_carryovers (entry_id, from_page_id, carried_by)"
	    " VALUES (?, ?, ?)",
	Q(H_PAGE_CLOSE) = "UPDATE log_pages SET status = 'closed', closed_by = ?, closed_at = NOW(),"
	    " close_note = ? WHERE id = ? AND status IN ('open', 'returned')",
	Q(H_CARRIED_OF) = OPEN_ITEM_COLS " FROM log_carryovers k JOIN log_entries e ON e.id = k.entry_id"
	    " JOIN users w ON w.id = e.written_by WHERE k.from_page_id = ?"
	    " ORDER BY e.occurred_at, e.id",
	Q(H_USER_BY_NAME) = "SELECT id, pw_hash, display_name, site_id, roles FROM users"
	    " WHERE username = ? AND active = 1",
	Q(H_USER_GET) = "SELECT pw_hash, username, display_name FROM users WHERE id = ?",
	Q(H_COUNT_ADD) = "INSERT INTO handover_counts (handover_id, item_id, name, expected, counted,"
	    " explanation, answerable) VALUES (?, ?, ?, ?, ?, ?, ?)",
	Q(H_COUNTS) = "SELECT k.name, k.expected, k.counted, k.explanation, k.answerable"
	    " FROM handover_counts k JOIN handover_items i ON i.id = k.item_id"
	    " WHERE k.handover_id = ? ORDER BY i.sort_order, k.name",
	Q(H_ACCEPT) = "UPDATE handovers SET status = 'accepted', incoming_id = ?,"
	    " arrived_at = shift_end_at - INTERVAL ? MINUTE, incoming_signed_at = NOW(),"
	    " outgoing_signed_at = NOW() WHERE id = ? AND status IN ('open', 'decided')",
	Q(H_REFUSE) = "UPDATE handovers SET status = 'refused', refused_by = ?, refused_at = NOW(),"
	    " refuse_reason = ? WHERE id = ? AND status IN ('open', 'decided')",
	Q(H_DECIDE) = "UPDATE handovers SET status = 'decided', decided_by = ?, decided_at = NOW(),"
	    " decision = ? WHERE id = ? AND status = 'refused'",
	Q(H_ANOMALY_ADD) = "INSERT INTO handover_anomalies (handover_id, what, explanation,"
	    " recorded_by) VALUES (?, ?, ?, ?)",
	Q(H_ANOMALIES) = "SELECT a.what, a.explanation, u.display_name, " DT("a.recorded_at")
	    " FROM handover_anomalies a JOIN users u ON u.id = a.recorded_by"
	    " WHERE a.handover_id = ? ORDER BY a.id",
	Q(H_DAY_LIST) = "SELECT h.id, s.name, h.status, ou.display_name, COALESCE(iu.display_name, ''),"
	    " COALESCE(" DT("h.incoming_signed_at") ", ''), (h.status <> 'accepted' AND NOW() > h.shift_end_at)"
	    " FROM handovers h JOIN shifts s ON s.id = h.shift_id JOIN users ou ON ou.id = h.outgoing_id"
	    " LEFT JOIN users iu ON iu.id = h.incoming_id WHERE h.site_id = ? AND h.day = ?"
	    " ORDER BY s.sort_order, s.start_time",
	Q(H_DAYS) = "SELECT " D("h.day") ", COUNT(*), COALESCE(SUM(h.status = 'accepted'), 0),"
	    " EXISTS (SELECT 1 FROM handover_reviews r WHERE r.site_id = h.site_id AND r.day = h.day)"
	    " FROM handovers h WHERE h.site_id = ? GROUP BY h.site_id, h.day ORDER BY h.day DESC LIMIT 31",
	Q(H_REVIEW_GET) = "SELECT u.display_name, " DT("r.signed_at") ", r.comment"
	    " FROM handover_reviews r JOIN users u ON u.id = r.signed_by WHERE r.site_id = ? AND r.day = ?",
	Q(H_REVIEW_ADD) = "INSERT INTO handover_reviews (site_id, day, signed_by, comment)"
	    " VALUES (?, ?, ?, ?)",
	Q(H_DAY_PENDING) = "SELECT COUNT(*) FROM handovers WHERE site_id = ? AND day = ?"
	    " AND status IN ('open', 'refused') FOR UPDATE",
	Q(H_CORRECTION_ADD) = "INSERT INTO handover_corrections (handover_id, field, old_text,"
	    " new_text, reason, corrected_by) VALUES (?, ?, ?, ?, ?, ?)",
	Q(H_CORRECTIONS) = "SELECT k.field, k.old_text, k.new_text, k.reason, u.display_name,"
	    " " DT("k.corrected_at") " FROM handover_corrections k JOIN users u ON u.id = k.corrected_by"
	    " WHERE k.handover_id = ? ORDER BY k.id",
	Q(H_ALERT_REFUSED) = "SELECT h.id, " D("h.day") ", s.name, ou.display_name,"
	    " COALESCE(ru.display_name, ''), h.refuse_reason, COALESCE(" DT("h.refused_at") ", '')"
	    " FROM handovers h JOIN shifts s ON s.id = h.shift_id JOIN users ou ON ou.id = h.outgoing_id"
	    " LEFT JOIN users ru ON ru.id = h.refused_by WHERE h.site_id = ? AND h.status = 'refused'"
	    " ORDER BY h.refused_at DESC LIMIT 50",
	/* Not relieved: a page of the last week still open after its shift ended, with no accepted
	 * handover. */
	Q(H_ALERT_UNRELIEVED) = "SELECT p.id, " D("d.day") ", s.name, ou.display_name, " DT(SHIFT_END) ","
	    " COALESCE(h.id, 0), COALESCE(h.status, '')"
	    " FROM log_pages p JOIN log_days d ON d.id = p.day_id JOIN shifts s ON s.id = p.shift_id"
	    " JOIN users ou ON ou.id = p.opened_by LEFT JOIN handovers h ON h.page_id = p.id"
	    " WHERE p.site_id = ? AND p.status IN ('open', 'returned')"
	    " AND d.day >= CURDATE() - INTERVAL 7 DAY AND NOW() > " SHIFT_END
	    " AND (h.id IS NULL OR h.status <> 'accepted') ORDER BY d.day DESC, s.sort_order DESC LIMIT 50",
	Q(H_NOW) = "SELECT DATE_FORMAT(NOW(), '%H:%i'), DATE_FORMAT(NOW(), '%Y-%m-%d')",
};
