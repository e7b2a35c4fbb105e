/* eval.h: the staff evaluation (值班表现评估) program's shared declarations. dd-eval.c holds
 * the route table; items.c the site's checklist; record.c one evaluation (new, figures,
 * scores, signing, the staff member's remark, corrections, the printed form, the records
 * behind a figure); list.c the list, its CSV and a person's history; rules.c the pure rules
 * (periods, scores, totals with corrections), unit-tested. */
#ifndef DD_EVAL_H
#define DD_EVAL_H
#include "core/app.h"

/* Who evaluates (site-wide), who reads everything of the site, who may be evaluated. */
#define EV_EVALUATORS (ROLE_SUPERVISOR | ROLE_MANAGER)
#define EV_SITE_READERS (EV_EVALUATORS | ROLE_DIRECTOR)
#define EV_READERS (EV_SITE_READERS | ROLE_STAFF)

enum ev_stmt {
	E_ITEMS_ALL = DB_APP_FIRST,
	E_ITEMS_ACTIVE,
	E_ITEM_GET,
	E_ITEM_NEW,
	E_ITEM_UPDATE,
	E_ITEM_DELETE,
	E_ITEMS_DEFAULTS,
	E_STAFF_OF_SITE,
	E_USER_GET,
	E_USER_LOCK,
	E_FIGURES,
	E_OVERLAP,
	E_NEW,
	E_GET,
	E_LOCK,
	E_SCORES,
	E_SCORES_DEL,
	E_SCORE_ADD,
	E_SAVE,
	E_SIGN,
	E_REMARK,
	E_CORRECTIONS,
	E_CORRECTION_ADD,
	E_LIST_COUNT,
	E_LIST,
	E_HISTORY,
	E_TODAY,
	E_SCANS_OF_NUMBER,
	E_REC_SHIFTS,
	E_REC_ENTRIES,
	E_REC_PAGES,
	E_REC_HO_ON_TIME,
	E_REC_HO_LATE,
	E_REC_HO_REFUSED,
	E_REC_REQUESTS,
	E_REC_COMPLAINTS,
	E_REC_PHONE,
	E_REC_CALLBACKS,
	E__END
};
extern const char *const ev_stmts[E__END - DB_APP_FIRST];

/* Columns of E_GET. */
enum { EG_ID, EG_SITE, EG_USER, EG_FROM, EG_TO, EG_STATUS, EG_EVALUATOR, EG_COMMENT,
	EG_FIGURES, EG_TOTAL, EG_CREATED, EG_SIGNED, EG_REMARK, EG_REMARK_AT, EG_USER_NAME,
	EG_EVALUATOR_NAME, EG_SIGNED_DAY, EG_USERNAME };

/* The figures of a person and period, in the order of E_FIGURES' columns; also the keys of
 * the JSON frozen into evaluations.figures when signed. */
enum ev_fig { EVF_SHIFTS, EVF_ENTRIES, EVF_PAGES, EVF_HO_ON_TIME, EVF_HO_LATE, EVF_HO_REFUSED,
	EVF_REQUESTS, EVF_COMPLAINTS, EVF_PHONE_KNOWN, EVF_PHONE_WITHIN, EVF_RING_TARGET, EVF_CALLBACKS,
	EVF_SAT_COUNT, EVF_SAT_SUM, EVF__N };
extern const char *const ev_fig_keys[EVF__N];

/* ---- rules.c (pure) ---- */
/* The first and last day of month "2026-11" into from and to ("2026-11-01", "2026-11-30").
 * 0, or -1 when ym is not a month. */
int         ev_month_range(const char *ym, char from[11], char to[11]);
/* The month before the one of day ("2026-11-23" -> "2026-10") into ym. 0 or -1. */
int         ev_prev_month(const char *day, char ym[8]);
/* The catalog key of what is wrong with the period from..to (valid dates), or NULL:
 * reversed, or longer than a year. */
const char *ev_period_problem(const char *from, const char *to);
/* Parses a score typed for an item of max points: *out gets it. NULL, or the catalog key
 * of the problem (not a whole number, out of 0..max). An empty text is "not scored": NULL
 * with *out = -1. */
const char *ev_score_problem(const char *text, long long max, long long *out);

/* One line of the checklist of an evaluation. */
struct ev_line {
	long long item_id;
	long long max;
	long long score;   /* -1: not scored */
};
/* A record_corrections field of an evaluation: "comment", "score:<item>", "note:<item>".
 * Returns 'c', 's' or 'n' (*item set for the last two), 0 when it is none of these. */
int         ev_field_kind(const char *field, long long *item);
/* Applies one correction (field, new text) to the lines: a score correction replaces the
 * score of its item. Returns 1 when a line changed. */
int         ev_apply(struct ev_line *l, size_t n, const char *field, const char *new_text);
/* Sum of the scores (not scored counts 0) and of the maxima. */
long long   ev_total(const struct ev_line *l, size_t n);
long long   ev_max_total(const struct ev_line *l, size_t n);
/* Whether every line is scored. */
int         ev_complete(const struct ev_line *l, size_t n);
/* The grade of a total out of max (seed 000 section 6: the excellent rewarded, those with
 * clear problems coached): "excellent" from 90 %, "good" from 80 %, "pass" from 60 %,
 * "coach" below; NULL when max is 0. The catalog has eval.grade.<grade>. */
const char *ev_grade(long long total, long long max);
/* "83%" of part in whole (rounded), "—" when whole is 0, into out (at least 8 bytes). */
void        ev_percent(long long part, long long whole, char *out, size_t len);
/* The average sum / count with one decimal ("4.5"), "—" when count is 0. */
void        ev_average(long long sum, long long count, char *out, size_t len);

/* ---- items.c ---- */
extern const struct form_spec ev_item_form;
int ev_items_show(struct ctx *c);
int ev_item_new_post(struct ctx *c);
int ev_item_update_post(struct ctx *c);
int ev_items_defaults_post(struct ctx *c);
int ev_item_delete_post(struct ctx *c);

/* ---- record.c ---- */
extern const struct form_spec ev_new_form, ev_save_form, ev_remark_form, ev_correct_form;
int ev_new_show(struct ctx *c);
int ev_new_post(struct ctx *c);
int ev_show(struct ctx *c);
int ev_save_post(struct ctx *c);
int ev_sign_post(struct ctx *c);
int ev_remark_post(struct ctx *c);
int ev_correct_post(struct ctx *c);
int ev_print(struct ctx *c);
int ev_records(struct ctx *c);
/* Whether the user may only see their own signed evaluations (duty staff, no site role). */
int ev_own_only(const struct ctx *c);

/* ---- list.c ---- */
extern const struct form_spec ev_list_form;
int ev_list(struct ctx *c);
int ev_csv(struct ctx *c);
int ev_person(struct ctx *c);

#endif
