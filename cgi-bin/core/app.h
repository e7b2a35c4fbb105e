/* app.h: what every DutyDesk FastCGI program shares: the request context, the route table,
 * declared form validation, sessions and roles, CSRF, pages in the layout, and the audit log.
 *
 * A program is a route table plus a statement table handed to app_main(). For each request
 * app.c parses the input, finds the route (404/405), loads the session, checks role and CSRF
 * (deny by default), validates the route's form, calls the handler and renders the result.
 * A handler returns an HTTP status: 200 after page_begin() filled a page, 303 after
 * resp_redirect(), or an error status (403, 404, 503, ...) that app.c renders as an error
 * page in the layout. Everything a handler allocates comes from c->a (freed after the request).
 */
#ifndef DD_APP_H
#define DD_APP_H
#include <stddef.h>
#include "arena.h"
#include "buf.h"
#include "conf.h"
#include "db.h"
#include "i18n.h"
#include "req.h"
#include "tpl.h"
#include "number.h"
#include "upload.h"

/* Roles are bits; a user has one or more. */
enum role {
	ROLE_STAFF      = 1u << 0,  /* 值班员 */
	ROLE_SUPERVISOR = 1u << 1,  /* 客服主管 */
	ROLE_MANAGER    = 1u << 2,  /* 客服经理 */
	ROLE_DIRECTOR   = 1u << 3,  /* 管理处主任 */
	ROLE_ADMIN      = 1u << 4,  /* 系统管理员 (company-wide) */
	ROLE_DEPT       = 1u << 5,  /* 部门人员: works the orders of users.department_id */
};
/* The roles of the front desk and its management (not department staff). */
#define ROLES_ALL   0x1fu
/* Every signed-in user, department staff included (home, /me, /r/<number>). */
#define ROLES_ANY   (ROLES_ALL | ROLE_DEPT)
#define R_PUBLIC    (1u << 30)  /* route needs no sign-in */
#define R_NODB      (1u << 29)  /* route never touches the database */

struct ctx;

struct role_info {
	unsigned    bit;
	const char *code;      /* form value: staff, supervisor, ... */
	const char *msg_key;   /* catalog key of its name */
};
extern const struct role_info role_table[6];
#define ROLE_COUNT (sizeof(role_table) / sizeof(role_table[0]))
/* The roles in bits as an arena string: their names in the request's language joined by
 * sep, or (codes set) their codes joined by sep ("staff,manager"). */
const char *roles_text(struct ctx *c, unsigned bits, const char *sep, int codes);
extern const char *const role_codes[7];   /* NULL-terminated, for FT_MULTI choices */

/* ---- declared validation (one table per form, indexed by the program's enum) ---- */
enum ftype {
	FT_TEXT,       /* one line of UTF-8 text */
	FT_MULTILINE,  /* text with line breaks */
	FT_INT,        /* whole number in [min, max] */
	FT_DATE,       /* 2026-11-23 */
	FT_TIME,       /* 24-hour 08:30 */
	FT_CHOICE,     /* one of choices */
	FT_MULTI,      /* any of choices (repeated field: checkboxes) */
	FT_USERNAME,   /* a-z 0-9 _ . - */
	FT_PASSWORD,   /* not trimmed, length only */
	FT_PHONE,      /* digits, spaces, + and - */
	FT_CODE,       /* A-Z 0-9 _ - (codes such as a site code) */
};
#define FF_REQUIRED 1u

struct field {
	const char        *name;     /* form field name */
	enum ftype         type;
	unsigned           flags;
	long long          min, max; /* characters for text types (0 = no bound), value for FT_INT */
	const char *const *choices;  /* NULL-terminated, FT_CHOICE / FT_MULTI */
	const char        *label;    /* catalog key of the field's name, used in messages */
};

struct form_spec {
	const struct field *fields;
	size_t              n;
};
#define FORM_SPEC(arr) { arr, sizeof(arr) / sizeof((arr)[0]) }

struct fval {
	const char  *value;    /* trimmed input, "" when absent; shown again in the form */
	int          present;
	long long    num;      /* FT_INT */
	const char **multi;    /* FT_MULTI values */
	size_t       nmulti;
	const char  *err;      /* translated message, NULL when valid */
};

struct form {
	const struct form_spec *spec;
	struct fval            *v;     /* spec->n entries */
	int                     ok;
};

/* A message beside one row of a form with repeated fields (form_row_error). */
struct form_row_err {
	long long                  row;
	const char                *msg;
	struct form_row_err       *next;
};

struct user {
	long long   id;            /* 0: not signed in */
	long long   site_id;
	const char *username;
	const char *display_name;
	const char *site_name;
	unsigned    roles;
	int         must_change_pw;
};

struct ctx;
typedef int (*handler_fn)(struct ctx *c);

struct route {
	const char             *method;   /* "GET" or "POST" */
	const char             *pattern;  /* "/admin/users/:id": ":id" matches digits */
	handler_fn              fn;
	unsigned                roles;    /* role bits allowed, or R_PUBLIC; 0 denies everyone */
	const struct form_spec *form;     /* validated before fn; NULL for none */
	handler_fn              invalid;  /* shows the form again when validation failed */
};

struct app {
	const char         *name;
	const struct route *routes;
	size_t              nroutes;
	const char *const  *stmts;        /* statement table, ids from DB_APP_FIRST */
	size_t              nstmts;
	unsigned            flags;        /* APP_* */
};

/* No handler of the program changes a user, a session or a site (what a session row shows:
 * dd-auth and dd-admin do): its POSTs may use the workers' session cache like a GET, and they
 * leave the cached sessions of every worker in place. 0 (the default): every POST reads the
 * session from the database and ends all cached ones. */
#define APP_KEEPS_SESSIONS 1u

#define APP_MAX_IDS 4
#define APP_ARG_MAX 64

struct ctx {
	struct arena       *a;
	const struct app   *app;
	const struct conf  *conf;
	struct db          *db;
	/* request */
	const char         *method, *path, *remote_addr, *user_agent;
	struct kvlist       query, post, cookies;
	struct uploadlist   files;
	long long           ids[APP_MAX_IDS];  /* the :id parts of the path (numbers), in order */
	size_t              nids;
	char                args[APP_MAX_IDS][APP_ARG_MAX]; /* other :name parts (codes) */
	size_t              nargs;
	const struct route *route;
	struct form         form;
	struct form_row_err *row_errs;   /* this request's row messages (arena) */
	int                 input_status; /* 413 or 400 when the body could not be taken */
	/* who */
	struct user         user;
	const char         *token_hash;  /* binary, 32 bytes, of the session; NULL when none */
	const char         *csrf;        /* the token forms must carry */
	int                 lang;        /* I18N_ZH or I18N_EN */
	const struct i18n  *msg;
	/* response */
	int                 status;
	struct buf          head;        /* extra header lines */
	struct buf          out;         /* the response body */
	const char         *ctype;       /* NULL: text/html */
	tpl_dict           *dict;        /* the layout's dictionary; NULL until page_begin */
	tpl_dict           *page;        /* the body template's dictionary */
	const char         *title;
	const char         *flash;       /* flash key read from the cookie */
	const char         *layout;      /* frame template; NULL: layout.tpl */
	/* Work to do once the response has been sent and the connection closed (same worker,
	 * same arena, no output): set by a handler that queued something long, such as a
	 * batch of scans. Its return value is ignored; it must leave no transaction open. */
	handler_fn          after;
};

/* Runs the FastCGI loop; returns the process exit code. With the one argument --routes it
 * prints the route table instead (METHOD PATTERN ROLES per line). */
int         app_main(int argc, char **argv, const struct app *app);
/* Whether request c may change a user, a session or a site: a POST (any method but GET and
 * HEAD) of a program without APP_KEEPS_SESSIONS. Such a request reads its session from the
 * database and ends the cached sessions of every worker; any other uses the cache. */
int         app_may_change_sessions(const struct ctx *c);
/* Handles one request already parsed into c (used by app_main and the tests). */
void        app_dispatch(struct ctx *c);
/* Matches path against pattern; 1 on a match. A part ":id" (or any name ending in "id")
 * matches a positive number, put in ids; any other ":name" matches one segment of
 * letters, digits, - and _, copied into args. */
int         route_match(const char *pattern, const char *path, long long *ids, size_t *nids,
    char args[][APP_ARG_MAX], size_t *nargs);

/* ---- input ---- */
const char *ctx_query(const struct ctx *c, const char *name);
const char *ctx_post(const struct ctx *c, const char *name);
const char *ctx_cookie(const struct ctx *c, const char *name);
/* The catalog text of key in the request's language. */
const char *ctx_t(const struct ctx *c, const char *key);
/* Whether the user may see records of site_id (admins see every site). */
int         ctx_site_ok(const struct ctx *c, long long site_id);
int         ctx_has_role(const struct ctx *c, unsigned roles);

/* ---- validation ---- */
/* Validates c->post against spec into c->form (also used for GET forms with c->query). */
void        form_validate(struct ctx *c, const struct form_spec *spec, const struct kvlist *in);
/* Prepares an empty form (for GET pages) so that form_set/form_to_dict work. */
void        form_empty(struct ctx *c, const struct form_spec *spec);
void        form_set(struct ctx *c, size_t i, const char *value);
/* Marks field i invalid with the catalog message key (placeholders {label} {min} {max}). */
void        form_error(struct ctx *c, size_t i, const char *msg_key);
/* A message beside one row of a form with a field per row (a count per inventory item, a
 * score per checklist item): row is the row's id (0: the form as a whole), msg_key a
 * catalog key. Kept in the request (c->row_errs), so nothing outlives it. */
void        form_row_error(struct ctx *c, long long row, const char *msg_key);
/* The translated message of row, or NULL. */
const char *form_row_msg(const struct ctx *c, long long row);
const char *form_str(const struct ctx *c, size_t i);
long long   form_num(const struct ctx *c, size_t i);
/* Whether FT_MULTI field i holds value. */
int         form_has(const struct ctx *c, size_t i, const char *value);
/* Puts every field into d: NAME (upper case) = value, section NAME_ERR {MSG}, and for
 * choice fields section NAME_<CHOICE>_ON for the chosen ones. */
void        form_to_dict(const struct ctx *c, tpl_dict *d);
/* Validation building blocks (also unit-tested). */
int         valid_utf8(const char *s, size_t len, int multiline);
size_t      utf8_chars(const char *s);
int         valid_date(const char *s);
int         valid_time(const char *s);

/* ---- responses ---- */
void        resp_header(struct ctx *c, const char *name, const char *value);
/* max_age < 0: a session cookie; 0: delete it. Always HttpOnly, SameSite=Lax, Path=/. */
void        resp_cookie(struct ctx *c, const char *name, const char *value, long max_age);
/* Redirects (303) to a local path; refuses anything but a path starting with one '/'. */
int         resp_redirect(struct ctx *c, const char *path);
/* Sets a message (catalog key flash.<key>) shown on the next page. */
void        resp_flash(struct ctx *c, const char *key);
int         resp_text(struct ctx *c, int status, const char *text);
/* The status for a failed database step: 503 when the server is gone, else 500. */
#define DB_STATUS(rc) ((rc) == DB_EGONE ? 503 : 500)
/* Ends a change: when rc is DB_OK, commits and redirects (303) to path with the flash
 * message key (NULL for none); otherwise returns the error status (nothing was written:
 * the core rolls the transaction back). */
int         resp_commit(struct ctx *c, int rc, const char *flash, const char *path);

/* ---- pages ---- */
/* Starts a page: layout with template name (e.g. "home.tpl") as its body and the catalog
 * title key. Returns the body's dictionary (owned by the layout). */
tpl_dict   *page_begin(struct ctx *c, const char *tpl, const char *title_key);
/* Fills the include marker {{>marker}} of d with template tpl (in the request's language);
 * returns the included template's own dictionary (it sees only its own values and the
 * globals, such as CSRF). */
tpl_dict   *page_include(struct ctx *c, tpl_dict *d, const char *marker, const char *tpl);
/* Adds one repetition of section per result row, column i set as marker cols[i] (NULL
 * skips a column). Returns the number of rows. */
size_t      page_rows(tpl_dict *d, const char *section, const struct dbres *r,
    const char *const *cols);
/* Renders the error page for status into c (used by app.c, and by handlers for 4xx). */
void        page_error(struct ctx *c, int status, const char *msg_key);
/* The reason phrase of status ("Not Found"). */
const char *page_reason(int status);
/* Loads every template of dir for every catalog (start-up). 0 or -1. */
int         page_load_templates(const char *dir, const struct i18n *cats, size_t ncats);
/* Substitutes [[key]] markers with the HTML-escaped catalog text. 0, or -1 with the first
 * missing key copied to missing. */
int         page_apply_catalog(const struct i18n *cat, const char *in, size_t len,
    struct buf *out, char *missing, size_t mlen);
/* Adds the pager section: total rows, current page (1-based), rows per page; base is the
 * query string without page=. Returns the SQL offset. */
long long   page_pager(struct ctx *c, tpl_dict *d, long long total, long long page,
    long long per, const char *base);
/* URL-encodes s into an arena string. */
char       *url_encode(struct arena *a, const char *s);

/* ---- printed forms ---- */
/* The unified number of record (kind, id), assigning the next one of its day if it has none
 * (inside the caller's transaction, or its own). day is "2026-11-23". *number gets an arena
 * string. DB_OK or an error. */
int         number_assign(struct ctx *c, const char *kind, long long site_id, long long id,
    const char *day, const char **number);
/* The number of (kind, id) or NULL if none was assigned. */
int         number_lookup(struct ctx *c, const char *kind, long long id, const char **number);
/* Starts a printed form: A4 frame (print.tpl) with the site, the form's title (its kind's),
 * number, QR code to <base_url>/r/<number>, the copy mark from the second printing on, and
 * the signature boxes. Records this printing. Returns the body's dictionary, NULL on a
 * database error (*rc set). */
tpl_dict   *print_begin(struct ctx *c, const char *tpl, const char *kind, const char *number,
    int *rc);
/* Whether the form is asked for as a sheet alone (?embed=1), to be included in a batch
 * document: print_begin then leaves out the HTML document around the sheet. */
int         print_embedded(const struct ctx *c);
/* Adds a signature box with the catalog label key (填写人, 主管阅签 ...). */
void        print_sign(struct ctx *c, const char *label_key, const char *name);

/* ---- sign-in, sessions, CSRF ---- */
/* Hashes a password with argon2id into out (crypto_pwhash_STRBYTES). 0 or -1. */
int         auth_hash_password(const char *pw, char *out);
int         auth_verify_password(const char *hash, const char *pw);
/* Loads c->user from the session cookie, if any. DB_OK, or DB_EGONE.
 * A GET may be answered from the worker's session cache (conf session_cache_file): a
 * session read from the database in the last second, unless the shared generation moved
 * since (every POST of a program without APP_KEEPS_SESSIONS moves it after its change, so a
 * sign-out, a disabled user or a changed role is seen at once by the next request on this
 * host). A POST reads the database, unless its program has APP_KEEPS_SESSIONS. */
int         auth_load_session(struct ctx *c);
/* Moves the shared session generation: every worker's cached sessions are read again. */
void        auth_cache_bump(const struct ctx *c);
/* Starts a session for user id (new token every time): sets the cookie. DB_OK or error.
 * Outside a transaction it also removes the user's expired sessions. */
int         auth_start_session(struct ctx *c, long long user_id);
/* Whether a password check for user name (or from this address) must wait after repeated
 * failures: after login_max_failures within login_window_minutes, one minute, doubling with
 * each further failure up to 15 (20 failures from one address count too). Sets *wait_min,
 * and *rc to the database result. Sign-in and a handover's signatures both use it. */
int         auth_throttled(struct ctx *c, const char *name, long long *wait_min, int *rc);
/* Records a password check for user name (ok or failed) in login_attempts. */
int         auth_record_attempt(struct ctx *c, const char *name, int ok);
/* Checks password pw of user name against hash (NULL or "": no password), throttled like
 * sign-in; a wrong one is recorded in login_attempts at once (its own statement). For a
 * signed-in user asked for a password again (changing it, signing a handover): a desk PC
 * left signed in must not become a way round the sign-in's slow-down. AUTH_PW_OK,
 * AUTH_PW_WRONG, AUTH_PW_THROTTLED (*wait_min set: minutes to wait), or -1 with *rc the
 * database error. */
enum { AUTH_PW_OK = 1, AUTH_PW_WRONG = 0, AUTH_PW_THROTTLED = 2 };
int         auth_check_password(struct ctx *c, const char *name, const char *hash,
    const char *pw, long long *wait_min, int *rc);
/* Removes the expired sessions of user id. */
int         auth_purge_sessions(struct ctx *c, long long user_id);
/* Ends the current session on the server and clears the cookie. */
int         auth_end_session(struct ctx *c);
/* The sign-in CSRF token for anonymous pages (signed double-submit cookie). */
const char *csrf_anon_token(struct ctx *c);
int         csrf_anon_valid(const struct ctx *c, const char *field, const char *cookie);
/* Encodes n bytes as base64url without padding into the arena. */
char       *b64url(struct arena *a, const unsigned char *p, size_t n);

/* ---- audit ---- */
/* Writes an audit row in the current transaction. old/new are JSON texts or NULL. */
int         audit_write(struct ctx *c, const char *action, const char *entity, long long id,
    long long site_id, const char *summary, const char *old_json, const char *new_json);

/* A small JSON object writer for audit values. */
struct json {
	struct buf b;
	int        n;
};
void        json_begin(struct json *j);
void        json_str(struct json *j, const char *key, const char *value);
void        json_int(struct json *j, const char *key, long long value);
/* Closes the object and returns it as an arena string; frees j's buffer. */
char       *json_end(struct json *j, struct arena *a);
/* Reads back a flat object written by json_*: n keys and values (arena strings). */
size_t      json_parse_flat(struct arena *a, const char *text, const char ***keys,
    const char ***vals);

#endif
