-- Demo roster data (loaded once by `make run`, never in production): eight more duty staff at
-- 翠湖花园管理处 (password demo-password, the same hash as staff1) so that the generator has
-- people enough for 24-hour cover, and a published roster of the current month (a simple
-- ten-day rotation: 早 早 中 中 夜, then five days off) so that "on duty now" shows someone.
SET @site = (SELECT id FROM sites WHERE code = 'CH');
SET @pw = (SELECT pw_hash FROM users WHERE username = 'staff1');
SET @sup = (SELECT id FROM users WHERE username = 'supervisor');

INSERT INTO users (site_id, username, display_name, phone, roles, pw_hash) VALUES
  (@site, 'staff3',  '赵磊', '138 0000 0011', 1, @pw),
  (@site, 'staff4',  '孙丽', '138 0000 0012', 1, @pw),
  (@site, 'staff5',  '周杰', '138 0000 0013', 1, @pw),
  (@site, 'staff6',  '吴婷', '138 0000 0014', 1, @pw),
  (@site, 'staff7',  '郑浩', '138 0000 0015', 1, @pw),
  (@site, 'staff8',  '冯雪', '138 0000 0016', 1, @pw),
  (@site, 'staff9',  '何晨', '138 0000 0017', 1, @pw),
  (@site, 'staff10', '杨帆', '138 0000 0018', 1, @pw);

INSERT INTO roster_months (site_id, month, status, version, created_by, published_by, published_at)
VALUES (@site, DATE_FORMAT(CURDATE(), '%Y-%m-01'), 'published', 1, @sup, @sup, NOW());
SET @month = LAST_INSERT_ID();

INSERT INTO roster_entries (month_id, day, shift_id, user_id, version_from)
SELECT m.id, m.month + INTERVAL (q.seq - 1) DAY, sh.id, st.id, 0
  FROM roster_months m
  JOIN seq_1_to_31 q ON q.seq <= DAY(LAST_DAY(m.month))
  JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k
          FROM users WHERE site_id = @site AND active = 1 AND (roles & 1) <> 0) st
  JOIN shifts sh ON sh.site_id = m.site_id AND sh.name = ELT(MOD(q.seq - 1 + st.k, 10) + 1,
       '早班', '早班', '中班', '中班', '夜班', '', '', '', '', '')
 WHERE m.id = @month;
