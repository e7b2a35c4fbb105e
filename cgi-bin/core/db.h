/* db.h: MariaDB access over prepared statements only.
 *
 * A program's SQL lives in one statement table (an array of strings indexed by an enum);
 * the core has its own table (sessions, sign-in, audit) and the program's ids follow it, so
 * a program's enum starts at DB_APP_FIRST. Statements are prepared on first use and kept for
 * the life of the connection. When the server has gone away the connection is opened again
 * and the statement prepared again; outside a transaction the statement is retried once,
 * inside one the caller gets DB_EGONE (the server has rolled the transaction back).
 *
 * Results are copied into the request's arena, so the statement is free again at once.
 */
#ifndef DD_DB_H
#define DD_DB_H
#include <stddef.h>
#include "arena.h"
#include "conf.h"

enum db_rc {
	DB_OK = 0,
	DB_EGONE,    /* no connection to the server: show the 503 page */
	DB_EDUP,     /* a unique key refused the row */
	DB_EFAIL,    /* anything else (logged) */
};

struct dbres {
	size_t              nrows, ncols;
	char              **cells;    /* nrows * ncols; NULL for SQL NULL; arena strings */
	unsigned long long  insert_id;
	unsigned long long  affected;
};

struct db;

/* Core statements (db.c owns the SQL); program statements start at DB_APP_FIRST. */
enum db_core_stmt {
	DBQ_SESSION_GET,
	DBQ_SESSION_TOUCH,
	DBQ_SESSION_NEW,
	DBQ_SESSION_DEL,
	DBQ_SESSION_DEL_USER,
	DBQ_SESSION_PURGE,
	DBQ_LOGIN_USER,
	DBQ_LOGIN_FAILURES,
	DBQ_LOGIN_IP_FAILURES,
	DBQ_LOGIN_RECORD,
	DBQ_AUDIT_ADD,
	DBQ_NUMBER_OF,
	DBQ_NUMBER_FIND,
	DBQ_NUMBER_NEXT,
	DBQ_NUMBER_ADD,
	DBQ_PRINT_ADD,
	DBQ_PRINT_COUNT,
	DB_APP_FIRST
};

/* Creates the process's connection handle (not yet connected). app_stmts is borrowed for
 * the life of the process. Never NULL. */
struct db  *db_new(const struct conf *conf, const char *const *app_stmts, size_t napp);
void        db_close(struct db *db);
/* Connects if not connected. DB_OK or DB_EGONE. */
int         db_ensure(struct db *db);
/* Checks the connection with a round trip (reconnecting if it went stale). DB_OK or
 * DB_EGONE. For pages that need no query but are useless without the database. */
int         db_ping(struct db *db);
/* Runs statement id with parameters described by types: 'i' long long, 'n' long long that
 * is SQL NULL when 0 (optional ids), 's' const char *
 * (NULL is SQL NULL), 'b' const void * then size_t (binary). *res (may be NULL) gets the rows
 * in arena memory. */
int         db_exec(struct db *db, struct arena *a, int id, struct dbres **res,
    const char *types, ...);
/* Like db_exec for a statement with one integer parameter (key), but the rows are kept for
 * ttl seconds per process: for short lists that change rarely (filter choices). A change is
 * seen by every worker within ttl. *res is arena memory. */
int         db_exec_cached(struct db *db, struct arena *a, int id, long long key, int ttl,
    struct dbres **res);
int         db_begin(struct db *db);
int         db_commit(struct db *db);
/* Rolls back if a transaction is open; safe to call at any time. */
void        db_rollback(struct db *db);
int         db_in_tx(const struct db *db);
/* Row accessors: "" / 0 for NULL or out of range. */
const char *dbres_str(const struct dbres *r, size_t row, size_t col);
long long   dbres_int(const struct dbres *r, size_t row, size_t col);
int         dbres_null(const struct dbres *r, size_t row, size_t col);

#endif
