/* dd-roster: the roster (排班) of a site: the monthly staff x day grid, its generator and
 * rule checker (cgi-bin/roster/roster.c), publishing, versioned changes, swap (调班) and leave
 * (请假) requests with approval, stated unavailability, holidays, print, CSV and iCalendar.
 *
 * Owns /roster and everything below it. Every signed-in user of the site sees published
 * rosters, "my shifts" and who is on duty; the supervisor (and the admin) draws up, generates,
 * edits and publishes, and decides requests; the admin keeps the holiday table. A record of
 * another site answers 404; a draft is not there for duty staff.
 *
 * A published roster is never edited in place: a change ends the rows it replaces
 * (version_to) and adds new ones (version_from) under a new version in roster_changes with
 * who, when and why. A draft is edited in place. Every change writes an audit row in its
 * transaction.
 */
#include "core/app.h"
#include "roster/roster.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define EDIT_ROLES  (ROLE_SUPERVISOR | ROLE_ADMIN)
#define VIEW_ROLES  ROLES_ALL
#define DEFAULT_CONTRACT_HOURS 166

enum stmt {
	S_MONTH_GET = DB_APP_FIRST,
	S_MONTH_LOCK,
	S_MONTH_BY_DAY,
	S_MONTHS_LIST,
	S_MONTH_INSERT,
	S_MONTH_SETTINGS,
	S_MONTH_PUBLISH,
	S_MONTH_VERSION,
	S_SHIFTS,
	S_STAFF,
	S_HOLIDAYS_RANGE,
	S_ABSENCES_RANGE,
	S_ENTRIES,
	S_ENTRIES_BEFORE,
	S_ENTRY_INSERT,
	S_ENTRY_DELETE,
	S_ENTRY_END,
	S_ENTRIES_CLEAR,
	S_CHANGE_INSERT,
	S_CHANGES_LIST,
	S_MY_SHIFTS,
	S_ON_DUTY,
	S_UPCOMING,
	S_MY_CHANGES,
	S_REQ_INSERT,
	S_REQ_GET,
	S_REQ_LOCK,
	S_REQ_LIST,
	S_REQ_DECIDE,
	S_LEAVE_OVERLAP,
	S_ABSENCE_INSERT,
	S_MY_ABSENCES,
	S_HOLIDAYS_YEAR,
	S_HOLIDAY_INSERT,
	S_HOLIDAY_DELETE,
	S__END
};

#define REQ_COLS "r.id, r.site_id, r.month_id, r.kind, r.requester_id, ru.display_name," \
	" DATE_FORMAT(r.day, '%Y-%m-%d'), r.shift_id, r.partner_id, COALESCE(pu.display_name, '')," \
	" COALESCE(DATE_FORMAT(r.other_day, '%Y-%m-%d'), ''), r.other_shift_id," \
	" COALESCE(DATE_FORMAT(r.to_day, '%Y-%m-%d'), ''), r.reason, r.status," \
	" DATE_FORMAT(r.created_at, '%Y-%m-%d %H:%i'), COALESCE(du.display_name, '')," \
	" COALESCE(DATE_FORMAT(r.decided_at, '%Y-%m-%d %H:%i'), ''), r.decision_reason," \
	" COALESCE(su.display_name, '')"
#define REQ_FROM " FROM roster_requests r JOIN users ru ON ru.id = r.requester_id" \
	" LEFT JOIN users pu ON pu.id = r.partner_id LEFT JOIN users du ON du.id = r.decided_by" \
	" LEFT JOIN users su ON su.id = r.substitute_id"
enum { RQ_ID, RQ_SITE, RQ_MONTH, RQ_KIND, RQ_REQUESTER, RQ_REQUESTER_NAME, RQ_DAY, RQ_SHIFT,
	RQ_PARTNER, RQ_PARTNER_NAME, RQ_OTHER_DAY, RQ_OTHER_SHIFT, RQ_TO_DAY, RQ_REASON, RQ_STATUS,
	RQ_CREATED, RQ_DECIDER, RQ_DECIDED_AT, RQ_DECISION, RQ_SUBSTITUTE };
/* A current entry of a published month at the site: the base of "on duty" and "my shifts". */
#define LIVE " FROM roster_entries e JOIN roster_months m ON m.id = e.month_id" \
	" JOIN shifts s ON s.id = e.shift_id JOIN users u ON u.id = e.user_id" \
	" WHERE m.status = 'published' AND e.version_to IS NULL"
#define SHIFT_END " TIMESTAMP(e.day, s.end_time) + INTERVAL (s.end_time <= s.start_time) DAY"

static const char *const stmts[S__END - DB_APP_FIRST] = {
#define Q(id) [id - DB_APP_FIRST]
	Q(S_MONTH_GET) = "SELECT m.id, m.site_id, DATE_FORMAT(m.month, '%Y-%m-%d'), m.status,"
	    " m.version, m.min_rest_hours, m.max_consecutive,"
	    " COALESCE(DATE_FORMAT(m.published_at, '%Y-%m-%d %H:%i'), ''),"
	    " COALESCE(u.display_name, ''), s.name FROM roster_months m"
	    " JOIN sites s ON s.id = m.site_id LEFT JOIN users u ON u.id = m.published_by"
	    " WHERE m.id = ?",
	Q(S_MONTH_LOCK) = "SELECT version, status FROM roster_months WHERE id = ? FOR UPDATE",
	Q(S_MONTH_BY_DAY) = "SELECT id FROM roster_months WHERE site_id = ?"
	    " AND month = DATE_FORMAT(?, '%Y-%m-01')",
	Q(S_MONTHS_LIST) = "SELECT id, DATE_FORMAT(month, '%Y-%m'), status, version"
	    " FROM roster_months WHERE site_id = ? ORDER BY month DESC LIMIT 24",
	Q(S_MONTH_INSERT) = "INSERT INTO roster_months (site_id, month, created_by)"
	    " VALUES (?, ?, ?)",
	Q(S_MONTH_SETTINGS) = "UPDATE roster_months SET min_rest_hours = ?, max_consecutive = ?"
	    " WHERE id = ?",
	Q(S_MONTH_PUBLISH) = "UPDATE roster_months SET status = 'published', version = 1,"
	    " published_by = ?, published_at = NOW() WHERE id = ? AND status = 'draft'",
	Q(S_MONTH_VERSION) = "UPDATE roster_months SET version = ? WHERE id = ?",
	Q(S_SHIFTS) = "SELECT id, name, TIME_FORMAT(start_time, '%H:%i'),"
	    " TIME_FORMAT(end_time, '%H:%i'), TIME_TO_SEC(start_time) DIV 60,"
	    " TIME_TO_SEC(end_time) DIV 60, headcount, holiday_headcount, days"
	    " FROM shifts WHERE site_id = ? AND active = 1 ORDER BY sort_order, start_time, id",
	Q(S_STAFF) = "SELECT u.id, u.display_name, u.username, COALESCE(r.contract_hours, 166)"
	    " FROM users u LEFT JOIN roster_staff r ON r.user_id = u.id"
	    " WHERE u.site_id = ? AND u.active = 1 AND (u.roles & 1) <> 0 ORDER BY u.id",
	Q(S_HOLIDAYS_RANGE) = "SELECT DATEDIFF(day, ?), kind, name FROM holidays"
	    " WHERE day BETWEEN ? AND ?",
	Q(S_ABSENCES_RANGE) = "SELECT a.user_id, DATEDIFF(GREATEST(a.from_day, ?), ?),"
	    " DATEDIFF(LEAST(a.to_day, ?), ?) FROM roster_absences a"
	    " JOIN users u ON u.id = a.user_id WHERE u.site_id = ? AND a.to_day >= ?"
	    " AND a.from_day <= ?",
	Q(S_ENTRIES) = "SELECT e.user_id, DATEDIFF(e.day, ?), e.shift_id FROM roster_entries e"
	    " WHERE e.month_id = ? AND e.version_to IS NULL ORDER BY e.day, e.id",
	Q(S_ENTRIES_BEFORE) = "SELECT e.user_id, DATEDIFF(e.day, ?), e.shift_id"
	    " FROM roster_entries e JOIN roster_months m ON m.id = e.month_id"
	    " WHERE m.site_id = ? AND m.status = 'published' AND e.version_to IS NULL"
	    " AND e.day >= DATE_SUB(?, INTERVAL 8 DAY) AND e.day < ?",
	Q(S_ENTRY_INSERT) = "INSERT INTO roster_entries (month_id, day, shift_id, user_id,"
	    " version_from) VALUES (?, ?, ?, ?, ?)",
	Q(S_ENTRY_DELETE) = "DELETE FROM roster_entries WHERE month_id = ? AND day = ?"
	    " AND shift_id = ? AND user_id = ? AND version_to IS NULL",
	Q(S_ENTRY_END) = "UPDATE roster_entries SET version_to = ? WHERE month_id = ? AND day = ?"
	    " AND shift_id = ? AND user_id = ? AND version_to IS NULL",
	Q(S_ENTRIES_CLEAR) = "DELETE FROM roster_entries WHERE month_id = ?",
	Q(S_CHANGE_INSERT) = "INSERT INTO roster_changes (month_id, version, user_id, reason,"
	    " request_id) VALUES (?, ?, ?, ?, ?)",
	Q(S_CHANGES_LIST) = "SELECT c.version, DATE_FORMAT(c.at, '%Y-%m-%d %H:%i'),"
	    " u.display_name, c.reason FROM roster_changes c JOIN users u ON u.id = c.user_id"
	    " WHERE c.month_id = ? ORDER BY c.version DESC",
	Q(S_MY_SHIFTS) = "SELECT e.id, DATE_FORMAT(e.day, '%Y-%m-%d'), s.name,"
	    " TIME_FORMAT(s.start_time, '%H:%i'), TIME_FORMAT(s.end_time, '%H:%i'), m.id,"
	    " DATE_FORMAT(e.day, '%Y%m%d'), DATE_FORMAT(" SHIFT_END ", '%Y%m%dT%H%i%s'),"
	    " TIME_FORMAT(s.start_time, '%H%i%s')" LIVE
	    " AND e.user_id = ? AND e.day >= ? ORDER BY e.day, s.start_time LIMIT ?",
	Q(S_ON_DUTY) = "SELECT s.name, TIME_FORMAT(s.start_time, '%H:%i'),"
	    " TIME_FORMAT(s.end_time, '%H:%i'), u.display_name, DATE_FORMAT(e.day, '%Y-%m-%d')"
	    LIVE " AND m.site_id = ? AND e.day BETWEEN DATE_SUB(CURDATE(), INTERVAL 1 DAY)"
	    " AND CURDATE() AND NOW() >= TIMESTAMP(e.day, s.start_time) AND NOW() <" SHIFT_END
	    " ORDER BY s.start_time, e.id",
	Q(S_UPCOMING) = "SELECT s.name, TIME_FORMAT(s.start_time, '%H:%i'),"
	    " TIME_FORMAT(s.end_time, '%H:%i'), u.display_name, DATE_FORMAT(e.day, '%Y-%m-%d'),"
	    " TIMESTAMP(e.day, s.start_time)" LIVE " AND m.site_id = ?"
	    " AND e.day BETWEEN CURDATE() AND DATE_ADD(CURDATE(), INTERVAL 1 DAY)"
	    " AND TIMESTAMP(e.day, s.start_time) > NOW() ORDER BY e.day, s.start_time, e.id"
	    " LIMIT 20",
	Q(S_MY_CHANGES) = "SELECT DATE_FORMAT(e.day, '%Y-%m-%d'), s.name,"
	    " e.version_to IS NULL, c.reason, DATE_FORMAT(c.at, '%Y-%m-%d %H:%i'),"
	    " cu.display_name FROM roster_entries e JOIN roster_changes c"
	    " ON c.month_id = e.month_id AND c.version = COALESCE(e.version_to, e.version_from)"
	    " JOIN shifts s ON s.id = e.shift_id JOIN users cu ON cu.id = c.user_id"
	    " WHERE e.user_id = ? AND (e.version_from > 1 OR e.version_to IS NOT NULL)"
	    " AND c.at >= DATE_SUB(NOW(), INTERVAL 30 DAY) ORDER BY c.at DESC, e.day LIMIT 20",
	Q(S_REQ_INSERT) = "INSERT INTO roster_requests (site_id, month_id, kind, requester_id, day,"
	    " shift_id, partner_id, other_day, other_shift_id, to_day, reason, created_by)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	Q(S_REQ_GET) = "SELECT " REQ_COLS REQ_FROM " WHERE r.id = ?",
	Q(S_REQ_LOCK) = "SELECT " REQ_COLS REQ_FROM " WHERE r.id = ? FOR UPDATE",
	Q(S_REQ_LIST) = "SELECT " REQ_COLS REQ_FROM " WHERE r.site_id = ?"
	    " AND (? = 0 OR r.requester_id = ? OR r.partner_id = ?)"
	    " ORDER BY r.status = 'pending' DESC, r.created_at DESC, r.id DESC LIMIT 50",
	Q(S_REQ_DECIDE) = "UPDATE roster_requests SET status = ?, decided_by = ?,"
	    " decided_at = NOW(), decision_reason = ?, substitute_id = ?"
	    " WHERE id = ? AND status = 'pending'",
	Q(S_LEAVE_OVERLAP) = "SELECT COUNT(*) FROM roster_requests WHERE requester_id = ?"
	    " AND kind = 'leave' AND status IN ('pending', 'approved') AND day <= ? AND to_day >= ?",
	Q(S_ABSENCE_INSERT) = "INSERT INTO roster_absences (user_id, from_day, to_day, kind, note,"
	    " request_id) VALUES (?, ?, ?, ?, ?, ?)",
	Q(S_MY_ABSENCES) = "SELECT DATE_FORMAT(from_day, '%Y-%m-%d'),"
	    " DATE_FORMAT(to_day, '%Y-%m-%d'), kind, note FROM roster_absences"
	    " WHERE user_id = ? AND to_day >= CURDATE() ORDER BY from_day LIMIT 20",
	Q(S_HOLIDAYS_YEAR) = "SELECT DATE_FORMAT(day, '%Y-%m-%d'), kind, name, statutory"
	    " FROM holidays WHERE YEAR(day) = ? ORDER BY day",
	Q(S_HOLIDAY_INSERT) = "INSERT INTO holidays (day, kind, name, statutory)"
	    " VALUES (?, ?, ?, ?)",
	Q(S_HOLIDAY_DELETE) = "DELETE FROM holidays WHERE day = ?",
#undef Q
};

/* ---- a month in memory ---- */

/* A month's roster loaded for checking and showing. Arrays are arena memory; plan.a is
 * malloc'ed and freed by month_free (every handler that loads a month calls it). */
struct month {
	long long            id, site_id;
	const char          *start, *label, *site_name, *published_at, *publisher;
	int                  published, version, year, mon;
	struct roster_in     in;
	struct roster_day   *days;
	struct roster_shift *shifts;
	struct roster_person *people;
	unsigned char       *off;
	long long           *shift_ids, *user_ids;
	const char         **shift_names, **shift_times, **user_names;
	const char         **hol_names;   /* per day: holiday or adjusted working day name */
	struct roster_plan   plan;
};

static void
month_free(struct month *m)
{
	roster_plan_free(&m->plan);
}

static const char *
day_str(struct ctx *c, const struct month *m, int day)
{
	return arena_printf(c->a, "%04d-%02d-%02d", m->year, m->mon, day + 1);
}

/* The index of "YYYY-MM-DD" in the month, or -1. */
static int
month_day(const struct month *m, const char *s)
{
	int y, mo, d;

	if (s == NULL || sscanf(s, "%4d-%2d-%2d", &y, &mo, &d) != 3 || y != m->year ||
	    mo != m->mon || d < 1 || d > m->in.ndays)
		return -1;
	return d - 1;
}

static int
month_person(const struct month *m, long long user_id)
{
	for (int i = 0; i < m->in.npeople; i++)
		if (m->user_ids[i] == user_id)
			return i;
	return -1;
}

static int
month_shift(const struct month *m, long long shift_id)
{
	for (int i = 0; i < m->in.nshifts; i++)
		if (m->shift_ids[i] == shift_id)
			return i;
	return -1;
}

static int
days_in_month(int y, int mo)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return mo == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : n[mo - 1];
}

/* 0 Monday ... 6 Sunday. */
static int
weekday(int y, int mo, int d)
{
	struct tm t = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = 12 };
	time_t s = timegm(&t);

	gmtime_r(&s, &t);
	return (t.tm_wday + 6) % 7;
}

static int
load_shifts(struct ctx *c, struct month *m)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, S_SHIFTS, &r, "i", m->site_id), n;

	if (rc != DB_OK)
		return rc;
	n = r->nrows > ROSTER_MAX_SHIFTS ? ROSTER_MAX_SHIFTS : (int)r->nrows;
	m->in.nshifts = n;
	m->shifts = arena_calloc(c->a, (size_t)n + 1, sizeof(*m->shifts));
	m->shift_ids = arena_calloc(c->a, (size_t)n + 1, sizeof(long long));
	m->shift_names = arena_calloc(c->a, (size_t)n + 1, sizeof(char *));
	m->shift_times = arena_calloc(c->a, (size_t)n + 1, sizeof(char *));
	for (int i = 0; i < n; i++) {
		int st = (int)dbres_int(r, i, 4), en = (int)dbres_int(r, i, 5);

		m->shift_ids[i] = dbres_int(r, i, 0);
		m->shift_names[i] = dbres_str(r, i, 1);
		m->shift_times[i] = arena_printf(c->a, "%s–%s", dbres_str(r, i, 2), dbres_str(r, i, 3));
		m->shifts[i] = (struct roster_shift){ st, en > st ? en - st : en + 1440 - st,
		    (int)dbres_int(r, i, 6), (int)dbres_int(r, i, 7), (unsigned)dbres_int(r, i, 8) };
	}
	m->in.shifts = m->shifts;
	return DB_OK;
}

static int
load_people(struct ctx *c, struct month *m)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, S_STAFF, &r, "i", m->site_id), n;

	if (rc != DB_OK)
		return rc;
	n = (int)r->nrows;
	m->in.npeople = n;
	m->people = arena_calloc(c->a, (size_t)n + 1, sizeof(*m->people));
	m->user_ids = arena_calloc(c->a, (size_t)n + 1, sizeof(long long));
	m->user_names = arena_calloc(c->a, (size_t)n + 1, sizeof(char *));
	for (int i = 0; i < n; i++) {
		long long h = dbres_int(r, i, 3);

		m->user_ids[i] = dbres_int(r, i, 0);
		m->user_names[i] = dbres_str(r, i, 1);
		m->people[i] = (struct roster_person){ (int)(h > 0 ? h : DEFAULT_CONTRACT_HOURS) * 60,
		    ROSTER_NONE, 0 };
	}
	m->in.people = m->people;
	return DB_OK;
}

/* Days, holidays and absences of the month. */
static int
load_calendar(struct ctx *c, struct month *m)
{
	const char *end = day_str(c, m, m->in.ndays - 1);
	struct dbres *r;
	int rc, n = m->in.ndays;

	m->days = arena_calloc(c->a, (size_t)n, sizeof(*m->days));
	m->hol_names = arena_calloc(c->a, (size_t)n, sizeof(char *));
	m->off = arena_calloc(c->a, (size_t)(m->in.npeople + 1) * (size_t)n, 1);
	for (int d = 0; d < n; d++) {
		m->days[d].wday = weekday(m->year, m->mon, d + 1);
		m->days[d].weekend = m->days[d].wday >= 5;
	}
	if ((rc = db_exec(c->db, c->a, S_HOLIDAYS_RANGE, &r, "sss", m->start, m->start, end)) != DB_OK)
		return rc;
	for (size_t i = 0; i < r->nrows; i++) {
		int d = (int)dbres_int(r, i, 0), hol = strcmp(dbres_str(r, i, 1), "holiday") == 0;

		if (d < 0 || d >= n)
			continue;
		/* A holiday counts as one (not as a weekend); a worked weekend day is neither. */
		m->days[d].holiday = hol;
		m->days[d].weekend = 0;
		m->hol_names[d] = dbres_str(r, i, 2);
	}
	rc = db_exec(c->db, c->a, S_ABSENCES_RANGE, &r, "ssssiss", m->start, m->start, end,
	    m->start, m->site_id, m->start, end);
	for (size_t i = 0; rc == DB_OK && i < r->nrows; i++) {
		int p = month_person(m, dbres_int(r, i, 0));

		for (long long d = dbres_int(r, i, 1); p >= 0 && d <= dbres_int(r, i, 2); d++)
			if (d >= 0 && d < n)
				m->off[(size_t)p * (size_t)n + (size_t)d] = 1;
	}
	m->in.days = m->days;
	m->in.off = m->off;
	return rc;
}

/* The last shifts before the month: rest and consecutive days carry over. */
static int
load_before(struct ctx *c, struct month *m)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, S_ENTRIES_BEFORE, &r, "siss", m->start, m->site_id,
	    m->start, m->start);
	unsigned char worked[9 * 256];

	if (rc != DB_OK || m->in.npeople > 256)
		return rc;
	memset(worked, 0, sizeof(worked));
	for (size_t i = 0; i < r->nrows; i++) {
		int p = month_person(m, dbres_int(r, i, 0)), s = month_shift(m, dbres_int(r, i, 2));
		int d = (int)dbres_int(r, i, 1), end;

		if (p < 0 || s < 0 || d < -8 || d >= 0)
			continue;
		end = d * 1440 + m->shifts[s].start + m->shifts[s].len;
		if (m->people[p].prev_end == ROSTER_NONE || end > m->people[p].prev_end)
			m->people[p].prev_end = end;
		worked[p * 9 + (d + 8)] = 1;
	}
	for (int p = 0; p < m->in.npeople; p++)
		for (int d = 7; d >= 0 && worked[p * 9 + d]; d--)
			m->people[p].prev_consec++;
	return DB_OK;
}

static int
load_entries(struct ctx *c, struct month *m)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, S_ENTRIES, &r, "si", m->start, m->id);

	for (size_t i = 0; rc == DB_OK && i < r->nrows; i++) {
		int p = month_person(m, dbres_int(r, i, 0)), s = month_shift(m, dbres_int(r, i, 2));
		int d = (int)dbres_int(r, i, 1);

		if (p >= 0 && s >= 0 && d >= 0 && d < m->in.ndays &&
		    roster_plan_add(&m->plan, d, s, p) != 0)
			return DB_EFAIL;
	}
	return rc;
}

/* Loads month id if the user may see it: 404 for another site's, or a draft for duty staff
 * without an editing role. Returns 0, or an HTTP status. */
static int
month_load(struct ctx *c, long long id, struct month *m)
{
	struct dbres *r;
	int rc;

	memset(m, 0, sizeof(*m));
	if ((rc = db_exec(c->db, c->a, S_MONTH_GET, &r, "i", id)) != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows != 1 || !ctx_site_ok(c, dbres_int(r, 0, 1)))
		return 404;
	m->published = strcmp(dbres_str(r, 0, 3), "published") == 0;
	if (!m->published && !ctx_has_role(c, EDIT_ROLES | ROLE_MANAGER | ROLE_DIRECTOR))
		return 404;
	m->id = id;
	m->site_id = dbres_int(r, 0, 1);
	m->start = dbres_str(r, 0, 2);
	m->label = arena_strndup(c->a, m->start, 7);
	m->version = (int)dbres_int(r, 0, 4);
	m->in.min_rest = (int)dbres_int(r, 0, 5) * 60;
	m->in.max_consec = (int)dbres_int(r, 0, 6);
	m->published_at = dbres_str(r, 0, 7);
	m->publisher = dbres_str(r, 0, 8);
	m->site_name = dbres_str(r, 0, 9);
	if (sscanf(m->start, "%4d-%2d", &m->year, &m->mon) != 2 || m->mon < 1 || m->mon > 12)
		return 500;
	m->in.ndays = days_in_month(m->year, m->mon);
	if ((rc = load_shifts(c, m)) != DB_OK || (rc = load_people(c, m)) != DB_OK ||
	    (rc = load_calendar(c, m)) != DB_OK || (rc = load_before(c, m)) != DB_OK ||
	    (rc = load_entries(c, m)) != DB_OK) {
		month_free(m);
		return DB_STATUS(rc);
	}
	return 0;
}

/* ---- rule texts ---- */

/* The catalog text key with {name} placeholders replaced by the values of the NULL-ended
 * name, value pairs. An arena string. */
static const char *
fmt(struct ctx *c, const char *key, ...)
{
	const char *t = ctx_t(c, key);
	struct buf b;
	va_list ap;
	char *s;

	buf_init(&b);
	while (*t) {
		const char *close = *t == '{' ? strchr(t, '}') : NULL, *name, *val = NULL;

		if (close == NULL) {
			buf_putc(&b, *t++);
			continue;
		}
		va_start(ap, key);
		while ((name = va_arg(ap, const char *)) != NULL) {
			const char *v = va_arg(ap, const char *);

			if (strlen(name) == (size_t)(close - t - 1) && strncmp(name, t + 1,
			    (size_t)(close - t - 1)) == 0)
				val = v;
		}
		va_end(ap);
		if (val == NULL) {
			buf_putc(&b, *t++);
			continue;
		}
		buf_puts(&b, val);
		t = close + 1;
	}
	s = arena_strdup(c->a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

static const char *
hours_text(struct ctx *c, int minutes)
{
	return minutes % 60 ? arena_printf(c->a, "%d.%d", minutes / 60, minutes % 60 * 10 / 60) :
	    arena_printf(c->a, "%d", minutes / 60);
}

static const char *
slot_text(struct ctx *c, const struct month *m, int day, int shift)
{
	if (day < 0)
		return ctx_t(c, "roster.before_month");
	return arena_printf(c->a, "%s %s", day_str(c, m, day), m->shift_names[shift]);
}

/* The reason a rule is broken, in the user's language. */
static const char *
violation_text(struct ctx *c, const struct month *m, const struct roster_violation *v)
{
	const char *who = v->person >= 0 ? m->user_names[v->person] : "";

	switch (v->rule) {
	case RV_UNCOVERED:
		return fmt(c, "roster.v.uncovered", "slot", slot_text(c, m, v->day, v->shift),
		    "have", arena_printf(c->a, "%d", v->value), "need",
		    arena_printf(c->a, "%d", v->need), NULL);
	case RV_OVERLAP:
		return fmt(c, "roster.v.overlap", "who", who, "a", slot_text(c, m, v->day, v->shift),
		    "b", slot_text(c, m, v->day2, v->shift2), NULL);
	case RV_REST:
		return fmt(c, "roster.v.rest", "who", who, "a", slot_text(c, m, v->day, v->shift),
		    "b", slot_text(c, m, v->day2, v->shift2), "hours", hours_text(c, v->value),
		    "min", hours_text(c, m->in.min_rest), NULL);
	case RV_CONSEC:
		return fmt(c, "roster.v.consec", "who", who, "from", day_str(c, m, v->day), "to",
		    day_str(c, m, v->day2), "n", arena_printf(c->a, "%d", v->value), "max",
		    arena_printf(c->a, "%d", v->need), NULL);
	case RV_OFF:
		return fmt(c, "roster.v.off", "who", who, "slot", slot_text(c, m, v->day, v->shift),
		    NULL);
	case RV_NOT_RUNNING:
		return fmt(c, "roster.v.not_running", "who", who, "slot",
		    slot_text(c, m, v->day, v->shift), NULL);
	}
	return "";
}

/* Whether violation v concerns person p (any rule but coverage). */
static int
violation_of(const struct roster_violation *v, int p)
{
	return v->rule != RV_UNCOVERED && v->person == p;
}

/* Adds a VIOLATION row per breach of p2 (or of person p, or both >= 0) to d, under section.
 * Returns how many. */
static size_t
violations_to_dict(struct ctx *c, const struct month *m, const struct roster_violations *vs,
    int p, int p2, tpl_dict *d, const char *section)
{
	size_t n = 0;

	for (size_t i = 0; i < vs->n; i++) {
		if ((p >= 0 || p2 >= 0) && !violation_of(&vs->v[i], p) && !violation_of(&vs->v[i], p2))
			continue;
		tpl_set(tpl_section(d, section), "MSG", violation_text(c, m, &vs->v[i]));
		n++;
	}
	return n;
}

/* ---- changes ---- */

/* One change of a month's roster: remove and add (day, shift, person) assignments. */
struct change {
	struct roster_a rm[64], add[64];
	size_t          nrm, nadd;
};

static void
change_rm(struct change *ch, int day, int shift, int person)
{
	if (ch->nrm < sizeof(ch->rm) / sizeof(ch->rm[0]))
		ch->rm[ch->nrm++] = (struct roster_a){ day, shift, person };
}

static void
change_add(struct change *ch, int day, int shift, int person)
{
	if (ch->nadd < sizeof(ch->add) / sizeof(ch->add[0]))
		ch->add[ch->nadd++] = (struct roster_a){ day, shift, person };
}

/* The plan after the change, into out (malloc'ed: the caller frees with roster_plan_free). */
static int
change_plan(const struct month *m, const struct change *ch, struct roster_plan *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < m->plan.n; i++)
		if (roster_plan_add(out, m->plan.a[i].day, m->plan.a[i].shift, m->plan.a[i].person))
			return -1;
	for (size_t i = 0; i < ch->nrm; i++)
		roster_plan_remove(out, ch->rm[i].day, ch->rm[i].shift, ch->rm[i].person);
	for (size_t i = 0; i < ch->nadd; i++)
		if (roster_plan_add(out, ch->add[i].day, ch->add[i].shift, ch->add[i].person))
			return -1;
	return 0;
}

/* How many breaches in vs concern p or p2. */
static int
breaches_of(const struct roster_violations *vs, int p, int p2)
{
	int n = 0;

	for (size_t i = 0; i < vs->n; i++)
		n += violation_of(&vs->v[i], p) || violation_of(&vs->v[i], p2);
	return n;
}

/* Checks the rules for persons p and p2 after the change: every breach after it into vs (the
 * caller frees it). Returns how many more breaches concern them than before the change (0:
 * the change makes nothing worse), or -1 out of memory. */
static int
change_breaches(const struct month *m, const struct change *ch, int p, int p2,
    struct roster_violations *vs)
{
	struct roster_violations was = { 0 };
	struct roster_plan after;
	int n;

	memset(vs, 0, sizeof(*vs));
	if (change_plan(m, ch, &after) != 0 || roster_check(&m->in, &after, vs) != 0 ||
	    roster_check(&m->in, &m->plan, &was) != 0) {
		roster_plan_free(&after);
		roster_violations_free(&was);
		return -1;
	}
	roster_plan_free(&after);
	n = breaches_of(vs, p, p2) - breaches_of(&was, p, p2);
	roster_violations_free(&was);
	return n > 0 ? n : 0;
}

/* Writes the change in the open transaction: in place for a draft, as a new version with who,
 * why and (optionally) the request for a published roster. The audit row names the month. */
static int
change_write(struct ctx *c, const struct month *m, const struct change *ch, const char *reason,
    long long request_id)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, S_MONTH_LOCK, &r, "i", m->id), ver = 0, pub;
	struct json o, n;

	if (rc != DB_OK)
		return rc;
	pub = strcmp(dbres_str(r, 0, 1), "published") == 0;
	if (pub) {
		ver = (int)dbres_int(r, 0, 0) + 1;
		rc = db_exec(c->db, c->a, S_MONTH_VERSION, NULL, "ii", (long long)ver, m->id);
		if (rc == DB_OK)
			rc = db_exec(c->db, c->a, S_CHANGE_INSERT, NULL, "iiisn", m->id, (long long)ver,
			    c->user.id, reason, request_id);
	}
	json_begin(&o);
	json_begin(&n);
	for (size_t i = 0; i < ch->nrm && rc == DB_OK; i++) {
		const struct roster_a *a = &ch->rm[i];

		rc = pub ? db_exec(c->db, c->a, S_ENTRY_END, NULL, "iisii", (long long)ver, m->id,
		    day_str(c, m, a->day), m->shift_ids[a->shift], m->user_ids[a->person]) :
		    db_exec(c->db, c->a, S_ENTRY_DELETE, NULL, "isii", m->id, day_str(c, m, a->day),
		    m->shift_ids[a->shift], m->user_ids[a->person]);
		json_str(&o, arena_printf(c->a, "%s %s", day_str(c, m, a->day),
		    m->shift_names[a->shift]), m->user_names[a->person]);
	}
	for (size_t i = 0; i < ch->nadd && rc == DB_OK; i++) {
		const struct roster_a *a = &ch->add[i];

		rc = db_exec(c->db, c->a, S_ENTRY_INSERT, NULL, "isiii", m->id, day_str(c, m, a->day),
		    m->shift_ids[a->shift], m->user_ids[a->person], (long long)ver);
		json_str(&n, arena_printf(c->a, "%s %s", day_str(c, m, a->day),
		    m->shift_names[a->shift]), m->user_names[a->person]);
	}
	if (rc == DB_OK)
		rc = audit_write(c, "update", "roster", m->id, m->site_id,
		    fmt(c, "roster.audit.changed", "month", m->label, "version",
		    arena_printf(c->a, "%d", ver), "reason", reason, NULL),
		    json_end(&o, c->a), json_end(&n, c->a));
	else {
		buf_free(&o.b);
		buf_free(&n.b);
	}
	return rc;
}

/* ---- the month page ---- */

static const char *const wday_keys[] = { "roster.wd.1", "roster.wd.2", "roster.wd.3",
	"roster.wd.4", "roster.wd.5", "roster.wd.6", "roster.wd.7" };

/* The first character of the shift's name (早 for 早班). */
static const char *
shift_short(struct ctx *c, const char *name)
{
	size_t n = 1;

	while (name[n] && ((unsigned char)name[n] & 0xC0) == 0x80)
		n++;
	return arena_strndup(c->a, name, n);
}

static void
grid_head(struct ctx *c, const struct month *m, tpl_dict *d)
{
	for (int day = 0; day < m->in.ndays; day++) {
		tpl_dict *h = tpl_section(d, "DAY");

		tpl_set_int(h, "N", day + 1);
		tpl_set(h, "WD", ctx_t(c, wday_keys[m->days[day].wday]));
		tpl_set(h, "DATE", day_str(c, m, day));
		if (m->days[day].holiday)
			tpl_show(h, "HOLIDAY");
		else if (m->days[day].weekend)
			tpl_show(h, "WEEKEND");
		if (m->hol_names[day])
			tpl_set(h, "HOL_NAME", m->hol_names[day]);
	}
}

/* The grid: a row per person with a cell per day, then the counters; breaches marked. */
static void
grid_rows(struct ctx *c, const struct month *m, const struct roster_violations *vs,
    tpl_dict *d, int editable)
{
	struct roster_stats *st = arena_calloc(c->a, (size_t)m->in.npeople + 1, sizeof(*st));

	roster_stats(&m->in, &m->plan, st);
	for (int p = 0; p < m->in.npeople; p++) {
		tpl_dict *row = tpl_section(d, "PERSON");

		tpl_set(row, "NAME", m->user_names[p]);
		tpl_set_int(row, "UID", m->user_ids[p]);
		for (int day = 0; day < m->in.ndays; day++) {
			tpl_dict *cell = tpl_section(row, "CELL");
			struct buf why, label;

			buf_init(&why);
			buf_init(&label);
			for (size_t i = 0; i < m->plan.n; i++)
				if (m->plan.a[i].person == p && m->plan.a[i].day == day)
					buf_puts(&label, shift_short(c, m->shift_names[m->plan.a[i].shift]));
			for (size_t i = 0; i < vs->n; i++)
				if (violation_of(&vs->v[i], p) && (vs->v[i].day == day ||
				    vs->v[i].day2 == day)) {
					buf_puts(&why, why.len ? "；" : "");
					buf_puts(&why, violation_text(c, m, &vs->v[i]));
				}
			tpl_set(cell, "LABEL", buf_cstr(&label));
			if (label.len == 0)
				tpl_show(cell, "BLANK");
			tpl_set(cell, "DATE", day_str(c, m, day));
			tpl_set_int(cell, "UID", m->user_ids[p]);
			if (why.len) {
				tpl_show(cell, "BAD");
				tpl_set(cell, "WHY", buf_cstr(&why));
			}
			if (m->off[(size_t)p * (size_t)m->in.ndays + (size_t)day])
				tpl_show(cell, "OFF");
			if (m->days[day].holiday)
				tpl_show(cell, "HOLIDAY");
			else if (m->days[day].weekend)
				tpl_show(cell, "WEEKEND");
			tpl_show(cell, editable ? "EDIT" : "VIEW");
			buf_free(&why);
			buf_free(&label);
		}
		tpl_set_int(row, "NIGHTS", st[p].nights);
		tpl_set_int(row, "WEEKENDS", st[p].weekends);
		tpl_set_int(row, "HOLIDAYS", st[p].holidays);
		tpl_set(row, "HOURS", hours_text(c, st[p].minutes));
		tpl_set(row, "CONTRACT", hours_text(c, m->people[p].contract_min));
	}
}

/* A coverage row per shift: people / headcount per day, short ones marked. */
static void
grid_cover(struct ctx *c, const struct month *m, tpl_dict *d)
{
	for (int s = 0; s < m->in.nshifts; s++) {
		tpl_dict *row = tpl_section(d, "COVER");

		tpl_set(row, "SHIFT", m->shift_names[s]);
		tpl_set(row, "TIMES", m->shift_times[s]);
		for (int day = 0; day < m->in.ndays; day++) {
			tpl_dict *cell = tpl_section(row, "N");
			int have = 0, need = roster_need(&m->in, day, s);

			for (size_t i = 0; i < m->plan.n; i++)
				have += m->plan.a[i].day == day && m->plan.a[i].shift == s;
			tpl_set(cell, "V", arena_printf(c->a, "%d/%d", have, need));
			if (have < need)
				tpl_show(cell, "SHORT");
		}
	}
}

static void
month_head(struct ctx *c, const struct month *m, tpl_dict *d)
{
	tpl_set_int(d, "ID", m->id);
	tpl_set(d, "MONTH", m->label);
	tpl_set(d, "SITE", m->site_name);
	tpl_set_int(d, "VERSION", m->version);
	tpl_set_int(d, "MIN_REST", m->in.min_rest / 60);
	tpl_set_int(d, "MAX_CONSEC", m->in.max_consec);
	tpl_set_int(d, "NDAYS", m->in.ndays);
	if (m->published) {
		tpl_dict *p = tpl_section(d, "PUBLISHED");

		tpl_set(p, "AT", m->published_at);
		tpl_set(p, "BY", m->publisher);
	} else {
		tpl_show(d, "DRAFT");
	}
	for (int s = 0; s < m->in.nshifts; s++) {
		tpl_dict *x = tpl_section(d, "SHIFT_KEY");

		tpl_set(x, "SHORT", shift_short(c, m->shift_names[s]));
		tpl_set(x, "NAME", m->shift_names[s]);
		tpl_set(x, "TIMES", m->shift_times[s]);
	}
}

enum { MS_MIN_REST, MS_MAX_CONSEC };
static const struct field settings_fields[] = {
	[MS_MIN_REST]   = { "min_rest_hours", FT_INT, FF_REQUIRED, 0, 24, NULL,
	    "roster.field.min_rest" },
	[MS_MAX_CONSEC] = { "max_consecutive", FT_INT, FF_REQUIRED, 1, 31, NULL,
	    "roster.field.max_consec" },
};
static const struct form_spec settings_form = FORM_SPEC(settings_fields);

/* GET /roster/month/:id (also the page again after a refused publish or settings form). */
static int
month_show(struct ctx *c)
{
	struct roster_violations vs = { 0 };
	struct month m;
	struct dbres *r;
	tpl_dict *d;
	int st = month_load(c, c->ids[0], &m), rc, edit;

	if (st != 0)
		return st;
	if (roster_check(&m.in, &m.plan, &vs) != 0) {
		month_free(&m);
		return 500;
	}
	edit = ctx_has_role(c, EDIT_ROLES);
	d = page_begin(c, "roster_month.tpl", "roster.month.title");
	month_head(c, &m, d);
	if (c->form.spec != &settings_form) {
		form_empty(c, &settings_form);
		form_set(c, MS_MIN_REST, arena_printf(c->a, "%d", m.in.min_rest / 60));
		form_set(c, MS_MAX_CONSEC, arena_printf(c->a, "%d", m.in.max_consec));
	}
	grid_head(c, &m, d);
	grid_rows(c, &m, &vs, d, edit);
	grid_cover(c, &m, d);
	if (violations_to_dict(c, &m, &vs, -1, -1, d, "VIOLATION") == 0)
		tpl_show(d, "ALL_OK");
	if (edit && !m.published)
		tpl_show(d, "CAN_DRAFT");
	if (edit)
		tpl_show(d, "CAN_EDIT");
	if (m.in.npeople == 0)
		tpl_show(d, "NO_STAFF");
	rc = db_exec(c->db, c->a, S_CHANGES_LIST, &r, "i", m.id);
	if (rc == DB_OK) {
		static const char *const cols[] = { "VERSION", "AT", "WHO", "REASON" };

		page_rows(d, "CHANGE", r, cols);
	}
	roster_violations_free(&vs);
	month_free(&m);
	return rc == DB_OK ? 200 : DB_STATUS(rc);
}

/* POST /roster/month/:id/settings: minimum rest and consecutive days (draft only). */
static int
month_settings_post(struct ctx *c)
{
	struct month m;
	struct json o, n;
	int st = month_load(c, c->ids[0], &m), rc;

	if (st != 0)
		return st;
	month_free(&m);
	if (m.published)
		return 409;
	if ((rc = db_begin(c->db)) == DB_OK)
		rc = db_exec(c->db, c->a, S_MONTH_SETTINGS, NULL, "iii", form_num(c, MS_MIN_REST),
		    form_num(c, MS_MAX_CONSEC), m.id);
	json_begin(&o);
	json_int(&o, "min_rest_hours", m.in.min_rest / 60);
	json_int(&o, "max_consecutive", m.in.max_consec);
	json_begin(&n);
	json_int(&n, "min_rest_hours", form_num(c, MS_MIN_REST));
	json_int(&n, "max_consecutive", form_num(c, MS_MAX_CONSEC));
	if (rc == DB_OK)
		rc = audit_write(c, "update", "roster", m.id, m.site_id,
		    fmt(c, "roster.audit.settings", "month", m.label, NULL), json_end(&o, c->a),
		    json_end(&n, c->a));
	else {
		buf_free(&o.b);
		buf_free(&n.b);
	}
	return resp_commit(c, rc, "saved", arena_printf(c->a, "/roster/month/%lld", m.id));
}

/* POST /roster/month/:id/generate: the draft filled again by the generator. */
static int
month_generate_post(struct ctx *c)
{
	struct month m;
	int st = month_load(c, c->ids[0], &m), rc, left;

	if (st != 0)
		return st;
	if (m.published) {
		month_free(&m);
		return 409;
	}
	roster_plan_free(&m.plan);
	left = roster_generate(&m.in, &m.plan);
	rc = left < 0 ? DB_EFAIL : db_begin(c->db);
	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, S_ENTRIES_CLEAR, NULL, "i", m.id);
	for (size_t i = 0; rc == DB_OK && i < m.plan.n; i++) {
		const struct roster_a *a = &m.plan.a[i];

		rc = db_exec(c->db, c->a, S_ENTRY_INSERT, NULL, "isiii", m.id, day_str(c, &m, a->day),
		    m.shift_ids[a->shift], m.user_ids[a->person], 0LL);
	}
	if (rc == DB_OK)
		rc = audit_write(c, "generate", "roster", m.id, m.site_id,
		    fmt(c, "roster.audit.generated", "month", m.label, "n",
		    arena_printf(c->a, "%zu", m.plan.n), "left", arena_printf(c->a, "%d", left), NULL),
		    NULL, NULL);
	month_free(&m);
	return resp_commit(c, rc, left > 0 ? "roster_generated_short" : "roster_generated",
	    arena_printf(c->a, "/roster/month/%lld", c->ids[0]));
}

/* POST /roster/month/:id/publish: refused (the page again, reasons listed) with any breach. */
static int
month_publish_post(struct ctx *c)
{
	struct roster_violations vs = { 0 };
	struct month m;
	struct dbres *r;
	int st = month_load(c, c->ids[0], &m), rc;

	if (st != 0)
		return st;
	rc = roster_check(&m.in, &m.plan, &vs);
	st = rc != 0 ? 500 : m.published ? 409 : vs.n > 0 ? -1 : 0;
	roster_violations_free(&vs);
	month_free(&m);
	if (st == -1) {
		resp_flash(c, "roster_publish_refused");
		return resp_redirect(c, arena_printf(c->a, "/roster/month/%lld#rules", m.id));
	}
	if (st != 0)
		return st;
	if ((rc = db_begin(c->db)) == DB_OK)
		rc = db_exec(c->db, c->a, S_MONTH_PUBLISH, &r, "ii", c->user.id, m.id);
	if (rc == DB_OK && r->affected != 1)
		return 409;
	if (rc == DB_OK)
		rc = audit_write(c, "publish", "roster", m.id, m.site_id,
		    fmt(c, "roster.audit.published", "month", m.label, NULL), NULL, NULL);
	return resp_commit(c, rc, "roster_published", arena_printf(c->a, "/roster/month/%lld", m.id));
}

/* ---- one cell by hand ---- */

enum { CF_USER, CF_DAY, CF_SHIFT, CF_REASON };
static const struct field cell_fields[] = {
	[CF_USER]   = { "user_id", FT_INT, FF_REQUIRED, 1, 1000000000, NULL, "roster.field.person" },
	[CF_DAY]    = { "day", FT_DATE, FF_REQUIRED, 0, 0, NULL, "roster.field.day" },
	[CF_SHIFT]  = { "shift_id", FT_INT, 0, 0, 1000000000, NULL, "roster.field.shift" },
	[CF_REASON] = { "reason", FT_TEXT, 0, 0, 200, NULL, "roster.field.reason" },
};
static const struct form_spec cell_form = FORM_SPEC(cell_fields);
static const struct form_spec cell_query = { cell_fields, CF_DAY + 1 };

/* GET /roster/month/:id/cell?user_id=&day= (and the form again after a refused change). */
static int
cell_show(struct ctx *c)
{
	struct month m;
	tpl_dict *d;
	int st = month_load(c, c->ids[0], &m), p, day, cur = -1;

	if (st != 0)
		return st;
	p = month_person(&m, form_num(c, CF_USER));
	day = month_day(&m, form_str(c, CF_DAY));
	if (p < 0 || day < 0 || c->form.v[CF_USER].err || c->form.v[CF_DAY].err) {
		month_free(&m);
		return 404;
	}
	for (size_t i = 0; i < m.plan.n; i++)
		if (m.plan.a[i].person == p && m.plan.a[i].day == day)
			cur = m.plan.a[i].shift;
	d = page_begin(c, "roster_cell.tpl", "roster.cell.title");
	month_head(c, &m, d);
	tpl_set(d, "PERSON", m.user_names[p]);
	tpl_set(d, "USER_ID", arena_printf(c->a, "%lld", m.user_ids[p]));
	tpl_set(d, "DAY", day_str(c, &m, day));
	tpl_set(d, "WD", ctx_t(c, wday_keys[m.days[day].wday]));
	if (c->form.spec == &cell_form && c->form.v[CF_SHIFT].present)
		cur = month_shift(&m, form_num(c, CF_SHIFT));
	if (cur < 0)
		tpl_show(d, "NONE_SEL");
	for (int s = 0; s < m.in.nshifts; s++) {
		tpl_dict *o = tpl_section(d, "SHIFT_OPT");
		struct roster_plan without = { 0 };

		tpl_set_int(o, "ID", m.shift_ids[s]);
		tpl_set(o, "NAME", m.shift_names[s]);
		tpl_set(o, "TIMES", m.shift_times[s]);
		if (s == cur)
			tpl_show(o, "SEL");
		/* Whether this person could take it by the rules (their other shifts that day aside). */
		for (size_t i = 0; i < m.plan.n; i++)
			if (!(m.plan.a[i].person == p && m.plan.a[i].day == day))
				roster_plan_add(&without, m.plan.a[i].day, m.plan.a[i].shift,
				    m.plan.a[i].person);
		if (!roster_fits(&m.in, &without, day, s, p))
			tpl_show(o, "BREAKS");
		roster_plan_free(&without);
	}
	if (m.published)
		tpl_show(d, "NEEDS_REASON");
	month_free(&m);
	return 200;
}

/* POST /roster/month/:id/cell: the person's shift that day (none: shift_id 0). A published
 * roster needs a reason and becomes a new version. */
static int
cell_post(struct ctx *c)
{
	struct change ch = { .nrm = 0 };
	struct month m;
	int st = month_load(c, c->ids[0], &m), p, day, s = -1, rc;

	if (st != 0)
		return st;
	p = month_person(&m, form_num(c, CF_USER));
	day = month_day(&m, form_str(c, CF_DAY));
	if (form_num(c, CF_SHIFT) != 0 && (s = month_shift(&m, form_num(c, CF_SHIFT))) < 0)
		form_error(c, CF_SHIFT, "err.choice");
	if (p < 0)
		form_error(c, CF_USER, "err.choice");
	if (day < 0)
		form_error(c, CF_DAY, "roster.err.day_outside");
	if (m.published && form_str(c, CF_REASON)[0] == '\0')
		form_error(c, CF_REASON, "roster.err.reason_required");
	for (size_t i = 0; c->form.ok && i < m.plan.n; i++)
		if (m.plan.a[i].person == p && m.plan.a[i].day == day)
			change_rm(&ch, day, m.plan.a[i].shift, p);
	month_free(&m);
	if (!c->form.ok)
		return p < 0 || day < 0 ? 404 : cell_show(c);
	if (s >= 0)
		change_add(&ch, day, s, p);
	if ((ch.nrm == 1 && ch.nadd == 1 && ch.rm[0].shift == s) || ch.nrm + ch.nadd == 0)
		return resp_redirect(c, arena_printf(c->a, "/roster/month/%lld", m.id));
	rc = db_begin(c->db);
	if (rc == DB_OK)
		rc = change_write(c, &m, &ch, m.published ? form_str(c, CF_REASON) :
		    ctx_t(c, "roster.reason.by_hand"), 0);
	return resp_commit(c, rc, "saved", arena_printf(c->a, "/roster/month/%lld#u%lld", m.id,
	    m.user_ids[p]));
}

/* ---- print, CSV, iCalendar ---- */

/* GET /roster/month/:id/print: A4 landscape with the unified number (published only). */
static int
month_print(struct ctx *c)
{
	struct roster_violations none = { 0 };
	const char *number;
	struct month m;
	tpl_dict *d;
	int st = month_load(c, c->ids[0], &m), rc;

	if (st != 0)
		return st;
	if (!m.published) {
		month_free(&m);
		return 404;
	}
	rc = number_assign(c, "roster", m.site_id, m.id, m.start, &number);
	if (rc == DB_OK && (d = print_begin(c, "roster_print.tpl", "roster", number, &rc)) != NULL) {
		month_head(c, &m, d);
		grid_head(c, &m, d);
		grid_rows(c, &m, &none, d, 0);
		grid_cover(c, &m, d);
		print_sign(c, "print.filled_by", m.publisher);
		print_sign(c, "print.manager_sign", NULL);
	}
	month_free(&m);
	return rc == DB_OK ? 200 : DB_STATUS(rc);
}

/* A CSV field, quoted when needed. */
static void
csv_field(struct buf *b, const char *s, int last)
{
	if (strpbrk(s, ",\"\r\n")) {
		buf_putc(b, '"');
		for (; *s; s++) {
			if (*s == '"')
				buf_putc(b, '"');
			buf_putc(b, *s);
		}
		buf_putc(b, '"');
	} else {
		buf_puts(b, s);
	}
	buf_puts(b, last ? "\r\n" : ",");
}

/* GET /roster/month/:id/csv: one line per person and shift. */
static int
month_csv(struct ctx *c)
{
	struct month m;
	int st = month_load(c, c->ids[0], &m);

	if (st != 0)
		return st;
	roster_plan_sort(&m.in, &m.plan);
	buf_reset(&c->out);
	buf_puts(&c->out, "\xEF\xBB\xBF");  /* so that spreadsheet programs read UTF-8 */
	csv_field(&c->out, ctx_t(c, "roster.field.day"), 0);
	csv_field(&c->out, ctx_t(c, "roster.field.weekday"), 0);
	csv_field(&c->out, ctx_t(c, "roster.field.shift"), 0);
	csv_field(&c->out, ctx_t(c, "roster.field.times"), 0);
	csv_field(&c->out, ctx_t(c, "roster.field.person"), 1);
	for (size_t i = 0; i < m.plan.n; i++) {
		const struct roster_a *a = &m.plan.a[i];

		csv_field(&c->out, day_str(c, &m, a->day), 0);
		csv_field(&c->out, ctx_t(c, wday_keys[m.days[a->day].wday]), 0);
		csv_field(&c->out, m.shift_names[a->shift], 0);
		csv_field(&c->out, m.shift_times[a->shift], 0);
		csv_field(&c->out, m.user_names[a->person], 1);
	}
	c->ctype = "text/csv; charset=utf-8";
	resp_header(c, "Content-Disposition", arena_printf(c->a,
	    "attachment; filename=\"roster-%s.csv\"", m.label));
	month_free(&m);
	return 200;
}

/* GET /roster/me.ics: the user's published shifts from a month ago on, as iCalendar. */
static int
my_ics(struct ctx *c)
{
	struct dbres *r;
	time_t now = time(NULL) - 31 * 86400;
	struct tm t;
	char from[16];
	int rc;

	localtime_r(&now, &t);
	strftime(from, sizeof(from), "%Y-%m-%d", &t);
	if ((rc = db_exec(c->db, c->a, S_MY_SHIFTS, &r, "isi", c->user.id, from, 400LL)) != DB_OK)
		return DB_STATUS(rc);
	buf_reset(&c->out);
	buf_puts(&c->out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//DutyDesk//roster//ZH\r\n"
	    "CALSCALE:GREGORIAN\r\nX-WR-TIMEZONE:Asia/Shanghai\r\n");
	buf_puts(&c->out, arena_printf(c->a, "X-WR-CALNAME:%s\r\n", ctx_t(c, "roster.ics.name")));
	for (size_t i = 0; i < r->nrows; i++)
		buf_puts(&c->out, arena_printf(c->a, "BEGIN:VEVENT\r\nUID:roster-%s@dutydesk\r\n"
		    "DTSTAMP:%sT000000\r\nDTSTART:%sT%s\r\nDTEND:%s\r\nSUMMARY:%s %s\r\n"
		    "END:VEVENT\r\n", dbres_str(r, i, 0), dbres_str(r, i, 6), dbres_str(r, i, 6),
		    dbres_str(r, i, 8), dbres_str(r, i, 7), ctx_t(c, "roster.ics.duty"),
		    dbres_str(r, i, 2)));
	buf_puts(&c->out, "END:VCALENDAR\r\n");
	c->ctype = "text/calendar; charset=utf-8";
	resp_header(c, "Content-Disposition", "attachment; filename=\"my-shifts.ics\"");
	return 200;
}

/* ---- the roster's home page ---- */

/* The rows of "on duty now" and "next" (the first upcoming start only). */
static int
duty_now_next(struct ctx *c, tpl_dict *d)
{
	static const char *const cols[] = { "SHIFT", "START", "END", "NAME", "DAY" };
	struct dbres *r;
	int rc = db_exec(c->db, c->a, S_ON_DUTY, &r, "i", c->user.site_id);

	if (rc != DB_OK)
		return rc;
	if (page_rows(d, "NOW", r, cols) == 0)
		tpl_show(d, "NOW_NONE");
	if ((rc = db_exec(c->db, c->a, S_UPCOMING, &r, "i", c->user.site_id)) != DB_OK)
		return rc;
	for (size_t i = 0; i < r->nrows && strcmp(dbres_str(r, i, 5), dbres_str(r, 0, 5)) == 0; i++) {
		tpl_dict *row = tpl_section(d, "NEXT");

		for (size_t k = 0; k < 5; k++)
			tpl_set(row, cols[k], dbres_str(r, i, k));
	}
	if (r->nrows == 0)
		tpl_show(d, "NEXT_NONE");
	return DB_OK;
}

static const char *
today(struct ctx *c)
{
	time_t now = time(NULL);
	struct tm t;
	char s[16];

	localtime_r(&now, &t);
	strftime(s, sizeof(s), "%Y-%m-%d", &t);
	return arena_strdup(c->a, s);
}

/* Adds a REQ row per request (status and kind in words). */
static void
requests_to_dict(struct ctx *c, const struct dbres *r, tpl_dict *d)
{
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *row = tpl_section(d, "REQ");

		tpl_set(row, "ID", dbres_str(r, i, RQ_ID));
		tpl_set(row, "KIND", ctx_t(c, arena_printf(c->a, "roster.kind.%s",
		    dbres_str(r, i, RQ_KIND))));
		tpl_set(row, "WHO", dbres_str(r, i, RQ_REQUESTER_NAME));
		tpl_set(row, "DAY", dbres_str(r, i, RQ_DAY));
		tpl_set(row, "STATUS", ctx_t(c, arena_printf(c->a, "roster.status.%s",
		    dbres_str(r, i, RQ_STATUS))));
		tpl_set(row, "STATUS_CODE", dbres_str(r, i, RQ_STATUS));
		tpl_set(row, "REASON", dbres_str(r, i, RQ_REASON));
		tpl_set(row, "CREATED", dbres_str(r, i, RQ_CREATED));
	}
	if (r->nrows == 0)
		tpl_show(d, "REQ_NONE");
}

/* The new-month form on /roster. */
enum { NM_MONTH };
static const struct field new_month_fields[] = {
	[NM_MONTH] = { "month", FT_TEXT, FF_REQUIRED, 7, 7, NULL, "roster.field.month" },
};
static const struct form_spec new_month_form = FORM_SPEC(new_month_fields);

/* GET /roster: my shifts, on duty now and next, requests; the months for the supervisor. */
static int
roster_home(struct ctx *c)
{
	static const char *const my_cols[] = { NULL, "DAY", "SHIFT", "START", "END", "MONTH_ID" };
	static const char *const ch_cols[] = { "DAY", "SHIFT", NULL, "REASON", "AT", "WHO" };
	static const char *const ab_cols[] = { "FROM", "TO", NULL, "NOTE" };
	int edit = ctx_has_role(c, EDIT_ROLES), see_all = edit || ctx_has_role(c,
	    ROLE_MANAGER | ROLE_DIRECTOR);
	long long mine = see_all ? 0 : c->user.id;
	struct dbres *r;
	tpl_dict *d = page_begin(c, "roster_home.tpl", "roster.title");
	int rc = duty_now_next(c, d);

	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, S_MY_SHIFTS, &r, "isi", c->user.id, today(c), 14LL);
	if (rc == DB_OK && page_rows(d, "MY", r, my_cols) == 0)
		tpl_show(d, "MY_NONE");
	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, S_MY_CHANGES, &r, "i", c->user.id);
	for (size_t i = 0; rc == DB_OK && i < r->nrows; i++) {
		tpl_dict *row = tpl_section(d, "MY_CHANGE");

		for (size_t k = 0; k < 6; k++)
			if (ch_cols[k])
				tpl_set(row, ch_cols[k], dbres_str(r, i, k));
		tpl_set(row, "WHAT", ctx_t(c, dbres_int(r, i, 2) ? "roster.change.added" :
		    "roster.change.removed"));
	}
	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, S_MY_ABSENCES, &r, "i", c->user.id);
	if (rc == DB_OK)
		page_rows(d, "ABSENCE", r, ab_cols);
	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, S_REQ_LIST, &r, "iiii", c->user.site_id, mine, mine, mine);
	if (rc == DB_OK)
		requests_to_dict(c, r, d);
	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, S_MONTHS_LIST, &r, "i", c->user.site_id);
	for (size_t i = 0; rc == DB_OK && i < r->nrows; i++) {
		int pub = strcmp(dbres_str(r, i, 2), "published") == 0;
		tpl_dict *row;

		if (!pub && !see_all)
			continue;
		row = tpl_section(d, "MONTH_ROW");
		tpl_set(row, "ID", dbres_str(r, i, 0));
		tpl_set(row, "MONTH", dbres_str(r, i, 1));
		tpl_set(row, "STATUS", ctx_t(c, pub ? "roster.published" : "roster.draft"));
		tpl_set(row, "VERSION", dbres_str(r, i, 3));
	}
	if (edit) {
		time_t now = time(NULL) + 20 * 86400;  /* next month, near the month's end */
		struct tm t;
		char next[8];

		localtime_r(&now, &t);
		strftime(next, sizeof(next), "%Y-%m", &t);
		tpl_show(d, "CAN_EDIT");
		if (c->form.spec == NULL) {
			form_empty(c, &new_month_form);
			form_set(c, NM_MONTH, next);
		}
	}
	return rc == DB_OK ? 200 : DB_STATUS(rc);
}

/* POST /roster/months/new: a draft for month=YYYY-MM (shown again if taken or invalid). */

static int
month_new_post(struct ctx *c)
{
	const char *s = form_str(c, NM_MONTH);
	struct dbres *r;
	int y, mo, rc;
	char tail;

	if (sscanf(s, "%4d-%2d%c", &y, &mo, &tail) != 2 || strlen(s) != 7 || y < 2000 ||
	    y > 2100 || mo < 1 || mo > 12) {
		form_error(c, NM_MONTH, "roster.err.month");
		return roster_home(c);
	}
	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	rc = db_exec(c->db, c->a, S_MONTH_INSERT, &r, "isi", c->user.site_id,
	    arena_printf(c->a, "%04d-%02d-01", y, mo), c->user.id);
	if (rc == DB_EDUP) {
		form_error(c, NM_MONTH, "roster.err.month_exists");
		return roster_home(c);
	}
	if (rc == DB_OK)
		rc = audit_write(c, "create", "roster", (long long)r->insert_id, c->user.site_id,
		    fmt(c, "roster.audit.created", "month", s, NULL), NULL, NULL);
	return resp_commit(c, rc, "saved", arena_printf(c->a, "/roster/month/%llu", r->insert_id));
}

/* ---- stated unavailability ---- */

enum { AB_USER, AB_FROM, AB_TO, AB_NOTE };
static const struct field absence_fields[] = {
	[AB_USER] = { "user_id", FT_INT, 0, 0, 1000000000, NULL, "roster.field.person" },
	[AB_FROM] = { "from", FT_DATE, FF_REQUIRED, 0, 0, NULL, "roster.field.from" },
	[AB_TO]   = { "to", FT_DATE, FF_REQUIRED, 0, 0, NULL, "roster.field.to" },
	[AB_NOTE] = { "note", FT_TEXT, 0, 0, 200, NULL, "roster.field.note" },
};
static const struct form_spec absence_form = FORM_SPEC(absence_fields);

/* POST /roster/absences/new: days the user (or, for the supervisor, a person of the site)
 * cannot work; the generator keeps them free. */
static int
absence_post(struct ctx *c)
{
	long long who = c->user.id;
	struct json j;
	int rc;

	if (form_num(c, AB_USER) != 0 && ctx_has_role(c, EDIT_ROLES))
		who = form_num(c, AB_USER);
	if (strcmp(form_str(c, AB_FROM), form_str(c, AB_TO)) > 0) {
		form_error(c, AB_TO, "roster.err.to_before_from");
		return roster_home(c);
	}
	if ((rc = db_begin(c->db)) == DB_OK)
		rc = db_exec(c->db, c->a, S_ABSENCE_INSERT, NULL, "issssn", who, form_str(c, AB_FROM),
		    form_str(c, AB_TO), "unavailable", form_str(c, AB_NOTE), 0LL);
	json_begin(&j);
	json_int(&j, "user_id", who);
	json_str(&j, "from", form_str(c, AB_FROM));
	json_str(&j, "to", form_str(c, AB_TO));
	json_str(&j, "note", form_str(c, AB_NOTE));
	if (rc == DB_OK)
		rc = audit_write(c, "create", "roster_absence", who, c->user.site_id,
		    fmt(c, "roster.audit.unavailable", "from", form_str(c, AB_FROM), "to",
		    form_str(c, AB_TO), NULL), NULL, json_end(&j, c->a));
	else
		buf_free(&j.b);
	return resp_commit(c, rc, "saved", "/roster");
}

/* ---- swap and leave requests ---- */

static const char *const kind_choices[] = { "swap", "leave", NULL };
enum { RF_KIND, RF_REQUESTER, RF_DAY, RF_SHIFT, RF_PARTNER, RF_OTHER_DAY, RF_OTHER_SHIFT,
	RF_TO_DAY, RF_REASON };
static const struct field req_fields[] = {
	[RF_KIND]        = { "kind", FT_CHOICE, FF_REQUIRED, 0, 0, kind_choices, "roster.field.kind" },
	[RF_REQUESTER]   = { "requester_id", FT_INT, 0, 0, 1000000000, NULL,
	    "roster.field.requester" },
	[RF_DAY]         = { "day", FT_DATE, FF_REQUIRED, 0, 0, NULL, "roster.field.day" },
	[RF_SHIFT]       = { "shift_id", FT_INT, 0, 0, 1000000000, NULL, "roster.field.shift" },
	[RF_PARTNER]     = { "partner_id", FT_INT, 0, 0, 1000000000, NULL, "roster.field.partner" },
	[RF_OTHER_DAY]   = { "other_day", FT_DATE, 0, 0, 0, NULL, "roster.field.other_day" },
	[RF_OTHER_SHIFT] = { "other_shift_id", FT_INT, 0, 0, 1000000000, NULL,
	    "roster.field.other_shift" },
	[RF_TO_DAY]      = { "to_day", FT_DATE, 0, 0, 0, NULL, "roster.field.to" },
	[RF_REASON]      = { "reason", FT_TEXT, FF_REQUIRED, 0, 200, NULL, "roster.field.reason" },
};
static const struct form_spec req_form = FORM_SPEC(req_fields);

/* Adds OPT rows of the site's staff and shifts for the request form. */
static int
req_options(struct ctx *c, tpl_dict *d)
{
	struct month m;
	int rc;

	memset(&m, 0, sizeof(m));
	m.site_id = c->user.site_id;
	if ((rc = load_shifts(c, &m)) != DB_OK || (rc = load_people(c, &m)) != DB_OK)
		return rc;
	for (int i = 0; i < m.in.npeople; i++) {
		const char *id = arena_printf(c->a, "%lld", m.user_ids[i]);
		tpl_dict *o = tpl_section(d, "PERSON_OPT"), *q = tpl_section(d, "REQUESTER_OPT");

		tpl_set(o, "ID", id);
		tpl_set(o, "NAME", m.user_names[i]);
		if (strcmp(form_str(c, RF_PARTNER), id) == 0)
			tpl_show(o, "SEL");
		tpl_set(q, "ID", id);
		tpl_set(q, "NAME", m.user_names[i]);
		if (strcmp(form_str(c, RF_REQUESTER), id) == 0)
			tpl_show(q, "SEL");
	}
	for (int s = 0; s < m.in.nshifts; s++) {
		const char *id = arena_printf(c->a, "%lld", m.shift_ids[s]);
		tpl_dict *o = tpl_section(d, "SHIFT_OPT"), *q = tpl_section(d, "OTHER_SHIFT_OPT");

		tpl_set(o, "ID", id);
		tpl_set(o, "NAME", arena_printf(c->a, "%s %s", m.shift_names[s], m.shift_times[s]));
		if (strcmp(form_str(c, RF_SHIFT), id) == 0)
			tpl_show(o, "SEL");
		tpl_set(q, "ID", id);
		tpl_set(q, "NAME", arena_printf(c->a, "%s %s", m.shift_names[s], m.shift_times[s]));
		if (strcmp(form_str(c, RF_OTHER_SHIFT), id) == 0)
			tpl_show(q, "SEL");
	}
	return DB_OK;
}

/* GET /roster/requests/new (and the form again after a refusal). */
static int
req_new_show(struct ctx *c)
{
	tpl_dict *d;
	int rc;

	if (c->form.spec != &req_form) {
		form_empty(c, &req_form);
		form_set(c, RF_KIND, ctx_query(c, "kind") && strcmp(ctx_query(c, "kind"), "leave") == 0
		    ? "leave" : "swap");
	}
	d = page_begin(c, "roster_request_new.tpl", "roster.request_new.title");
	if (ctx_has_role(c, EDIT_ROLES))
		tpl_show(d, "ON_BEHALF");
	rc = req_options(c, d);
	return rc == DB_OK ? 200 : DB_STATUS(rc);
}

static int
on_shift(const struct month *m, int p, int day, int s)
{
	for (size_t i = 0; i < m->plan.n; i++)
		if (m->plan.a[i].person == p && m->plan.a[i].day == day && m->plan.a[i].shift == s)
			return 1;
	return 0;
}

/* Checks a swap request against the month: each refusal marks its field. */
static void
req_check_swap(struct ctx *c, const struct month *m, int p, int day)
{
	int s = month_shift(m, form_num(c, RF_SHIFT)), q = month_person(m, form_num(c, RF_PARTNER));
	int od = month_day(m, form_str(c, RF_OTHER_DAY));
	int os = month_shift(m, form_num(c, RF_OTHER_SHIFT));

	if (s < 0)
		form_error(c, RF_SHIFT, "roster.err.pick_shift");
	if (q < 0)
		form_error(c, RF_PARTNER, "roster.err.pick_partner");
	else if (q == p)
		form_error(c, RF_PARTNER, "roster.err.swap_self");
	if (od < 0)
		form_error(c, RF_OTHER_DAY, form_str(c, RF_OTHER_DAY)[0] ?
		    "roster.err.day_outside" : "roster.err.pick_day");
	if (os < 0)
		form_error(c, RF_OTHER_SHIFT, "roster.err.pick_shift");
	if (!c->form.ok)
		return;
	if (!on_shift(m, p, day, s))
		form_error(c, RF_SHIFT, "roster.err.not_on_shift");
	else if (!on_shift(m, q, od, os))
		form_error(c, RF_OTHER_SHIFT, "roster.err.partner_not_on_shift");
	else if (on_shift(m, p, od, os))
		form_error(c, RF_OTHER_SHIFT, "roster.err.already_works");
	else if (on_shift(m, q, day, s))
		form_error(c, RF_SHIFT, "roster.err.partner_already_works");
}

/* Checks a leave request: the days in one month, no overlap with the person's other leave. */
static int
req_check_leave(struct ctx *c, const struct month *m, long long who)
{
	struct dbres *r;
	int to = month_day(m, form_str(c, RF_TO_DAY)), rc;

	if (!c->form.v[RF_TO_DAY].present || form_str(c, RF_TO_DAY)[0] == '\0') {
		form_error(c, RF_TO_DAY, "roster.err.pick_day");
		return DB_OK;
	}
	if (to < 0) {
		form_error(c, RF_TO_DAY, "roster.err.day_outside");
		return DB_OK;
	}
	if (to < month_day(m, form_str(c, RF_DAY))) {
		form_error(c, RF_TO_DAY, "roster.err.to_before_from");
		return DB_OK;
	}
	rc = db_exec(c->db, c->a, S_LEAVE_OVERLAP, &r, "iss", who, form_str(c, RF_TO_DAY),
	    form_str(c, RF_DAY));
	if (rc == DB_OK && dbres_int(r, 0, 0) > 0)
		form_error(c, RF_DAY, "roster.err.leave_overlap");
	return rc;
}

/* POST /roster/requests/new: nothing in the roster changes until it is approved. */
static int
req_new_post(struct ctx *c)
{
	int leave = strcmp(form_str(c, RF_KIND), "leave") == 0, st, rc, p, day;
	long long who = c->user.id, mid = 0;
	struct month m;
	struct dbres *r;

	if (form_num(c, RF_REQUESTER) != 0 && ctx_has_role(c, EDIT_ROLES))
		who = form_num(c, RF_REQUESTER);
	rc = db_exec(c->db, c->a, S_MONTH_BY_DAY, &r, "is", c->user.site_id, form_str(c, RF_DAY));
	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (r->nrows == 1)
		mid = dbres_int(r, 0, 0);
	if (mid == 0 || (st = month_load(c, mid, &m)) != 0) {
		form_error(c, RF_DAY, "roster.err.no_roster");
		return req_new_show(c);
	}
	p = month_person(&m, who);
	day = month_day(&m, form_str(c, RF_DAY));
	if (p < 0)
		form_error(c, RF_REQUESTER, "roster.err.not_rostered");
	else if (leave)
		rc = req_check_leave(c, &m, who);
	else
		req_check_swap(c, &m, p, day);
	month_free(&m);
	if (rc != DB_OK)
		return DB_STATUS(rc);
	if (!c->form.ok)
		return req_new_show(c);
	if ((rc = db_begin(c->db)) == DB_OK)
		rc = db_exec(c->db, c->a, S_REQ_INSERT, &r, "iisisnnsnssi", m.site_id, m.id,
		    form_str(c, RF_KIND), who, form_str(c, RF_DAY), leave ? 0 : form_num(c, RF_SHIFT),
		    leave ? 0 : form_num(c, RF_PARTNER), leave ? NULL : form_str(c, RF_OTHER_DAY),
		    leave ? 0 : form_num(c, RF_OTHER_SHIFT), leave ? form_str(c, RF_TO_DAY) : NULL,
		    form_str(c, RF_REASON), c->user.id);
	if (rc == DB_OK)
		rc = audit_write(c, "create", "roster_request", (long long)r->insert_id, m.site_id,
		    fmt(c, leave ? "roster.audit.leave_asked" : "roster.audit.swap_asked", "who",
		    m.user_names[p], "day", form_str(c, RF_DAY), NULL), NULL, NULL);
	return resp_commit(c, rc, "roster_requested", arena_printf(c->a, "/roster/requests/%llu",
	    r->insert_id));
}

/* A request and its month, loaded if the user may see it (their own, or the site's for the
 * supervisor, manager and director). Returns 0 or an HTTP status; *m must be freed. */
static int
req_load(struct ctx *c, int lock, struct dbres **r, struct month *m)
{
	int rc = db_exec(c->db, c->a, lock ? S_REQ_LOCK : S_REQ_GET, r, "i", c->ids[0]);

	memset(m, 0, sizeof(*m));
	if (rc != DB_OK)
		return DB_STATUS(rc);
	if ((*r)->nrows != 1 || !ctx_site_ok(c, dbres_int(*r, 0, RQ_SITE)))
		return 404;
	if (!ctx_has_role(c, EDIT_ROLES | ROLE_MANAGER | ROLE_DIRECTOR) &&
	    dbres_int(*r, 0, RQ_REQUESTER) != c->user.id && dbres_int(*r, 0, RQ_PARTNER) != c->user.id)
		return 404;
	return month_load(c, dbres_int(*r, 0, RQ_MONTH), m);
}

/* The change a request makes, and the people it concerns (*p, *q; -1 for none). Returns 0, or
 * the catalog key of why it cannot be applied to the roster as it is now. */
static const char *
req_change(const struct month *m, const struct dbres *r, long long substitute,
    struct change *ch, int *p, int *q)
{
	int day = month_day(m, dbres_str(r, 0, RQ_DAY));

	memset(ch, 0, sizeof(*ch));
	*p = month_person(m, dbres_int(r, 0, RQ_REQUESTER));
	*q = -1;
	if (*p < 0 || day < 0)
		return "roster.err.not_rostered";
	if (strcmp(dbres_str(r, 0, RQ_KIND), "swap") == 0) {
		int s = month_shift(m, dbres_int(r, 0, RQ_SHIFT));
		int od = month_day(m, dbres_str(r, 0, RQ_OTHER_DAY));
		int os = month_shift(m, dbres_int(r, 0, RQ_OTHER_SHIFT));

		*q = month_person(m, dbres_int(r, 0, RQ_PARTNER));
		if (*q < 0 || s < 0 || od < 0 || os < 0 || !on_shift(m, *p, day, s) ||
		    !on_shift(m, *q, od, os))
			return "roster.err.swap_stale";
		change_rm(ch, day, s, *p);
		change_rm(ch, od, os, *q);
		change_add(ch, day, s, *q);
		change_add(ch, od, os, *p);
		return NULL;
	}
	*q = substitute ? month_person(m, substitute) : -1;
	if (substitute && (*q < 0 || *q == *p))
		return "roster.err.substitute";
	for (size_t i = 0; i < m->plan.n; i++) {
		const struct roster_a *a = &m->plan.a[i];
		int to = month_day(m, dbres_str(r, 0, RQ_TO_DAY));

		if (a->person != *p || a->day < day || a->day > to)
			continue;
		change_rm(ch, a->day, a->shift, *p);
		if (*q >= 0)
			change_add(ch, a->day, a->shift, *q);
	}
	if (ch->nrm > 0 && *q < 0)
		return "roster.err.substitute_needed";
	return NULL;
}

enum { DF_SUBSTITUTE, DF_DECISION, DF_COMMENT };
static const struct field decide_fields[] = {
	[DF_SUBSTITUTE] = { "substitute_id", FT_INT, 0, 0, 1000000000, NULL,
	    "roster.field.substitute" },
	[DF_DECISION]   = { "decision_reason", FT_TEXT, 0, 0, 200, NULL,
	    "roster.field.reject_reason" },
	[DF_COMMENT]    = { "comment", FT_TEXT, 0, 0, 200, NULL, "roster.field.decision" },
};
static const struct form_spec decide_form = FORM_SPEC(decide_fields);

/* The request page: details; for a pending one, the rule check and (for leave) substitutes
 * who break no rule; the decision forms for the supervisor. */
static int
req_show(struct ctx *c)
{
	static const char *const cols[] = { "ID", NULL, NULL, NULL, NULL, "REQUESTER", "DAY", NULL,
	    NULL, "PARTNER", "OTHER_DAY", NULL, "TO_DAY", "REASON", NULL, "CREATED", "DECIDER",
	    "DECIDED_AT", "DECISION", "SUBSTITUTE" };
	struct dbres *r;
	struct month m;
	struct change ch;
	tpl_dict *d;
	int st = req_load(c, 0, &r, &m), p, q, leave;
	const char *why;

	if (st != 0) {
		month_free(&m);
		return st;
	}
	leave = strcmp(dbres_str(r, 0, RQ_KIND), "leave") == 0;
	d = page_begin(c, "roster_request.tpl", "roster.request.title");
	for (size_t k = 0; k < sizeof(cols) / sizeof(cols[0]); k++)
		if (cols[k])
			tpl_set(d, cols[k], dbres_str(r, 0, k));
	tpl_set(d, "KIND", ctx_t(c, leave ? "roster.kind.leave" : "roster.kind.swap"));
	tpl_set(d, "STATUS", ctx_t(c, arena_printf(c->a, "roster.status.%s",
	    dbres_str(r, 0, RQ_STATUS))));
	tpl_set_int(d, "MONTH_ID", m.id);
	tpl_show(d, leave ? "LEAVE" : "SWAP");
	if (!leave) {
		int s = month_shift(&m, dbres_int(r, 0, RQ_SHIFT));
		int os = month_shift(&m, dbres_int(r, 0, RQ_OTHER_SHIFT));

		tpl_set(d, "SHIFT", s >= 0 ? m.shift_names[s] : "");
		tpl_set(d, "OTHER_SHIFT", os >= 0 ? m.shift_names[os] : "");
	}
	if (dbres_str(r, 0, RQ_DECIDER)[0])
		tpl_show(d, "DECIDED");
	if (strcmp(dbres_str(r, 0, RQ_STATUS), "pending") == 0 && ctx_has_role(c, EDIT_ROLES)) {
		tpl_dict *dec = tpl_section(d, "DECIDE");
		struct roster_violations vs;
		int n;

		tpl_show(dec, leave ? "LEAVE" : "SWAP");
		if (c->form.spec != &decide_form)
			form_empty(c, &decide_form);
		/* The rule check for the people involved, with the substitute picked (if any). */
		why = req_change(&m, r, form_num(c, DF_SUBSTITUTE), &ch, &p, &q);
		if (why && strcmp(why, "roster.err.substitute_needed") != 0)
			tpl_set(tpl_section(dec, "CHECK_MSG"), "MSG", ctx_t(c, why));
		else if (!why && (n = change_breaches(&m, &ch, p, q, &vs)) >= 0) {
			violations_to_dict(c, &m, &vs, p, q, dec, "CHECK_MSG");
			if (n == 0)
				tpl_show(dec, "CHECK_OK");
			roster_violations_free(&vs);
		}
		if (leave)
			for (int cand = 0; cand < m.in.npeople; cand++) {
				tpl_dict *o;
				int bad;

				if (cand == p)
					continue;
				req_change(&m, r, m.user_ids[cand], &ch, &p, &q);
				bad = change_breaches(&m, &ch, p, cand, &vs);
				roster_violations_free(&vs);
				o = tpl_section(dec, bad == 0 ? "SUB_OK" : "SUB_BAD");
				tpl_set_int(o, "ID", m.user_ids[cand]);
				tpl_set(o, "NAME", m.user_names[cand]);
				if (form_num(c, DF_SUBSTITUTE) == m.user_ids[cand])
					tpl_show(o, "SEL");
			}
	}
	month_free(&m);
	return 200;
}

/* POST /roster/requests/:id/approve: the rules are checked again for the people involved;
 * a breach refuses (the page again with the reasons). */
static int
req_approve_post(struct ctx *c)
{
	struct roster_violations vs = { 0 };
	struct dbres *r;
	struct month m;
	struct change ch;
	const char *why;
	int st, p, q, n, rc = db_begin(c->db);

	if (rc != DB_OK)
		return DB_STATUS(rc);
	if ((st = req_load(c, 1, &r, &m)) != 0) {
		month_free(&m);
		return st;
	}
	if (strcmp(dbres_str(r, 0, RQ_STATUS), "pending") != 0) {
		month_free(&m);
		db_rollback(c->db);
		resp_flash(c, "roster_already_decided");
		return resp_redirect(c, arena_printf(c->a, "/roster/requests/%lld", c->ids[0]));
	}
	why = req_change(&m, r, form_num(c, DF_SUBSTITUTE), &ch, &p, &q);
	n = why ? 0 : change_breaches(&m, &ch, p, q, &vs);
	roster_violations_free(&vs);
	if (why || n != 0) {
		month_free(&m);
		db_rollback(c->db);
		form_error(c, DF_SUBSTITUTE, why ? why : "roster.err.breaks_rules");
		return req_show(c);
	}
	rc = change_write(c, &m, &ch, fmt(c, "roster.reason.request", "id",
	    dbres_str(r, 0, RQ_ID), "reason", dbres_str(r, 0, RQ_REASON), NULL), c->ids[0]);
	if (rc == DB_OK && strcmp(dbres_str(r, 0, RQ_KIND), "leave") == 0)
		rc = db_exec(c->db, c->a, S_ABSENCE_INSERT, NULL, "issssi",
		    dbres_int(r, 0, RQ_REQUESTER), dbres_str(r, 0, RQ_DAY), dbres_str(r, 0, RQ_TO_DAY),
		    "leave", dbres_str(r, 0, RQ_REASON), c->ids[0]);
	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, S_REQ_DECIDE, NULL, "sisni", "approved", c->user.id,
		    form_str(c, DF_COMMENT), form_num(c, DF_SUBSTITUTE), c->ids[0]);
	if (rc == DB_OK)
		rc = audit_write(c, "approve", "roster_request", c->ids[0], m.site_id,
		    fmt(c, "roster.audit.approved", "id", dbres_str(r, 0, RQ_ID), NULL), NULL, NULL);
	month_free(&m);
	return resp_commit(c, rc, "roster_approved", arena_printf(c->a, "/roster/requests/%lld",
	    c->ids[0]));
}

/* POST /roster/requests/:id/reject: a reason is required; the roster stays as it is. */
static int
req_reject_post(struct ctx *c)
{
	struct dbres *r;
	struct month m;
	int st, rc;

	if (form_str(c, DF_DECISION)[0] == '\0') {
		form_error(c, DF_DECISION, "roster.err.reason_required");
		return req_show(c);
	}
	if ((rc = db_begin(c->db)) != DB_OK)
		return DB_STATUS(rc);
	st = req_load(c, 1, &r, &m);
	month_free(&m);
	if (st != 0)
		return st;
	rc = db_exec(c->db, c->a, S_REQ_DECIDE, &r, "sisni", "rejected", c->user.id,
	    form_str(c, DF_DECISION), 0LL, c->ids[0]);
	if (rc == DB_OK && r->affected != 1) {
		db_rollback(c->db);
		resp_flash(c, "roster_already_decided");
		return resp_redirect(c, arena_printf(c->a, "/roster/requests/%lld", c->ids[0]));
	}
	if (rc == DB_OK)
		rc = audit_write(c, "reject", "roster_request", c->ids[0], m.site_id,
		    fmt(c, "roster.audit.rejected", "id", arena_printf(c->a, "%lld", c->ids[0]),
		    "reason", form_str(c, DF_DECISION), NULL), NULL, NULL);
	return resp_commit(c, rc, "roster_rejected", arena_printf(c->a, "/roster/requests/%lld",
	    c->ids[0]));
}

/* ---- holidays (admin) ---- */

static const char *const hkind_choices[] = { "holiday", "workday", NULL };
static const char *const yesno_choices[] = { "0", "1", NULL };
enum { HF_DAY, HF_KIND, HF_NAME, HF_STATUTORY };
static const struct field holiday_fields[] = {
	[HF_DAY]       = { "day", FT_DATE, FF_REQUIRED, 0, 0, NULL, "roster.field.day" },
	[HF_KIND]      = { "kind", FT_CHOICE, FF_REQUIRED, 0, 0, hkind_choices,
	    "roster.field.holiday_kind" },
	[HF_NAME]      = { "name", FT_TEXT, FF_REQUIRED, 0, 20, NULL, "roster.field.holiday_name" },
	[HF_STATUTORY] = { "statutory", FT_CHOICE, 0, 0, 0, yesno_choices,
	    "roster.field.statutory" },
};
static const struct form_spec holiday_form = FORM_SPEC(holiday_fields);
static const struct form_spec holiday_del_form = { holiday_fields, 1 };

/* GET /roster/holidays?year= */
static int
holidays_list(struct ctx *c)
{
	const char *y = ctx_query(c, "year");
	long long year = y ? atoll(y) : 0;
	struct dbres *r;
	tpl_dict *d;
	int rc;

	if (year < 2000 || year > 2100)
		year = atoll(today(c));
	if (c->form.spec != &holiday_form)
		form_empty(c, &holiday_form);
	d = page_begin(c, "roster_holidays.tpl", "roster.holidays.title");
	tpl_set_int(d, "YEAR", year);
	tpl_set_int(d, "PREV", year - 1);
	tpl_set_int(d, "NEXT", year + 1);
	if (ctx_has_role(c, ROLE_ADMIN))
		tpl_show(d, "ADMIN");
	if ((rc = db_exec(c->db, c->a, S_HOLIDAYS_YEAR, &r, "i", year)) != DB_OK)
		return DB_STATUS(rc);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *row = tpl_section(d, "HOLIDAY");

		tpl_set(row, "DAY", dbres_str(r, i, 0));
		tpl_set(row, "KIND", ctx_t(c, arena_printf(c->a, "roster.hkind.%s",
		    dbres_str(r, i, 1))));
		tpl_set(row, "NAME", dbres_str(r, i, 2));
		if (dbres_int(r, i, 3))
			tpl_show(row, "STATUTORY");
		if (ctx_has_role(c, ROLE_ADMIN))
			tpl_show(row, "ADMIN");
	}
	if (r->nrows == 0)
		tpl_show(d, "EMPTY");
	return 200;
}

/* POST /roster/holidays/new */
static int
holiday_new_post(struct ctx *c)
{
	struct json j;
	int rc = db_begin(c->db);

	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, S_HOLIDAY_INSERT, NULL, "sssi", form_str(c, HF_DAY),
		    form_str(c, HF_KIND), form_str(c, HF_NAME),
		    (long long)(strcmp(form_str(c, HF_STATUTORY), "1") == 0));
	if (rc == DB_EDUP) {
		form_error(c, HF_DAY, "roster.err.holiday_exists");
		return holidays_list(c);
	}
	json_begin(&j);
	json_str(&j, "day", form_str(c, HF_DAY));
	json_str(&j, "kind", form_str(c, HF_KIND));
	json_str(&j, "name", form_str(c, HF_NAME));
	if (rc == DB_OK)
		rc = audit_write(c, "create", "holiday", 0, 0, fmt(c, "roster.audit.holiday_added",
		    "day", form_str(c, HF_DAY), "name", form_str(c, HF_NAME), NULL), NULL,
		    json_end(&j, c->a));
	else
		buf_free(&j.b);
	return resp_commit(c, rc, "saved", arena_printf(c->a, "/roster/holidays?year=%.4s",
	    form_str(c, HF_DAY)));
}

/* POST /roster/holidays/delete */
static int
holiday_delete_post(struct ctx *c)
{
	struct dbres *r;
	int rc = db_begin(c->db);

	if (rc == DB_OK)
		rc = db_exec(c->db, c->a, S_HOLIDAY_DELETE, &r, "s", form_str(c, HF_DAY));
	if (rc == DB_OK && r->affected == 0)
		return 404;
	if (rc == DB_OK)
		rc = audit_write(c, "delete", "holiday", 0, 0, fmt(c, "roster.audit.holiday_removed",
		    "day", form_str(c, HF_DAY), NULL), NULL, NULL);
	return resp_commit(c, rc, "saved", arena_printf(c->a, "/roster/holidays?year=%.4s",
	    form_str(c, HF_DAY)));
}

static const struct route routes[] = {
	{ "GET",  "/roster",                        roster_home,         VIEW_ROLES, NULL, NULL },
	{ "GET",  "/roster/me.ics",                 my_ics,              VIEW_ROLES, NULL, NULL },
	{ "POST", "/roster/months/new",             month_new_post,      EDIT_ROLES,
	    &new_month_form, roster_home },
	{ "GET",  "/roster/month/:id",              month_show,          VIEW_ROLES, NULL, NULL },
	{ "POST", "/roster/month/:id/settings",     month_settings_post, EDIT_ROLES,
	    &settings_form, month_show },
	{ "POST", "/roster/month/:id/generate",     month_generate_post, EDIT_ROLES, NULL, NULL },
	{ "POST", "/roster/month/:id/publish",      month_publish_post,  EDIT_ROLES, NULL, NULL },
	{ "GET",  "/roster/month/:id/cell",         cell_show,           EDIT_ROLES, &cell_query,
	    cell_show },
	{ "POST", "/roster/month/:id/cell",         cell_post,           EDIT_ROLES, &cell_form,
	    cell_show },
	{ "GET",  "/roster/month/:id/print",        month_print,         VIEW_ROLES, NULL, NULL },
	{ "GET",  "/roster/month/:id/csv",          month_csv,           VIEW_ROLES, NULL, NULL },
	{ "POST", "/roster/absences/new",           absence_post,        VIEW_ROLES, &absence_form,
	    roster_home },
	{ "GET",  "/roster/requests/new",           req_new_show,        VIEW_ROLES, NULL, NULL },
	{ "POST", "/roster/requests/new",           req_new_post,        VIEW_ROLES, &req_form,
	    req_new_show },
	{ "GET",  "/roster/requests/:id",           req_show,            VIEW_ROLES, NULL, NULL },
	{ "POST", "/roster/requests/:id/approve",   req_approve_post,    EDIT_ROLES, &decide_form,
	    req_show },
	{ "POST", "/roster/requests/:id/reject",    req_reject_post,     EDIT_ROLES, &decide_form,
	    req_show },
	{ "GET",  "/roster/holidays",               holidays_list,       VIEW_ROLES, NULL, NULL },
	{ "POST", "/roster/holidays/new",           holiday_new_post,    ROLE_ADMIN, &holiday_form,
	    holidays_list },
	{ "POST", "/roster/holidays/delete",        holiday_delete_post, ROLE_ADMIN,
	    &holiday_del_form, holidays_list },
};

int
main(int argc, char **argv)
{
	static const struct app app = {
		"dd-roster", routes, sizeof(routes) / sizeof(routes[0]),
		stmts, sizeof(stmts) / sizeof(stmts[0]), APP_KEEPS_SESSIONS,
	};

	return app_main(argc, argv, &app);
}
