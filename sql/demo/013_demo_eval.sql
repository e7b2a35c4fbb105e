-- Demo staff evaluations (loaded once by `make run`, never in production; numbered like
-- migration 013 so that it runs after every demo file whose records it counts): the default
-- checklist for the demo site (created after sql/013 ran), and signed evaluations of staff1
-- (李明) and staff2 (王芳) by the supervisor (张伟) for the second and third month before the
-- current one (last month is left to evaluate). Their figures are counted from the demo
-- records of those months as the program counts them (E_FIGURES in cgi-bin/eval/stmts.c:
-- the demo requests of 006 and callbacks of 006 and 011; the demo log and roster cover only
-- this month), as frozen at signing. staff2's older one carries a correction of one score
-- (a stamp); staff1 added a remark to the older one.
INSERT IGNORE INTO eval_items (site_id, name, max_score, sort_order)
SELECT s.id, i.name, i.max_score, i.ord FROM sites s
JOIN (SELECT '仪容仪表' AS name, 10 AS max_score, 1 AS ord
      UNION ALL SELECT '服务态度', 20, 2
      UNION ALL SELECT '记录规范', 15, 3
      UNION ALL SELECT '交接规范', 15, 4
      UNION ALL SELECT '电话接听(三声内)', 15, 5
      UNION ALL SELECT '投诉处理', 15, 6
      UNION ALL SELECT '劳动纪律', 10, 7) i;

SET @site = (SELECT id FROM sites WHERE code = 'CH');
SET @sup = (SELECT id FROM users WHERE username = 'supervisor');
SET @s1 = (SELECT id FROM users WHERE username = 'staff1');
SET @s2 = (SELECT id FROM users WHERE username = 'staff2');
SET @m3 = DATE_FORMAT(CURDATE() - INTERVAL 3 MONTH, '%Y-%m-01');
SET @m2 = DATE_FORMAT(CURDATE() - INTERVAL 2 MONTH, '%Y-%m-01');
SET @rt = COALESCE((SELECT ring_target FROM req_settings WHERE site_id = @site), 3);

-- (person, month, scores in checklist order, comment, remark)
CREATE TEMPORARY TABLE demo_eval (
  k INT PRIMARY KEY, user_id INT, m DATE, s1 INT, s2 INT, s3 INT, s4 INT, s5 INT, s6 INT, s7 INT,
  comment TEXT, remark TEXT);
INSERT INTO demo_eval VALUES
  (1, @s1, @m3, 9, 17, 12, 13, 12, 13, 9, '服务热情，记录基本完整；交接时个别物品清点不够仔细。',
   '收到，下月交接时逐项清点。'),
  (2, @s1, @m2, 9, 18, 14, 14, 13, 13, 10, '记录规范明显进步，电话接听及时。', ''),
  (3, @s2, @m3, 10, 16, 13, 12, 11, 12, 9, '态度认真；电话接听速度需提高。', ''),
  (4, @s2, @m2, 10, 17, 13, 13, 12, 13, 10, '电话接听有改善，投诉处理跟进及时。', '');

INSERT INTO evaluations (site_id, user_id, period_from, period_to, status, evaluator_id, comment,
  figures, total, created_at, signed_at, staff_remark, remark_at)
SELECT @site, d.user_id, d.m, LAST_DAY(d.m), 'signed', @sup, d.comment,
       CONCAT('{"shifts":', (SELECT COUNT(*) FROM roster_entries e JOIN roster_months m ON m.id = e.month_id
                WHERE m.site_id = @site AND e.user_id = d.user_id AND m.status = 'published'
                AND e.version_to IS NULL AND e.day BETWEEN d.m AND LAST_DAY(d.m)),
         ',"entries":', (SELECT COUNT(*) FROM log_entries e WHERE e.site_id = @site
                AND e.written_by = d.user_id AND e.occurred_at >= d.m
                AND e.occurred_at < LAST_DAY(d.m) + INTERVAL 1 DAY),
         ',"pages_closed":', (SELECT COUNT(*) FROM log_pages p JOIN log_days x ON x.id = p.day_id
                WHERE x.site_id = @site AND x.day BETWEEN d.m AND LAST_DAY(d.m) AND p.closed_by = d.user_id),
         ',"ho_on_time":', (SELECT COUNT(*) FROM handovers h WHERE h.site_id = @site
                AND h.incoming_id = d.user_id AND h.status = 'accepted' AND h.day BETWEEN d.m AND LAST_DAY(d.m)
                AND TIMESTAMPDIFF(MINUTE, h.arrived_at, h.shift_end_at) >= h.early_minutes),
         ',"ho_late":', (SELECT COUNT(*) FROM handovers h WHERE h.site_id = @site
                AND h.incoming_id = d.user_id AND h.status = 'accepted' AND h.day BETWEEN d.m AND LAST_DAY(d.m)
                AND TIMESTAMPDIFF(MINUTE, h.arrived_at, h.shift_end_at) < h.early_minutes),
         ',"ho_refused":', (SELECT COUNT(*) FROM handovers h WHERE h.site_id = @site
                AND h.outgoing_id = d.user_id AND h.refused_at IS NOT NULL AND h.day BETWEEN d.m AND LAST_DAY(d.m)),
         ',"requests":', (SELECT COUNT(*) FROM requests r WHERE r.site_id = @site AND r.received_by = d.user_id
                AND r.received_at >= d.m AND r.received_at < LAST_DAY(d.m) + INTERVAL 1 DAY),
         ',"complaints":', (SELECT COUNT(*) FROM requests r WHERE r.site_id = @site AND r.received_by = d.user_id
                AND r.received_at >= d.m AND r.received_at < LAST_DAY(d.m) + INTERVAL 1 DAY
                AND r.type = 'complaint'),
         ',"phone_known":', (SELECT COUNT(*) FROM requests r WHERE r.site_id = @site AND r.received_by = d.user_id
                AND r.received_at >= d.m AND r.received_at < LAST_DAY(d.m) + INTERVAL 1 DAY
                AND r.channel = 'phone' AND r.rings IS NOT NULL),
         ',"phone_within":', (SELECT COUNT(*) FROM requests r WHERE r.site_id = @site AND r.received_by = d.user_id
                AND r.received_at >= d.m AND r.received_at < LAST_DAY(d.m) + INTERVAL 1 DAY
                AND r.channel = 'phone' AND r.rings IS NOT NULL AND r.rings <= @rt),
         ',"ring_target":', @rt,
         ',"callbacks":', (SELECT COUNT(*) FROM callbacks c WHERE c.site_id = @site AND c.called_by = d.user_id
                AND c.status = 'done' AND c.called_at >= d.m AND c.called_at < LAST_DAY(d.m) + INTERVAL 1 DAY),
         ',"sat_count":', (SELECT COUNT(*) FROM callbacks c WHERE c.site_id = @site AND c.called_by = d.user_id
                AND c.status = 'done' AND c.called_at >= d.m AND c.called_at < LAST_DAY(d.m) + INTERVAL 1 DAY
                AND c.satisfaction IS NOT NULL),
         ',"sat_sum":', (SELECT COALESCE(SUM(c.satisfaction), 0) FROM callbacks c WHERE c.site_id = @site
                AND c.called_by = d.user_id AND c.status = 'done' AND c.called_at >= d.m
                AND c.called_at < LAST_DAY(d.m) + INTERVAL 1 DAY AND c.satisfaction IS NOT NULL), '}'),
       d.s1 + d.s2 + d.s3 + d.s4 + d.s5 + d.s6 + d.s7,
       LAST_DAY(d.m) + INTERVAL 3 DAY + INTERVAL 10 HOUR,
       LAST_DAY(d.m) + INTERVAL 5 DAY + INTERVAL 16 HOUR, d.remark,
       IF(d.remark = '', NULL, LAST_DAY(d.m) + INTERVAL 6 DAY + INTERVAL 9 HOUR)
  FROM demo_eval d ORDER BY d.k;

INSERT INTO eval_scores (evaluation_id, item_id, score, comment)
SELECT e.id, i.id, ELT(i.sort_order, d.s1, d.s2, d.s3, d.s4, d.s5, d.s6, d.s7), ''
  FROM demo_eval d
  JOIN evaluations e ON e.user_id = d.user_id AND e.period_from = d.m
  JOIN eval_items i ON i.site_id = @site AND i.sort_order BETWEEN 1 AND 7;

-- A correction of staff2's older evaluation: 电话接听 11 -> 12 after the call records were checked.
INSERT INTO record_corrections (site_id, entity, entity_id, field, old_text, new_text, reason,
  corrected_by, corrected_at)
SELECT @site, 'evaluation', e.id, CONCAT('score:', i.id), '11', '12',
       '核对来电记录后，有两次响铃超过三声是线路故障，不计。', @sup, e.signed_at + INTERVAL 2 DAY
  FROM evaluations e JOIN eval_items i ON i.site_id = @site AND i.name = '电话接听(三声内)'
 WHERE e.user_id = @s2 AND e.period_from = @m3;

INSERT INTO form_numbers (number, kind, site_id, record_id, day, seq)
SELECT dd_number('PG', DATE(e.signed_at), ROW_NUMBER() OVER (PARTITION BY DATE(e.signed_at) ORDER BY e.id)),
       'evaluation', @site, e.id, DATE(e.signed_at),
       ROW_NUMBER() OVER (PARTITION BY DATE(e.signed_at) ORDER BY e.id)
  FROM evaluations e WHERE e.site_id = @site AND e.status = 'signed';

INSERT INTO audit_log (user_id, site_id, action, entity, entity_id, summary)
SELECT @sup, @site, 'sign', 'evaluation', e.id, CONCAT('载入演示数据：签署评估 #', e.id)
  FROM evaluations e WHERE e.site_id = @site;
DROP TEMPORARY TABLE demo_eval;
