-- Resident requests for `make bench` (after the demo data): 200,000 requests of the demo site
-- CH over the two years before today (about 270 a day), with their work orders, timeline
-- events, callbacks and a few escalations. Uses the SEQUENCE engine like bench-data.sql: one
-- INSERT ... SELECT per table. The report summaries (sql/012) are rebuilt once at the end
-- instead of by the triggers row by row (@dd_stats_off). Loading it twice adds nothing the
-- second time (the requests are there already), so two bench lines may both load it.
--
--   types: repair 40 %, complaint 25 %, inquiry 20 %, help 10 %, suggestion 5 %
--   channels: phone 60 % (rings 1-5 known), visit 20 %, online 10 %, letter 5 %, fax 5 %
--   responded 0-89 minutes after (due in 60), done within 0-4,000 minutes (due in 2 days) for
--   all but the last three days; work orders for repairs and complaints; callbacks for 9 in
--   10 of the done orders, scores mostly 4-5.

SET NAMES utf8mb4;
SET @dd_stats_off := 1;
SET @site := (SELECT id FROM sites WHERE code = 'CH');
SET @staff := (SELECT id FROM users WHERE username = 'staff1');
SET @start := TIMESTAMP(CURDATE() - INTERVAL 730 DAY, '00:00:00');
SET @first := (SELECT COALESCE(MAX(id), 0) FROM requests);
SET @first_wo := (SELECT COALESCE(MAX(id), 0) FROM work_orders);

-- Categories (kept if the demo data has them), each with a department.
INSERT IGNORE INTO req_categories (site_id, name, department_id, sort_order)
SELECT @site, c.name, (SELECT id FROM departments WHERE site_id = @site AND name = c.dept), c.ord
FROM (SELECT '水电' AS name, '工程维修部' AS dept, 1 AS ord UNION ALL SELECT '电梯', '工程维修部', 2
      UNION ALL SELECT '噪音', '安保部', 3 UNION ALL SELECT '环境卫生', '保洁部', 4
      UNION ALL SELECT '停车', '安保部', 5 UNION ALL SELECT '安全', '安保部', 6
      UNION ALL SELECT '收费', '客服中心', 7 UNION ALL SELECT '绿化', '绿化部', 8
      UNION ALL SELECT '门禁', '安保部', 9 UNION ALL SELECT '其他', '客服中心', 10) c;

CREATE TEMPORARY TABLE bench_units (n INT PRIMARY KEY, unit_id INT UNSIGNED, building_id INT UNSIGNED)
SELECT ROW_NUMBER() OVER (ORDER BY u.id) - 1 AS n, u.id AS unit_id, u.building_id
FROM units u WHERE u.site_id = @site;
SET @units := (SELECT COUNT(*) FROM bench_units);
CREATE TEMPORARY TABLE bench_cats (n INT PRIMARY KEY, category_id INT UNSIGNED, department_id INT UNSIGNED)
SELECT ROW_NUMBER() OVER (ORDER BY c.id) - 1 AS n, c.id AS category_id,
       COALESCE(c.department_id, (SELECT MIN(id) FROM departments WHERE site_id = @site)) AS department_id
FROM req_categories c WHERE c.site_id = @site;
SET @cats := (SELECT COUNT(*) FROM bench_cats);

INSERT INTO requests (site_id, number, channel, type, urgency, major, category_id, unit_id,
                      building_id, caller_name, caller_phone, description, answer, rings,
                      received_by, received_at, respond_due, resolve_due, first_response_at,
                      done_at, closed_at, closed_by, status, form_key)
SELECT @site, CONCAT('BENCH-REQ-', LPAD(s.seq, 7, '0')),
       ELT(1 + (CASE WHEN s.seq % 20 < 12 THEN 0 WHEN s.seq % 20 < 16 THEN 1
           WHEN s.seq % 20 < 18 THEN 4 WHEN s.seq % 20 < 19 THEN 2 ELSE 3 END),
           'phone', 'visit', 'letter', 'fax', 'online'),
       ELT(1 + (CASE WHEN s.seq % 20 < 8 THEN 1 WHEN s.seq % 20 < 13 THEN 0
           WHEN s.seq % 20 < 17 THEN 2 WHEN s.seq % 20 < 19 THEN 4 ELSE 3 END),
           'complaint', 'repair', 'inquiry', 'suggestion', 'help'),
       IF(s.seq % 50 = 0, 'urgent', 'normal'), s.seq % 500 = 0,
       c.category_id, u.unit_id, u.building_id,
       CONCAT('住户', s.seq % 997), CONCAT('139', LPAD(s.seq % 99999999, 8, '0')),
       CONCAT('压测事项 ', s.seq, '：住户反映问题，需要处理。'), '',
       IF(s.seq % 20 < 12, 1 + (s.seq * 7) % 5, NULL),
       @staff, s.at, s.at + INTERVAL 60 MINUTE, s.at + INTERVAL 2 DAY,
       s.at + INTERVAL (s.seq * 37) % 90 MINUTE,
       IF(s.at < NOW() - INTERVAL 3 DAY, s.at + INTERVAL (s.seq * 53) % 4000 MINUTE, NULL),
       IF(s.at < NOW() - INTERVAL 3 DAY, s.at + INTERVAL (s.seq * 53) % 4000 + 1500 MINUTE, NULL),
       IF(s.at < NOW() - INTERVAL 3 DAY, @staff, NULL),
       IF(s.at < NOW() - INTERVAL 3 DAY, 'closed', 'dispatched'),
       CONCAT('benchreq', LPAD(s.seq, 24, '0'))
FROM (SELECT seq, @start + INTERVAL (seq * 315 + (seq * 7919) % 300) SECOND AS at
      FROM seq_1_to_200000) s
JOIN bench_units u ON u.n = (s.seq * 7919) % @units
JOIN bench_cats c ON c.n = (s.seq * 31) % @cats
WHERE NOT EXISTS (SELECT 1 FROM requests x WHERE x.number = 'BENCH-REQ-0000001');

-- Work orders for repairs and complaints, to the category's department.
INSERT INTO work_orders (site_id, request_id, department_id, status, instructions, due_at,
                         dispatched_by, dispatched_at, started_at, done_at, technician, result)
SELECT r.site_id, r.id, COALESCE(c.department_id, (SELECT MIN(id) FROM departments WHERE site_id = @site)),
       IF(r.done_at IS NULL, 'dispatched', 'done'), '请尽快处理。', r.resolve_due, @staff,
       r.first_response_at, r.first_response_at, r.done_at, IF(r.done_at IS NULL, '', '维修员'),
       IF(r.done_at IS NULL, '', '已处理完毕。')
FROM requests r LEFT JOIN req_categories c ON c.id = r.category_id
WHERE r.id > @first AND r.type IN ('repair', 'complaint');

-- The timeline: registered for every request, dispatched for every order.
INSERT INTO request_events (request_id, kind, to_status, note, user_id, at)
SELECT id, 'registered', 'registered', '', @staff, received_at FROM requests WHERE id > @first;
INSERT INTO request_events (request_id, work_order_id, kind, from_status, to_status, note, user_id, at)
SELECT request_id, id, 'dispatched', 'registered', 'dispatched', '', @staff, dispatched_at
FROM work_orders WHERE id > @first_wo;

-- Callbacks of 9 in 10 done orders, the day after; scores mostly 4 and 5.
INSERT INTO callbacks (site_id, request_id, work_order_id, due_at, status, method, called_by,
                       called_at, satisfaction, words, note)
SELECT w.site_id, w.request_id, w.id, w.done_at + INTERVAL 1 DAY, 'done', 'phone', @staff,
       w.done_at + INTERVAL 20 HOUR, ELT(1 + (w.id * 13) % 10, 5, 5, 5, 5, 4, 4, 4, 3, 2, 1),
       '满意', ''
FROM work_orders w WHERE w.id > @first_wo AND w.status = 'done' AND w.id % 10 <> 0;

-- Major complaints escalated to the manager and decided.
INSERT INTO req_escalations (request_id, site_id, level, role, status, escalated_at, decide_due,
                             decided_by, decided_at, decision)
SELECT id, site_id, 1, 4, 'decided', received_at + INTERVAL 10 MINUTE,
       received_at + INTERVAL 250 MINUTE, @staff, received_at + INTERVAL 2 HOUR, '已处理。'
FROM requests WHERE id > @first AND major = 1;

DROP TEMPORARY TABLE bench_units;
DROP TEMPORARY TABLE bench_cats;
SET @dd_stats_off := NULL;
CALL report_stats_rebuild(NULL);
CALL cb_stats_cat_rebuild(NULL);
