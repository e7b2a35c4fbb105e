/* escalate.c: see escalate.h. */
#include "escalate.h"

int
rq_escalation_step(struct ctx *c, const struct rq_esc_stmts *q)
{
	struct dbres *r, *l;
	const char *now;
	long long site = c->user.site_id;
	int rc = db_exec(c->db, c->a, q->due, &r, "i", site);

	if (rc != DB_OK || r->nrows != 1 || dbres_int(r, 0, 1) == 0)
		return rc;
	now = dbres_str(r, 0, 0);
	if ((rc = db_exec(c->db, c->a, q->lock, &l, "i", site)) != DB_OK)
		return rc == DB_EGONE ? rc : DB_OK;
	if (l->nrows != 1 || dbres_int(l, 0, 0) != 1)
		return DB_OK;   /* another worker is at it */
	if ((rc = db_begin(c->db)) == DB_OK &&
	    (rc = db_exec(c->db, c->a, q->pass, NULL, "is", site, now)) == DB_OK &&
	    (rc = db_exec(c->db, c->a, q->mark, NULL, "is", site, now)) == DB_OK)
		rc = db_commit(c->db);
	if (rc != DB_OK)
		db_rollback(c->db);
	if (rc != DB_EGONE)
		db_exec(c->db, c->a, q->unlock, NULL, "i", site);
	return rc == DB_EGONE ? rc : DB_OK;
}
