/* stmts.c: the callback desk's SQL, one statement per enum cb_stmt (callback.h). */
#include "callback.h"

#define Q(id) [id - DB_APP_FIRST]
#define DT(col) "DATE_FORMAT(" col ", '%Y-%m-%d %H:%i')"
#define D(col) "DATE_FORMAT(" col ", '%Y-%m-%d')"

/* A callback's category: its request's type, or its plan's kind. */
#define CATEGORY "IF(cb.plan_id IS NULL, rq.type, p.kind)"
/* The columns CC_* of a callback list, up to CC_RESIDENT_ID; follow gives the last two. */
#define CB_COLS(follow) "SELECT cb.id, COALESCE(cb.request_id, 0), COALESCE(cb.plan_id, 0)," \
	" " DT("cb.due_at") ", cb.status, cb.attempts, COALESCE(" DT("cb.last_attempt_at") ", '')," \
	" COALESCE(cb.method, ''), COALESCE(" DT("cb.called_at") ", ''), COALESCE(cu.display_name, '')," \
	" COALESCE(cb.satisfaction, 0), cb.words, cb.note," \
	" COALESCE(res.name, NULLIF(rq.caller_name, ''), ''), COALESCE(NULLIF(res.phone, ''), rq.caller_phone, '')," \
	" COALESCE(un.code, ''), COALESCE(rq.number, ''), COALESCE(rq.type, ''), COALESCE(LEFT(rq.description, 60), '')," \
	" COALESCE(wo.result, ''), COALESCE(p.title, ''), COALESCE(p.kind, ''), (cb.status = 'due' AND cb.due_at < NOW())," \
	" cb.site_id, COALESCE(p.status, ''), COALESCE(" CATEGORY ", '')," \
	" (cb.satisfaction IS NOT NULL AND cb.satisfaction <= COALESCE(st.unsatisfied_max, 2))," \
	" COALESCE(rq.status, ''), COALESCE(rq.reopened, 0), COALESCE(res.id, 0), " follow
#define CB_FROM " FROM callbacks cb LEFT JOIN requests rq ON rq.id = cb.request_id" \
	" LEFT JOIN work_orders wo ON wo.id = cb.work_order_id" \
	" LEFT JOIN callback_plans p ON p.id = cb.plan_id" \
	" LEFT JOIN residents res ON res.id = COALESCE(cb.resident_id, rq.resident_id)" \
	" LEFT JOIN units un ON un.id = COALESCE(rq.unit_id, res.unit_id)" \
	" LEFT JOIN users cu ON cu.id = cb.called_by" \
	" LEFT JOIN req_settings st ON st.site_id = cb.site_id"
/* What followed an order's callback: the newest work order opened after it (a reopening):
 * its department and status. */
#define FOLLOW_Q(col) "(SELECT " col " FROM work_orders w2 JOIN departments d ON d.id = w2.department_id" \
	" WHERE w2.request_id = cb.request_id AND w2.id > cb.work_order_id ORDER BY w2.id DESC LIMIT 1)"
#define FOLLOW "COALESCE(" FOLLOW_Q("d.name") ", ''), COALESCE(" FOLLOW_Q("w2.status") ", '')"

/* Due list filters: site, kind (x3), plan (x2), from (x2), to (x2), staff (x2: who tried
 * last). Plans still in draft are not due yet. */
#define DUE_WHERE " WHERE cb.site_id = ? AND cb.status = 'due' AND (p.id IS NULL OR p.status <> 'draft')" \
	" AND (? = '' OR (? = 'order' AND cb.plan_id IS NULL) OR (? = 'plan' AND cb.plan_id IS NOT NULL))" \
	" AND (? = 0 OR cb.plan_id = ?)" \
	" AND (? IS NULL OR cb.due_at >= ?) AND (? IS NULL OR cb.due_at < ? + INTERVAL 1 DAY)" \
	" AND (? = 0 OR cb.called_by = ?)"
/* Records (done) filters: site, category (x2), plan (x2), from (x2), to (x2), staff (x2),
 * text (x2). */
#define REC_WHERE_PLAIN " WHERE cb.site_id = ? AND cb.status = 'done' AND (? = 0 OR cb.plan_id = ?)" \
	" AND (? IS NULL OR cb.called_at >= ?) AND (? IS NULL OR cb.called_at < ? + INTERVAL 1 DAY)" \
	" AND (? = 0 OR cb.called_by = ?)"
#define REC_WHERE_NOTEXT REC_WHERE_PLAIN " AND (? = '' OR " CATEGORY " = ?)"
#define REC_WHERE " WHERE cb.site_id = ? AND cb.status = 'done'" \
	" AND (? = '' OR " CATEGORY " = ?) AND (? = 0 OR cb.plan_id = ?)" \
	" AND (? IS NULL OR cb.called_at >= ?) AND (? IS NULL OR cb.called_at < ? + INTERVAL 1 DAY)" \
	" AND (? = 0 OR cb.called_by = ?)" \
	" AND (? = '' OR CONCAT_WS(' ', res.name, res.phone, rq.caller_name, rq.caller_phone," \
	" rq.number, un.code, cb.words, cb.note, p.title) LIKE ?)"

#define PLAN_COLS "SELECT p.id, p.kind, p.title, p.method, " D("p.from_day") ", " D("p.to_day") "," \
	" p.status, cu.display_name, COALESCE(au.display_name, ''), COALESCE(" DT("p.approved_at") ", '')," \
	" COUNT(cb.id), COALESCE(SUM(cb.status = 'done' OR cb.attempts > 0), 0)," \
	" COALESCE(SUM(cb.status = 'done'), 0), COALESCE(FORMAT(AVG(cb.satisfaction), 1), '')," \
	" p.site_id, p.created_by, p.purpose, " DT("p.created_at") \
	" FROM callback_plans p JOIN users cu ON cu.id = p.created_by" \
	" LEFT JOIN users au ON au.id = p.approved_by" \
	" LEFT JOIN callbacks cb ON cb.plan_id = p.id AND cb.status <> 'cancelled'"

#define REP_COLS "SELECT r.id, r.site_id, " D("r.day") ", r.summary, r.written_by, wu.display_name," \
	" " DT("r.written_at") ", COALESCE(r.reviewed_by, 0), COALESCE(vu.display_name, '')," \
	" COALESCE(" DT("r.reviewed_at") ", ''), r.review_comment," \
	" (SELECT COUNT(*) FROM record_corrections k WHERE k.entity = 'callback_report' AND k.entity_id = r.id)" \
	" FROM callback_reports r JOIN users wu ON wu.id = r.written_by" \
	" LEFT JOIN users vu ON vu.id = r.reviewed_by"

/* A new plan callback: one row per resident, due on the plan's last day until spread. */
#define PLAN_ADD "INSERT INTO callbacks (site_id, plan_id, resident_id, due_at, words, note)" \
	" SELECT DISTINCT ?, ?, r.id, TIMESTAMP(?, '17:30:00'), '', ''"

const char *const cb_stmts[C__END - DB_APP_FIRST] = {
	Q(C_TODAY) = "SELECT " D("CURDATE()") ", " D("CURDATE() - INTERVAL 1 DAY"),
	Q(C_STAFF) = "SELECT id, display_name FROM users WHERE site_id = ? AND active = 1"
	    " AND (roles & 3) <> 0 ORDER BY display_name",
	Q(C_PLAN_OPTIONS) = "SELECT id, CONCAT(" D("from_day") ", ' ', title) FROM callback_plans"
	    " WHERE site_id = ? AND status <> 'draft' ORDER BY from_day DESC, id DESC LIMIT 100",
	/* The resident's latest requests (the caller prepares with them). */
	Q(C_RESIDENT_REQUESTS) = "SELECT id, number, type, " DT("received_at") ", LEFT(description, 80),"
	    " status FROM requests WHERE resident_id = ? AND site_id = ? ORDER BY received_at DESC LIMIT 5",
	Q(C_BUILDINGS) = "SELECT id, name FROM buildings WHERE site_id = ? ORDER BY code",
	Q(C_DUE_COUNT) = "SELECT COUNT(*)" CB_FROM DUE_WHERE,
	Q(C_DUE_PAGE) = CB_COLS("'', ''") CB_FROM DUE_WHERE " ORDER BY cb.due_at, cb.id LIMIT ? OFFSET ?",
	Q(C_REC_COUNT) = "SELECT COUNT(*)" CB_FROM REC_WHERE,
	/* The same count without a text (no joins but those of the category), and without a
	 * category either (none): the parameters of REC_WHERE up to staff. */
	Q(C_REC_COUNT_CAT) = "SELECT COUNT(*) FROM callbacks cb LEFT JOIN requests rq ON rq.id = cb.request_id"
	    " LEFT JOIN callback_plans p ON p.id = cb.plan_id" REC_WHERE_NOTEXT,
	Q(C_REC_COUNT_PLAIN) = "SELECT COUNT(*) FROM callbacks cb" REC_WHERE_PLAIN,
	Q(C_REC_PAGE) = CB_COLS("'', ''") CB_FROM REC_WHERE
	    " ORDER BY cb.called_at DESC, cb.id DESC LIMIT ? OFFSET ?",
	/* The records' count per category: kept by the callbacks' triggers (sql/018). */
	Q(C_REC_CATS) = "SELECT category, n FROM cb_stats_cat WHERE site_id = ? AND n <> 0"
	    " ORDER BY category",
	Q(C_GET) = CB_COLS("'', ''") CB_FROM " WHERE cb.id = ?",
	Q(C_LOCK) = "SELECT cb.status, cb.site_id, COALESCE(cb.plan_id, 0), COALESCE(p.status, ''),"
	    " cb.attempts, COALESCE(cb.method, ''), cb.note, COALESCE(cb.request_id, 0)"
	    " FROM callbacks cb LEFT JOIN callback_plans p ON p.id = cb.plan_id WHERE cb.id = ? FOR UPDATE",
	Q(C_RECORD_DONE) = "UPDATE callbacks SET status = 'done', method = ?, called_by = ?,"
	    " called_at = NOW(), satisfaction = ?, words = ?, note = CONCAT_WS('\n', NULLIF(note, ''), NULLIF(?, ''))"
	    " WHERE id = ? AND status = 'due'",
	Q(C_RECORD_MISS) = "UPDATE callbacks SET attempts = LEAST(attempts + 1, 255),"
	    " last_attempt_at = NOW(), method = ?, called_by = ?,"
	    " note = CONCAT_WS('\n', NULLIF(note, ''), NULLIF(?, '')) WHERE id = ? AND status = 'due'",
	Q(C_CANCEL) = "UPDATE callbacks SET status = 'cancelled', called_by = ?,"
	    " note = CONCAT_WS('\\n', NULLIF(note, ''), ?) WHERE id = ? AND status = 'due'",
	Q(C_PLAN_LEFT) = "SELECT COUNT(*) FROM callbacks WHERE plan_id = ? AND status = 'due'",
	Q(C_PLAN_FINISH) = "UPDATE callback_plans SET status = 'done' WHERE id = ? AND status = 'approved'",
	Q(C_PLAN_COUNT) = "SELECT COUNT(*) FROM callback_plans p WHERE p.site_id = ?"
	    " AND (? = '' OR p.status = ?)",
	Q(C_PLAN_PAGE) = PLAN_COLS " WHERE p.site_id = ? AND (? = '' OR p.status = ?)"
	    " GROUP BY p.id ORDER BY p.from_day DESC, p.id DESC LIMIT ? OFFSET ?",
	Q(C_PLAN_GET) = PLAN_COLS " WHERE p.id = ? GROUP BY p.id",
	Q(C_PLAN_LOCK) = "SELECT status, site_id, created_by, kind, title, purpose, method,"
	    " " D("from_day") ", " D("to_day") " FROM callback_plans WHERE id = ? FOR UPDATE",
	Q(C_PLAN_NEW) = "INSERT INTO callback_plans (site_id, kind, title, purpose, method, from_day,"
	    " to_day, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	Q(C_PLAN_UPDATE) = "UPDATE callback_plans SET kind = ?, title = ?, purpose = ?, method = ?,"
	    " from_day = ?, to_day = ? WHERE id = ? AND status = 'draft'",
	Q(C_PLAN_APPROVE) = "UPDATE callback_plans SET status = 'approved', approved_by = ?,"
	    " approved_at = NOW() WHERE id = ? AND status = 'draft'",
	/* site, plan, to_day, site, building */
	Q(C_PLAN_ADD_BUILDING) = PLAN_ADD " FROM residents r JOIN units u ON u.id = r.unit_id"
	    " WHERE r.site_id = ? AND r.active = 1 AND u.building_id = ?",
	/* site, plan, to_day, site, unit codes (comma-separated) */
	Q(C_PLAN_ADD_UNITS) = PLAN_ADD " FROM residents r JOIN units u ON u.id = r.unit_id"
	    " WHERE r.site_id = ? AND r.active = 1 AND FIND_IN_SET(u.code, ?)",
	/* site, plan, to_day, site, type (x2), from, to */
	Q(C_PLAN_ADD_REQUESTS) = PLAN_ADD " FROM requests q JOIN residents r ON r.id = q.resident_id"
	    " WHERE q.site_id = ? AND r.active = 1 AND (? = '' OR q.type = ?)"
	    " AND q.received_at >= ? AND q.received_at < ? + INTERVAL 1 DAY",
	/* The plan's callbacks spread over its days: from_day, days, plan. */
	Q(C_PLAN_SPREAD) = "UPDATE callbacks SET due_at = TIMESTAMP(? + INTERVAL (id MOD ?) DAY, '17:30:00')"
	    " WHERE plan_id = ? AND status = 'due'",
	Q(C_PLAN_CALLBACKS) = CB_COLS("'', ''") CB_FROM " WHERE cb.plan_id = ? ORDER BY cb.due_at, cb.id"
	    " LIMIT 500",
	Q(C_UNITS_FOUND) = "SELECT code FROM units WHERE site_id = ? AND FIND_IN_SET(code, ?)",
	Q(C_BUILDING_OF_SITE) = "SELECT COUNT(*) FROM buildings WHERE id = ? AND site_id = ?",
	Q(C_CORR_ADD) = "INSERT INTO record_corrections (site_id, entity, entity_id, field, old_text,"
	    " new_text, reason, corrected_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	Q(C_CORR_LIST) = "SELECT k.field, k.old_text, k.new_text, k.reason, u.display_name,"
	    " " DT("k.corrected_at") " FROM record_corrections k JOIN users u ON u.id = k.corrected_by"
	    " WHERE k.entity = ? AND k.entity_id = ? ORDER BY k.id",
	Q(C_REP_COUNT) = "SELECT COUNT(*) FROM callback_reports r WHERE r.site_id = ?"
	    " AND (? = '' OR (? = 'pending') = (r.reviewed_by IS NULL))",
	Q(C_REP_PAGE) = REP_COLS " WHERE r.site_id = ? AND (? = '' OR (? = 'pending') = (r.reviewed_by IS NULL))"
	    " ORDER BY r.day DESC LIMIT ? OFFSET ?",
	/* Days of the last two weeks with callbacks made (or tried) and no report; overdue when
	 * the end of the next day has passed. site (x3). */
	Q(C_REP_MISSING) = "SELECT " D("x.day") ", COUNT(*), x.day < CURDATE() - INTERVAL 1 DAY FROM ("
	    " SELECT DATE(called_at) AS day FROM callbacks WHERE site_id = ? AND status = 'done'"
	    " AND called_at >= CURDATE() - INTERVAL 14 DAY AND called_at < CURDATE()"
	    " UNION ALL SELECT DATE(last_attempt_at) FROM callbacks WHERE site_id = ? AND status = 'due'"
	    " AND last_attempt_at >= CURDATE() - INTERVAL 14 DAY AND last_attempt_at < CURDATE()) x"
	    " WHERE NOT EXISTS (SELECT 1 FROM callback_reports r WHERE r.site_id = ? AND r.day = x.day)"
	    " GROUP BY x.day ORDER BY x.day",
	/* The callbacks made or tried on a day: site, day (x5). */
	Q(C_REP_DAY) = CB_COLS(FOLLOW) CB_FROM " WHERE cb.site_id = ? AND ("
	    "(cb.called_at >= ? AND cb.called_at < ? + INTERVAL 1 DAY) OR"
	    " (cb.last_attempt_at >= ? AND cb.last_attempt_at < ? + INTERVAL 1 DAY"
	    " AND (cb.called_at IS NULL OR cb.called_at >= ? + INTERVAL 1 DAY)))"
	    " ORDER BY COALESCE(cb.called_at, cb.last_attempt_at), cb.id",
	Q(C_REP_GET) = REP_COLS " WHERE r.id = ?",
	Q(C_REP_LOCK) = "SELECT site_id, written_by, COALESCE(reviewed_by, 0), summary, review_comment,"
	    " " D("day") " FROM callback_reports WHERE id = ? FOR UPDATE",
	Q(C_REP_BY_DAY) = "SELECT id FROM callback_reports WHERE site_id = ? AND day = ?",
	Q(C_REP_NEW) = "INSERT INTO callback_reports (site_id, day, summary, written_by, review_comment)"
	    " VALUES (?, ?, ?, ?, '')",
	Q(C_REP_UPDATE) = "UPDATE callback_reports SET summary = ? WHERE id = ? AND reviewed_by IS NULL",
	Q(C_REP_REVIEW) = "UPDATE callback_reports SET reviewed_by = ?, reviewed_at = NOW(),"
	    " review_comment = ? WHERE id = ? AND reviewed_by IS NULL",
};
