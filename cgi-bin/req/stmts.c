/* stmts.c: the SQL of dd-req, one statement per enum rq_stmt (rq.h). */
#include "rq.h"

#define Q(id) [id - DB_APP_FIRST]
#define DT(col) "DATE_FORMAT(" col ", '%Y-%m-%d %H:%i')"
#define OPEN_STATUSES "('registered', 'dispatched', 'in_progress')"
#define REQ_OVERDUE "(r.status IN " OPEN_STATUSES " AND r.resolve_due < NOW())"
#define ORDER_OVERDUE "(w.status IN ('dispatched', 'in_progress') AND w.due_at < NOW())"

#define RES_WHERE " FROM residents r LEFT JOIN units u ON u.id = r.unit_id" \
	" WHERE r.site_id = ? AND (? = '' OR r.name LIKE ? OR r.phone LIKE ? OR u.code LIKE ?)" \
	" AND (? = 0 OR u.building_id = ?) AND (? = 1 OR r.active = 1)"

/* The list's filters (rq_list and rq_export pass the same 22 parameters). A search that looks
 * like a number (TS-2026...) is a prefix of uq_requests_number; any other text is looked
 * for in the description, caller and phone. */
#define LIST_WHERE " WHERE r.site_id = ? AND (? = '' OR r.status = ?) AND (? = '' OR r.type = ?)" \
	" AND (? = '' OR r.channel = ?) AND (? = 0 OR r.building_id = ?)" \
	" AND (? = 0 OR EXISTS (SELECT 1 FROM work_orders w WHERE w.request_id = r.id" \
	"   AND w.department_id = ?))" \
	" AND (? = 0 OR " REQ_OVERDUE ")" \
	" AND (? = '' OR r.received_at >= ?) AND (? = '' OR r.received_at < DATE(?) + INTERVAL 1 DAY)" \
	" AND (? = '' OR r.number LIKE ?)" \
	" AND (? = '' OR r.description LIKE ? OR r.caller_name LIKE ? OR r.caller_phone LIKE ?)"
#define LIST_FROM " FROM requests r LEFT JOIN units un ON un.id = r.unit_id" \
	" LEFT JOIN residents res ON res.id = r.resident_id"

const char *const rq_stmts[Q__END - DB_APP_FIRST] = {
	/* Settings with the defaults of sql/008 for a site that has no row. */
	Q(Q_SETTINGS) = "SELECT TIME_FORMAT(COALESCE(s.work_start, '08:30'), '%H:%i'),"
	    " TIME_FORMAT(COALESCE(s.work_end, '17:30'), '%H:%i'), COALESCE(s.callback_hours, 24),"
	    " COALESCE(s.unsatisfied_max, 2), COALESCE(s.repeat_days, 30), COALESCE(s.ring_target, 3)"
	    " FROM (SELECT 1) x LEFT JOIN req_settings s ON s.site_id = ?",
	Q(Q_SETTINGS_SET) = "INSERT INTO req_settings (site_id, work_start, work_end, callback_hours,"
	    " unsatisfied_max) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
	    " work_start = VALUES(work_start), work_end = VALUES(work_end),"
	    " callback_hours = VALUES(callback_hours), unsatisfied_max = VALUES(unsatisfied_max)",
	Q(Q_SLA_ALL) = "SELECT type, urgency, respond_minutes, resolve_minutes, calendar FROM req_sla"
	    " WHERE site_id = ? ORDER BY type, urgency",
	Q(Q_SLA_GET) = "SELECT respond_minutes, resolve_minutes, calendar FROM req_sla"
	    " WHERE site_id = ? AND type = ? AND urgency = ?",
	Q(Q_SLA_SET) = "INSERT INTO req_sla (site_id, type, urgency, respond_minutes, resolve_minutes,"
	    " calendar) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
	    " respond_minutes = VALUES(respond_minutes), resolve_minutes = VALUES(resolve_minutes),"
	    " calendar = VALUES(calendar)",
	Q(Q_ESC_RULES) = "SELECT level, role, decide_minutes FROM req_escalation_rules"
	    " WHERE site_id = ? ORDER BY level",
	Q(Q_ESC_RULE_SET) = "INSERT INTO req_escalation_rules (site_id, level, role, decide_minutes)"
	    " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE role = VALUES(role),"
	    " decide_minutes = VALUES(decide_minutes)",
	/* The defaults of sql/008 for a site that has none (sites made after the migration, by
	 * the demo data or before dd-admin inserted them): params site, site. */
	Q(Q_ESC_DEFAULTS) = "INSERT INTO req_escalation_rules (site_id, level, role, decide_minutes)"
	    " SELECT s.id, l.level, l.role, l.minutes FROM sites s"
	    " JOIN (SELECT 1 AS level, 4 AS role, 240 AS minutes UNION ALL SELECT 2, 8, 1440) l"
	    " WHERE s.id = ? AND NOT EXISTS (SELECT 1 FROM req_escalation_rules x WHERE x.site_id = ?)",
	Q(Q_DEFAULT_SETTINGS) = "INSERT IGNORE INTO req_settings (site_id) VALUES (?)",
	Q(Q_DEFAULT_SLA) = "INSERT IGNORE INTO req_sla (site_id, type, urgency, respond_minutes,"
	    " resolve_minutes, calendar) SELECT ?, t.type, u.urgency,"
	    " CASE u.urgency WHEN 'critical' THEN 15 WHEN 'urgent' THEN 30 ELSE 60 END,"
	    " CASE u.urgency WHEN 'critical' THEN 240 WHEN 'urgent' THEN 480"
	    "  ELSE IF(t.type = 'repair', 1440, 2880) END, IF(u.urgency = 'normal', 'working', 'natural')"
	    " FROM (SELECT 'complaint' AS type UNION ALL SELECT 'repair' UNION ALL SELECT 'inquiry'"
	    "  UNION ALL SELECT 'suggestion' UNION ALL SELECT 'help') t"
	    " CROSS JOIN (SELECT 'normal' AS urgency UNION ALL SELECT 'urgent'"
	    "  UNION ALL SELECT 'critical') u",
	/* Days off and 调休 working days from the day of a due time on (a year and more). */
	Q(Q_HOLIDAYS) = "SELECT DATE_FORMAT(day, '%Y-%m-%d'), kind FROM holidays"
	    " WHERE day >= DATE(?) AND day < DATE(?) + INTERVAL 400 DAY ORDER BY day",
	Q(Q_CATEGORIES) = "SELECT c.id, c.name, COALESCE(d.name, ''), c.active FROM req_categories c"
	    " LEFT JOIN departments d ON d.id = c.department_id WHERE c.site_id = ?"
	    " ORDER BY c.active DESC, c.sort_order, c.name",
	Q(Q_CATEGORY_NEW) = "INSERT INTO req_categories (site_id, name, department_id, sort_order)"
	    " SELECT ?, ?, ?, COALESCE(MAX(sort_order), 0) + 1 FROM req_categories WHERE site_id = ?",
	Q(Q_DEPTS) = "SELECT id, name FROM departments WHERE site_id = ? AND active = 1 ORDER BY name",
	Q(Q_DEPT_GET) = "SELECT id, site_id, name, active FROM departments WHERE id = ?",
	Q(Q_BUILDINGS) = "SELECT id, code, name FROM buildings WHERE site_id = ? ORDER BY code",
	Q(Q_BUILDING_BY_CODE) = "SELECT id, code FROM buildings WHERE site_id = ? AND (code = ? OR name = ?)"
	    " ORDER BY code = ? DESC LIMIT 1",
	Q(Q_UNIT_BY_CODE) = "SELECT id, building_id, code FROM units WHERE site_id = ? AND code = ? LIMIT 1",
	Q(Q_UNIT_NEW) = "INSERT INTO units (site_id, building_id, code, floor) VALUES (?, ?, ?, ?)",
	Q(Q_RES_COUNT) = "SELECT COUNT(*)" RES_WHERE,
	Q(Q_RES_LIST) = "SELECT r.id, r.name, r.phone, r.kind, COALESCE(u.code, ''), r.active, r.note"
	    RES_WHERE " ORDER BY u.code IS NULL, u.code, r.name, r.id LIMIT ? OFFSET ?",
	Q(Q_RES_GET) = "SELECT r.id, r.site_id, r.name, r.phone, r.kind, COALESCE(u.code, ''), r.note,"
	    " r.active, COALESCE(r.unit_id, 0), COALESCE(u.building_id, 0)"
	    " FROM residents r LEFT JOIN units u ON u.id = r.unit_id WHERE r.id = ?",
	Q(Q_RES_NEW) = "INSERT INTO residents (site_id, unit_id, name, phone, kind, note)"
	    " VALUES (?, ?, ?, ?, ?, ?)",
	Q(Q_RES_UPDATE) = "UPDATE residents SET unit_id = ?, name = ?, phone = ?, kind = ?, note = ?,"
	    " active = ? WHERE id = ?",
	Q(Q_RES_OF_UNIT) = "SELECT r.id, r.name, r.phone, r.kind, u.code FROM residents r"
	    " JOIN units u ON u.id = r.unit_id WHERE u.site_id = ? AND u.code = ? AND r.active = 1"
	    " ORDER BY r.kind, r.name LIMIT 20",
	Q(Q_RES_SEARCH) = "SELECT r.id, r.name, r.phone, r.kind, COALESCE(u.code, '') FROM residents r"
	    " LEFT JOIN units u ON u.id = r.unit_id WHERE r.site_id = ? AND r.active = 1"
	    " AND (r.name LIKE ? OR r.phone LIKE ? OR u.code LIKE ?) ORDER BY u.code, r.name LIMIT 20",
	Q(Q_NOW) = "SELECT DATE_FORMAT(NOW(), '%Y-%m-%d'), DATE_FORMAT(NOW(), '%H:%i'),"
	    " " DT("NOW()") ", DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s')",
	Q(Q_MINUTES_FROM_NOW) = "SELECT TIMESTAMPDIFF(SECOND, NOW(), ?)",
	Q(Q_USER_DEPT) = "SELECT COALESCE(department_id, 0) FROM users WHERE id = ?",

	Q(Q_REQ_NEW) = "INSERT INTO requests (site_id, number, channel, type, urgency, major,"
	    " category_id, resident_id, unit_id, building_id, anonymous, caller_name, caller_phone,"
	    " description, answer, rings, received_by, received_at, respond_due, resolve_due, status,"
	    " form_key, first_response_at, closed_at, closed_by)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	    " IF(? = 1, NOW(), NULL), IF(? = 1, NOW(), NULL), ?)",
	Q(Q_REQ_SET_NUMBER) = "UPDATE requests SET number = ? WHERE id = ?",
	Q(Q_REQ_BY_KEY) = "SELECT id FROM requests WHERE form_key = ?",
	Q(Q_REQ_SET_LOG) = "UPDATE requests SET log_entry_id = ? WHERE id = ?",
	/* The duty log's current page, as dd-log finds and opens it (cgi-bin/log/stmts.c). */
	Q(Q_NOW_SHIFT) = "SELECT id, name, DATE_FORMAT(IF(end_time > start_time OR CURTIME() >= start_time,"
	    " CURDATE(), CURDATE() - INTERVAL 1 DAY), '%Y-%m-%d')"
	    " FROM shifts WHERE site_id = ? AND active = 1 AND ("
	    " (end_time > start_time AND CURTIME() >= start_time AND CURTIME() < end_time) OR"
	    " (end_time <= start_time AND (CURTIME() >= start_time OR CURTIME() < end_time)))"
	    " ORDER BY sort_order LIMIT 1",
	Q(Q_PAGE_FIND) = "SELECT p.id FROM log_pages p JOIN log_days d ON d.id = p.day_id"
	    " WHERE d.site_id = ? AND d.day = ? AND p.shift_id = ?",
	Q(Q_DAY_GET_OR_NEW) = "INSERT INTO log_days (site_id, day) VALUES (?, ?)"
	    " ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)",
	Q(Q_PAGE_NEW) = "INSERT INTO log_pages (site_id, day_id, shift_id, opened_by, lead_id)"
	    " VALUES (?, ?, ?, ?, ?)",
	Q(Q_PAGE_SHARE) = "SELECT p.status, d.status, p.site_id FROM log_pages p"
	    " JOIN log_days d ON d.id = p.day_id WHERE p.id = ? LOCK IN SHARE MODE",
	Q(Q_PAGE_STAFF_ADD) = "INSERT IGNORE INTO log_page_staff (page_id, user_id, is_lead)"
	    " VALUES (?, ?, ?)",
	/* The log category of a request's line: the one named like its kind, else 来电来访. */
	Q(Q_LOG_CATEGORY) = "SELECT id FROM log_categories WHERE site_id = ? AND active = 1"
	    " ORDER BY name = ? DESC, name = '来电来访' DESC, sort_order, id LIMIT 1",
	Q(Q_LOG_ENTRY_NEW) = "INSERT INTO log_entries (site_id, page_id, occurred_at, category_id,"
	    " location, what, handling, followup, status, major, written_by, form_key, closed_by,"
	    " closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', 'closed', 0, ?, ?, ?, NOW())",
	Q(Q_EVENT_ADD) = "INSERT INTO request_events (request_id, work_order_id, kind, from_status,"
	    " to_status, note, user_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
	Q(Q_EVENTS) = "SELECT e.kind, e.from_status, e.to_status, e.note, u.display_name, " DT("e.at") ","
	    " COALESCE(e.work_order_id, '') FROM request_events e JOIN users u ON u.id = e.user_id"
	    " WHERE e.request_id = ? ORDER BY e.id",

	Q(Q_REQ_GET) = "SELECT r.id, r.site_id, r.number, r.channel, r.type, r.urgency, r.major,"
	    " COALESCE(c.name, ''), COALESCE(res.name, ''), COALESCE(un.code, ''), COALESCE(b.name, ''),"
	    " r.anonymous, r.caller_name, r.caller_phone, r.description, r.answer,"
	    " COALESCE(r.rings, ''), ru.display_name, " DT("r.received_at") ","
	    " COALESCE(" DT("r.respond_due") ", ''), COALESCE(" DT("r.resolve_due") ", ''),"
	    " COALESCE(" DT("r.first_response_at") ", ''), COALESCE(" DT("r.done_at") ", ''),"
	    " COALESCE(" DT("r.closed_at") ", ''), COALESCE(cu.display_name, ''), r.status, r.reopened,"
	    " COALESCE(r.log_entry_id, 0), " REQ_OVERDUE ", COALESCE(res.phone, ''), r.received_by,"
	    " COALESCE(r.category_id, 0), COALESCE((SELECT ring_target FROM req_settings s"
	    "   WHERE s.site_id = r.site_id), 3), COALESCE(c.department_id, 0)"
	    " FROM requests r JOIN users ru ON ru.id = r.received_by"
	    " LEFT JOIN req_categories c ON c.id = r.category_id"
	    " LEFT JOIN residents res ON res.id = r.resident_id LEFT JOIN units un ON un.id = r.unit_id"
	    " LEFT JOIN buildings b ON b.id = r.building_id LEFT JOIN users cu ON cu.id = r.closed_by"
	    " WHERE r.id = ?",
	Q(Q_REQ_LOCK) = "SELECT site_id, status, type, urgency, number,"
	    " (SELECT COUNT(*) FROM work_orders w WHERE w.request_id = r.id),"
	    " (SELECT COUNT(*) FROM callbacks cb WHERE cb.request_id = r.id AND cb.status = 'done'),"
	    " answer FROM requests r WHERE r.id = ? FOR UPDATE",
	Q(Q_REQ_STATUS) = "UPDATE requests SET status = ?,"
	    " first_response_at = IF(? = 1, COALESCE(first_response_at, NOW()), first_response_at),"
	    " done_at = IF(? = 1, NOW(), done_at) WHERE id = ?",
	Q(Q_REQ_ANSWER_CLOSE) = "UPDATE requests SET answer = ?, status = 'closed', closed_at = NOW(),"
	    " closed_by = ?, first_response_at = COALESCE(first_response_at, NOW()) WHERE id = ?",
	Q(Q_REQ_CLOSE) = "UPDATE requests SET status = 'closed', closed_at = NOW(), closed_by = ?"
	    " WHERE id = ?",
	Q(Q_REQ_REOPEN) = "UPDATE requests SET status = 'dispatched', reopened = reopened + 1"
	    " WHERE id = ?",
	/* Newest first along ix_requests_site_received; one row more than a page tells whether
	 * there is a next page (no COUNT over the site's requests). */
	Q(Q_LIST) = "SELECT r.id, r.number, " DT("r.received_at") ", r.type, COALESCE(un.code, ''),"
	    " LEFT(r.description, 60), r.status, COALESCE(" DT("r.resolve_due") ", ''), " REQ_OVERDUE ","
	    " r.major, r.channel, IF(r.resident_id IS NULL, r.caller_name, res.name)"
	    LIST_FROM LIST_WHERE " ORDER BY r.received_at DESC, r.id DESC LIMIT ? OFFSET ?",
	/* A number typed (or its prefix, "TS-2026"): backwards along uq_requests_number, which
	 * stops after a page however many numbers share the prefix. A number holds its type and
	 * day, so this is newest first too (per type). Sorting a common prefix's matches by
	 * received_at instead took a second at 200,000 requests. */
	Q(Q_LIST_BY_NUMBER) = "SELECT r.id, r.number, " DT("r.received_at") ", r.type,"
	    " COALESCE(un.code, ''), LEFT(r.description, 60), r.status,"
	    " COALESCE(" DT("r.resolve_due") ", ''), " REQ_OVERDUE ", r.major, r.channel,"
	    " IF(r.resident_id IS NULL, r.caller_name, res.name)"
	    LIST_FROM LIST_WHERE " ORDER BY r.number DESC LIMIT ? OFFSET ?",
	Q(Q_EXPORT) = "SELECT r.number, " DT("r.received_at") ", r.channel, r.type, r.urgency, r.major,"
	    " COALESCE(un.code, ''), IF(r.resident_id IS NULL, r.caller_name, res.name),"
	    " IF(r.caller_phone <> '', r.caller_phone, COALESCE(res.phone, '')), r.description,"
	    " r.status, COALESCE(" DT("r.resolve_due") ", ''), " REQ_OVERDUE ","
	    " COALESCE(" DT("r.closed_at") ", '')"
	    LIST_FROM LIST_WHERE " ORDER BY r.received_at DESC, r.id DESC LIMIT 20000",

	Q(Q_ORDER_NEW) = "INSERT INTO work_orders (site_id, request_id, department_id, status,"
	    " instructions, due_at, dispatched_by, dispatched_at, result)"
	    " VALUES (?, ?, ?, 'dispatched', ?, ?, ?, NOW(), '')",
	Q(Q_ORDERS_OF) = "SELECT w.id, d.name, w.status, " DT("w.due_at") ", " DT("w.dispatched_at") ","
	    " du.display_name, COALESCE(" DT("w.done_at") ", ''), COALESCE(dn.display_name, ''),"
	    " w.technician, w.result, w.materials, w.instructions, " ORDER_OVERDUE ", w.department_id"
	    " FROM work_orders w JOIN departments d ON d.id = w.department_id"
	    " JOIN users du ON du.id = w.dispatched_by LEFT JOIN users dn ON dn.id = w.done_by"
	    " WHERE w.request_id = ? ORDER BY w.id",
	Q(Q_ORDER_ACTIVE) = "SELECT id, department_id, status FROM work_orders WHERE request_id = ?"
	    " AND status IN ('dispatched', 'in_progress') ORDER BY id DESC LIMIT 1 FOR UPDATE",
	Q(Q_ORDER_GET) = "SELECT w.id, w.site_id, w.request_id, w.department_id, d.name, w.status,"
	    " w.instructions, " DT("w.due_at") ", w.dispatched_by, du.display_name,"
	    " " DT("w.dispatched_at") ", COALESCE(" DT("w.started_at") ", ''),"
	    " COALESCE(" DT("w.done_at") ", ''), COALESCE(w.done_by, 0), COALESCE(dn.display_name, ''),"
	    " w.technician, w.result, w.materials, " ORDER_OVERDUE ", r.number, r.type, r.urgency,"
	    " r.description, COALESCE(un.code, ''), IF(r.resident_id IS NULL, r.caller_name, res.name),"
	    " IF(r.caller_phone <> '' OR r.resident_id IS NULL, r.caller_phone, res.phone), r.status,"
	    " DATE_FORMAT(w.dispatched_at, '%Y-%m-%d'), COALESCE(fn.number, ''),"
	    " (SELECT COUNT(*) FROM form_scans fs WHERE fs.number = fn.number AND fs.status = 'filed')"
	    " FROM work_orders w JOIN departments d ON d.id = w.department_id"
	    " LEFT JOIN form_numbers fn ON fn.kind = 'work_order' AND fn.record_id = w.id"
	    " JOIN users du ON du.id = w.dispatched_by LEFT JOIN users dn ON dn.id = w.done_by"
	    " JOIN requests r ON r.id = w.request_id LEFT JOIN units un ON un.id = r.unit_id"
	    " LEFT JOIN residents res ON res.id = r.resident_id WHERE w.id = ?",
	Q(Q_ORDER_LOCK) = "SELECT site_id, status, request_id, department_id, dispatched_by,"
	    " COALESCE(done_by, 0) FROM work_orders WHERE id = ? FOR UPDATE",
	Q(Q_ORDER_START) = "UPDATE work_orders SET status = 'in_progress', started_at = NOW()"
	    " WHERE id = ? AND status = 'dispatched'",
	Q(Q_ORDER_DONE) = "UPDATE work_orders SET status = 'done', done_at = NOW(), done_by = ?,"
	    " technician = ?, result = ?, materials = ?, started_at = COALESCE(started_at, NOW())"
	    " WHERE id = ? AND status IN ('dispatched', 'in_progress')",
	Q(Q_ORDER_REASSIGNED) = "UPDATE work_orders SET status = 'reassigned' WHERE id = ?"
	    " AND status IN ('dispatched', 'in_progress')",
	/* Open (or done) orders of the site or of one department, soonest due first. */
	Q(Q_ORDERS_LIST) = "SELECT w.id, r.number, d.name, w.status, " DT("w.due_at") ", " ORDER_OVERDUE ","
	    " COALESCE(un.code, ''), LEFT(r.description, 60), r.id, r.type"
	    " FROM work_orders w JOIN requests r ON r.id = w.request_id"
	    " JOIN departments d ON d.id = w.department_id LEFT JOIN units un ON un.id = r.unit_id"
	    " WHERE w.site_id = ? AND (? = 0 OR w.department_id = ?) AND w.status IN (?, ?)"
	    " ORDER BY w.due_at, w.id LIMIT 200",
	Q(Q_ORDERS_COUNT_OPEN) = "SELECT COUNT(*) FROM work_orders w WHERE w.site_id = ?"
	    " AND w.status IN ('dispatched', 'in_progress') AND w.due_at < NOW()",

	Q(Q_CALLBACK_NEW) = "INSERT INTO callbacks (site_id, request_id, work_order_id, resident_id,"
	    " due_at, status, words, note) SELECT r.site_id, r.id, ?, r.resident_id,"
	    " NOW() + INTERVAL COALESCE((SELECT callback_hours FROM req_settings s"
	    "   WHERE s.site_id = r.site_id), 24) HOUR, 'due', '', '' FROM requests r WHERE r.id = ?",
	Q(Q_CALLBACKS_OF) = "SELECT cb.id, cb.status, " DT("cb.due_at") ", cb.attempts,"
	    " COALESCE(" DT("cb.last_attempt_at") ", ''), COALESCE(u.display_name, ''),"
	    " COALESCE(" DT("cb.called_at") ", ''), COALESCE(cb.satisfaction, ''), cb.words, cb.note,"
	    " COALESCE(cb.method, ''), (cb.status = 'due' AND cb.due_at < NOW())"
	    " FROM callbacks cb LEFT JOIN users u ON u.id = cb.called_by"
	    " WHERE cb.request_id = ? ORDER BY cb.id",
	Q(Q_CALLBACK_DUE) = "SELECT cb.id, COALESCE(cb.work_order_id, 0), COALESCE(w.done_by, 0),"
	    " COALESCE(w.dispatched_by, 0), COALESCE(w.department_id, 0) FROM callbacks cb"
	    " LEFT JOIN work_orders w ON w.id = cb.work_order_id"
	    " WHERE cb.request_id = ? AND cb.status = 'due' ORDER BY cb.id DESC LIMIT 1 FOR UPDATE",
	Q(Q_CALLBACK_MISSED) = "UPDATE callbacks SET attempts = LEAST(attempts + 1, 255),"
	    " last_attempt_at = NOW(), method = ?, note = ? WHERE id = ? AND status = 'due'",
	Q(Q_CALLBACK_DONE) = "UPDATE callbacks SET status = 'done', method = ?, called_by = ?,"
	    " called_at = NOW(), satisfaction = ?, words = ?, note = ? WHERE id = ? AND status = 'due'",
	Q(Q_REQ_HAS_CALLBACK) = "SELECT COUNT(*) FROM callbacks WHERE request_id = ? AND status = 'due'",

	/* Level 1 of the site's rules (manager, 240 minutes when the site has none). */
	Q(Q_ESC_NEW) = "INSERT INTO req_escalations (request_id, site_id, level, role, status,"
	    " escalated_at, decide_due, decision) SELECT ?, ?, 1, COALESCE(x.role, 4), 'pending', NOW(),"
	    " NOW() + INTERVAL COALESCE(x.decide_minutes, 240) MINUTE, ''"
	    " FROM (SELECT 1) one LEFT JOIN req_escalation_rules x ON x.site_id = ? AND x.level = 1",
	/* Any pending step past its time with a next level to go to (ix_req_escalations_pending). */
	Q(Q_ESC_OVERDUE_ANY) = RQ_SQL_ESC_DUE,
	Q(Q_ESC_PASS_ON) = RQ_SQL_ESC_PASS,
	Q(Q_ESC_MARK_PASSED) = RQ_SQL_ESC_MARK,
	Q(Q_ESCS_OF) = "SELECT e.id, e.level, e.role, e.status, " DT("e.escalated_at") ","
	    " " DT("e.decide_due") ", COALESCE(u.display_name, ''), COALESCE(" DT("e.decided_at") ", ''),"
	    " e.decision, (e.status = 'pending' AND e.decide_due < NOW())"
	    " FROM req_escalations e LEFT JOIN users u ON u.id = e.decided_by"
	    " WHERE e.request_id = ? ORDER BY e.level",
	Q(Q_ESC_PENDING_LOCK) = "SELECT id, level, role FROM req_escalations WHERE request_id = ?"
	    " AND status = 'pending' ORDER BY level DESC LIMIT 1 FOR UPDATE",
	Q(Q_ESC_DECIDE) = "UPDATE req_escalations SET status = 'decided', decided_by = ?,"
	    " decided_at = NOW(), decision = ? WHERE id = ? AND status = 'pending'",
	/* Buildings and units of the directory. */
	Q(Q_BLD_LIST) = "SELECT b.id, b.code, b.name, b.floors,"
	    " (SELECT COUNT(*) FROM units u WHERE u.building_id = b.id),"
	    " (SELECT COUNT(*) FROM residents r JOIN units u ON u.id = r.unit_id"
	    "   WHERE u.building_id = b.id AND r.active = 1)"
	    " FROM buildings b WHERE b.site_id = ? ORDER BY b.code",
	Q(Q_BLD_NEW) = "INSERT INTO buildings (site_id, code, name, floors) VALUES (?, ?, ?, ?)",
	Q(Q_BLD_GET) = "SELECT id, site_id, code, name, floors FROM buildings WHERE id = ?",
	Q(Q_BLD_UNITS) = "SELECT u.id, u.code, u.floor, COALESCE(GROUP_CONCAT(r.name ORDER BY r.name"
	    " SEPARATOR '、'), ''), COUNT(r.id) FROM units u LEFT JOIN residents r ON r.unit_id = u.id"
	    " AND r.active = 1 WHERE u.building_id = ? GROUP BY u.id, u.code, u.floor ORDER BY u.code",
	/* The timeline of one work order (its request's events that name it). */
	Q(Q_ORDER_EVENTS) = "SELECT e.kind, e.note, u.display_name, " DT("e.at") " FROM request_events e"
	    " JOIN users u ON u.id = e.user_id WHERE e.request_id = ? AND e.work_order_id = ?"
	    " ORDER BY e.id",
	/* One worker at a time passes a site's escalations on (no waiting: 0 s). */
	Q(Q_ESC_LOCK) = RQ_SQL_ESC_LOCK,
	Q(Q_ESC_UNLOCK) = RQ_SQL_ESC_UNLOCK,
	/* Corrections of a closed request (record_corrections, entity 'request'). */
	Q(Q_CORRECTIONS) = "SELECT k.field, k.old_text, k.new_text, k.reason, u.display_name,"
	    " " DT("k.corrected_at") " FROM record_corrections k JOIN users u ON u.id = k.corrected_by"
	    " WHERE k.entity = 'request' AND k.entity_id = ? ORDER BY k.id",
	Q(Q_CORRECTION_NEW) = "INSERT INTO record_corrections (site_id, entity, entity_id, field,"
	    " old_text, new_text, reason, corrected_by) VALUES (?, 'request', ?, ?, ?, ?, ?, ?)",
	/* The texts of a request as they read now: the latest correction of each field, else the
	 * original. */
	Q(Q_REQ_TEXTS_LOCK) = "SELECT r.site_id, r.status, r.number,"
	    " COALESCE((SELECT k.new_text FROM record_corrections k WHERE k.entity = 'request'"
	    "   AND k.entity_id = r.id AND k.field = ? ORDER BY k.id DESC LIMIT 1),"
	    "   CASE ? WHEN 'description' THEN r.description WHEN 'answer' THEN r.answer"
	    "   WHEN 'caller_name' THEN r.caller_name ELSE r.caller_phone END)"
	    " FROM requests r WHERE r.id = ? FOR UPDATE",
};
