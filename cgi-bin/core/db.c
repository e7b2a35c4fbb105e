/* db.c: see db.h. */
#include "db.h"
#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct db {
	MYSQL              *my;        /* NULL when not connected */
	int                 in_tx;
	const struct conf  *conf;
	const char *const  *app;       /* the program's statement table (borrowed) */
	size_t              napp;
	MYSQL_STMT        **stmts;     /* DB_APP_FIRST + napp; NULL until prepared */
};

static const char *const db_core_sql[DB_APP_FIRST] = {
	[DBQ_SESSION_GET] =
	    "SELECT u.id, u.site_id, u.username, u.display_name, u.roles, u.lang, u.must_change_pw,"
	    " s.csrf, st.name, TIMESTAMPDIFF(SECOND, s.last_seen, NOW())"
	    " FROM sessions s JOIN users u ON u.id = s.user_id JOIN sites st ON st.id = u.site_id"
	    " WHERE s.token_hash = ? AND u.active = 1"
	    " AND s.last_seen > NOW() - INTERVAL ? MINUTE",
	[DBQ_SESSION_TOUCH] = "UPDATE sessions SET last_seen = NOW() WHERE token_hash = ?",
	[DBQ_SESSION_NEW] =
	    "INSERT INTO sessions (token_hash, user_id, csrf, ip, user_agent) VALUES (?, ?, ?, ?, ?)",
	[DBQ_SESSION_DEL] = "DELETE FROM sessions WHERE token_hash = ?",
	[DBQ_SESSION_DEL_USER] = "DELETE FROM sessions WHERE user_id = ?",
	[DBQ_SESSION_PURGE] =
	    "DELETE FROM sessions WHERE user_id = ? AND last_seen < NOW() - INTERVAL ? MINUTE",
	[DBQ_LOGIN_USER] =
	    "SELECT id, pw_hash, must_change_pw, site_id FROM users WHERE username = ? AND active = 1",
	[DBQ_LOGIN_FAILURES] =
	    "SELECT COUNT(*), COALESCE(TIMESTAMPDIFF(SECOND, MAX(at), NOW()), 0)"
	    " FROM login_attempts WHERE username = ? AND success = 0"
	    " AND at > NOW() - INTERVAL ? MINUTE"
	    " AND at >= COALESCE((SELECT MAX(at) FROM login_attempts"
	    "   WHERE username = ? AND success = 1), '1970-01-01')",
	[DBQ_LOGIN_IP_FAILURES] =
	    "SELECT COUNT(*), COALESCE(TIMESTAMPDIFF(SECOND, MAX(at), NOW()), 0)"
	    " FROM login_attempts WHERE ip = ? AND success = 0 AND at > NOW() - INTERVAL ? MINUTE",
	[DBQ_LOGIN_RECORD] = "INSERT INTO login_attempts (username, ip, success) VALUES (?, ?, ?)",
	[DBQ_AUDIT_ADD] =
	    "INSERT INTO audit_log (user_id, site_id, action, entity, entity_id, summary,"
	    " old_values, new_values, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[DBQ_NUMBER_OF] = "SELECT number FROM form_numbers WHERE kind = ? AND record_id = ?",
	[DBQ_NUMBER_FIND] =
	    "SELECT kind, site_id, record_id, prints FROM form_numbers WHERE number = ?",
	[DBQ_NUMBER_NEXT] =
	    "SELECT COALESCE(MAX(seq), 0) + 1 FROM form_numbers WHERE kind = ? AND day = ?"
	    " FOR UPDATE",
	[DBQ_NUMBER_ADD] =
	    "INSERT INTO form_numbers (number, kind, site_id, record_id, day, seq)"
	    " VALUES (?, ?, ?, ?, ?, ?)",
	[DBQ_PRINT_ADD] = "INSERT INTO form_prints (number, user_id) VALUES (?, ?)",
	[DBQ_PRINT_COUNT] = "SELECT COUNT(*) FROM form_prints WHERE number = ?",
};

struct db *
db_new(const struct conf *conf, const char *const *app_stmts, size_t napp)
{
	struct db *db = calloc(1, sizeof(*db));

	if (db == NULL || (db->stmts = calloc(DB_APP_FIRST + napp, sizeof(*db->stmts))) == NULL)
		arena_oom();
	db->conf = conf;
	db->app = app_stmts;
	db->napp = napp;
	return db;
}

static void
db_disconnect(struct db *db)
{
	for (size_t i = 0; i < DB_APP_FIRST + db->napp; i++)
		if (db->stmts[i] != NULL) {
			mysql_stmt_close(db->stmts[i]);
			db->stmts[i] = NULL;
		}
	if (db->my != NULL)
		mysql_close(db->my);
	db->my = NULL;
	db->in_tx = 0;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	db_disconnect(db);
	free(db->stmts);
	free(db);
}

static int
db_gone_errno(unsigned int e)
{
	return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST || e == CR_CONNECTION_ERROR ||
	    e == CR_CONN_HOST_ERROR || e == ER_SERVER_SHUTDOWN || e == ER_CONNECTION_KILLED ||
	    e == CR_COMMANDS_OUT_OF_SYNC || e == 1927 /* ER_CONNECTION_KILLED in MariaDB */;
}

int
db_ensure(struct db *db)
{
	unsigned int timeout = 2;
	my_bool off = 0;

	if (db->my != NULL)
		return DB_OK;
	if ((db->my = mysql_init(NULL)) == NULL)
		arena_oom();
	mysql_options(db->my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(db->my, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(db->my, MYSQL_OPT_RECONNECT, &off);
	if (mysql_real_connect(db->my, NULL, db->conf->db_user, db->conf->db_password,
	    db->conf->db_name, 0, db->conf->db_socket, 0) == NULL) {
		fprintf(stderr, "db: connect: %s\n", mysql_error(db->my));
		mysql_close(db->my);
		db->my = NULL;
		return DB_EGONE;
	}
	return DB_OK;
}

int
db_ping(struct db *db)
{
	if (db->my != NULL && mysql_ping(db->my) != 0)
		db_disconnect(db);
	return db_ensure(db);
}

static const char *
db_sql(const struct db *db, int id)
{
	return id < DB_APP_FIRST ? db_core_sql[id] : db->app[id - DB_APP_FIRST];
}

/* Returns the prepared statement id, preparing it if needed; NULL on failure (*gone set when
 * the connection is lost). */
static MYSQL_STMT *
db_stmt(struct db *db, int id, int *gone)
{
	MYSQL_STMT *st;
	const char *sql = db_sql(db, id);
	my_bool one = 1;

	*gone = 0;
	if (db->stmts[id] != NULL)
		return db->stmts[id];
	if ((st = mysql_stmt_init(db->my)) == NULL)
		arena_oom();
	if (mysql_stmt_prepare(st, sql, strlen(sql)) != 0) {
		*gone = db_gone_errno(mysql_stmt_errno(st));
		fprintf(stderr, "db: prepare %d: %s\n", id, mysql_stmt_error(st));
		mysql_stmt_close(st);
		return NULL;
	}
	mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &one);
	db->stmts[id] = st;
	return st;
}

/* Binds params from types/ap. Returns 0 or -1 on a count mismatch (a programming error). */
static int
db_bind_params(struct arena *a, MYSQL_STMT *st, const char *types, va_list ap, int id)
{
	size_t n = strlen(types);
	MYSQL_BIND *b;
	long long *ints;
	unsigned long *lens;

	if (mysql_stmt_param_count(st) != n) {
		fprintf(stderr, "db: statement %d wants %lu parameters, got %zu\n", id,
		    mysql_stmt_param_count(st), n);
		return -1;
	}
	if (n == 0)
		return 0;
	b = arena_calloc(a, n, sizeof(*b));
	ints = arena_calloc(a, n, sizeof(*ints));
	lens = arena_calloc(a, n, sizeof(*lens));
	for (size_t i = 0; i < n; i++) {
		switch (types[i]) {
		case 'i':
		case 'n':
			ints[i] = va_arg(ap, long long);
			b[i].buffer_type = (types[i] == 'n' && ints[i] == 0) ? MYSQL_TYPE_NULL :
			    MYSQL_TYPE_LONGLONG;
			b[i].buffer = &ints[i];
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);

			if (s == NULL) {
				b[i].buffer_type = MYSQL_TYPE_NULL;
				break;
			}
			lens[i] = strlen(s);
			b[i].buffer_type = MYSQL_TYPE_STRING;
			b[i].buffer = (void *)s;
			b[i].buffer_length = lens[i];
			b[i].length = &lens[i];
			break;
		}
		case 'b': {
			const void *p = va_arg(ap, const void *);

			lens[i] = va_arg(ap, size_t);
			b[i].buffer_type = MYSQL_TYPE_BLOB;
			b[i].buffer = (void *)p;
			b[i].buffer_length = lens[i];
			b[i].length = &lens[i];
			break;
		}
		default:
			fprintf(stderr, "db: bad type '%c' for statement %d\n", types[i], id);
			return -1;
		}
	}
	return mysql_stmt_bind_param(st, b) ? -1 : 0;
}

/* Copies the stored result of st into *res. Returns DB_OK or DB_EFAIL. */
static int
db_fetch_all(struct arena *a, MYSQL_STMT *st, struct dbres *r)
{
	MYSQL_RES *meta = mysql_stmt_result_metadata(st);
	MYSQL_FIELD *f;
	MYSQL_BIND *b;
	unsigned long *lens;
	my_bool *nulls;
	size_t row = 0;
	int rc = DB_OK;

	if (meta == NULL)
		return DB_OK;
	if (mysql_stmt_store_result(st) != 0) {
		mysql_free_result(meta);
		return DB_EFAIL;
	}
	r->ncols = mysql_num_fields(meta);
	r->nrows = (size_t)mysql_stmt_num_rows(st);
	f = mysql_fetch_fields(meta);
	b = arena_calloc(a, r->ncols, sizeof(*b));
	lens = arena_calloc(a, r->ncols, sizeof(*lens));
	nulls = arena_calloc(a, r->ncols, sizeof(*nulls));
	for (size_t c = 0; c < r->ncols; c++) {
		/* Text columns report their longest value; numbers and dates fit in 80 bytes. */
		size_t size = f[c].max_length + 1;

		if (size < 80)
			size = 80;
		b[c].buffer_type = MYSQL_TYPE_STRING;
		b[c].buffer = arena_alloc(a, size);
		b[c].buffer_length = size;
		b[c].length = &lens[c];
		b[c].is_null = &nulls[c];
	}
	r->cells = arena_calloc(a, r->nrows * r->ncols + 1, sizeof(char *));
	if (mysql_stmt_bind_result(st, b) != 0)
		rc = DB_EFAIL;
	while (rc == DB_OK && row < r->nrows) {
		int f_rc = mysql_stmt_fetch(st);

		if (f_rc == MYSQL_NO_DATA)
			break;
		if (f_rc != 0 && f_rc != MYSQL_DATA_TRUNCATED) {
			rc = DB_EFAIL;
			break;
		}
		for (size_t c = 0; c < r->ncols; c++) {
			size_t n = lens[c] < b[c].buffer_length ? lens[c] : b[c].buffer_length - 1;

			r->cells[row * r->ncols + c] = nulls[c] ? NULL :
			    arena_strndup(a, b[c].buffer, n);
		}
		row++;
	}
	r->nrows = row;
	mysql_stmt_free_result(st);
	mysql_free_result(meta);
	return rc;
}

int
db_exec(struct db *db, struct arena *a, int id, struct dbres **res, const char *types, ...)
{
	struct dbres *r = arena_calloc(a, 1, sizeof(*r));
	int attempt, gone = 0;

	if (res)
		*res = r;
	if (id < 0 || (size_t)id >= DB_APP_FIRST + db->napp)
		return DB_EFAIL;
	for (attempt = 0; attempt < 2; attempt++) {
		MYSQL_STMT *st;
		va_list ap;
		int bad;

		if (db_ensure(db) != DB_OK)
			return DB_EGONE;
		if ((st = db_stmt(db, id, &gone)) == NULL)
			goto failed;
		va_start(ap, types);
		bad = db_bind_params(a, st, types, ap, id);
		va_end(ap);
		if (bad)
			return DB_EFAIL;
		if (mysql_stmt_execute(st) != 0) {
			unsigned int e = mysql_stmt_errno(st);

			gone = db_gone_errno(e);
			if (e == ER_DUP_ENTRY)
				return DB_EDUP;
			if (!gone)
				fprintf(stderr, "db: execute %d: %s\n", id, mysql_stmt_error(st));
			goto failed;
		}
		r->affected = mysql_stmt_affected_rows(st);
		r->insert_id = mysql_stmt_insert_id(st);
		return db_fetch_all(a, st, r);
failed:
		if (!gone)
			return DB_EFAIL;
		/* The server went away: inside a transaction the work is lost, say so. */
		{
			int was_tx = db->in_tx;

			db_disconnect(db);
			if (was_tx)
				return DB_EGONE;
		}
	}
	return DB_EGONE;
}

int
db_begin(struct db *db)
{
	static const char begin[] = "START TRANSACTION";

	/* One round trip: the connection stays in autocommit mode and COMMIT or ROLLBACK ends
	 * the explicit transaction (autocommit off before and on again after cost two). */
	if (db_ensure(db) != DB_OK)
		return DB_EGONE;
	if (mysql_real_query(db->my, begin, sizeof begin - 1) != 0) {
		/* A stale connection: open a new one and try once more. */
		db_disconnect(db);
		if (db_ensure(db) != DB_OK || mysql_real_query(db->my, begin, sizeof begin - 1) != 0)
			return DB_EGONE;
	}
	db->in_tx = 1;
	return DB_OK;
}

int
db_commit(struct db *db)
{
	int rc = DB_OK;

	if (db->my == NULL || !db->in_tx)
		return DB_EGONE;
	if (mysql_commit(db->my) != 0) {
		rc = db_gone_errno(mysql_errno(db->my)) ? DB_EGONE : DB_EFAIL;
		fprintf(stderr, "db: commit: %s\n", mysql_error(db->my));
	}
	db->in_tx = 0;
	if (rc == DB_EGONE)
		db_disconnect(db);
	else if (rc != DB_OK && mysql_rollback(db->my) != 0)
		db_disconnect(db);   /* nothing of a failed commit may stay open on the connection */
	return rc;
}

void
db_rollback(struct db *db)
{
	if (db->my == NULL || !db->in_tx)
		return;
	db->in_tx = 0;
	if (mysql_rollback(db->my) != 0)
		db_disconnect(db);
}

int
db_in_tx(const struct db *db)
{
	return db->in_tx;
}

const char *
dbres_str(const struct dbres *r, size_t row, size_t col)
{
	const char *s;

	if (r == NULL || row >= r->nrows || col >= r->ncols)
		return "";
	s = r->cells[row * r->ncols + col];
	return s ? s : "";
}

long long
dbres_int(const struct dbres *r, size_t row, size_t col)
{
	return strtoll(dbres_str(r, row, col), NULL, 10);
}

int
dbres_null(const struct dbres *r, size_t row, size_t col)
{
	if (r == NULL || row >= r->nrows || col >= r->ncols)
		return 1;
	return r->cells[row * r->ncols + col] == NULL;
}

/* ---- a small cache of query results, for short lists that change rarely (a site's
 * shifts or categories as filter choices). Process-wide, like the connection; entries are
 * copied out into the request's arena, so a later refresh never pulls memory from under a
 * handler. Keyed by statement and one integer parameter. */

#define DBC_SLOTS 64

struct dbc_entry {
	int       id;
	long long key;
	time_t    expires;
	size_t    nrows, ncols;
	char    **cells;   /* malloc'd: nrows * ncols strings (NULL for SQL NULL) */
};

static struct dbc_entry dbc[DBC_SLOTS];

static void
dbc_clear(struct dbc_entry *e)
{
	for (size_t i = 0; e->cells && i < e->nrows * e->ncols; i++)
		free(e->cells[i]);
	free(e->cells);
	memset(e, 0, sizeof(*e));
}

static struct dbres *
dbc_copy_out(struct arena *a, const struct dbc_entry *e)
{
	struct dbres *r = arena_calloc(a, 1, sizeof(*r));

	r->nrows = e->nrows;
	r->ncols = e->ncols;
	r->cells = arena_calloc(a, e->nrows * e->ncols + 1, sizeof(char *));
	for (size_t i = 0; i < e->nrows * e->ncols; i++)
		r->cells[i] = arena_strdup(a, e->cells[i]);
	return r;
}

int
db_exec_cached(struct db *db, struct arena *a, int id, long long key, int ttl,
    struct dbres **res)
{
	time_t now = time(NULL);
	struct dbc_entry *e = &dbc[((unsigned long long)id * 31u + (unsigned long long)key) %
	    DBC_SLOTS];
	struct dbres *r;
	int rc;

	if (e->cells != NULL && e->id == id && e->key == key && e->expires > now) {
		*res = dbc_copy_out(a, e);
		return DB_OK;
	}
	if ((rc = db_exec(db, a, id, &r, "i", key)) != DB_OK)
		return rc;
	dbc_clear(e);
	e->id = id;
	e->key = key;
	e->expires = now + ttl;
	e->nrows = r->nrows;
	e->ncols = r->ncols;
	if ((e->cells = calloc(r->nrows * r->ncols + 1, sizeof(char *))) == NULL)
		arena_oom();
	for (size_t i = 0; i < r->nrows * r->ncols; i++)
		if (r->cells[i] != NULL && (e->cells[i] = strdup(r->cells[i])) == NULL)
			arena_oom();
	*res = r;
	return DB_OK;
}
