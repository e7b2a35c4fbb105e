-- Large data set for `make bench`, loaded by scripts/bench.sh after the demo data, on a fresh
-- bench instance (it is not idempotent: run it once per instance).
-- Uses MariaDB's SEQUENCE engine (seq_1_to_N tables exist without being created) so every table
-- is filled by one INSERT ... SELECT: seconds, not minutes.
--
--   30 sites (code BENCH01..BENCH30), 300 departments, 3,000 users (bench0001..bench3000, same
--   password as demo user staff1: demo-password), 300 buildings, 30,000 units,
--   300,000 audit_log rows over the last year, 20,000 login_attempts over the last 30 days.

SET NAMES utf8mb4;

-- The demo user whose password hash every bench user shares. No staff1 (demo data missing):
-- @pw is NULL and the users INSERT fails on NOT NULL pw_hash, stopping the load.
SET @pw := (SELECT pw_hash FROM users WHERE username = 'staff1');

INSERT INTO sites (code, name, address, phone)
SELECT CONCAT('BENCH', LPAD(s.seq, 2, '0')),
       CONCAT('压测小区', LPAD(s.seq, 2, '0'), '号'),
       CONCAT('测试市测试区压测路', s.seq, '号'),
       CONCAT('0755-8800', LPAD(s.seq, 4, '0'))
FROM seq_1_to_30 s;

-- 10 departments per bench site.
INSERT INTO departments (site_id, name, phone)
SELECT st.id,
       ELT(d.seq, '客服部', '工程部', '秩序部', '环境部', '绿化部',
                  '财务部', '行政部', '设备部', '消防中控', '综合部'),
       CONCAT('8', LPAD(st.id, 3, '0'), LPAD(d.seq, 2, '0'))
FROM sites st JOIN seq_1_to_10 d
WHERE st.code LIKE 'BENCH%';

-- 3,000 users, round-robin over the bench sites; mostly duty staff, some supervisors/managers.
INSERT INTO users (site_id, username, display_name, phone, roles, pw_hash)
SELECT st.id,
       CONCAT('bench', LPAD(s.seq, 4, '0')),
       CONCAT('值班员', LPAD(s.seq, 4, '0')),
       CONCAT('139', LPAD(s.seq, 8, '0')),
       CASE WHEN s.seq % 50 = 0 THEN 4 WHEN s.seq % 10 = 0 THEN 2 ELSE 1 END,
       @pw
FROM seq_1_to_3000 s
JOIN sites st ON st.code = CONCAT('BENCH', LPAD(1 + s.seq % 30, 2, '0'));

-- 10 buildings of 20 floors per bench site.
INSERT INTO buildings (site_id, code, name, floors)
SELECT st.id, CONCAT(b.seq, '栋'), CONCAT(b.seq, '号楼'), 20
FROM sites st JOIN seq_1_to_10 b
WHERE st.code LIKE 'BENCH%';

-- 100 units per bench building: 20 floors x 5 units, codes like 0803.
INSERT INTO units (site_id, building_id, code, floor, area_m2)
SELECT b.site_id, b.id,
       CONCAT(LPAD(1 + (u.seq - 1) DIV 5, 2, '0'), LPAD(1 + (u.seq - 1) % 5, 2, '0')),
       1 + (u.seq - 1) DIV 5,
       60 + (u.seq % 7) * 15.5
FROM buildings b
JOIN sites st ON st.id = b.site_id AND st.code LIKE 'BENCH%'
JOIN seq_1_to_100 u;

-- 300,000 audit rows by bench users, spread over the last year (one every ~105 s).
SET @first_unit := (SELECT MIN(un.id) FROM units un JOIN sites st ON st.id = un.site_id
                    WHERE st.code LIKE 'BENCH%');
INSERT INTO audit_log (at, user_id, site_id, action, entity, entity_id, summary,
                       old_values, new_values, ip)
SELECT NOW() - INTERVAL (a.seq * 105) SECOND,
       us.id, us.site_id,
       ELT(1 + a.seq % 4, 'create', 'update', 'update', 'login'),
       IF(a.seq % 4 = 3, 'session', 'unit'),
       IF(a.seq % 4 = 3, NULL, @first_unit + a.seq % 30000),
       IF(a.seq % 4 = 3, '登录成功',
          CONCAT(IF(a.seq % 4 = 0, '新增房屋 ', '修改房屋资料 '), a.seq % 30000)),
       IF(a.seq % 4 IN (1, 2), CONCAT('{"area_m2":"', 60 + a.seq % 40, '.00"}'), NULL),
       IF(a.seq % 4 = 3, NULL, CONCAT('{"area_m2":"', 61 + a.seq % 40, '.50"}')),
       CONCAT('10.', a.seq % 4, '.', a.seq % 250, '.', 1 + a.seq % 200)
FROM seq_1_to_300000 a
JOIN users us ON us.username = CONCAT('bench', LPAD(1 + a.seq % 3000, 4, '0'));

-- 20,000 sign-in attempts over the last 30 days, one in ten failed.
INSERT INTO login_attempts (username, ip, success, at)
SELECT CONCAT('bench', LPAD(1 + l.seq % 3000, 4, '0')),
       CONCAT('10.1.', l.seq % 250, '.', 1 + l.seq % 200),
       l.seq % 10 <> 0,
       NOW() - INTERVAL (l.seq * 129) SECOND
FROM seq_1_to_20000 l;

ANALYZE TABLE sites, departments, users, buildings, units, audit_log, login_attempts;
