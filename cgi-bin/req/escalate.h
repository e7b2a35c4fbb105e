/* escalate.h: the escalation step of major complaints, shared by dd-req (at the start of the
 * request pages) and dd-auth (the home page, so that the next level sees a passed step as
 * soon as anyone looks). There is no background job: the step is idempotent. Each program
 * keeps its own statement table; these macros are the one text of its SQL, and the program
 * hands the ids it gave them to rq_escalation_step. */
#ifndef DD_REQ_ESCALATE_H
#define DD_REQ_ESCALATE_H
#include "core/app.h"

/* The server's now, and whether a pending step of the site is past its time with a next
 * level to pass to. Parameter: site. */
#define RQ_SQL_ESC_DUE "SELECT DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s'), EXISTS (SELECT 1" \
	" FROM req_escalations e JOIN req_escalation_rules x" \
	" ON x.site_id = e.site_id AND x.level = e.level + 1" \
	" WHERE e.site_id = ? AND e.status = 'pending' AND e.decide_due <= NOW())"
/* The next level of every such step. Parameters: site, now. */
#define RQ_SQL_ESC_PASS "INSERT IGNORE INTO req_escalations (request_id, site_id, level, role," \
	" status, escalated_at, decide_due, decision) SELECT e.request_id, e.site_id, x.level, x.role," \
	" 'pending', NOW(), NOW() + INTERVAL x.decide_minutes MINUTE, ''" \
	" FROM req_escalations e JOIN req_escalation_rules x" \
	" ON x.site_id = e.site_id AND x.level = e.level + 1" \
	" WHERE e.site_id = ? AND e.status = 'pending' AND e.decide_due <= ?"
/* The steps passed on. Parameters: site, now. */
#define RQ_SQL_ESC_MARK "UPDATE req_escalations e JOIN req_escalation_rules x" \
	" ON x.site_id = e.site_id AND x.level = e.level + 1 SET e.status = 'escalated'" \
	" WHERE e.site_id = ? AND e.status = 'pending' AND e.decide_due <= ?"
/* One worker of any program at a time per site, without waiting. Parameter: site. */
#define RQ_SQL_ESC_LOCK "SELECT GET_LOCK(CONCAT('dd_req_escalate_', ?), 0)"
#define RQ_SQL_ESC_UNLOCK "SELECT RELEASE_LOCK(CONCAT('dd_req_escalate_', ?))"

/* The ids a program gave the statements above in its own table. */
struct rq_esc_stmts {
	int due, pass, mark, lock, unlock;
};

/* Passes every pending step of the user's site that is past its time to the next level, in
 * one transaction of its own, unless another worker is at it. DB_OK (also when the step
 * failed, e.g. a deadlock: it is left to the next page) or DB_EGONE. */
int rq_escalation_step(struct ctx *c, const struct rq_esc_stmts *q);

#endif
