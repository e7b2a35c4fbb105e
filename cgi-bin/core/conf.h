/* conf.h: the one configuration file (key = value lines), read once at start. */
#ifndef DD_CONF_H
#define DD_CONF_H
#include <stddef.h>

struct conf {
	char   db_socket[256];
	char   db_name[64];
	char   db_user[64];
	char   db_password[128];
	char   base_url[256];      /* used in QR links: base_url + "/r/<number>" */
	char   secret[129];        /* hex; keys the sign-in CSRF token */
	char   upload_dir[256];
	char   template_dir[256];
	char   i18n_dir[256];
	char   session_cache_file[256]; /* shared session generation; "" = no session cache */
	size_t max_body_bytes;     /* urlencoded forms */
	size_t max_upload_bytes;   /* multipart forms (photos, scans) */
	int    session_idle_minutes;
	int    login_max_failures;
	int    login_window_minutes;
	int    cookie_secure;
};

/* Sets the defaults. */
void conf_defaults(struct conf *c);
/* Reads path over the defaults. Returns 0, or -1 with a message in err (size errlen). */
int  conf_load(struct conf *c, const char *path, char *err, size_t errlen);
/* Parses one "key = value" text (the whole file) over c; used by conf_load and the tests. */
int  conf_parse(struct conf *c, const char *text, char *err, size_t errlen);

#endif
