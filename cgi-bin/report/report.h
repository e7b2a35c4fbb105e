/* report.h: the reports program (dd-report): the KPI dashboard, the director's sites side by
 * side, the quarterly complaint analysis (用户投诉分析报告) with corrective actions, and the
 * manager's daily digest (客服经理日报), each printable and every table as CSV.
 *
 * The figures come from the summary tables of sql/012 (kept by triggers in the transaction
 * of each change) and from the duty log and handover tables. A page is computed into a list
 * of tables (struct rtable: a title, column heads, cells with an optional link, an optional
 * chart); common.c renders the list as HTML (each table beside its chart) or one table as
 * CSV. dd-report.c holds the route table; common.c the periods, tables, CSV and the pure
 * helpers (unit-tested); kpi.c the dashboard and the sites; quarter.c the quarterly report;
 * digest.c the digest.
 */
#ifndef DD_REPORT_H
#define DD_REPORT_H
#include "core/app.h"
#include "core/chart.h"

#define REP_READERS   (ROLE_SUPERVISOR | ROLE_MANAGER | ROLE_DIRECTOR | ROLE_ADMIN)
#define REP_ALL_SITES (ROLE_DIRECTOR | ROLE_ADMIN)
#define REP_ACTIONS   (ROLE_SUPERVISOR | ROLE_MANAGER)
#define REP_DIGEST    (ROLE_SUPERVISOR | ROLE_MANAGER | ROLE_DIRECTOR)
#define REP_PRINTERS  (ROLE_SUPERVISOR | ROLE_MANAGER | ROLE_DIRECTOR)
/* Who may open /callbacks (dd-callback's route table): links there only for them. */
#define CB_READERS    (ROLE_STAFF | ROLE_SUPERVISOR | ROLE_MANAGER)

enum rep_stmt {
	R_SITE = DB_APP_FIRST,
	R_SITES,
	R_DAY_TYPE,
	R_TYPE_CHANNEL,
	R_TYPE_CHANNEL_M,
	R_TREND_WEEK,
	R_TREND_MONTH,
	R_CB_DIST,
	R_ORDERS_OVERDUE,
	R_HANDOVERS,
	R_LOGDAYS,
	R_EMERG,
	R_EXCEPTIONS,
	R_SITES_REQ,
	R_SITES_CB,
	R_SITES_ORDERS,
	R_SITES_HANDOVERS,
	R_SITES_LOGDAYS,
	R_SITES_EMERG,
	R_Q_MONTH_TYPE,
	R_Q_BUILDING,
	R_Q_CATEGORY,
	R_Q_DEPT,
	R_Q_HIST,
	R_Q_REPEAT_TOTAL,
	R_Q_REPEAT_UNITS,
	R_Q_REPEAT_CATS,
	R_Q_ACTIONS,
	R_ACTION_ADD,
	R_DEPTS,
	R_CATEGORIES,
	R_RECORD_ADD,
	R_RECORD_GET,
	R_RECORD_FIND,
	R_D_PAGES,
	R_D_CARRIED,
	R_D_REQ_IN,
	R_D_REQ_CLOSED,
	R_D_ESCALATIONS,
	R_D_UNSIGNED_DAYS,
	R_D_UNSIGNED_HANDOVERS,
	R_D_EMERG_OVERDUE,
	R_D_CBREPORT_OVERDUE,
	R_LOGDAY_ID,
	R__END
};
extern const char *const rep_stmts[R__END - DB_APP_FIRST];

/* ---- tables of a page (common.c) ---- */
struct rcell {
	const char *text;
	const char *href;   /* a local link to the records behind the figure, or NULL */
};

struct rtable {
	const char   *key;     /* CSV name and HTML anchor: [a-z_] */
	const char   *title;   /* translated */
	const char   *note;    /* translated, or NULL */
	const char   *chart;   /* SVG from chart_*, or NULL */
	size_t        ncols;
	const char  **heads;   /* translated */
	size_t        nrows, cap;
	struct rcell *cells;   /* nrows * ncols */
};

#define RPAGE_MAX 24
struct rpage {
	struct rtable *t[RPAGE_MAX];
	size_t         n;
};

/* A table with ncols columns whose heads are catalog keys (varargs); added to p. Arena. */
struct rtable *rt_new(struct ctx *c, struct rpage *p, const char *key, const char *title_key,
    size_t ncols, ...);
/* Appends a row; returns its ncols cells (empty text, no link). Arena. */
struct rcell  *rt_row(struct ctx *c, struct rtable *t);
/* Sets cell i of row to a copy of text / a printf'd number. */
void           rc_set(struct ctx *c, struct rcell *row, size_t i, const char *text,
    const char *href);
void           rc_int(struct ctx *c, struct rcell *row, size_t i, long long v, const char *href);
/* Puts the tables into d (section BLOCK, each with the report_table.tpl include), with CSV
 * links made from csv_base (the page's path and query, without csv=; "" on a printed form:
 * no links, and long tables are not folded). */
void           rp_render(struct ctx *c, tpl_dict *d, const struct rpage *p, const char *csv_base);
/* When ?csv=KEY names a table of p: writes it as CSV (UTF-8 with a BOM so that Excel reads
 * the Chinese right) into c->out and returns 200; 404 for an unknown key; 0 when no CSV was
 * asked for. name is the file name's stem. */
int            rp_csv(struct ctx *c, const struct rpage *p, const char *name);

/* ---- periods and figures (common.c, pure) ---- */
/* Days since 1970-01-01 of y-m-d (proleptic Gregorian) and back. */
long long rep_days(int y, int m, int d);
void      rep_civil(long long days, int *y, int *m, int *d);
/* Parses "2026-11-23"; 0 on success. */
int       rep_parse_day(const char *s, long long *days);
/* Formats days as "2026-11-23" into out (11 bytes). */
void      rep_fmt_day(long long days, char out[11]);
/* Today (local time) in days. */
long long rep_today(void);
/* 0 = Monday ... 6 = Sunday. */
int       rep_weekday(long long days);

enum rep_kind { PER_WEEK, PER_MONTH, PER_QUARTER };
struct period {
	enum rep_kind kind;
	long long     from, to;        /* [from, to) in days */
	long long     prev_from, prev_to;
	char          from_s[11], to_s[11], last_s[11], prev_from_s[11], prev_to_s[11];
	int           year, quarter;   /* PER_QUARTER */
};
/* The period of kind that holds day. */
void      rep_period(enum rep_kind kind, long long day, struct period *p);
/* The quarter (1..4) of year. Returns -1 when out of range. */
int       rep_quarter(int year, int quarter, struct period *p);

/* Percentile q (0..1) of a histogram (ascending bucket values, counts): the smallest bucket
 * value at or under which at least q of the counts lie. -1 when empty. */
long long rep_percentile(const long long *value, const long long *count, size_t n, double q);
/* "12.5%" of part/whole with one decimal, "-" when whole is 0. Arena string. */
const char *rep_share(struct arena *a, long long part, long long whole);
double    rep_pct(long long part, long long whole);
/* Minutes as "45 min", "3.5 h" or "2.1 d" (keys of the language's units), "-" for < 0. */
const char *rep_minutes(struct ctx *c, double minutes);

/* Request figures summed from req_stats_day (the STATS columns of stmts.c, in order). */
enum { RS_N, RS_RESP, RS_RSLA, RS_RMET, RS_RMIN, RS_DONE, RS_DSLA, RS_DMET, RS_DMIN, RS_RINGS,
	RS_LE1, RS_LE2, RS_LE3, RS_LE4, RS_LE5, RS__N };
struct rstats {
	long long v[RS__N];
};
/* Adds row's RS__N columns from col on. */
void      rs_add(struct rstats *s, const struct dbres *r, size_t row, size_t col);
/* Phone requests answered within target rings (1..5; 0 when the target is out of range). */
long long rs_rings_ok(const struct rstats *s, long long target);
/* Index of type / channel in rep_types / rep_channels, -1 when unknown. */
int       rep_type_index(const char *type);
int       rep_channel_index(const char *channel);

/* ---- shared lookups (common.c) ---- */
/* The site the page is about: ?site=N for directors and admins (any active site), else the
 * user's own. 0 (site set, name set), 404 for a site the user may not see, or 5xx. */
int       rep_site(struct ctx *c, long long *site, const char **name, long long *ring_target);
/* The /requests list of site with these filters (NULL when the user may not open another
 * site's records: the link is left out). Arena. */
const char *rep_link(struct ctx *c, long long site, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
extern const char *const rep_types[5];
extern const char *const rep_channels[5];

/* kpi.c */
int rep_home(struct ctx *c);
int rep_kpi(struct ctx *c);
int rep_sites(struct ctx *c);

/* quarter.c */
extern const struct form_spec rep_action_form;
int rep_quarter_show(struct ctx *c);
int rep_quarter_record(struct ctx *c);
int rep_quarter_print_start(struct ctx *c);
int rep_quarter_print(struct ctx *c);
int rep_action_post(struct ctx *c);

/* digest.c */
int rep_digest_show(struct ctx *c);
int rep_digest_day(struct ctx *c);
int rep_digest_record(struct ctx *c);
int rep_digest_print_start(struct ctx *c);
int rep_digest_print(struct ctx *c);

#endif
