-- Demo data of the callback desk (loaded once by `make run`, never in production), at 翠湖花园:
--   * three callback plans (客户回访计划): a routine one of 1 栋 (floors 1-6) running now, half
--     of it called, a few not reached yet; a special one on the new lifts of 3 栋, a draft by
--     王芳 waiting for the supervisor; a routine one of the shops three months ago, done;
--   * the next-day callback report (客户回访报告表) of every day with callbacks up to three
--     days ago, written by 李明 or 王芳 the next morning and reviewed by 张伟 that afternoon;
--     the report of three days ago waits for review, the day before yesterday's was not
--     written (overdue on the supervisor's home page), yesterday's is to be written today.
-- Deterministic (CRC32 of the row), like the other demo files.
SET @ch = (SELECT id FROM sites WHERE code = 'CH');
SET @s1 = (SELECT id FROM users WHERE username = 'staff1');
SET @s2 = (SELECT id FROM users WHERE username = 'staff2');
SET @sup = (SELECT id FROM users WHERE username = 'supervisor');
SET @mgr = (SELECT id FROM users WHERE username = 'manager');

-- ---- plans ----------------------------------------------------------------------------------
INSERT INTO callback_plans (site_id, kind, title, purpose, method, from_day, to_day, status,
  created_by, created_at, approved_by, approved_at) VALUES
  (@ch, 'routine', '1 栋低区住户季度例行回访',
   '了解 1 栋 1-6 层住户对本季度物业服务（维修、保洁、安保）的满意度，收集意见和建议。',
   'phone', CURDATE() - INTERVAL 5 DAY, CURDATE() + INTERVAL 9 DAY, 'approved',
   @s1, NOW() - INTERVAL 7 DAY, @sup, NOW() - INTERVAL 6 DAY);
SET @p1 = LAST_INSERT_ID();
INSERT INTO callback_plans (site_id, kind, title, purpose, method, from_day, to_day, status,
  created_by, created_at) VALUES
  (@ch, 'special', '3 栋电梯更换专项回访',
   '3 栋两部电梯更换后，上门了解住户对新电梯运行、噪音和施工期间安排的意见。',
   'visit', CURDATE() + INTERVAL 1 DAY, CURDATE() + INTERVAL 14 DAY, 'draft',
   @s2, NOW() - INTERVAL 1 DAY);
SET @p2 = LAST_INSERT_ID();
INSERT INTO callback_plans (site_id, kind, title, purpose, method, from_day, to_day, status,
  created_by, created_at, approved_by, approved_at) VALUES
  (@ch, 'routine', '商业街商户例行回访',
   '了解商业街商户对停车、保洁和收费的意见。', 'visit',
   CURDATE() - INTERVAL 95 DAY, CURDATE() - INTERVAL 85 DAY, 'done',
   @s2, NOW() - INTERVAL 97 DAY, @mgr, NOW() - INTERVAL 96 DAY);
SET @p3 = LAST_INSERT_ID();

-- 1 栋 floors 1-6: due over the plan's days; those due before today are mostly called.
INSERT INTO callbacks (site_id, plan_id, resident_id, due_at, status, attempts, last_attempt_at,
  method, called_by, called_at, satisfaction, words, note)
SELECT @ch, @p1, r.id, x.due,
       IF(x.due < NOW() AND x.k % 5 <> 0, 'done', 'due'),
       IF(x.due < NOW() AND x.k % 5 = 0, 1, 0),
       IF(x.due < NOW() AND x.k % 5 = 0, x.due - INTERVAL 3 HOUR, NULL),
       IF(x.due < NOW(), 'phone', NULL),
       IF(x.due < NOW(), IF(x.k % 2, @s1, @s2), NULL),
       IF(x.due < NOW() AND x.k % 5 <> 0, x.due - INTERVAL (x.k % 4) HOUR, NULL),
       IF(x.due < NOW() AND x.k % 5 <> 0, IF(x.k % 11 = 1, 2, 3 + x.k % 3), NULL),
       IF(x.due < NOW() AND x.k % 5 <> 0,
          ELT(1 + IF(x.k % 11 = 1, 3, x.k % 3), '总体满意，保洁比以前好。', '满意，希望晚上多巡逻几次。',
              '还可以，电梯偶尔有异响。', '楼道灯坏了两次都拖了好几天，不满意。'), ''),
       IF(x.due < NOW() AND x.k % 5 = 0, '无人接听，改日再打。', '')
  FROM residents r JOIN units u ON u.id = r.unit_id JOIN buildings b ON b.id = u.building_id
  JOIN (SELECT r2.id AS rid, CRC32(CONCAT('cbplan', r2.id)) AS k,
               TIMESTAMP(CURDATE() - INTERVAL 5 DAY + INTERVAL (CRC32(CONCAT('cbplan', r2.id)) % 15) DAY,
                         '16:30:00') AS due
          FROM residents r2) x ON x.rid = r.id
 WHERE r.site_id = @ch AND b.site_id = @ch AND b.code = '1' AND u.floor <= 6 AND r.active = 1;

-- 3 栋's draft: every resident of the floors 1-4, due over its days.
INSERT INTO callbacks (site_id, plan_id, resident_id, due_at, words, note)
SELECT @ch, @p2, r.id, TIMESTAMP(CURDATE() + INTERVAL 1 DAY + INTERVAL (r.id % 14) DAY, '17:30:00'), '', ''
  FROM residents r JOIN units u ON u.id = r.unit_id JOIN buildings b ON b.id = u.building_id
 WHERE r.site_id = @ch AND b.site_id = @ch AND b.code = '3' AND u.floor <= 4 AND r.active = 1;

-- The shops, three months ago: all called.
INSERT INTO callbacks (site_id, plan_id, resident_id, due_at, status, method, called_by, called_at,
  satisfaction, words, note)
SELECT @ch, @p3, r.id, TIMESTAMP(CURDATE() - INTERVAL 95 DAY + INTERVAL (r.id % 10) DAY, '17:30:00'),
       'done', 'visit', IF(r.id % 2, @s1, @s2),
       TIMESTAMP(CURDATE() - INTERVAL 95 DAY + INTERVAL (r.id % 10) DAY, '10:30:00'),
       3 + r.id % 3, ELT(1 + r.id % 3, '停车位太少，周末很难停。', '保洁及时，满意。', '收费清楚，没有意见。'), ''
  FROM residents r JOIN units u ON u.id = r.unit_id JOIN buildings b ON b.id = u.building_id
 WHERE r.site_id = @ch AND b.site_id = @ch AND b.code = 'S' AND r.active = 1;

-- ---- next-day reports -----------------------------------------------------------------------
INSERT INTO callback_reports (site_id, day, summary, written_by, written_at, reviewed_by,
  reviewed_at, review_comment)
SELECT @ch, x.day,
       CONCAT('当天回访 ', x.n, ' 户，接通 ', x.reached, ' 户', IF(x.tried > 0, CONCAT('，未接通 ', x.tried, ' 户，已约次日再打'), ''),
              '。满意 ', x.good, ' 户',
              IF(x.bad > 0, CONCAT('；不满意 ', x.bad, ' 户，已重新派单并告知主管，处理后再回访'), '；无不满意'), '。'),
       IF(DAYOFYEAR(x.day) % 2, @s1, @s2), TIMESTAMP(x.day + INTERVAL 1 DAY, '09:30:00'),
       IF(x.day < CURDATE() - INTERVAL 3 DAY, @sup, NULL),
       IF(x.day < CURDATE() - INTERVAL 3 DAY, TIMESTAMP(x.day + INTERVAL 1 DAY, '15:00:00'), NULL),
       IF(x.day < CURDATE() - INTERVAL 3 DAY,
          IF(x.bad > 0, ELT(1 + CRC32(x.day) % 3, '不满意的住户请跟进到底，三天内再回访。',
                            '请工程部说明原因，处理结果报我。', '重新派单后盯紧时限，完成后再回访确认。'),
             ELT(1 + CRC32(x.day) % 3, '已阅，继续保持。', '已阅。', '已阅，注意未接通的住户再联系。')), '')
  FROM (SELECT DATE(COALESCE(called_at, last_attempt_at)) AS day, COUNT(*) AS n,
               SUM(status = 'done') AS reached, SUM(status <> 'done') AS tried,
               SUM(satisfaction >= 4) AS good, SUM(satisfaction <= 2) AS bad
          FROM callbacks
         WHERE site_id = @ch AND (status = 'done' OR attempts > 0)
           AND COALESCE(called_at, last_attempt_at) < CURDATE() - INTERVAL 2 DAY
         GROUP BY DATE(COALESCE(called_at, last_attempt_at))) x
 WHERE NOT EXISTS (SELECT 1 FROM callback_reports r WHERE r.site_id = @ch AND r.day = x.day);
