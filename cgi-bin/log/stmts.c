/* stmts.c: the duty log's SQL, one statement per enum log_stmt (log.h). */
#include "log.h"

#define Q(id) [id - DB_APP_FIRST]
#define DT(col) "DATE_FORMAT(" col ", '%Y-%m-%d %H:%i')"
#define D(col) "DATE_FORMAT(" col ", '%Y-%m-%d')"

/* Columns of a page (enum PG_* in log.h). */
#define PAGE_COLS "SELECT p.id, p.site_id, p.day_id, " D("d.day") ", p.shift_id, s.name, p.status," \
	" ou.display_name, " DT("p.opened_at") ", COALESCE(lu.display_name, '')," \
	" COALESCE(cu.display_name, ''), COALESCE(" DT("p.closed_at") ", ''), d.status," \
	" p.return_reason, COALESCE(ru.display_name, ''), TIME_FORMAT(s.start_time, '%H:%i')," \
	" TIME_FORMAT(s.end_time, '%H:%i')" \
	" FROM log_pages p JOIN log_days d ON d.id = p.day_id JOIN shifts s ON s.id = p.shift_id" \
	" JOIN users ou ON ou.id = p.opened_by LEFT JOIN users lu ON lu.id = p.lead_id" \
	" LEFT JOIN users cu ON cu.id = p.closed_by LEFT JOIN users ru ON ru.id = p.returned_by"

/* Columns of an entry (enum EN_* in entries.c). */
/* STRAIGHT_JOIN: start from the entries (by site and time, page or id) and look the rest up;
 * left alone, the optimizer began a year of pages from log_days and sorted them all. */
#define ENTRY_COLS "SELECT STRAIGHT_JOIN e.id, " DT("e.occurred_at") ", c.name, e.location, e.what, e.handling," \
	" e.followup, e.status, e.major, w.display_name, COALESCE(cl.display_name, '')," \
	" COALESCE(" DT("e.closed_at") ", ''), e.page_id, s.name, " D("d.day") "," \
	" TIMESTAMPDIFF(MINUTE, e.occurred_at, NOW())," \
	" (SELECT COUNT(*) FROM log_corrections k WHERE k.entry_id = e.id), d.status," \
	" COALESCE(em.id, 0), e.site_id, e.category_id, p.status, d.id" \
	" FROM log_entries e JOIN log_categories c ON c.id = e.category_id" \
	" JOIN users w ON w.id = e.written_by LEFT JOIN users cl ON cl.id = e.closed_by" \
	" JOIN log_pages p ON p.id = e.page_id JOIN shifts s ON s.id = p.shift_id" \
	" JOIN log_days d ON d.id = p.day_id LEFT JOIN emergencies em ON em.entry_id = e.id"

#define SEARCH_WHERE " WHERE e.site_id = ? AND (? = '' OR e.occurred_at >= ?)" \
	" AND (? = '' OR e.occurred_at < DATE_ADD(?, INTERVAL 1 DAY))" \
	" AND (? = 0 OR p.shift_id = ?) AND (? = 0 OR e.category_id = ?)" \
	" AND (? = '' OR e.status = ?) AND (? = 0 OR e.written_by = ?)" \
	" AND (? = '' OR e.what LIKE ? OR e.handling LIKE ? OR e.followup LIKE ? OR e.location LIKE ?)"

#define EMERGENCY_COLS "SELECT m.id, m.site_id, m.entry_id, " DT("m.occurred_at") ", m.place," \
	" m.what, m.people, m.actions, COALESCE(m.report, '')," \
	" " DT("m.report_due - INTERVAL 1 MINUTE") ", COALESCE(ru.display_name, '')," \
	" COALESCE(" DT("m.report_at") ", ''), cu.display_name," \
	" (m.report_at IS NULL AND NOW() >= m.report_due), d.id, d.status" \
	" FROM emergencies m JOIN users cu ON cu.id = m.created_by" \
	" LEFT JOIN users ru ON ru.id = m.report_by JOIN log_entries e ON e.id = m.entry_id" \
	" JOIN log_pages p ON p.id = e.page_id JOIN log_days d ON d.id = p.day_id"

const char *const log_stmts[S__END - DB_APP_FIRST] = {
	/* The shift running now at a site and the day it belongs to (a shift crossing midnight
	 * belongs to the day it started), with the time now: all in the server's local time. */
	Q(S_NOW_SHIFT) = "SELECT id, name, " D("IF(end_time > start_time OR CURTIME() >= start_time,"
	    " CURDATE(), CURDATE() - INTERVAL 1 DAY)") ", " D("NOW()") ", TIME_FORMAT(NOW(), '%H:%i')"
	    " FROM shifts WHERE site_id = ? AND active = 1 AND ("
	    " (end_time > start_time AND CURTIME() >= start_time AND CURTIME() < end_time) OR"
	    " (end_time <= start_time AND (CURTIME() >= start_time OR CURTIME() < end_time)))"
	    " ORDER BY sort_order LIMIT 1",
	Q(S_SHIFTS) = "SELECT id, name, TIME_FORMAT(start_time, '%H:%i'), TIME_FORMAT(end_time, '%H:%i')"
	    " FROM shifts WHERE site_id = ? AND active = 1 ORDER BY sort_order, start_time",
	Q(S_DAY_GET_OR_NEW) = "INSERT INTO log_days (site_id, day) VALUES (?, ?)"
	    " ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)",
	Q(S_DAY_FIND) = "SELECT id, status FROM log_days WHERE site_id = ? AND day = ?",
	/* The day with whether it is over (DY_OVER): its calendar day and every active shift of
	 * it ended (a night shift ends the next morning); a day is signed only once over. */
	Q(S_DAY_GET) = "SELECT d.id, d.site_id, " D("d.day") ", d.status, COALESCE(u.display_name, ''),"
	    " COALESCE(" DT("d.signed_at") ", ''), d.sign_comment,"
	    " NOW() >= GREATEST(d.day + INTERVAL 1 DAY, COALESCE((SELECT MAX(TIMESTAMP(d.day"
	    "   + INTERVAL (s.end_time <= s.start_time) DAY, s.end_time)) FROM shifts s"
	    "   WHERE s.site_id = d.site_id AND s.active = 1), d.day + INTERVAL 1 DAY))"
	    " FROM log_days d LEFT JOIN users u ON u.id = d.signed_by WHERE d.id = ?",
	Q(S_DAY_LOCK) = "SELECT id, site_id, status, " D("day") " FROM log_days WHERE id = ? FOR UPDATE",
	Q(S_DAY_SIGN) = "UPDATE log_days SET status = 'signed', signed_by = ?, signed_at = NOW(),"
	    " sign_comment = ? WHERE id = ? AND status = 'open'",
	Q(S_DAY_PAGES_UNCLOSED) = "SELECT COUNT(*) FROM log_pages WHERE day_id = ? AND status <> 'closed'",
	Q(S_DAYS_WAITING) = "SELECT d.id, " D("d.day") ", COUNT(p.id), COALESCE(SUM(p.status = 'closed'), 0),"
	    " COALESCE(SUM(p.status = 'returned'), 0),"
	    " (SELECT COUNT(*) FROM log_entries e JOIN log_pages p2 ON p2.id = e.page_id"
	    "   WHERE p2.day_id = d.id)"
	    " FROM log_days d LEFT JOIN log_pages p ON p.day_id = d.id"
	    " WHERE d.site_id = ? AND d.status = 'open' GROUP BY d.id, d.day ORDER BY d.day LIMIT 100",
	Q(S_DAYS_RECENT) = "SELECT d.id, " D("d.day") ", COALESCE(u.display_name, ''),"
	    " COALESCE(" DT("d.signed_at") ", '') FROM log_days d LEFT JOIN users u ON u.id = d.signed_by"
	    " WHERE d.site_id = ? AND d.status = 'signed' ORDER BY d.day DESC LIMIT 31",
	Q(S_PAGE_FIND) = "SELECT p.id FROM log_pages p JOIN log_days d ON d.id = p.day_id"
	    " WHERE d.site_id = ? AND d.day = ? AND p.shift_id = ?",
	Q(S_PAGE_NEW) = "INSERT INTO log_pages (site_id, day_id, shift_id, opened_by, lead_id)"
	    " VALUES (?, ?, ?, ?, ?)",
	Q(S_PAGE_GET) = PAGE_COLS " WHERE p.id = ?",
	Q(S_PAGE_LOCK) = "SELECT p.status, d.status, p.site_id, p.day_id, " DT("p.opened_at")
	    " FROM log_pages p JOIN log_days d ON d.id = p.day_id WHERE p.id = ? FOR UPDATE",
	Q(S_PAGE_CLOSE) = "UPDATE log_pages SET status = 'closed', closed_by = ?, closed_at = NOW(),"
	    " close_note = ? WHERE id = ? AND status IN ('open', 'returned')",
	Q(S_PAGE_RETURN) = "UPDATE log_pages SET status = 'returned', returned_by = ?,"
	    " returned_at = NOW(), return_reason = ? WHERE id = ? AND status = 'closed'",
	Q(S_PAGE_REOPEN) = "UPDATE log_pages SET status = 'open' WHERE id = ? AND status = 'returned'",
	Q(S_PAGES_OF_DAY) = PAGE_COLS " WHERE p.day_id = ? ORDER BY s.sort_order, s.start_time",
	/* Who wrote on a page, and whether the published roster has them on that shift (someone
	 * not rostered may write, but is marked). */
	Q(S_PAGE_STAFF) = "SELECT u.display_name, ps.is_lead, EXISTS (SELECT 1 FROM roster_entries re"
	    "   JOIN roster_months rm ON rm.id = re.month_id WHERE rm.status = 'published'"
	    "   AND re.version_to IS NULL AND re.day = d.day AND re.shift_id = p.shift_id"
	    "   AND re.user_id = ps.user_id)"
	    " FROM log_page_staff ps JOIN users u ON u.id = ps.user_id"
	    " JOIN log_pages p ON p.id = ps.page_id JOIN log_days d ON d.id = p.day_id"
	    " WHERE ps.page_id = ? ORDER BY ps.is_lead DESC, u.display_name",
	/* Who the published roster expects on a page's shift. */
	Q(S_PAGE_ROSTERED) = "SELECT u.display_name FROM log_pages p JOIN log_days d ON d.id = p.day_id"
	    " JOIN roster_months rm ON rm.site_id = p.site_id AND rm.status = 'published'"
	    " JOIN roster_entries re ON re.month_id = rm.id AND re.version_to IS NULL"
	    "   AND re.day = d.day AND re.shift_id = p.shift_id"
	    " JOIN users u ON u.id = re.user_id WHERE p.id = ? ORDER BY u.display_name",
	Q(S_PAGE_STAFF_ADD) = "INSERT IGNORE INTO log_page_staff (page_id, user_id, is_lead)"
	    " VALUES (?, ?, ?)",
	Q(S_ENTRIES_OF_PAGE) = ENTRY_COLS " WHERE e.page_id = ? ORDER BY e.occurred_at, e.id",
	Q(S_ENTRIES_OF_DAY) = ENTRY_COLS " WHERE p.day_id = ? ORDER BY e.occurred_at, e.id",
	/* Items handed to a page: written on an earlier page (one opened before it, even if the
	 * entry was written after: a handover overlap) and still open, or closed since the page
	 * opened (shown with who closed them and when). Page 0: the page not opened yet. */
	Q(S_CARRIED) = ENTRY_COLS " WHERE e.site_id = ? AND e.page_id <> ? AND e.status = 'open'"
	    " AND p.opened_at < COALESCE((SELECT x.opened_at FROM log_pages x WHERE x.id = ?),"
	    "   NOW() + INTERVAL 1 DAY)"
	    " UNION ALL " ENTRY_COLS " WHERE e.site_id = ? AND e.page_id <> ? AND e.status = 'closed'"
	    " AND p.opened_at < (SELECT x.opened_at FROM log_pages x WHERE x.id = ?)"
	    " AND e.closed_at >= (SELECT x.opened_at FROM log_pages x WHERE x.id = ?)"
	    " ORDER BY 2, 1",
	/* Open items a closing page must hand over: its own and those handed to it. */
	Q(S_PAGE_OPEN_ENTRIES) = "SELECT e.id, e.what FROM log_entries e"
	    " JOIN log_pages p ON p.id = e.page_id"
	    " WHERE e.site_id = ? AND e.status = 'open' AND (e.page_id = ? OR p.opened_at <= ?)"
	    " ORDER BY e.occurred_at, e.id",
	Q(S_CARRY_ADD) = "INSERT IGNORE INTO log_carryovers (entry_id, from_page_id, carried_by)"
	    " VALUES (?, ?, ?)",
	Q(S_CATEGORIES) = "SELECT id, name, active FROM log_categories WHERE site_id = ?"
	    " ORDER BY active DESC, sort_order, name",
	Q(S_CATEGORY_GET) = "SELECT id, site_id, name, active FROM log_categories WHERE id = ?",
	Q(S_CATEGORY_NEW) = "INSERT INTO log_categories (site_id, name, sort_order)"
	    " SELECT ?, ?, COALESCE(MAX(sort_order), 0) + 1 FROM log_categories WHERE site_id = ?",
	Q(S_CATEGORY_UPDATE) = "UPDATE log_categories SET name = ?, active = ? WHERE id = ?",
	Q(S_MINUTES_FROM_NOW) = "SELECT TIMESTAMPDIFF(MINUTE, NOW(), ?)",
	/* For a new or changed entry, in one round trip: minutes from now to its time, and the
	 * site and state of its category (0, 0 when there is no such category). */
	Q(S_ENTRY_CHECK) = "SELECT TIMESTAMPDIFF(MINUTE, NOW(), ?),"
	    " COALESCE((SELECT site_id FROM log_categories WHERE id = ?), 0),"
	    " COALESCE((SELECT active FROM log_categories WHERE id = ?), 0)",
	/* A new entry, written only if its page (of the user's site) is open and its day not
	 * signed, its category is an active one of that site and its time within the window (the
	 * minutes of LOG_TIME_PAST and LOG_TIME_AHEAD): the checks and the write in one round trip.
	 * Page, day and category are share-locked until the commit: entries are written many at
	 * once, while closing, returning or signing the page (exclusive) waits for them. No row
	 * written: the caller finds out why (log_entry_new_post). */
	Q(S_ENTRY_NEW) = "INSERT INTO log_entries (site_id, page_id, occurred_at, category_id, location,"
	    " what, handling, followup, status, major, written_by, form_key, closed_by, closed_at)"
	    " SELECT p.site_id, p.id, ?, c.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, IF(? = 'closed', NOW(), NULL)"
	    " FROM log_pages p JOIN log_days d ON d.id = p.day_id"
	    " JOIN log_categories c ON c.id = ? AND c.site_id = p.site_id AND c.active = 1"
	    " WHERE p.id = ? AND p.site_id = ? AND p.status <> 'closed' AND d.status <> 'signed'"
	    " AND TIMESTAMPDIFF(MINUTE, NOW(), ?) BETWEEN ? AND ? LOCK IN SHARE MODE",
	Q(S_ENTRY_BY_KEY) = "SELECT id FROM log_entries WHERE form_key = ?",
	Q(S_ENTRY_GET) = ENTRY_COLS " WHERE e.id = ?",
	Q(S_ENTRY_LOCK) = "SELECT e.site_id, e.status, p.status, d.status, e.location, e.what,"
	    " e.handling, e.followup, e.category_id, " DT("e.occurred_at") ", e.major, e.page_id"
	    " FROM log_entries e JOIN log_pages p ON p.id = e.page_id"
	    " JOIN log_days d ON d.id = p.day_id WHERE e.id = ? FOR UPDATE",
	Q(S_ENTRY_UPDATE) = "UPDATE log_entries SET occurred_at = ?, category_id = ?, location = ?,"
	    " what = ?, handling = ?, followup = ?, status = ?, major = ?, updated_at = NOW(),"
	    " closed_by = IF(? = 'closed', COALESCE(closed_by, ?), NULL),"
	    " closed_at = IF(? = 'closed', COALESCE(closed_at, NOW()), NULL) WHERE id = ?",
	Q(S_CORRECTIONS_OF_ENTRY) = "SELECT k.field, k.old_text, k.new_text, k.reason, u.display_name,"
	    " " DT("k.corrected_at") " FROM log_corrections k JOIN users u ON u.id = k.corrected_by"
	    " WHERE k.entry_id = ? ORDER BY k.id",
	/* The corrections of up to 16 entries (LOG_CORR_BATCH in entries.c), for a list. */
	Q(S_CORRECTIONS_OF_ENTRIES) = "SELECT k.entry_id, k.field, k.old_text, k.new_text, k.reason,"
	    " u.display_name, " DT("k.corrected_at") " FROM log_corrections k"
	    " JOIN users u ON u.id = k.corrected_by"
	    " WHERE k.entry_id IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	    " ORDER BY k.entry_id, k.id",
	Q(S_CORRECTION_NEW) = "INSERT INTO log_corrections (entry_id, field, old_text, new_text,"
	    " reason, corrected_by) VALUES (?, ?, ?, ?, ?, ?)",
	Q(S_SEARCH_COUNT) = "SELECT COUNT(*) FROM log_entries e JOIN log_pages p ON p.id = e.page_id"
	    SEARCH_WHERE,
	Q(S_SEARCH) = ENTRY_COLS SEARCH_WHERE " ORDER BY e.occurred_at DESC, e.id DESC LIMIT ? OFFSET ?",
	Q(S_STAFF_OF_SITE) = "SELECT id, display_name FROM users WHERE site_id = ? AND active = 1"
	    " AND (roles & 3) <> 0 ORDER BY display_name",
	Q(S_EMERGENCY_NEW) = "INSERT INTO emergencies (site_id, entry_id, occurred_at, place, what,"
	    " people, actions, report_due, created_by)"
	    " VALUES (?, ?, ?, ?, ?, '', '', DATE(?) + INTERVAL 2 DAY, ?)",
	Q(S_EMERGENCY_OF_ENTRY) = "SELECT id FROM emergencies WHERE entry_id = ?",
	Q(S_EMERGENCY_GET) = EMERGENCY_COLS " WHERE m.id = ?",
	Q(S_EMERGENCY_LOCK) = "SELECT site_id, place, what, people, actions, COALESCE(report, ''),"
	    " " DT("occurred_at") " FROM emergencies WHERE id = ? FOR UPDATE",
	Q(S_EMERGENCY_UPDATE) = "UPDATE emergencies SET occurred_at = ?, place = ?, what = ?,"
	    " people = ?, actions = ? WHERE id = ?",
	Q(S_EMERGENCY_REPORT) = "UPDATE emergencies SET report = ?, report_by = ?, report_at = NOW()"
	    " WHERE id = ?",
	Q(S_EMERGENCIES) = "SELECT m.id, " DT("m.occurred_at") ", m.place, m.what,"
	    " (m.report_at IS NOT NULL), (m.report_at IS NULL AND NOW() >= m.report_due),"
	    " " DT("m.report_due - INTERVAL 1 MINUTE") ","
	    " (SELECT COUNT(*) FROM emergency_photos ph WHERE ph.emergency_id = m.id)"
	    " FROM emergencies m WHERE m.site_id = ? ORDER BY m.occurred_at DESC LIMIT 100",
	Q(S_NOTICE_NEW) = "INSERT INTO emergency_notices (emergency_id, party, who, notified_at,"
	    " recorded_by) VALUES (?, ?, ?, ?, ?)",
	Q(S_NOTICES) = "SELECT n.party, n.who, " DT("n.notified_at") ", u.display_name"
	    " FROM emergency_notices n JOIN users u ON u.id = n.recorded_by"
	    " WHERE n.emergency_id = ? ORDER BY n.notified_at, n.id",
	Q(S_PHOTO_NEW) = "INSERT INTO emergency_photos (emergency_id, path, kind, width, height, bytes,"
	    " sha256, caption, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	Q(S_PHOTOS) = "SELECT ph.id, ph.width, ph.height, ph.bytes, ph.caption, u.display_name,"
	    " " DT("ph.uploaded_at") " FROM emergency_photos ph JOIN users u ON u.id = ph.uploaded_by"
	    " WHERE ph.emergency_id = ? ORDER BY ph.id",
	Q(S_PHOTO_GET) = "SELECT ph.path, ph.kind, m.site_id FROM emergency_photos ph"
	    " JOIN emergencies m ON m.id = ph.emergency_id WHERE ph.id = ? AND ph.emergency_id = ?",
	/* Pages of the paper copy archived for a number (the scan inbox, dd-forms). */
	Q(S_SCANS_OF_NUMBER) = "SELECT COUNT(*) FROM form_scans WHERE number = ?",
	Q(S_OVERDUE_REPORTS) = "SELECT COUNT(*) FROM emergencies WHERE site_id = ?"
	    " AND report_at IS NULL AND NOW() >= report_due",
};
