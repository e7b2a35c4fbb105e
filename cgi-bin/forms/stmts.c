/* stmts.c: the scan inbox's SQL, one statement per enum forms_stmt (forms.h). */
#include "forms.h"

#define Q(id) [id - DB_APP_FIRST]
#define DT(col) "DATE_FORMAT(" col ", '%Y-%m-%d %H:%i')"
#define D(col) "DATE_FORMAT(" col ", '%Y-%m-%d')"

/* Columns 12 and 13: status (queued, done) and whether a queued batch's worker stopped
 * beating (interrupted: it may be processed again). */
#define BATCH_COLS "SELECT b.id, b.site_id, u.display_name, b.source, " DT("b.created_at") "," \
	" b.files, b.pages, b.filed, b.triage, b.duplicates, b.refused, b.report, b.status," \
	" b.status = 'queued' AND (b.claimed_at IS NULL OR b.claimed_at < NOW() - INTERVAL " \
	FORMS_STALL_SECS " SECOND)" \
	" FROM form_scan_batches b JOIN users u ON u.id = b.user_id"

const char *const forms_stmts[F__END - DB_APP_FIRST] = {
	Q(F_BATCH_NEW) = "INSERT INTO form_scan_batches (site_id, user_id, source, report)"
	    " VALUES (?, ?, ?, '')",
	Q(F_BATCH_END) = "UPDATE form_scan_batches SET files = ?, pages = ?, filed = ?, triage = ?,"
	    " duplicates = ?, refused = ?, report = ?, status = 'done' WHERE id = ?",
	Q(F_BATCH_GET) = BATCH_COLS " WHERE b.id = ?",
	Q(F_BATCHES) = BATCH_COLS " WHERE b.site_id = ? ORDER BY b.id DESC LIMIT 20",
	/* The register row of a number, locked: pages of one number are numbered one at a time. */
	Q(F_NUMBER_LOCK) = "SELECT kind, site_id, record_id FROM form_numbers WHERE number = ?"
	    " FOR UPDATE",
	Q(F_NEXT_PAGE) = "SELECT COALESCE(MAX(page_no), 0) + 1 FROM form_scans WHERE number = ?",
	Q(F_SCAN_NEW) = "INSERT INTO form_scans (site_id, batch_id, number, page_no, status, reason,"
	    " file_name, file_page, path, img_type, bytes, sha256, uploaded_by, filed_by, filed_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, IF(? IS NULL, NULL, NOW()))",
	Q(F_SCAN_BY_SHA) = "SELECT id, COALESCE(number, ''), status FROM form_scans"
	    " WHERE site_id = ? AND sha256 = ?",
	Q(F_SCAN_GET) = "SELECT s.id, s.site_id, s.path, s.img_type, COALESCE(s.number, ''), s.status,"
	    " s.reason, s.file_name, s.file_page, " DT("s.uploaded_at") ", u.display_name, s.batch_id"
	    " FROM form_scans s JOIN users u ON u.id = s.uploaded_by WHERE s.id = ?",
	Q(F_SCANS_OF_NUMBER) = "SELECT s.id, s.page_no, " DT("s.uploaded_at") ", u.display_name,"
	    " s.file_name, s.file_page, s.bytes, COALESCE(fu.display_name, ''), s.batch_id"
	    " FROM form_scans s JOIN users u ON u.id = s.uploaded_by"
	    " LEFT JOIN users fu ON fu.id = s.filed_by WHERE s.number = ? ORDER BY s.page_no",
	Q(F_TRIAGE_LIST) = "SELECT s.id, s.reason, s.file_name, s.file_page, " DT("s.uploaded_at") ","
	    " u.display_name FROM form_scans s JOIN users u ON u.id = s.uploaded_by"
	    " WHERE s.site_id = ? AND s.status = 'triage' ORDER BY s.id LIMIT 100",
	Q(F_TRIAGE_LOCK) = "SELECT id, site_id, status, file_name, file_page FROM form_scans"
	    " WHERE id = ? FOR UPDATE",
	Q(F_TRIAGE_FILE) = "UPDATE form_scans SET number = ?, page_no = ?, status = 'filed',"
	    " reason = '', filed_by = ?, filed_at = NOW() WHERE id = ? AND status = 'triage'",
	/* The site's forms printed most recently: only a printed form comes back as a scan
	 * (requests get their numbers when registered, hundreds a week, never printed). */
	Q(F_RECENT_NUMBERS) = "SELECT n.number, n.kind, " D("n.day") " FROM form_prints p"
	    " JOIN form_numbers n ON n.number = p.number WHERE n.site_id = ?"
	    " GROUP BY n.number, n.kind, n.day ORDER BY MAX(p.id) DESC LIMIT 100",
	Q(F_USER_BY_NAME) = "SELECT u.id, u.site_id, u.display_name, s.name, u.roles FROM users u"
	    " JOIN sites s ON s.id = u.site_id WHERE u.username = ? AND u.active = 1",
	Q(F_PRINT_DAYS) = "SELECT d.id, " D("d.day") ", COALESCE(n.number, ''),"
	    " (SELECT COUNT(*) FROM form_scans s WHERE s.number = n.number)"
	    " FROM log_days d LEFT JOIN form_numbers n ON n.kind = 'log_day' AND n.record_id = d.id"
	    " WHERE d.site_id = ? AND d.day BETWEEN ? AND ? ORDER BY d.day LIMIT 400",
	Q(F_PRINT_EMERGENCIES) = "SELECT m.id, CONCAT(" DT("m.occurred_at") ", ' ', m.place),"
	    " COALESCE(n.number, ''),"
	    " (SELECT COUNT(*) FROM form_scans s WHERE s.number = n.number)"
	    " FROM emergencies m LEFT JOIN form_numbers n ON n.kind = 'emergency' AND n.record_id = m.id"
	    " WHERE m.site_id = ? AND m.occurred_at >= ? AND m.occurred_at < ? + INTERVAL 1 DAY"
	    " ORDER BY m.occurred_at LIMIT 400",
	Q(F_PRINT_HANDOVERS) = "SELECT h.id, CONCAT(" D("h.day") ", ' ', sh.name), COALESCE(n.number, ''),"
	    " (SELECT COUNT(*) FROM form_scans s WHERE s.number = n.number)"
	    " FROM handovers h JOIN shifts sh ON sh.id = h.shift_id"
	    " LEFT JOIN form_numbers n ON n.kind = 'handover' AND n.record_id = h.id"
	    " WHERE h.site_id = ? AND h.day BETWEEN ? AND ? ORDER BY h.day, h.shift_end_at LIMIT 400",
	/* Work orders dispatched in the period (a department that works on paper takes them). */
	Q(F_PRINT_ORDERS) = "SELECT w.id, CONCAT(" DT("w.dispatched_at") ", ' ', r.number, ' ', d.name),"
	    " COALESCE(n.number, ''), (SELECT COUNT(*) FROM form_scans s WHERE s.number = n.number)"
	    " FROM work_orders w JOIN requests r ON r.id = w.request_id"
	    " JOIN departments d ON d.id = w.department_id"
	    " LEFT JOIN form_numbers n ON n.kind = 'work_order' AND n.record_id = w.id"
	    " WHERE w.site_id = ? AND w.dispatched_at >= ? AND w.dispatched_at < ? + INTERVAL 1 DAY"
	    " AND w.status <> 'reassigned' ORDER BY w.dispatched_at LIMIT 400",
	Q(F_PRINT_CALLBACK_REPORTS) = "SELECT b.id, " D("b.day") ", COALESCE(n.number, ''),"
	    " (SELECT COUNT(*) FROM form_scans s WHERE s.number = n.number)"
	    " FROM callback_reports b"
	    " LEFT JOIN form_numbers n ON n.kind = 'callback_report' AND n.record_id = b.id"
	    " WHERE b.site_id = ? AND b.day BETWEEN ? AND ? ORDER BY b.day LIMIT 400",
	/* A browser upload: queued, claimed by the worker that answered it. */
	Q(F_BATCH_QUEUE) = "INSERT INTO form_scan_batches (site_id, user_id, source, status, claimed_at,"
	    " files, report) VALUES (?, ?, 'web', 'queued', NOW(), ?, '')",
	Q(F_BATCH_CLAIM) = "UPDATE form_scan_batches SET claimed_at = NOW() WHERE id = ? AND site_id = ?"
	    " AND status = 'queued' AND (claimed_at IS NULL OR claimed_at < NOW() - INTERVAL "
	    FORMS_STALL_SECS " SECOND)",
	Q(F_BATCH_BEAT) = "UPDATE form_scan_batches SET claimed_at = NOW() WHERE id = ?"
	    " AND status = 'queued'",
	Q(F_SPOOL_ADD) = "INSERT INTO form_scan_spool (batch_id, seq, file_name, path, bytes)"
	    " VALUES (?, ?, ?, ?, ?)",
	Q(F_SPOOL_LIST) = "SELECT seq, file_name, path, bytes FROM form_scan_spool WHERE batch_id = ?"
	    " ORDER BY seq",
	Q(F_SPOOL_DEL) = "DELETE FROM form_scan_spool WHERE batch_id = ?",
};
