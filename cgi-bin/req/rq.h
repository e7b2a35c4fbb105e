/* rq.h: the resident requests program (dd-req): the residents directory, registering a
 * request of any channel (来人来电来访登记), work orders to departments with SLA due times,
 * escalation of major complaints, callbacks after the work, the list, the printed work order.
 *
 * dd-req.c holds the route table; residents.c the directory and its CSV import; requests.c
 * registering, the list (and its CSV), the request page; orders.c work orders (dispatch,
 * reassign, start, done, print); flow.c callbacks, closing, escalation and the settings;
 * sla.c and csv.c are pure (unit-tested in tests/unit/test_req.c); stmts.c the SQL.
 * (Named rq.h: core/req.h is the request parser.)
 */
#ifndef DD_RQ_H
#define DD_RQ_H
#include "core/app.h"
#include "escalate.h"

/* The front desk: registers, dispatches, calls back, closes. */
#define RQ_DESK    (ROLE_STAFF | ROLE_SUPERVISOR | ROLE_MANAGER)
/* Who reads every request of the site. */
#define RQ_VIEW    (RQ_DESK | ROLE_DIRECTOR)
/* Who works orders: the desk (typing the returned paper form) and department staff. */
#define RQ_WORK    (RQ_DESK | ROLE_DEPT)
/* Who decides escalated major complaints. */
#define RQ_DECIDE  (ROLE_MANAGER | ROLE_DIRECTOR)
/* Who keeps the SLA table, escalation rules and settings. */
#define RQ_CONFIG  (ROLE_SUPERVISOR | ROLE_MANAGER)

enum rq_stmt {
	Q_SETTINGS = DB_APP_FIRST,
	Q_SETTINGS_SET,
	Q_SLA_ALL,
	Q_SLA_GET,
	Q_SLA_SET,
	Q_ESC_RULES,
	Q_ESC_RULE_SET,
	Q_ESC_DEFAULTS,
	Q_DEFAULT_SETTINGS,
	Q_DEFAULT_SLA,
	Q_HOLIDAYS,
	Q_CATEGORIES,
	Q_CATEGORY_NEW,
	Q_DEPTS,
	Q_DEPT_GET,
	Q_BUILDINGS,
	Q_BUILDING_BY_CODE,
	Q_UNIT_BY_CODE,
	Q_UNIT_NEW,
	Q_RES_COUNT,
	Q_RES_LIST,
	Q_RES_GET,
	Q_RES_NEW,
	Q_RES_UPDATE,
	Q_RES_OF_UNIT,
	Q_RES_SEARCH,
	Q_NOW,
	Q_MINUTES_FROM_NOW,
	Q_USER_DEPT,
	/* registering */
	Q_REQ_NEW,
	Q_REQ_SET_NUMBER,
	Q_REQ_BY_KEY,
	Q_REQ_SET_LOG,
	Q_NOW_SHIFT,
	Q_PAGE_FIND,
	Q_DAY_GET_OR_NEW,
	Q_PAGE_NEW,
	Q_PAGE_SHARE,
	Q_PAGE_STAFF_ADD,
	Q_LOG_CATEGORY,
	Q_LOG_ENTRY_NEW,
	Q_EVENT_ADD,
	Q_EVENTS,
	/* the request */
	Q_REQ_GET,
	Q_REQ_LOCK,
	Q_REQ_STATUS,
	Q_REQ_ANSWER_CLOSE,
	Q_REQ_CLOSE,
	Q_REQ_REOPEN,
	Q_LIST,
	Q_LIST_BY_NUMBER,
	Q_EXPORT,
	/* work orders */
	Q_ORDER_NEW,
	Q_ORDERS_OF,
	Q_ORDER_ACTIVE,
	Q_ORDER_GET,
	Q_ORDER_LOCK,
	Q_ORDER_START,
	Q_ORDER_DONE,
	Q_ORDER_REASSIGNED,
	Q_ORDERS_LIST,
	Q_ORDERS_COUNT_OPEN,
	/* callbacks */
	Q_CALLBACK_NEW,
	Q_CALLBACKS_OF,
	Q_CALLBACK_DUE,
	Q_CALLBACK_MISSED,
	Q_CALLBACK_DONE,
	Q_REQ_HAS_CALLBACK,
	/* escalation */
	Q_ESC_NEW,
	Q_ESC_OVERDUE_ANY,
	Q_ESC_PASS_ON,
	Q_ESC_MARK_PASSED,
	Q_ESCS_OF,
	Q_ESC_PENDING_LOCK,
	Q_ESC_DECIDE,
	Q_CORRECTIONS,
	Q_CORRECTION_NEW,
	Q_REQ_TEXTS_LOCK,
	Q_BLD_LIST,
	Q_BLD_NEW,
	Q_BLD_GET,
	Q_BLD_UNITS,
	Q_ORDER_EVENTS,
	Q_ESC_LOCK,
	Q_ESC_UNLOCK,
	Q__END
};
extern const char *const rq_stmts[Q__END - DB_APP_FIRST];

/* Columns of Q_REQ_GET. */
enum { RG_ID, RG_SITE, RG_NUMBER, RG_CHANNEL, RG_TYPE, RG_URGENCY, RG_MAJOR, RG_CATEGORY,
	RG_RESIDENT, RG_UNIT, RG_BUILDING, RG_ANON, RG_CALLER, RG_PHONE, RG_DESC, RG_ANSWER,
	RG_RINGS, RG_RECEIVER, RG_RECEIVED, RG_RESPOND_DUE, RG_RESOLVE_DUE, RG_FIRST_RESP,
	RG_DONE, RG_CLOSED, RG_CLOSER, RG_STATUS, RG_REOPENED, RG_LOG_ENTRY, RG_OVERDUE,
	RG_RES_PHONE, RG_RECEIVED_BY, RG_CATEGORY_ID, RG_RING_TARGET, RG_CAT_DEPT };
/* Columns of Q_ORDER_GET. */
enum { OG_ID, OG_SITE, OG_REQ, OG_DEPT_ID, OG_DEPT, OG_STATUS, OG_INSTR, OG_DUE,
	OG_DISP_BY, OG_DISP_NAME, OG_DISP_AT, OG_STARTED, OG_DONE_AT, OG_DONE_BY, OG_DONE_NAME,
	OG_TECH, OG_RESULT, OG_MATERIALS, OG_OVERDUE, OG_NUMBER, OG_TYPE, OG_URGENCY, OG_DESC,
	OG_UNIT, OG_NAME, OG_PHONE, OG_REQ_STATUS, OG_DAY, OG_GD, OG_SCANS };

/* ---- sla.c (pure) ---- */
/* The working calendar of a site: working hours (minutes after midnight, start < end),
 * Monday to Friday, minus the holidays' days off (kind holiday), plus the 调休 working days
 * (kind workday) that fall on a weekend. Days are "2026-11-23". */
struct rq_calendar {
	int                 work_start, work_end;
	const char *const  *days_off;
	size_t              ndays_off;
	const char *const  *workdays;
	size_t              nworkdays;
};
/* The due time "2026-11-23 14:05" of minutes from from ("2026-11-23 14:05[:ss]"): around
 * the clock when cal is NULL (calendar natural), else counting only working time (work
 * that would end exactly at the end of a working day is due then, not the next morning).
 * out gets 17 bytes. 0, or -1 for a malformed from or a calendar without working time. */
int  rq_due(const char *from, long long minutes, const struct rq_calendar *cal, char out[17]);
/* Whether day ("2026-11-23") is a working day of cal. -1 when malformed. */
int  rq_working_day(const char *day, const struct rq_calendar *cal);
/* Minutes after midnight of "08:30[:00]"; -1 when malformed. */
int  rq_parse_hm(const char *s);
/* Whether s is a phone number: digits with at most single spaces, + (first only) and -
 * between, 5 to 20 digits. */
int  rq_phone_ok(const char *s);

/* ---- csv.c (pure) ---- */
/* Splits one CSV record (RFC 4180: fields in double quotes may hold commas, "" and line
 * breaks) starting at *p (up to end) into at most max fields (arena strings, trimmed of
 * spaces). *p moves past the record's line break. Returns the number of fields, or -1 for an
 * unterminated quote; 0 at the end of the input. *lines gets the number of lines it took. */
int  rq_csv_record(struct arena *a, const char **p, const char *end, const char **fields,
    int max, int *lines);
/* The unit code a directory line names: building code + "-" + room ("1", "0302" ->
 * "1-0302"); a room given in full ("1-0302") is kept. Arena string; NULL if either is
 * empty or the room names another building. */
const char *rq_unit_code(struct arena *a, const char *building, const char *room);

/* ---- shared helpers (requests.c) ---- */
/* Runs the idempotent escalation step for the user's site: every pending step past its
 * decide_due passes to the next level. One indexed look-up when nothing is due; one worker at
 * a time does the step (a named lock; the others go on without waiting), and a step that
 * fails (a deadlock) is left to the next page: only a lost connection is an error. */
int  rq_escalate_due(struct ctx *c);
/* A fresh 32-hex form key (arena). */
const char *rq_form_key(struct ctx *c);
/* The site's working calendar and SLA row for (type, urgency); computes the due time of
 * the resolve time (or respond when respond set) from "from" into out. DB_OK or error. */
int  rq_sla_due(struct ctx *c, long long site, const char *type, const char *urgency,
    const char *from, int respond, char out[17]);
/* Adds a timeline row. */
int  rq_event(struct ctx *c, long long req, long long order, const char *kind,
    const char *from, const char *to, const char *note);
/* The user's department (users.department_id), 0 when none. */
int  rq_user_dept(struct ctx *c, long long *dept);
/* Department options (active, of the site) into d as section name with ID, NAME, SEL. */
int  rq_dept_options(struct ctx *c, tpl_dict *d, const char *section, long long selected);
/* The translated name of an enum value: catalog key req.<what>.<value>. */
const char *rq_t(struct ctx *c, const char *what, const char *value);

/* ---- residents.c ---- */
extern const struct form_spec rq_res_form;
int rq_residents(struct ctx *c);
int rq_res_new_show(struct ctx *c);
int rq_res_new_post(struct ctx *c);
int rq_res_show(struct ctx *c);
int rq_res_edit_post(struct ctx *c);
int rq_import_show(struct ctx *c);
int rq_import_post(struct ctx *c);
extern const struct form_spec rq_building_form, rq_unit_form;
int rq_buildings(struct ctx *c);
int rq_building_new_post(struct ctx *c);
int rq_building_show(struct ctx *c);
int rq_unit_new_post(struct ctx *c);

/* ---- requests.c ---- */
extern const struct form_spec rq_new_form;
int rq_list(struct ctx *c);
int rq_export(struct ctx *c);
int rq_new_show(struct ctx *c);
int rq_new_post(struct ctx *c);
int rq_show(struct ctx *c);

/* ---- orders.c ---- */
extern const struct form_spec rq_dispatch_form, rq_reassign_form, rq_done_form, rq_progress_form;
int rq_order_note_post(struct ctx *c);
int rq_dispatch_post(struct ctx *c);
int rq_reassign_post(struct ctx *c);
int rq_orders(struct ctx *c);
int rq_order_show(struct ctx *c);
int rq_order_start_post(struct ctx *c);
int rq_order_done_post(struct ctx *c);
int rq_order_print(struct ctx *c);
/* Opens a work order of request req to dept due at due (computed when NULL) with note. */
int rq_order_open(struct ctx *c, long long site, long long req, long long dept,
    const char *type, const char *urgency, const char *due, const char *instructions,
    long long *order);

/* ---- flow.c ---- */
extern const struct form_spec rq_callback_form, rq_close_form, rq_decide_form,
    rq_answer_form, rq_settings_form, rq_sla_form, rq_esc_form, rq_category_form,
    rq_correct_form;
int rq_correct_post(struct ctx *c);
int rq_callback_post(struct ctx *c);
int rq_close_post(struct ctx *c);
int rq_answer_post(struct ctx *c);
int rq_decide_post(struct ctx *c);
int rq_settings_show(struct ctx *c);
int rq_settings_post(struct ctx *c);
int rq_sla_post(struct ctx *c);
int rq_esc_post(struct ctx *c);
int rq_category_post(struct ctx *c);

#endif
