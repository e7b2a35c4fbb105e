-- Demo data for resident requests (loaded once by `make run`, never in production):
--   * the request desk's settings, SLA and escalation rules for every site that lacks them;
--   * request categories with their departments, residents of every unit of 翠湖花园;
--   * department staff: repair1 (工程维修部), guard1 (安保部), clean1 (保洁部);
--   * a second site, 临江大厦管理处 (LJ), with its own people, so that the director can
--     compare sites;
--   * a year of requests at both sites (about 3,000 at CH, 1,300 at LJ) with work orders,
--     timelines, escalations of major complaints and callbacks, more repairs in summer, a few
--     unsatisfied callbacks that reopened the order, and the last three days still open
--     (some overdue) so that the home pages have something to flag.
-- Everything is derived from CRC32 of the row's position: the same data on every machine.
SET @pw = (SELECT pw_hash FROM users WHERE username = 'staff1');

-- ---- the second site ----------------------------------------------------------------------
INSERT INTO sites (code, name, address, phone) VALUES
  ('LJ', '临江大厦管理处', '上城区临江路 12 号', '0571-8777 3300');
SET @lj = LAST_INSERT_ID();
INSERT INTO departments (site_id, name, phone) VALUES
  (@lj, '客服中心', '0571-8777 3300'), (@lj, '工程维修部', '0571-8777 3301'),
  (@lj, '安保部', '0571-8777 3302'), (@lj, '保洁部', '0571-8777 3303'),
  (@lj, '绿化部', '0571-8777 3304');
INSERT INTO users (site_id, username, display_name, phone, roles, pw_hash) VALUES
  (@lj, 'lj_staff1',  '高原', '139 1000 0001', 1, @pw),
  (@lj, 'lj_staff2',  '林夕', '139 1000 0002', 1, @pw),
  (@lj, 'lj_manager', '许诺', '139 1000 0004', 2 | 4, @pw),
  (@lj, 'lj_director', '江海', '139 1000 0005', 8, @pw);
INSERT INTO shifts (site_id, name, start_time, end_time, sort_order)
SELECT @lj, name, start_time, end_time, sort_order FROM shifts
 WHERE site_id = (SELECT id FROM sites WHERE code = 'CH');
INSERT INTO log_categories (site_id, name, sort_order)
SELECT @lj, name, sort_order FROM log_categories
 WHERE site_id = (SELECT id FROM sites WHERE code = 'CH');
INSERT INTO buildings (site_id, code, name, floors) VALUES
  (@lj, 'A', 'A 座', 28), (@lj, 'B', 'B 座', 24);
INSERT INTO units (site_id, building_id, code, floor)
SELECT b.site_id, b.id, CONCAT(b.code, '-', LPAD(f.seq, 2, '0'), LPAD(u.seq, 2, '0')), f.seq
  FROM buildings b
  JOIN seq_1_to_28 f ON f.seq <= b.floors
  JOIN seq_1_to_6 u
 WHERE b.site_id = @lj;
INSERT INTO audit_log (user_id, site_id, action, entity, entity_id, summary, new_values)
SELECT u.id, @lj, 'create', 'site', @lj, '载入演示数据：临江大厦管理处', '{"code":"LJ"}'
  FROM users u WHERE u.username = 'admin';

-- ---- settings of every site -----------------------------------------------------------------
INSERT IGNORE INTO req_settings (site_id) SELECT id FROM sites;
INSERT IGNORE INTO req_escalation_rules (site_id, level, role, decide_minutes)
SELECT id, 1, 4, 240 FROM sites UNION ALL SELECT id, 2, 8, 1440 FROM sites;
INSERT IGNORE INTO req_sla (site_id, type, urgency, respond_minutes, resolve_minutes, calendar)
SELECT s.id, t.type, u.urgency,
       CASE u.urgency WHEN 'critical' THEN 15 WHEN 'urgent' THEN 30 ELSE 60 END,
       CASE u.urgency WHEN 'critical' THEN 240 WHEN 'urgent' THEN 480
            ELSE IF(t.type = 'repair', 1440, 2880) END,
       IF(u.urgency = 'normal', 'working', 'natural')
  FROM sites s
  CROSS JOIN (SELECT 'complaint' AS type UNION ALL SELECT 'repair' UNION ALL SELECT 'inquiry'
              UNION ALL SELECT 'suggestion' UNION ALL SELECT 'help') t
  CROSS JOIN (SELECT 'normal' AS urgency UNION ALL SELECT 'urgent' UNION ALL SELECT 'critical') u;

-- ---- categories (n is the demo's own key below) -----------------------------------------------
CREATE TEMPORARY TABLE demo_cat (n INT PRIMARY KEY, name VARCHAR(30), dept VARCHAR(50));
INSERT INTO demo_cat VALUES
  (1, '水电维修', '工程维修部'), (2, '电梯故障', '工程维修部'), (3, '公共设施', '工程维修部'),
  (4, '门禁对讲', '工程维修部'), (5, '噪音扰民', '安保部'), (6, '停车管理', '安保部'),
  (7, '治安安全', '安保部'), (8, '环境卫生', '保洁部'), (9, '垃圾清运', '保洁部'),
  (10, '绿化养护', '绿化部'), (11, '物业收费', '客服中心'), (12, '装修管理', '客服中心'),
  (13, '服务态度', '客服中心');
INSERT INTO req_categories (site_id, name, department_id, sort_order)
SELECT s.id, c.name, d.id, c.n * 10
  FROM sites s JOIN demo_cat c
  JOIN departments d ON d.site_id = s.id AND d.name = c.dept
 WHERE s.code IN ('CH', 'LJ');

-- ---- department staff ----------------------------------------------------------------------
INSERT INTO users (site_id, department_id, username, display_name, phone, roles, pw_hash)
SELECT s.id, d.id, x.username, x.display_name, x.phone, 32, @pw
  FROM sites s
  JOIN (SELECT 'repair1' AS username, '钱师傅' AS display_name, '137 0000 0021' AS phone,
               '工程维修部' AS dept
        UNION ALL SELECT 'guard1', '马队长', '137 0000 0022', '安保部'
        UNION ALL SELECT 'clean1', '罗阿姨', '137 0000 0023', '保洁部') x
  JOIN departments d ON d.site_id = s.id AND d.name = x.dept
 WHERE s.code = 'CH';
INSERT INTO users (site_id, department_id, username, display_name, phone, roles, pw_hash)
SELECT s.id, d.id, 'lj_repair1', '韩师傅', '137 1000 0021', 32, @pw
  FROM sites s JOIN departments d ON d.site_id = s.id AND d.name = '工程维修部'
 WHERE s.code = 'LJ';

-- ---- residents: an owner in every unit, a tenant in every fifth -------------------------------
CREATE TEMPORARY TABLE demo_names (n INT PRIMARY KEY, surname VARCHAR(4), given VARCHAR(4));
INSERT INTO demo_names
SELECT seq, ELT(1 + MOD(seq, 20), '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周',
                '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'),
       ELT(1 + MOD(seq * 7, 24), '建国', '秀英', '志强', '丽华', '海涛', '红梅', '伟', '静',
                '敏', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '霞', '平',
                '刚', '桂英', '晓东')
  FROM seq_1_to_400;
INSERT INTO residents (site_id, unit_id, name, phone, kind)
SELECT u.site_id, u.id, CONCAT(n.surname, n.given),
       CONCAT('13', MOD(CRC32(CONCAT('ph', u.id)), 10), ' ', LPAD(MOD(CRC32(CONCAT('pa', u.id)), 10000), 4, '0'),
              ' ', LPAD(MOD(CRC32(CONCAT('pb', u.id)), 10000), 4, '0')),
       'owner'
  FROM units u JOIN sites s ON s.id = u.site_id AND s.code IN ('CH', 'LJ')
  JOIN demo_names n ON n.n = 1 + MOD(CRC32(CONCAT('nm', u.id)), 400);
INSERT INTO residents (site_id, unit_id, name, phone, kind, note)
SELECT u.site_id, u.id, CONCAT(n.surname, n.given),
       CONCAT('15', MOD(CRC32(CONCAT('tp', u.id)), 10), ' ', LPAD(MOD(CRC32(CONCAT('ta', u.id)), 10000), 4, '0'),
              ' ', LPAD(MOD(CRC32(CONCAT('tb', u.id)), 10000), 4, '0')),
       'tenant', '租期至 2027-06'
  FROM units u JOIN sites s ON s.id = u.site_id AND s.code IN ('CH', 'LJ')
  JOIN demo_names n ON n.n = 1 + MOD(CRC32(CONCAT('tn', u.id)), 400)
 WHERE MOD(u.id, 5) = 0;

-- ---- the year of requests --------------------------------------------------------------------
-- demo_units / demo_staff: the n-th unit (with its owner) and duty staff member of each site.
CREATE TEMPORARY TABLE demo_units (site_id INT, n INT, unit_id INT, building_id INT, resident_id INT,
  PRIMARY KEY (site_id, n));
INSERT INTO demo_units
SELECT u.site_id, ROW_NUMBER() OVER (PARTITION BY u.site_id ORDER BY u.id), u.id, u.building_id,
       (SELECT MIN(r.id) FROM residents r WHERE r.unit_id = u.id)
  FROM units u JOIN sites s ON s.id = u.site_id AND s.code IN ('CH', 'LJ');
CREATE TEMPORARY TABLE demo_staff (site_id INT, n INT, user_id INT, PRIMARY KEY (site_id, n));
INSERT INTO demo_staff
SELECT site_id, ROW_NUMBER() OVER (PARTITION BY site_id ORDER BY id), id
  FROM users WHERE (roles & 1) <> 0 AND active = 1;

-- One row per request: site, day back from today (1..365), its place in the day, and a few
-- independent pseudo-random numbers 0..999.
CREATE TEMPORARY TABLE demo_req (
  id INT AUTO_INCREMENT PRIMARY KEY, site_id INT, dn INT, k INT,
  r1 INT, r2 INT, r3 INT, r4 INT, r5 INT, r6 INT, r7 INT, r8 INT,
  type VARCHAR(12), channel VARCHAR(8), urgency VARCHAR(8), cat INT, major TINYINT,
  received_at DATETIME, unit_n INT, staff_n INT, status VARCHAR(12),
  respond_min INT, resolve_min INT, first_min INT, done_min INT, score INT, score2 INT,
  request_id BIGINT, order_id BIGINT, order2_id BIGINT, cb_id BIGINT);
INSERT INTO demo_req (site_id, dn, k, r1, r2, r3, r4, r5, r6, r7, r8)
SELECT s.id, d.seq, k.seq,
       MOD(CRC32(CONCAT(s.code, 'a', d.seq, '-', k.seq)), 1000),
       MOD(CRC32(CONCAT(s.code, 'b', d.seq, '-', k.seq)), 1000),
       MOD(CRC32(CONCAT(s.code, 'c', d.seq, '-', k.seq)), 1000),
       MOD(CRC32(CONCAT(s.code, 'd', d.seq, '-', k.seq)), 1000),
       MOD(CRC32(CONCAT(s.code, 'e', d.seq, '-', k.seq)), 1000),
       MOD(CRC32(CONCAT(s.code, 'f', d.seq, '-', k.seq)), 1000),
       MOD(CRC32(CONCAT(s.code, 'g', d.seq, '-', k.seq)), 1000),
       MOD(CRC32(CONCAT(s.code, 'h', d.seq, '-', k.seq)), 1000)
  FROM sites s
  JOIN seq_1_to_365 d
  JOIN seq_1_to_16 k
    -- CH: 5..10 a day, more in June to September (water, air conditioning, mosquitoes);
    -- LJ: about half.
    ON k.seq <= IF(s.code = 'CH', 5, 2) + MOD(CRC32(CONCAT(s.code, 'n', d.seq)), 6)
              + IF(MONTH(CURDATE() - INTERVAL d.seq DAY) BETWEEN 6 AND 9, 3, 0)
 WHERE s.code IN ('CH', 'LJ');

UPDATE demo_req SET
  type = CASE WHEN dn IN (1, 2) AND k = 1 THEN 'complaint' WHEN r1 < 450 THEN 'repair' WHEN r1 < 650 THEN 'complaint' WHEN r1 < 850 THEN 'inquiry'
              WHEN r1 < 920 THEN 'suggestion' ELSE 'help' END,
  channel = CASE WHEN r2 < 600 THEN 'phone' WHEN r2 < 850 THEN 'visit' WHEN r2 < 930 THEN 'online'
                 WHEN r2 < 970 THEN 'letter' ELSE 'fax' END,
  urgency = CASE WHEN r3 < 800 THEN 'normal' WHEN r3 < 950 THEN 'urgent' ELSE 'critical' END,
  unit_n = 1 + MOD(r4 * 7 + r5, IF(site_id = @lj, 312, 244)),
  staff_n = 1 + MOD(r6, IF(site_id = @lj, 2, 10)),
  received_at = (CURDATE() - INTERVAL dn DAY)
      + INTERVAL ELT(1 + MOD(r7, 20), 7, 8, 8, 9, 9, 9, 10, 10, 11, 13, 14, 14, 15, 15, 16, 17,
                     18, 19, 20, 22) HOUR
      + INTERVAL MOD(r8, 60) MINUTE;
UPDATE demo_req SET
  cat = CASE type
    WHEN 'repair'     THEN ELT(1 + MOD(r4, 10), 1, 1, 1, 1, 2, 2, 3, 3, 4, 1)
    WHEN 'complaint'  THEN ELT(1 + MOD(r4, 10), 5, 5, 6, 8, 13, 11, 12, 2, 9, 6)
    WHEN 'help'       THEN ELT(1 + MOD(r4, 5), 7, 3, 1, 6, 4)
    WHEN 'inquiry'    THEN ELT(1 + MOD(r8, 6), 11, 6, 12, 4, 11, 3)
    ELSE ELT(1 + MOD(r8, 5), 3, 7, 10, 9, 2) END,
  major = (type = 'complaint' AND (r5 < 60 OR (dn IN (1, 2) AND k = 1)));
-- The summer: more water repairs.
UPDATE demo_req SET cat = IF(type = 'repair' AND MONTH(received_at) BETWEEN 6 AND 9 AND r5 < 300, 1, cat);

-- Status by age: older than three days everything is finished; the last three days are a mix.
UPDATE demo_req SET status = CASE
    WHEN type IN ('inquiry', 'suggestion') THEN IF(dn <= 1 AND type = 'suggestion' AND r6 < 400, 'registered', 'closed')
    WHEN dn > 3 THEN 'closed'
    WHEN r6 < 100 THEN 'registered'
    WHEN r6 < 300 THEN 'dispatched'
    WHEN r6 < 500 THEN 'in_progress'
    WHEN r6 < 750 THEN 'done'
    WHEN r6 < 850 THEN 'called_back'
    ELSE 'closed' END;
-- What came in during the last eight hours is not finished yet.
UPDATE demo_req SET status = IF(r6 < 500, 'registered', 'dispatched')
 WHERE received_at > NOW() - INTERVAL 8 HOUR
   AND status IN ('in_progress', 'done', 'called_back', 'closed') AND type NOT IN ('inquiry', 'suggestion');

-- Minutes to the first response and to done; a few are slow (for the SLA figures).
UPDATE demo_req SET
  respond_min = CASE urgency WHEN 'critical' THEN 15 WHEN 'urgent' THEN 30 ELSE 60 END,
  resolve_min = CASE urgency WHEN 'critical' THEN 240 WHEN 'urgent' THEN 480
                     ELSE IF(type = 'repair', 1440, 2880) END,
  first_min = IF(type = 'inquiry', 0,
              CASE urgency WHEN 'normal' THEN 3 + MOD(r7, 70) ELSE 2 + MOD(r7, 25) END),
  done_min = CASE urgency
               WHEN 'critical' THEN 40 + MOD(r8 * 3, 260)
               WHEN 'urgent' THEN 60 + MOD(r8 * 3, 560)
               ELSE 120 + MOD(r8 * 37, IF(type = 'repair', 1900, 3400)) END,
  score = CASE WHEN r2 < 20 THEN 1 WHEN r2 < 60 THEN 2 WHEN r2 < 140 THEN 3 WHEN r2 < 440 THEN 4
               ELSE 5 END,
  score2 = IF(MOD(r3, 2) = 0, 4, 5);
-- Anything still in progress cannot be done yet.
UPDATE demo_req SET done_min = LEAST(done_min, GREATEST(30, TIMESTAMPDIFF(MINUTE, received_at, NOW()) - 240))
 WHERE status IN ('done', 'called_back', 'closed') AND dn <= 3;
-- An unsatisfied callback in the last three days keeps the request open (reopened).
UPDATE demo_req SET score = 4 WHERE dn <= 3 AND score <= 2;

-- The requests themselves, numbered per type and day.
INSERT INTO requests (site_id, number, channel, type, urgency, major, category_id, resident_id,
    unit_id, building_id, anonymous, caller_name, caller_phone, description, answer, rings,
    received_by, received_at, respond_due, resolve_due, first_response_at, done_at, closed_at,
    closed_by, status, reopened, form_key)
SELECT g.site_id,
       dd_number(ELT(FIELD(g.type, 'complaint', 'repair', 'inquiry', 'suggestion', 'help'),
                     'TS', 'BX', 'ZX', 'JY', 'QZ'),
                 DATE(g.received_at),
                 ROW_NUMBER() OVER (PARTITION BY g.type, DATE(g.received_at) ORDER BY g.site_id, g.received_at, g.id)),
       g.channel, g.type, g.urgency, g.major, c.id,
       IF(g.r5 < 40, NULL, u.resident_id), u.unit_id, u.building_id, g.r5 < 40,
       IF(g.r5 < 40, '', rs.name), IF(g.r5 < 40, '', rs.phone),
       CONCAT(CASE g.type
         WHEN 'inquiry' THEN ELT(1 + MOD(g.r8, 6), '咨询本年度物业费缴费方式', '咨询停车月卡办理流程',
           '咨询装修申报需要的材料', '咨询门禁卡补办的费用和手续', '对公摊水电费用有疑问，请求解释',
           '咨询快递柜的使用方法')
         WHEN 'suggestion' THEN ELT(1 + MOD(g.r8, 5), '建议在小区增设电动车充电桩',
           '建议增加夜间巡逻频次', '建议在中心绿地增加座椅', '建议垃圾分类点加装洗手池',
           '建议在电梯内张贴维保信息和紧急电话')
         ELSE ELT(g.cat,
         ELT(1 + MOD(g.r8, 3), '卫生间天花板漏水，楼上疑似水管渗漏', '厨房水龙头关不紧，一直滴水', '客厅插座没电，空开跳闸合不上'),
         ELT(1 + MOD(g.r8, 3), '电梯运行时异响，轿厢晃动', '电梯按钮失灵，不能到达所在楼层', '电梯门关不上，反复开合'),
         ELT(1 + MOD(g.r8, 3), '楼道灯不亮，晚上出入不便', '单元门闭门器损坏，门关不严', '地下车库排水沟盖板松动'),
         ELT(1 + MOD(g.r8, 3), '门禁卡刷不开单元门', '可视对讲没有图像', '楼下门铃呼叫不到户内'),
         ELT(1 + MOD(g.r8, 3), '楼上夜间装修噪音扰民', '楼下商铺音响声音过大', '邻居家狗夜间吠叫'),
         ELT(1 + MOD(g.r8, 3), '车位被外来车辆占用', '地库通道有车辆乱停影响通行', '访客车辆登记等候时间太长'),
         ELT(1 + MOD(g.r8, 3), '发现陌生人在楼道内发放广告', '自行车在车棚被盗', '夜间巡逻不到位，单元门常开'),
         ELT(1 + MOD(g.r8, 3), '楼道内有积水和垃圾未清理', '电梯轿厢有异味', '外墙玻璃清洁不到位'),
         ELT(1 + MOD(g.r8, 3), '垃圾桶满溢未及时清运', '装修垃圾堆放在楼道', '垃圾分类点异味大'),
         ELT(1 + MOD(g.r8, 3), '小区绿化带树枝遮挡窗户', '草坪喷淋水溅到行人', '绿化带蚊虫多，请求消杀'),
         ELT(1 + MOD(g.r8, 3), '咨询本年度物业费缴费方式', '对公摊水电费用有疑问', '咨询停车月卡办理'),
         ELT(1 + MOD(g.r8, 3), '咨询装修申报需要的材料', '装修时间规定是否可以周末施工', '邻居装修占用公共走道'),
         ELT(1 + MOD(g.r8, 3), '前台接待态度冷淡', '电话报修后无人回复', '维修人员上门未穿工服')) END,
         '。'),
       IF(g.type = 'inquiry', '已当场答复：按物业服务中心公示办理，并告知办理时间和所需材料。',
          IF(g.type = 'suggestion' AND g.status = 'closed', '建议已记录，转管理处研究后答复。', '')),
       IF(g.channel = 'phone' AND g.r4 < 900, 1 + MOD(g.r1 + g.r8, 3) + IF(g.r7 < 120, 2, 0), NULL),
       st.user_id, g.received_at,
       g.received_at + INTERVAL g.respond_min MINUTE,
       IF(g.type IN ('inquiry', 'suggestion'), NULL, g.received_at + INTERVAL g.resolve_min MINUTE),
       IF(g.status = 'registered', NULL, g.received_at + INTERVAL g.first_min MINUTE),
       IF(g.status IN ('done', 'called_back', 'closed') AND g.type NOT IN ('inquiry', 'suggestion'),
          g.received_at + INTERVAL g.done_min MINUTE, NULL),
       IF(g.status = 'closed',
          g.received_at + INTERVAL IF(g.type IN ('inquiry', 'suggestion'), g.first_min + 5,
                                      g.done_min + 300 + IF(g.score <= 2, 2880, 0)) MINUTE, NULL),
       IF(g.status = 'closed', st.user_id, NULL),
       g.status, IF(g.score <= 2 AND g.type IN ('complaint', 'repair', 'help') AND g.dn > 3, 1, 0),
       MD5(CONCAT('demo-req-', g.id))
  FROM demo_req g
  JOIN demo_units u ON u.site_id = g.site_id AND u.n = g.unit_n
  JOIN residents rs ON rs.id = u.resident_id
  JOIN demo_staff st ON st.site_id = g.site_id AND st.n = g.staff_n
  JOIN demo_cat dc ON dc.n = g.cat
  JOIN req_categories c ON c.site_id = g.site_id AND c.name = dc.name
 ORDER BY g.received_at, g.id;
UPDATE demo_req g JOIN requests r ON r.form_key = MD5(CONCAT('demo-req-', g.id)) SET g.request_id = r.id;
-- Closed with an unsatisfied first callback: the request was done twice.
UPDATE requests r JOIN demo_req g ON g.request_id = r.id
   SET r.done_at = r.done_at + INTERVAL 2000 MINUTE
 WHERE r.reopened = 1;

INSERT INTO form_numbers (number, kind, site_id, record_id, day, seq)
SELECT r.number, CONCAT('req_', r.type), r.site_id, r.id, DATE(r.received_at),
       CAST(SUBSTRING_INDEX(SUBSTRING_INDEX(r.number, '-', 3), '-', -1) AS UNSIGNED)
  FROM requests r JOIN demo_req g ON g.request_id = r.id;

-- Work orders: one per complaint, repair and help request past 'registered'; the order is
-- dispatched a few minutes after the request and done by the department.
INSERT INTO work_orders (site_id, request_id, department_id, status, instructions, due_at,
    dispatched_by, dispatched_at, started_at, done_at, done_by, technician, result, materials)
SELECT r.site_id, r.id, c.department_id,
       CASE g.status WHEN 'dispatched' THEN 'dispatched' WHEN 'in_progress' THEN 'in_progress'
            ELSE 'done' END,
       IF(r.urgency = 'normal', '请按时上门处理，完成后告知客服中心。', '紧急：请立即派人到场处理。'),
       r.resolve_due, r.received_by, r.first_response_at,
       IF(g.status = 'dispatched', NULL, r.first_response_at + INTERVAL 20 MINUTE),
       IF(g.status IN ('dispatched', 'in_progress'), NULL,
          r.received_at + INTERVAL g.done_min MINUTE),
       IF(g.status IN ('dispatched', 'in_progress'), NULL, du.id),
       IF(g.status IN ('dispatched', 'in_progress'), '',
          ELT(1 + MOD(g.r3, 4), '钱师傅', '孙师傅', '马队长', '罗阿姨')),
       IF(g.status IN ('dispatched', 'in_progress'), '',
          ELT(1 + MOD(g.r2, 4), '已现场检修，恢复正常。', '更换损坏配件，试用正常。',
              '已清理并消毒，现场恢复整洁。', '已与相关住户沟通协调，问题解决。')),
       IF(g.cat IN (1, 2, 3, 4), ELT(1 + MOD(g.r4, 3), '密封圈 2 个', '空开 1 个', '无'), '')
  FROM requests r JOIN demo_req g ON g.request_id = r.id
  JOIN req_categories c ON c.id = r.category_id
  LEFT JOIN users du ON du.department_id = c.department_id AND (du.roles & 32) <> 0
 WHERE r.type IN ('complaint', 'repair', 'help') AND r.status <> 'registered';
UPDATE demo_req g JOIN work_orders w ON w.request_id = g.request_id SET g.order_id = w.id;
-- done_by must be someone: orders of departments without a demo user were typed in by the
-- desk from the returned paper form.
UPDATE work_orders w JOIN requests r ON r.id = w.request_id
   SET w.done_by = r.received_by
 WHERE w.done_at IS NOT NULL AND w.done_by IS NULL;

-- Reopened requests: the first order's callback was unsatisfied, a second order followed.
INSERT INTO work_orders (site_id, request_id, department_id, status, instructions, due_at,
    dispatched_by, dispatched_at, started_at, done_at, done_by, technician, result, materials)
SELECT w.site_id, w.request_id, w.department_id, 'done', '住户回访不满意，请再次上门处理。',
       w.done_at + INTERVAL 1 DAY + INTERVAL 60 MINUTE, w.dispatched_by,
       w.done_at + INTERVAL 1 DAY + INTERVAL 10 MINUTE,
       w.done_at + INTERVAL 1 DAY + INTERVAL 40 MINUTE, r.done_at, w.done_by, w.technician,
       '再次上门，彻底处理，住户确认满意。', w.materials
  FROM work_orders w JOIN requests r ON r.id = w.request_id
 WHERE r.reopened = 1;
UPDATE demo_req g JOIN work_orders w ON w.request_id = g.request_id AND w.id <> g.order_id
   SET g.order2_id = w.id;

-- Callbacks: due a day after the order was done; made by a duty staff member.
INSERT INTO callbacks (site_id, request_id, work_order_id, resident_id, due_at, status, method,
    called_by, called_at, satisfaction, words, note)
SELECT r.site_id, r.id, w.id, r.resident_id, w.done_at + INTERVAL 24 HOUR,
       IF(g.status = 'done', 'due', 'done'),
       IF(g.status = 'done', NULL, 'phone'),
       IF(g.status = 'done', NULL, st.user_id),
       IF(g.status = 'done', NULL,
          LEAST(w.done_at + INTERVAL (120 + MOD(g.r5, 900)) MINUTE, NOW() - INTERVAL 30 MINUTE)),
       IF(g.status = 'done', NULL, g.score),
       IF(g.status = 'done', '', ELT(g.score, '处理了两次还是漏，非常不满意。',
          '拖了好几天才来，不满意。', '问题解决了，但是等得有点久。', '师傅挺专业的，谢谢。',
          '很满意，处理及时，服务态度好。')),
       ''
  FROM requests r JOIN demo_req g ON g.request_id = r.id
  JOIN work_orders w ON w.id = g.order_id
  JOIN demo_staff st ON st.site_id = r.site_id AND st.n = 1 + MOD(g.staff_n, IF(r.site_id = @lj, 2, 10))
 WHERE w.done_at IS NOT NULL;
INSERT INTO callbacks (site_id, request_id, work_order_id, resident_id, due_at, status, method,
    called_by, called_at, satisfaction, words, note)
SELECT r.site_id, r.id, w.id, r.resident_id, w.done_at + INTERVAL 24 HOUR, 'done', 'phone',
       st.user_id, w.done_at + INTERVAL 300 MINUTE, g.score2,
       IF(g.score2 = 5, '这次彻底修好了，满意。', '总算解决了。'), '二次回访'
  FROM requests r JOIN demo_req g ON g.request_id = r.id
  JOIN work_orders w ON w.id = g.order2_id
  JOIN demo_staff st ON st.site_id = r.site_id AND st.n = 1 + MOD(g.staff_n, IF(r.site_id = @lj, 2, 10));
-- A reopened request's first callback was made before the second order.
UPDATE callbacks cb JOIN demo_req g ON g.order_id = cb.work_order_id
   SET cb.called_at = (SELECT w.done_at FROM work_orders w WHERE w.id = g.order_id) + INTERVAL 3 HOUR
 WHERE g.order2_id IS NOT NULL;

-- Closed after the last callback.
UPDATE requests r
  JOIN (SELECT request_id, MAX(called_at) AS last_call FROM callbacks
         WHERE status = 'done' GROUP BY request_id) cb ON cb.request_id = r.id
   SET r.closed_at = cb.last_call + INTERVAL 20 MINUTE
 WHERE r.status = 'closed' AND r.closed_at < cb.last_call + INTERVAL 20 MINUTE;

-- Escalations of major complaints: the manager decides within hours; one in eight waited too
-- long and went to the director. The latest two are still pending.
INSERT INTO req_escalations (request_id, site_id, level, role, status, escalated_at, decide_due,
    decided_by, decided_at, decision)
SELECT r.id, r.site_id, 1, 4,
       CASE WHEN g.dn <= 2 THEN 'pending' WHEN MOD(g.r7, 8) = 0 THEN 'escalated' ELSE 'decided' END,
       r.received_at + INTERVAL 5 MINUTE, r.received_at + INTERVAL 245 MINUTE,
       IF(g.dn <= 2 OR MOD(g.r7, 8) = 0, NULL, m.id),
       IF(g.dn <= 2 OR MOD(g.r7, 8) = 0, NULL, r.received_at + INTERVAL (30 + MOD(g.r6, 180)) MINUTE),
       IF(g.dn <= 2 OR MOD(g.r7, 8) = 0, '',
          ELT(1 + MOD(g.r6, 3), '工程部当天处理，客服主管跟进并上门致歉。',
              '涉及赔偿，按公司规定先行垫付维修费用，次日回访。',
              '约谈相关住户协调解决，安保部加强夜间巡查。'))
  FROM requests r JOIN demo_req g ON g.request_id = r.id
  LEFT JOIN users m ON m.site_id = r.site_id AND (m.roles & 4) <> 0
 WHERE r.major = 1;
INSERT INTO req_escalations (request_id, site_id, level, role, status, escalated_at, decide_due,
    decided_by, decided_at, decision)
SELECT e.request_id, e.site_id, 2, 8, IF(g.dn <= 2, 'pending', 'decided'),
       e.decide_due, e.decide_due + INTERVAL 1440 MINUTE,
       IF(g.dn <= 2, NULL, d.id), IF(g.dn <= 2, NULL, e.decide_due + INTERVAL 200 MINUTE),
       IF(g.dn <= 2, '', '管理处主任约见业主，确定整改方案并限期完成。')
  FROM req_escalations e JOIN demo_req g ON g.request_id = e.request_id
  LEFT JOIN users d ON d.site_id = e.site_id AND (d.roles & 8) <> 0
 WHERE e.status = 'escalated' OR (e.status = 'pending' AND MOD(g.r7, 2) = 0);
UPDATE req_escalations e JOIN req_escalations e2 ON e2.request_id = e.request_id AND e2.level = 2
   SET e.status = 'escalated'
 WHERE e.level = 1;
-- A still-pending level-2 step needs a passed level-1 due time.
UPDATE req_escalations e JOIN req_escalations e2 ON e2.request_id = e.request_id AND e2.level = 2
   SET e.decide_due = LEAST(e.decide_due, NOW() - INTERVAL 1 HOUR),
       e2.escalated_at = LEAST(e2.escalated_at, NOW() - INTERVAL 1 HOUR)
 WHERE e.level = 1;

-- The timeline of every request.
INSERT INTO request_events (request_id, kind, from_status, to_status, note, user_id, at)
SELECT r.id, 'registered', '', 'registered', '', r.received_by, r.received_at
  FROM requests r JOIN demo_req g ON g.request_id = r.id;
INSERT INTO request_events (request_id, work_order_id, kind, from_status, to_status, note, user_id, at)
SELECT w.request_id, w.id, 'dispatched', 'registered', 'dispatched', d.name, w.dispatched_by, w.dispatched_at
  FROM work_orders w JOIN demo_req g ON w.id IN (g.order_id, g.order2_id)
  JOIN departments d ON d.id = w.department_id;
INSERT INTO request_events (request_id, work_order_id, kind, from_status, to_status, note, user_id, at)
SELECT w.request_id, w.id, 'started', 'dispatched', 'in_progress', '', COALESCE(w.done_by, w.dispatched_by), w.started_at
  FROM work_orders w JOIN demo_req g ON w.id IN (g.order_id, g.order2_id)
 WHERE w.started_at IS NOT NULL;
INSERT INTO request_events (request_id, work_order_id, kind, from_status, to_status, note, user_id, at)
SELECT w.request_id, w.id, 'done', 'in_progress', 'done', w.result, w.done_by, w.done_at
  FROM work_orders w JOIN demo_req g ON w.id IN (g.order_id, g.order2_id)
 WHERE w.done_at IS NOT NULL;
INSERT INTO request_events (request_id, work_order_id, kind, from_status, to_status, note, user_id, at)
SELECT cb.request_id, cb.work_order_id, 'callback', 'done',
       IF(cb.satisfaction <= 2, 'dispatched', 'called_back'),
       CONCAT('满意度 ', cb.satisfaction, '：', cb.words), cb.called_by, cb.called_at
  FROM callbacks cb JOIN demo_req g ON g.request_id = cb.request_id
 WHERE cb.status = 'done';
INSERT INTO request_events (request_id, kind, from_status, to_status, note, user_id, at)
SELECT cb.request_id, 'reopened', 'done', 'dispatched', '回访不满意，重新派单', cb.called_by, cb.called_at
  FROM callbacks cb JOIN demo_req g ON g.request_id = cb.request_id
 WHERE cb.status = 'done' AND cb.satisfaction <= 2;
INSERT INTO request_events (request_id, kind, from_status, to_status, note, user_id, at)
SELECT e.request_id, 'escalated', '', '', IF(e.level = 1, '重大投诉：上报客服经理', '超时未决：上报管理处主任'),
       r.received_by, e.escalated_at
  FROM req_escalations e JOIN requests r ON r.id = e.request_id
  JOIN demo_req g ON g.request_id = e.request_id;
INSERT INTO request_events (request_id, kind, from_status, to_status, note, user_id, at)
SELECT e.request_id, 'decided', '', '', e.decision, e.decided_by, e.decided_at
  FROM req_escalations e JOIN demo_req g ON g.request_id = e.request_id
 WHERE e.status = 'decided';
INSERT INTO request_events (request_id, kind, from_status, to_status, note, user_id, at)
SELECT r.id, 'closed', IF(r.type IN ('inquiry', 'suggestion'), 'registered', 'called_back'), 'closed',
       r.answer, r.closed_by, r.closed_at
  FROM requests r JOIN demo_req g ON g.request_id = r.id
 WHERE r.status = 'closed';

-- Corrective actions of last quarter's repeat problems.
INSERT INTO req_actions (site_id, year, quarter, department_id, category_id, problem, action, entered_by)
SELECT c.site_id, YEAR(CURDATE() - INTERVAL 3 MONTH), QUARTER(CURDATE() - INTERVAL 3 MONTH),
       c.department_id, c.id,
       CONCAT(c.name, '：同类问题本季度多次重复发生'),
       ELT(1 + MOD(c.id, 3), '对全部立管进行排查，更换老化阀门，建立月度巡检表。',
           '与维保单位约谈，增加保养频次，故障 2 小时内到场。',
           '调整作业时间并增加巡查，责任到人，每周检查一次。'),
       (SELECT MIN(id) FROM users WHERE site_id = c.site_id AND (roles & 2) <> 0)
  FROM req_categories c JOIN sites s ON s.id = c.site_id AND s.code IN ('CH', 'LJ')
 WHERE c.name IN ('水电维修', '电梯故障', '噪音扰民');

INSERT INTO audit_log (user_id, site_id, action, entity, entity_id, summary, new_values)
SELECT u.id, u.site_id, 'create', 'request', 0,
       CONCAT('载入演示数据：', (SELECT COUNT(*) FROM requests), ' 条客户受理记录'), NULL
  FROM users u WHERE u.username = 'admin';

DROP TEMPORARY TABLE demo_req, demo_units, demo_staff, demo_names, demo_cat;
