-- Duty-log data for `make bench` (after bench-data.sql): 50 sites in all, each with three
-- shifts, the eleven categories and a year of closed and signed shift pages, 19 entries a
-- page: about 1,040,000 log entries. Uses the SEQUENCE engine like bench-data.sql.

SET NAMES utf8mb4;
SET @pw := (SELECT pw_hash FROM users WHERE username = 'staff1');

-- Sites 31..49 of the bench (with the demo site and BENCH01..30: 50 sites).
INSERT INTO sites (code, name, address, phone)
SELECT CONCAT('BENCH', LPAD(s.seq, 2, '0')), CONCAT('压测小区', LPAD(s.seq, 2, '0'), '号'),
       CONCAT('测试市测试区压测路', s.seq, '号'), CONCAT('0755-8800', LPAD(s.seq, 4, '0'))
FROM seq_31_to_49 s;
INSERT INTO users (site_id, username, display_name, roles, pw_hash)
SELECT st.id, CONCAT('blog', st.id, '_', u.seq), CONCAT('值班员', st.id, '-', u.seq), 1, @pw
FROM sites st JOIN seq_1_to_20 u WHERE st.code BETWEEN 'BENCH31' AND 'BENCH49';

-- Shifts and categories for every site that has none, copied from the demo site.
INSERT INTO shifts (site_id, name, start_time, end_time, headcount, holiday_headcount,
                    needs_lead, needs_deputy, sort_order)
SELECT st.id, sh.name, sh.start_time, sh.end_time, sh.headcount, sh.holiday_headcount,
       sh.needs_lead, sh.needs_deputy, sh.sort_order
FROM sites st JOIN shifts sh ON sh.site_id = (SELECT id FROM sites WHERE code = 'CH')
WHERE NOT EXISTS (SELECT 1 FROM shifts x WHERE x.site_id = st.id);
INSERT INTO log_categories (site_id, name, sort_order)
SELECT st.id, c.name, c.sort_order
FROM sites st JOIN log_categories c ON c.site_id = (SELECT id FROM sites WHERE code = 'CH')
WHERE NOT EXISTS (SELECT 1 FROM log_categories x WHERE x.site_id = st.id);

-- 365 days ending the day before yesterday (yesterday and today are left to the current
-- shift, which may have started yesterday), signed by the site's first user; the days the
-- demo's duty log has already (sql/demo/014_demo_log_history.sql) are kept as they are.
INSERT INTO log_days (site_id, day, status, signed_by, signed_at, sign_comment)
SELECT st.id, CURDATE() - INTERVAL (d.seq + 1) DAY, 'signed',
       (SELECT MIN(u.id) FROM users u WHERE u.site_id = st.id),
       CURDATE() - INTERVAL d.seq DAY + INTERVAL 9 HOUR, '已阅'
FROM sites st JOIN seq_1_to_365 d
WHERE NOT EXISTS (SELECT 1 FROM log_days x
                  WHERE x.site_id = st.id AND x.day = CURDATE() - INTERVAL (d.seq + 1) DAY);

SET @demo_last_page := (SELECT COALESCE(MAX(id), 0) FROM log_pages);

INSERT INTO log_pages (site_id, day_id, shift_id, status, opened_by, opened_at, lead_id,
                       closed_by, closed_at)
SELECT d.site_id, d.id, sh.id, 'closed', w.uid, TIMESTAMP(d.day, sh.start_time), w.uid, w.uid,
       TIMESTAMP(d.day, sh.start_time) + INTERVAL 7 HOUR
FROM log_days d
JOIN shifts sh ON sh.site_id = d.site_id
JOIN (SELECT site_id, MIN(id) AS uid FROM users GROUP BY site_id) w ON w.site_id = d.site_id
WHERE NOT EXISTS (SELECT 1 FROM log_pages x WHERE x.day_id = d.id);

-- 19 entries a page, a quarter of a shift apart ... closed by their writer.
INSERT INTO log_entries (site_id, page_id, occurred_at, category_id, location, what, handling,
                         followup, status, major, written_by, created_at, updated_at,
                         closed_by, closed_at, form_key)
SELECT p.site_id, p.id, p.opened_at + INTERVAL (n.seq * 20) MINUTE,
       cat.first_id + (p.id + n.seq) % 11,
       CONCAT(1 + (p.id + n.seq) % 10, '栋', 1 + n.seq % 4, '单元'),
       CONCAT('压测记录：住户来电反映 ', 1 + (p.id + n.seq) % 10, ' 栋楼道照明故障，第 ', n.seq, ' 项。'),
       '已派工程部维修人员现场处理。', '已修复，住户确认。', 'closed', 0, p.opened_by,
       p.opened_at + INTERVAL (n.seq * 20) MINUTE, p.opened_at + INTERVAL (n.seq * 20) MINUTE,
       p.opened_by, p.opened_at + INTERVAL (n.seq * 20 + 10) MINUTE,
       LPAD(HEX(p.id * 100 + n.seq), 32, '0')
FROM log_pages p
JOIN (SELECT site_id, MIN(id) AS first_id FROM log_categories GROUP BY site_id) cat
  ON cat.site_id = p.site_id
JOIN seq_1_to_19 n
WHERE p.id > @demo_last_page;
