/* callback.h: the callback desk (回访) program's shared declarations. dd-callback.c holds the
 * route table; due.c the due list, the callback records (客户回访记录表) with their CSV and
 * one plan callback with its recording or cancelling; plans.c the callback plans
 * (客户回访计划); reports.c the next-day callback report (客户回访报告表) with its review,
 * corrections and print; rules.c the pure rules (unit-tested).
 * A work order's callback is recorded on its request's page by dd-req (/requests/:id#callback);
 * this program lists it and links there. */
#ifndef DD_CALLBACK_H
#define DD_CALLBACK_H
#include "core/app.h"

/* Who records callbacks, drafts plans and writes reports. */
#define CB_WRITERS   (ROLE_STAFF | ROLE_SUPERVISOR)
/* Who reads the desk's callbacks, plans and reports. */
#define CB_READERS   (ROLE_STAFF | ROLE_SUPERVISOR | ROLE_MANAGER)
/* Who approves plans and reviews reports (never their own). */
#define CB_REVIEWERS (ROLE_SUPERVISOR | ROLE_MANAGER)
/* Who may correct a reviewed report or an approved plan. */
#define CB_CORRECTORS (ROLE_STAFF | ROLE_SUPERVISOR | ROLE_MANAGER)

enum cb_stmt {
	C_TODAY = DB_APP_FIRST,
	C_STAFF,
	C_PLAN_OPTIONS,
	C_RESIDENT_REQUESTS,
	C_BUILDINGS,
	C_DUE_COUNT,
	C_DUE_PAGE,
	C_REC_COUNT,
	C_REC_COUNT_CAT,
	C_REC_COUNT_PLAIN,
	C_REC_PAGE,
	C_REC_CATS,
	C_GET,
	C_LOCK,
	C_RECORD_DONE,
	C_RECORD_MISS,
	C_CANCEL,
	C_PLAN_LEFT,
	C_PLAN_FINISH,
	C_PLAN_COUNT,
	C_PLAN_PAGE,
	C_PLAN_GET,
	C_PLAN_LOCK,
	C_PLAN_NEW,
	C_PLAN_UPDATE,
	C_PLAN_APPROVE,
	C_PLAN_ADD_BUILDING,
	C_PLAN_ADD_UNITS,
	C_PLAN_ADD_REQUESTS,
	C_PLAN_SPREAD,
	C_PLAN_CALLBACKS,
	C_UNITS_FOUND,
	C_BUILDING_OF_SITE,
	C_CORR_ADD,
	C_CORR_LIST,
	C_REP_COUNT,
	C_REP_PAGE,
	C_REP_MISSING,
	C_REP_DAY,
	C_REP_GET,
	C_REP_LOCK,
	C_REP_BY_DAY,
	C_REP_NEW,
	C_REP_UPDATE,
	C_REP_REVIEW,
	C__END
};
extern const char *const cb_stmts[C__END - DB_APP_FIRST];

/* Columns of every callback list (CB_COLS in stmts.c). */
enum { CC_ID, CC_REQUEST, CC_PLAN, CC_DUE, CC_STATUS, CC_ATTEMPTS, CC_LAST_TRY, CC_METHOD,
	CC_CALLED_AT, CC_CALLER, CC_SAT, CC_WORDS, CC_NOTE, CC_RESIDENT, CC_PHONE, CC_UNIT,
	CC_NUMBER, CC_TYPE, CC_DESC, CC_RESULT, CC_PLAN_TITLE, CC_PLAN_KIND, CC_OVERDUE,
	CC_SITE, CC_PLAN_STATUS, CC_CATEGORY, CC_UNSAT, CC_REQ_STATUS, CC_REOPENED, CC_RESIDENT_ID,
	CC_FOLLOW, CC_FOLLOW_STATUS, CC__N };

/* rules.c (pure) */
#define CB_MAX_UNITS 300
/* Days since 1970-01-01 of a valid "YYYY-MM-DD". */
long long   cb_day_number(const char *day);
/* The unit codes in s (separated by spaces, commas, 、 ， or ；), upper case, comma-joined
 * (arena string), *n of them; NULL (and *n 0) when one is not letters, digits, - and _ of at
 * most 20, or there are more than CB_MAX_UNITS. "" when there is none. */
const char *cb_unit_codes(struct arena *a, const char *s, size_t *n);
/* A LIKE pattern (arena string) matching text containing q, its % _ and \ taken literally;
 * "" for an empty q. */
const char *cb_like(struct arena *a, const char *q);

/* due.c */
extern const struct form_spec cb_list_form, cb_records_form, cb_record_form, cb_cancel_form;
int cb_due_list(struct ctx *c);
int cb_records(struct ctx *c);
int cb_records_csv(struct ctx *c);
int cb_show(struct ctx *c);
int cb_record_post(struct ctx *c);
int cb_cancel_post(struct ctx *c);
/* Fills one callback row (columns CC_*) into section sec of d. */
void cb_row(struct ctx *c, tpl_dict *d, const char *sec, const struct dbres *r, size_t i);
/* Options of a select from rows (id, name) into section sec, the chosen one marked SEL. */
void cb_options(tpl_dict *d, const char *sec, const struct dbres *r, long long chosen);
/* The value of GET filter field i, "" when it was refused. */
const char *cb_filter(const struct ctx *c, size_t i);
/* Adds the corrections of (entity, id) as stamps: each correction of fields[k] becomes a
 * section CORRECTION of at[k] (at[k] may be NULL: not shown); latest[k] gets the newest text
 * of fields[k] (left as it was when never corrected). nfields entries in each array. */
int cb_corrections(struct ctx *c, const char *entity, long long id, const char *const *fields,
    tpl_dict **at, const char **latest, size_t nfields);
/* Today and yesterday in the database's clock ("2026-11-23"), arena strings. */
int cb_today(struct ctx *c, const char **today, const char **yesterday);

/* plans.c */
extern const struct form_spec cb_plans_form, cb_plan_form, cb_plan_edit_form,
    cb_plan_correct_form;
int cb_plans(struct ctx *c);
int cb_plan_new(struct ctx *c);
int cb_plan_new_post(struct ctx *c);
int cb_plan_show(struct ctx *c);
int cb_plan_update_post(struct ctx *c);
int cb_plan_approve_post(struct ctx *c);
int cb_plan_correct_post(struct ctx *c);

/* reports.c */
extern const struct form_spec cb_reports_form, cb_report_new_form, cb_report_day_form, cb_report_form,
    cb_review_form, cb_report_correct_form;
int cb_reports(struct ctx *c);
int cb_report_new(struct ctx *c);
int cb_report_new_post(struct ctx *c);
int cb_report_show(struct ctx *c);
int cb_report_update_post(struct ctx *c);
int cb_review_post(struct ctx *c);
int cb_report_correct_post(struct ctx *c);
int cb_report_print(struct ctx *c);

#endif
