/* auth.c: passwords (argon2id), server-side sessions, CSRF tokens, roles. */
#include "app.h"
#include <fcntl.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

const struct role_info role_table[6] = {
	{ ROLE_STAFF,      "staff",      "role.staff" },
	{ ROLE_SUPERVISOR, "supervisor", "role.supervisor" },
	{ ROLE_MANAGER,    "manager",    "role.manager" },
	{ ROLE_DIRECTOR,   "director",   "role.director" },
	{ ROLE_ADMIN,      "admin",      "role.admin" },
	{ ROLE_DEPT,       "dept",       "role.dept" },
};
const char *const role_codes[7] = { "staff", "supervisor", "manager", "director", "admin", "dept",
	NULL };

#define SESSION_COOKIE "dd_session"
#define CSRF_COOKIE    "dd_csrf"
/* How often last_seen is written: reads do not turn every page view into a write. */
#define TOUCH_SECONDS  60

int
auth_hash_password(const char *pw, char *out)
{
	return crypto_pwhash_str(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

int
auth_verify_password(const char *hash, const char *pw)
{
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

char *
b64url(struct arena *a, const unsigned char *p, size_t n)
{
	size_t len = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char *out = arena_alloc(a, len);

	sodium_bin2base64(out, len, p, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return out;
}

/* SHA-256 of a cookie token, as stored in sessions.token_hash (arena, 32 bytes). */
static const char *
token_hash(struct arena *a, const char *token)
{
	unsigned char *h = arena_alloc(a, crypto_hash_sha256_BYTES);

	crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
	return (const char *)h;
}

/* ---- the per-worker session cache ----
 *
 * A GET is most of the traffic and a session changes rarely: a worker keeps the sessions it
 * read in the last SCACHE_MS, direct-mapped by the token hash. The generation is a 64-bit
 * counter in a file every worker of the host maps shared (conf session_cache_file); a change
 * (a POST of a program that may change users, sessions or sites, see APP_KEEPS_SESSIONS)
 * moves it before its answer is sent, and an entry read under another generation is not
 * used. The POSTs of the other programs (a duty-log entry, a request) use the cache too. The
 * process's own cache, as the brief allows: nothing else is global. */
#define SCACHE_SLOTS 64
#define SCACHE_MS    1000

struct scache_slot {
	unsigned char hash[crypto_hash_sha256_BYTES];
	uint64_t      gen;
	long long     until_ms;     /* 0: empty */
	long long     id, site_id;
	unsigned      roles;
	int           lang, must_change_pw;
	char          username[64], display_name[160], csrf[64], site_name[320];
};

static struct scache_slot scache[SCACHE_SLOTS];
static volatile uint64_t *scache_gen;   /* the shared counter, NULL when there is none */
static int scache_mapped;               /* 1 once mapping was tried */

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The shared counter, mapped on first use; NULL (no cache) without a usable file. */
static volatile uint64_t *
scache_counter(const struct ctx *c)
{
	int fd;
	void *p;

	if (scache_mapped)
		return scache_gen;
	scache_mapped = 1;
	if (c->conf->session_cache_file[0] == '\0')
		return NULL;
	if ((fd = open(c->conf->session_cache_file, O_RDWR | O_CLOEXEC)) < 0) {
		fprintf(stderr, "auth: session cache off: %s: cannot open\n",
		    c->conf->session_cache_file);
		return NULL;
	}
	p = mmap(NULL, sizeof(uint64_t), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (p == MAP_FAILED) {
		fprintf(stderr, "auth: session cache off: %s: cannot map\n",
		    c->conf->session_cache_file);
		return NULL;
	}
	scache_gen = p;
	return scache_gen;
}

void
auth_cache_bump(const struct ctx *c)
{
	volatile uint64_t *g = scache_counter(c);

	if (g != NULL)
		__atomic_add_fetch(g, 1, __ATOMIC_SEQ_CST);
}

/* Copies a string into a slot field; 0 when it does not fit (the entry is not cached). */
static int
scache_copy(char *dst, size_t size, const char *s)
{
	size_t n = strlen(s);

	if (n >= size)
		return 0;
	memcpy(dst, s, n + 1);
	return 1;
}

/* Fills c->user from a fresh entry of the same generation: 1, else 0. */
static int
scache_get(struct ctx *c, uint64_t gen)
{
	const struct scache_slot *s = &scache[(unsigned char)c->token_hash[0] % SCACHE_SLOTS];

	if (s->until_ms == 0 || s->gen != gen || now_ms() >= s->until_ms ||
	    memcmp(s->hash, c->token_hash, sizeof(s->hash)) != 0)
		return 0;
	c->user.id = s->id;
	c->user.site_id = s->site_id;
	c->user.username = arena_strdup(c->a, s->username);
	c->user.display_name = arena_strdup(c->a, s->display_name);
	c->user.roles = s->roles;
	c->lang = s->lang;
	c->user.must_change_pw = s->must_change_pw;
	c->csrf = arena_strdup(c->a, s->csrf);
	c->user.site_name = arena_strdup(c->a, s->site_name);
	return 1;
}

/* Keeps the session just read from the database, under the generation read before. */
static void
scache_put(const struct ctx *c, uint64_t gen)
{
	struct scache_slot *s = &scache[(unsigned char)c->token_hash[0] % SCACHE_SLOTS];

	s->until_ms = 0;
	if (!scache_copy(s->username, sizeof(s->username), c->user.username) ||
	    !scache_copy(s->display_name, sizeof(s->display_name), c->user.display_name) ||
	    !scache_copy(s->csrf, sizeof(s->csrf), c->csrf) ||
	    !scache_copy(s->site_name, sizeof(s->site_name), c->user.site_name))
		return;
	memcpy(s->hash, c->token_hash, sizeof(s->hash));
	s->gen = gen;
	s->id = c->user.id;
	s->site_id = c->user.site_id;
	s->roles = c->user.roles;
	s->lang = c->lang;
	s->must_change_pw = c->user.must_change_pw;
	s->until_ms = now_ms() + SCACHE_MS;
}

int
auth_load_session(struct ctx *c)
{
	const char *token = ctx_cookie(c, SESSION_COOKIE);
	volatile uint64_t *g;
	uint64_t gen = 0;
	struct dbres *r;
	int rc, cacheable;

	if (token == NULL || strlen(token) != 43)
		return DB_OK;
	c->token_hash = token_hash(c->a, token);
	g = scache_counter(c);
	cacheable = g != NULL && c->method != NULL && !app_may_change_sessions(c);
	if (cacheable) {
		gen = __atomic_load_n(g, __ATOMIC_SEQ_CST);
		if (scache_get(c, gen))
			return DB_OK;
	}
	rc = db_exec(c->db, c->a, DBQ_SESSION_GET, &r, "bi", c->token_hash,
	    (size_t)crypto_hash_sha256_BYTES, (long long)c->conf->session_idle_minutes);
	if (rc != DB_OK)
		return rc;
	if (r->nrows != 1) {
		c->token_hash = NULL;
		return DB_OK;
	}
	c->user.id = dbres_int(r, 0, 0);
	c->user.site_id = dbres_int(r, 0, 1);
	c->user.username = dbres_str(r, 0, 2);
	c->user.display_name = dbres_str(r, 0, 3);
	c->user.roles = (unsigned)dbres_int(r, 0, 4) & ROLES_ANY;
	c->lang = i18n_lang_index(dbres_str(r, 0, 5));
	c->user.must_change_pw = (int)dbres_int(r, 0, 6);
	c->csrf = dbres_str(r, 0, 7);
	c->user.site_name = dbres_str(r, 0, 8);
	if (cacheable)
		scache_put(c, gen);
	if (dbres_int(r, 0, 9) >= TOUCH_SECONDS)
		rc = db_exec(c->db, c->a, DBQ_SESSION_TOUCH, NULL, "b", c->token_hash,
		    (size_t)crypto_hash_sha256_BYTES);
	return rc == DB_EGONE ? DB_EGONE : DB_OK;
}

int
auth_start_session(struct ctx *c, long long user_id)
{
	unsigned char raw[32], csrf_raw[32];
	const char *token, *ua = c->user_agent ? c->user_agent : "";
	char *ua_short;
	int rc;

	randombytes_buf(raw, sizeof(raw));
	randombytes_buf(csrf_raw, sizeof(csrf_raw));
	token = b64url(c->a, raw, sizeof(raw));
	ua_short = arena_strndup(c->a, ua, strlen(ua) > 200 ? 200 : strlen(ua));
	/* Cut at a character boundary so the column stays valid UTF-8. */
	for (size_t n = strlen(ua_short); n > 0 && !valid_utf8(ua_short, n, 0); n--)
		ua_short[n - 1] = '\0';
	/* Expired sessions of this user go first, in their own statement: inside the sign-in
	 * transaction, the delete's gap locks deadlocked with a concurrent sign-in's insert. */
	if (!db_in_tx(c->db))
		(void)auth_purge_sessions(c, user_id);
	rc = db_exec(c->db, c->a, DBQ_SESSION_NEW, NULL, "bisss", token_hash(c->a, token),
		    (size_t)crypto_hash_sha256_BYTES, user_id, b64url(c->a, csrf_raw,
		    sizeof(csrf_raw)), c->remote_addr ? c->remote_addr : "", ua_short);
	if (rc == DB_OK)
		resp_cookie(c, SESSION_COOKIE, token, -1);
	return rc;
}

int
auth_throttled(struct ctx *c, const char *name, long long *wait_min, int *rc)
{
	struct dbres *r;
	long long n, since, wait;
	int max = c->conf->login_max_failures;

	*rc = db_exec(c->db, c->a, DBQ_LOGIN_FAILURES, &r, "sis", name,
	    (long long)c->conf->login_window_minutes, name);
	if (*rc != DB_OK)
		return 0;
	n = dbres_int(r, 0, 0);
	since = dbres_int(r, 0, 1);
	if (n < max) {
		/* Many failures from one address over any names also count. */
		*rc = db_exec(c->db, c->a, DBQ_LOGIN_IP_FAILURES, &r, "si",
		    c->remote_addr ? c->remote_addr : "", (long long)c->conf->login_window_minutes);
		if (*rc != DB_OK || dbres_int(r, 0, 0) < (long long)max * 4)
			return 0;
		n = max;
		since = dbres_int(r, 0, 1);
	}
	/* One minute after the limit, doubling with each further failure, at most 15. */
	wait = 60LL << (n - max > 4 ? 4 : n - max);
	if (wait > 900)
		wait = 900;
	if (since >= wait)
		return 0;
	*wait_min = (wait - since + 59) / 60;
	return 1;
}

int
auth_record_attempt(struct ctx *c, const char *name, int ok)
{
	return db_exec(c->db, c->a, DBQ_LOGIN_RECORD, NULL, "ssi", name,
	    c->remote_addr ? c->remote_addr : "", (long long)(ok != 0));
}

int
auth_check_password(struct ctx *c, const char *name, const char *hash, const char *pw,
    long long *wait_min, int *rc)
{
	*wait_min = 0;
	if (auth_throttled(c, name, wait_min, rc))
		return AUTH_PW_THROTTLED;
	if (*rc != DB_OK)
		return -1;
	if (hash != NULL && hash[0] != '\0' && auth_verify_password(hash, pw))
		return AUTH_PW_OK;
	if ((*rc = auth_record_attempt(c, name, 0)) != DB_OK)
		return -1;
	return AUTH_PW_WRONG;
}

int
auth_purge_sessions(struct ctx *c, long long user_id)
{
	return db_exec(c->db, c->a, DBQ_SESSION_PURGE, NULL, "ii", user_id,
	    (long long)c->conf->session_idle_minutes);
}

int
auth_end_session(struct ctx *c)
{
	int rc = DB_OK;

	if (c->token_hash != NULL)
		rc = db_exec(c->db, c->a, DBQ_SESSION_DEL, NULL, "b", c->token_hash,
		    (size_t)crypto_hash_sha256_BYTES);
	resp_cookie(c, SESSION_COOKIE, "", 0);
	return rc;
}

/* The key for the sign-in CSRF MAC, derived from the configured secret. */
static void
csrf_key(const struct ctx *c, unsigned char key[crypto_auth_hmacsha256_KEYBYTES])
{
	crypto_generichash(key, crypto_auth_hmacsha256_KEYBYTES,
	    (const unsigned char *)c->conf->secret, strlen(c->conf->secret),
	    (const unsigned char *)"dd-csrf", 7);
}

/* nonce "." mac, both base64url. */
static char *
csrf_make(struct ctx *c, const unsigned char nonce[18])
{
	unsigned char key[crypto_auth_hmacsha256_KEYBYTES], mac[crypto_auth_hmacsha256_BYTES];

	csrf_key(c, key);
	crypto_auth_hmacsha256(mac, nonce, 18, key);
	sodium_memzero(key, sizeof(key));
	return arena_printf(c->a, "%s.%s", b64url(c->a, nonce, 18), b64url(c->a, mac, sizeof(mac)));
}

int
csrf_anon_valid(const struct ctx *c, const char *field, const char *cookie)
{
	unsigned char nonce[18], key[crypto_auth_hmacsha256_KEYBYTES];
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	size_t nlen = 0, mlen = 0;
	const char *dot;
	int ok;

	if (field == NULL || cookie == NULL || strlen(field) != strlen(cookie) ||
	    strlen(field) > 128 || sodium_memcmp(field, cookie, strlen(field)) != 0)
		return 0;
	if ((dot = strchr(cookie, '.')) == NULL)
		return 0;
	if (sodium_base642bin(nonce, sizeof(nonce), cookie, (size_t)(dot - cookie), NULL, &nlen,
	    NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 || nlen != sizeof(nonce))
		return 0;
	if (sodium_base642bin(mac, sizeof(mac), dot + 1, strlen(dot + 1), NULL, &mlen, NULL,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 || mlen != sizeof(mac))
		return 0;
	csrf_key((struct ctx *)c, key);
	ok = crypto_auth_hmacsha256_verify(mac, nonce, sizeof(nonce), key) == 0;
	sodium_memzero(key, sizeof(key));
	return ok;
}

const char *
csrf_anon_token(struct ctx *c)
{
	const char *have = ctx_cookie(c, CSRF_COOKIE);
	unsigned char nonce[18];
	char *tok;

	if (have != NULL && csrf_anon_valid(c, have, have))
		return have;
	randombytes_buf(nonce, sizeof(nonce));
	tok = csrf_make(c, nonce);
	resp_cookie(c, CSRF_COOKIE, tok, -1);
	return tok;
}

const char *
roles_text(struct ctx *c, unsigned bits, const char *sep, int codes)
{
	struct buf b;
	char *s;

	buf_init(&b);
	for (size_t i = 0; i < ROLE_COUNT; i++)
		if (bits & role_table[i].bit)
			buf_printf(&b, "%s%s", b.len ? sep : "",
			    codes ? role_table[i].code : ctx_t(c, role_table[i].msg_key));
	s = arena_strdup(c->a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

int
ctx_has_role(const struct ctx *c, unsigned roles)
{
	return c->user.id != 0 && (c->user.roles & roles) != 0;
}

int
ctx_site_ok(const struct ctx *c, long long site_id)
{
	if (c->user.id == 0)
		return 0;
	return (c->user.roles & ROLE_ADMIN) || c->user.site_id == site_id;
}
