/* handover.h: the shift handover (交接班) program's shared declarations. dd-handover.c holds
 * the route table; record.c one handover (opening, notes, anomalies, the incoming's count and
 * both signatures, refusal, the supervisor's decision, corrections, the printed form);
 * admin.c the lists (home, alerts, the day and its review) and the inventory items; rules.c
 * the pure rules (counts, arrival), unit-tested. */
#ifndef DD_HANDOVER_H
#define DD_HANDOVER_H
#include "core/app.h"

#define HO_WRITERS   (ROLE_STAFF | ROLE_SUPERVISOR)
#define HO_READERS   (ROLE_STAFF | ROLE_SUPERVISOR | ROLE_MANAGER | ROLE_DIRECTOR)
#define HO_DECIDERS  (ROLE_SUPERVISOR | ROLE_MANAGER)
#define HO_REVIEWERS (ROLE_SUPERVISOR | ROLE_MANAGER)
#define HO_CONFIG    (ROLE_SUPERVISOR | ROLE_MANAGER | ROLE_ADMIN)

enum ho_stmt {
	H_RULE_GET = DB_APP_FIRST,
	H_RULE_SET,
	H_ITEMS_ALL,
	H_ITEMS_ACTIVE,
	H_ITEM_GET,
	H_ITEM_NEW,
	H_ITEM_UPDATE,
	H_PAGES_OPEN,
	H_PAGE_FOR_OPEN,
	H_NEW,
	H_BY_PAGE,
	H_GET,
	H_LOCK,
	H_NOTES,
	H_OPEN_ENTRIES,
	H_PAGE_LOCK,
	H_CARRY_ADD,
	H_PAGE_CLOSE,
	H_CARRIED_OF,
	H_USER_BY_NAME,
	H_USER_GET,
	H_COUNT_ADD,
	H_COUNTS,
	H_ACCEPT,
	H_REFUSE,
	H_DECIDE,
	H_ANOMALY_ADD,
	H_ANOMALIES,
	H_DAY_LIST,
	H_DAYS,
	H_REVIEW_GET,
	H_REVIEW_ADD,
	H_DAY_PENDING,
	H_CORRECTION_ADD,
	H_CORRECTIONS,
	H_ALERT_REFUSED,
	H_ALERT_UNRELIEVED,
	H_NOW,
	H__END
};
extern const char *const ho_stmts[H__END - DB_APP_FIRST];

/* Columns of H_GET. */
enum { HG_ID, HG_SITE, HG_PAGE, HG_DAY, HG_SHIFT, HG_START, HG_END, HG_END_AT, HG_EARLY,
	HG_STATUS, HG_OUT_NAME, HG_OUT_USER, HG_OPENED_AT, HG_NOTES, HG_REPAIRS, HG_MAJOR,
	HG_IN_NAME, HG_ARRIVED, HG_IN_SIGNED, HG_OUT_SIGNED, HG_REF_NAME, HG_REF_AT, HG_REF_REASON,
	HG_DEC_NAME, HG_DEC_AT, HG_DECISION, HG_UNRELIEVED, HG_EARLY_BY, HG_REVIEWED,
	HG_PAGE_STATUS, HG_PAGE_OPENED, HG_OUT_ID };

/* rules.c (pure) */
/* The catalog key of what is wrong with one item's count, or NULL: a count that differs
 * from the expected needs the outgoing's explanation and who answers for it. */
const char *ho_count_problem(long long expected, long long counted, const char *explanation,
    const char *answerable);
/* Minutes the arrival (HH:MM) came before the shift change (HH:MM), negative when late;
 * within (-720, 720] (the nearest such moment). -100000 for a malformed time. */
long long   ho_early_minutes(const char *arrived, const char *change);
/* Parses a whole number 0..9999 in s; -1 when it is not one. */
long long   ho_parse_count(const char *s);

/* record.c */
extern const struct form_spec ho_open_form, ho_notes_form, ho_anomaly_form, ho_accept_form,
    ho_refuse_form, ho_decide_form, ho_correct_form;
int ho_open_post(struct ctx *c);
int ho_show(struct ctx *c);
int ho_notes_post(struct ctx *c);
int ho_anomaly_post(struct ctx *c);
int ho_accept_post(struct ctx *c);
int ho_refuse_post(struct ctx *c);
int ho_decide_post(struct ctx *c);
int ho_correct_post(struct ctx *c);
int ho_print(struct ctx *c);

/* admin.c */
extern const struct form_spec ho_item_form, ho_rule_form, ho_review_form;
int ho_home(struct ctx *c);
int ho_alerts(struct ctx *c);
int ho_day_show(struct ctx *c);
int ho_review_post(struct ctx *c);
int ho_items_show(struct ctx *c);
int ho_item_new_post(struct ctx *c);
int ho_item_update_post(struct ctx *c);
int ho_rule_post(struct ctx *c);

#endif
