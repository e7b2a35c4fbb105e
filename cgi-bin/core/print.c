/* print.c: the unified-number register and the one print layout every form shares. */
#include "app.h"
#include <stdio.h>
#include <string.h>

int
number_lookup(struct ctx *c, const char *kind, long long id, const char **number)
{
	struct dbres *r;
	int rc = db_exec(c->db, c->a, DBQ_NUMBER_OF, &r, "si", kind, id);

	*number = (rc == DB_OK && r->nrows == 1) ? dbres_str(r, 0, 0) : NULL;
	return rc;
}

int
number_assign(struct ctx *c, const char *kind, long long site_id, long long id,
    const char *day, const char **number)
{
	const struct number_kind *k = number_kind(kind);
	int own = !db_in_tx(c->db), rc;
	struct dbres *r;

	if (k == NULL)
		return DB_EFAIL;
	if ((rc = number_lookup(c, kind, id, number)) != DB_OK || *number != NULL)
		return rc;
	if (own && (rc = db_begin(c->db)) != DB_OK)
		return rc;
	/* The row lock on (kind, day) serialises two numbers taken at once on the same day. */
	rc = db_exec(c->db, c->a, DBQ_NUMBER_NEXT, &r, "ss", kind, day);
	if (rc == DB_OK) {
		long long seq = dbres_int(r, 0, 0);

		*number = number_format(c->a, k->prefix, day, seq);
		rc = db_exec(c->db, c->a, DBQ_NUMBER_ADD, NULL, "ssiisi", *number, kind, site_id, id,
		    day, seq);
	}
	if (own && rc == DB_OK)
		rc = db_commit(c->db);
	if (rc != DB_OK) {
		if (own)
			db_rollback(c->db);
		*number = NULL;
	}
	return rc;
}

int
print_embedded(const struct ctx *c)
{
	const char *e = ctx_query(c, "embed");

	return e != NULL && strcmp(e, "1") == 0;
}

tpl_dict *
print_begin(struct ctx *c, const char *tpl, const char *kind, const char *number, int *rc)
{
	const struct number_kind *k = number_kind(kind);
	struct dbres *r;
	tpl_dict *d;
	char *url, *svg;
	long long prints;

	*rc = db_exec(c->db, c->a, DBQ_PRINT_ADD, NULL, "si", number, c->user.id);
	if (*rc == DB_OK)
		*rc = db_exec(c->db, c->a, DBQ_PRINT_COUNT, &r, "s", number);
	if (*rc != DB_OK)
		return NULL;
	prints = dbres_int(r, 0, 0);
	d = page_begin(c, tpl, k ? k->title : "app.name");
	c->layout = "print.tpl";
	/* ?embed=1: the sheet alone, for a batch document that includes many (nginx SSI). */
	if (!print_embedded(c))
		tpl_show(c->dict, "FULL");
	url = arena_printf(c->a, "%s/r/%s", c->conf->base_url, number);
	svg = qr_svg(c->a, url, 24);
	tpl_set(c->dict, "NUMBER", number);
	tpl_set(c->dict, "QR_URL", url);
	tpl_set(c->dict, "QR_SVG", svg ? svg : "");
	tpl_set(c->dict, "SITE_NAME_PRINT", c->user.site_name);
	tpl_set_int(c->dict, "PRINT_NO", prints);
	if (prints > 1)
		tpl_show(c->dict, "COPY");
	return d;
}

void
print_sign(struct ctx *c, const char *label_key, const char *name)
{
	tpl_dict *s = tpl_section(c->dict, "SIGN");

	tpl_set(s, "LABEL", ctx_t(c, label_key));
	tpl_set(s, "NAME", name ? name : "");
}
