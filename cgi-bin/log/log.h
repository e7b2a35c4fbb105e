/* log.h: the duty log (值班日志) program's shared declarations: its statements, handlers
 * and small helpers. dd-log.c holds the route table; the handlers live by subject in
 * pages.c (shift pages, carry-over, closing), entries.c (entries, corrections, search),
 * days.c (the manager's sign-off and the printed day) and emergency.c (the register). */
#ifndef DD_LOG_H
#define DD_LOG_H
#include "core/app.h"

/* Roles that write in the log (the duty staff on shift and their supervisor). */
#define LOG_WRITERS  (ROLE_STAFF | ROLE_SUPERVISOR)
/* Roles that read every page of their site. */
#define LOG_READERS  (ROLE_STAFF | ROLE_SUPERVISOR | ROLE_MANAGER | ROLE_DIRECTOR)
/* Who signs the day and returns pages. */
#define LOG_SIGNERS  ROLE_MANAGER
/* Who configures categories. */
#define LOG_CONFIG   (ROLE_SUPERVISOR | ROLE_MANAGER | ROLE_ADMIN)
/* The time an entry may say it happened, in minutes from now: a little ahead (clocks differ),
 * at most two days back (anything older is told in the text of an entry of today). */
#define LOG_TIME_AHEAD  10
#define LOG_TIME_PAST   (-2 * 24 * 60)

enum log_stmt {
	S_NOW_SHIFT = DB_APP_FIRST,
	S_SHIFTS,
	S_DAY_GET_OR_NEW,
	S_DAY_FIND,
	S_DAY_GET,
	S_DAY_LOCK,
	S_DAY_SIGN,
	S_DAY_PAGES_UNCLOSED,
	S_DAYS_WAITING,
	S_DAYS_RECENT,
	S_PAGE_FIND,
	S_PAGE_NEW,
	S_PAGE_GET,
	S_PAGE_LOCK,
	S_PAGE_CLOSE,
	S_PAGE_RETURN,
	S_PAGE_REOPEN,
	S_PAGES_OF_DAY,
	S_PAGE_STAFF,
	S_PAGE_ROSTERED,
	S_PAGE_STAFF_ADD,
	S_ENTRIES_OF_PAGE,
	S_ENTRIES_OF_DAY,
	S_CARRIED,
	S_PAGE_OPEN_ENTRIES,
	S_CARRY_ADD,
	S_CATEGORIES,
	S_CATEGORY_GET,
	S_CATEGORY_NEW,
	S_CATEGORY_UPDATE,
	S_MINUTES_FROM_NOW,
	S_ENTRY_CHECK,
	S_ENTRY_NEW,
	S_ENTRY_BY_KEY,
	S_ENTRY_GET,
	S_ENTRY_LOCK,
	S_ENTRY_UPDATE,
	S_CORRECTIONS_OF_ENTRY,
	S_CORRECTIONS_OF_ENTRIES,
	S_CORRECTIONS_OF_DAY,
	S_CORRECTION_NEW,
	S_SEARCH_COUNT,
	S_SEARCH,
	S_STAFF_OF_SITE,
	S_EMERGENCY_NEW,
	S_EMERGENCY_OF_ENTRY,
	S_EMERGENCY_GET,
	S_EMERGENCY_LOCK,
	S_EMERGENCY_UPDATE,
	S_EMERGENCY_REPORT,
	S_EMERGENCIES,
	S_NOTICE_NEW,
	S_NOTICES,
	S_PHOTO_NEW,
	S_PHOTOS,
	S_PHOTO_GET,
	S_OVERDUE_REPORTS,
	S_SCANS_OF_NUMBER,
	S__END
};
extern const char *const log_stmts[S__END - DB_APP_FIRST];

/* Fields of the entry form (log_entry_form). */
enum { EF_DATE, EF_TIME, EF_CATEGORY, EF_LOCATION, EF_WHAT, EF_HANDLING, EF_FOLLOWUP,
	EF_STATUS, EF_MAJOR, EF_KEY };

/* pages.c */
int log_home(struct ctx *c);
/* Opens the current shift's page (or finds it), in the caller's transaction. DB_EFAIL when
 * no shift runs now. */
int log_page_open_current(struct ctx *c, long long *page_id);
int log_page_open_post(struct ctx *c);
int log_page_show(struct ctx *c);
int log_page_close_post(struct ctx *c);
extern const struct form_spec log_close_form;
/* entries.c */
extern const struct form_spec log_entry_form, log_correct_form, log_search_form;
int log_entry_new_post(struct ctx *c);
int log_entry_new_invalid(struct ctx *c);
int log_entry_show(struct ctx *c);
int log_entry_update_post(struct ctx *c);
int log_entry_correct_post(struct ctx *c);
int log_search(struct ctx *c);
int log_entry_form_fill(struct ctx *c, tpl_dict *d, long long selected_category);
int log_entries_to_dict(struct ctx *c, tpl_dict *d, const char *section,
    const struct dbres *r, int with_page);
/* days.c */
extern const struct form_spec log_sign_form, log_return_form;
int log_days_list(struct ctx *c);
int log_day_show(struct ctx *c);
int log_day_sign_post(struct ctx *c);
int log_page_return_post(struct ctx *c);
int log_page_return_invalid(struct ctx *c);
int log_day_print(struct ctx *c);
/* emergency.c */
extern const struct form_spec log_emergency_form, log_notice_form, log_report_form,
    log_photo_form;
int log_emergencies_list(struct ctx *c);
int log_emergency_show(struct ctx *c);
int log_emergency_update_post(struct ctx *c);
int log_emergency_notice_post(struct ctx *c);
int log_emergency_photos_post(struct ctx *c);
int log_emergency_photo(struct ctx *c);
int log_emergency_report_post(struct ctx *c);
int log_emergency_print(struct ctx *c);
int log_emergency_open(struct ctx *c, long long entry_id, long long site_id,
    const char *occurred_at, const char *place, const char *what);
/* categories (dd-log.c) */
extern const struct form_spec log_category_form;
int log_categories_show(struct ctx *c);
int log_category_new_post(struct ctx *c);
int log_category_update_post(struct ctx *c);

/* Puts a printed record's number into d and, when its paper copy has been scanned back,
 * the section ARCHIVED with the number of pages. */
int log_paper_copy(struct ctx *c, tpl_dict *d, const char *number);
/* A fresh random key for a form (one submission makes one record), arena string. */
const char *log_form_key(struct ctx *c);
/* Loads page :id (c->ids[0]) of the user's site into *r (columns of S_PAGE_GET); 0 or an
 * HTTP status (404 for another site's). */
int log_page_load(struct ctx *c, long long id, struct dbres **r);
/* Column indexes of S_PAGE_GET. */
enum { PG_ID, PG_SITE, PG_DAY_ID, PG_DAY, PG_SHIFT_ID, PG_SHIFT, PG_STATUS, PG_OPENED_BY,
	PG_OPENED_AT, PG_LEAD, PG_CLOSED_BY, PG_CLOSED_AT, PG_DAY_STATUS, PG_RETURN_REASON,
	PG_RETURNED_BY, PG_START, PG_END };

#endif
