-- Demo duty-log history of 翠湖花园管理处 (loaded once by `make run`, never in production): the
-- three days before today, so that a new user finds a duty log already in use:
--   day -3: signed by the manager, with a major event (a burst pipe) whose emergency record,
--           notices and written report are complete;
--   day -2: signed, and corrected afterwards (勘误: the place of a theft), shown as a stamp;
--   day -1: all three pages closed, waiting for the manager's sign-off; one item (a noisy
--           lift) still open, carried from page to page: today's page shows it on top.
-- Today has no page yet: the staff on duty opens it. The writer of each page is the first
-- duty staff of the roster on that shift (staff1 / staff2 / staff3 where the roster has no
-- such day). Loaded only into a site without any duty-log page (a fresh demo), so that a
-- `make run` over data already in use adds nothing.
-- One transaction: all of it or (on an error) nothing.
START TRANSACTION;
SET @site = (SELECT id FROM sites WHERE code = 'CH');
SET @fresh = NOT EXISTS (SELECT 1 FROM log_pages WHERE site_id = @site);
SET @mgr = (SELECT id FROM users WHERE username = 'manager');
SET @sup = (SELECT id FROM users WHERE username = 'supervisor');
-- The day of the shift running now (the night shift belongs to the day it started).
SET @today = IF(CURTIME() < '06:00:00', CURDATE() - INTERVAL 1 DAY, CURDATE());

CREATE TEMPORARY TABLE demo_log (
  tag       VARCHAR(20)  NOT NULL PRIMARY KEY,
  ago       TINYINT      NOT NULL,
  shift     VARCHAR(10)  NOT NULL,
  at        TIME         NOT NULL,
  category  VARCHAR(30)  NOT NULL,
  location  VARCHAR(100) NOT NULL,
  what      TEXT         NOT NULL,
  handling  TEXT         NOT NULL,
  followup  TEXT         NOT NULL,
  status    VARCHAR(6)   NOT NULL,
  major     TINYINT      NOT NULL DEFAULT 0
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO demo_log (tag, ago, shift, at, category, location, what, handling, followup, status, major) VALUES
 ('d3-patrol', 3, '早班', '07:40', '巡查', '1—3 栋',
  '早班巡查：1—3 栋消防通道畅通；3 栋 B1 车库照明两处不亮。', '已报工程部。',
  '工程部 10:20 更换灯管，已恢复。', 'closed', 0),
 ('d3-movein', 3, '早班', '09:15', '迁入迁出', '2 栋 1502',
  '2-1502 业主搬入，搬家公司车辆两辆。', '登记车辆与人员，提醒使用货梯并铺设保护垫。',
  '11:30 搬家结束，检查电梯轿厢无损坏。', 'closed', 0),
 ('d3-noise', 3, '早班', '11:05', '客户投诉电话', '1 栋 802',
  '1-802 业主来电投诉楼上 902 装修，中午仍在施工，噪音大。',
  '联系 902 装修负责人，告知 12:00—14:00 禁止施工。', '12:05 回访业主，噪音已停止，业主满意。',
  'closed', 0),
 ('d3-pipe', 3, '中班', '14:20', '风/火/水/电意外', '3 栋 B1 水泵房',
  '3 栋 B1 水泵房给水管接头爆裂，地面积水约 5 厘米，漫向车库 B 区。',
  '关闭 3 栋给水总阀；通知工程部抢修、保洁部排水；封闭车库 B 区入口，张贴停水通知。',
  '17:40 抢修完成，恢复供水；车库积水已清理。书面报告见紧急情况登记表。', 'closed', 1),
 ('d3-calls', 3, '中班', '16:30', '来电来访', '前台',
  '3 栋多户业主来电询问停水原因及恢复时间。', '解释为水管抢修，预计 18:00 前恢复供水。',
  '17:45 恢复供水后在业主群通知。', 'closed', 0),
 ('d3-button', 3, '中班', '19:10', '设备/照明', '2 栋 2 号电梯',
  '2 栋 2 号电梯 12 楼按键失灵。', '已报电梯维保单位。', '次日 10:00 维保单位更换按键，已恢复。',
  'closed', 0),
 ('d3-car', 3, '夜班', '22:40', '巡查', '东门地面停车场',
  '夜间巡查：东门岗值守正常；地面停车场一辆外来车辆未登记。', '联系车主登记，告知 23:00 前驶离。',
  '22:55 车辆已驶离。', 'closed', 0),
 ('d3-door', 3, '夜班', '23:50', '其他', '5 栋大堂',
  '5 栋大堂门禁门无法闭合，闭门器松动。', '临时加固，次日报工程部。', '工程部次日上午更换闭门器。',
  'closed', 0),
 ('d2-guard', 2, '早班', '08:10', '员工违规', '东门岗',
  '东门岗保安 07:55 离岗约 10 分钟，未交接。', '已告知安管部主管，当面提醒。',
  '安管部按制度处理并记录。', 'closed', 0),
 ('d2-works', 2, '早班', '10:30', '施工', '4 栋 601',
  '4-601 装修单位未办理装修许可即进场拆墙。', '要求停工，通知业主到管理处办理手续。',
  '14:00 业主办好装修许可，恢复施工。', 'closed', 0),
 ('d2-theft', 2, '中班', '15:05', '失窃', '地面停车场',
  '1-1201 业主报电动车电瓶被盗。', '调取监控，协助业主报警（110）。',
  '派出所已立案，监控录像已拷贝交警方。', 'closed', 0),
 ('d2-rubbish', 2, '中班', '18:20', '客户投诉电话', '2 栋 3 楼楼道',
  '2-301 业主来电投诉楼道垃圾未及时清运，有异味。', '通知保洁部 19:00 前清运。',
  '19:10 回访，已清运，业主满意。', 'closed', 0),
 ('d2-quarrel', 2, '夜班', '23:15', '打架', '小区西门外',
  '西门外两名外来人员发生口角并推搡。', '保安到场劝离，未进入小区，无人受伤。',
  '已记录监控时段备查。', 'closed', 0),
 ('d1-patrol', 1, '早班', '07:30', '巡查', '全区',
  '早班巡查：各楼栋消防设施正常；6 栋天台门未上锁。', '已上锁。', '', 'closed', 0),
 ('d1-parking', 1, '早班', '09:40', '来电来访', '前台',
  '3-1101 业主来访咨询车位租赁。', '介绍车位租赁办法并登记需求。', '转客服主管跟进。', 'closed', 0),
 ('d1-barrier', 1, '中班', '14:50', '设备/照明', '1 栋 B1 车库入口',
  '1 栋 B1 车库入口道闸抬杆缓慢，高峰时车辆排队。', '报工程部检查。',
  '工程部 16:30 调整完毕，恢复正常。', 'closed', 0),
 ('d1-lift', 1, '中班', '20:30', '客户投诉电话', '3 栋 3 号电梯',
  '3 栋业主来电反映 3 号电梯运行时有异响。', '已报电梯维保单位；张贴暂停使用通知，引导业主使用 1、2 号梯。',
  '维保单位约定次日 9:00 到场检修，检修后回访报修业主。', 'open', 0),
 ('d1-night', 1, '夜班', '22:35', '巡查', '全区',
  '夜间巡查：各岗位值守正常，地下车库照明正常。', '', '', 'closed', 0),
 ('d1-smoke', 1, '夜班', '23:40', '风/火/水/电意外', '4 栋 18 楼',
  '4 栋 18 楼烟感报警。', '保安 3 分钟内到场，确认为业主厨房油烟，未见火情；消防控制室复位报警。',
  '提醒业主做饭时开启抽油烟机；已记入消防控制室记录。', 'closed', 0);

-- The days: -3 and -2 signed the next morning, -1 waiting.
INSERT INTO log_days (site_id, day, status, signed_by, signed_at, sign_comment)
SELECT @site, @today - INTERVAL a.ago DAY, IF(a.ago > 1, 'signed', 'open'),
       IF(a.ago > 1, @mgr, NULL),
       IF(a.ago > 1, TIMESTAMP(@today - INTERVAL (a.ago - 1) DAY, '09:10'), NULL),
       IF(a.ago = 3, '水管爆裂处置及时。请工程部本周内排查其余楼栋水泵房接头。', '')
  FROM (SELECT 3 AS ago UNION ALL SELECT 2 UNION ALL SELECT 1) a
 WHERE @fresh;

-- A page per shift of each day, opened at the shift's start and closed at its end by the
-- writer (the night shift ends the next morning; never later than now).
CREATE TEMPORARY TABLE demo_page AS
SELECT d.id AS day_id, d.day, sh.id AS shift_id, sh.name AS shift, sh.start_time, sh.end_time,
       COALESCE((SELECT MIN(re.user_id) FROM roster_entries re
                   JOIN roster_months m ON m.id = re.month_id
                  WHERE m.site_id = @site AND re.day = d.day AND re.shift_id = sh.id),
                (SELECT id FROM users WHERE username = ELT(sh.sort_order, 'staff1', 'staff2', 'staff3')))
         AS writer
  FROM log_days d JOIN shifts sh ON sh.site_id = d.site_id AND sh.active = 1
 WHERE @fresh AND d.site_id = @site AND d.day BETWEEN @today - INTERVAL 3 DAY AND @today - INTERVAL 1 DAY;

INSERT INTO log_pages (site_id, day_id, shift_id, status, opened_by, opened_at, lead_id, closed_by,
                       closed_at, close_note)
SELECT @site, p.day_id, p.shift_id, 'closed', p.writer, TIMESTAMP(p.day, p.start_time), p.writer,
       p.writer, LEAST(NOW(), TIMESTAMP(p.day + INTERVAL (p.end_time <= p.start_time) DAY, p.end_time)),
       IF(p.day = @today - INTERVAL 1 DAY AND p.shift <> '早班', '3 号电梯异响未处理完，交下一班跟进。', '')
  FROM demo_page p;

INSERT INTO log_page_staff (page_id, user_id, is_lead)
SELECT lp.id, p.writer, 1 FROM demo_page p
  JOIN log_pages lp ON lp.day_id = p.day_id AND lp.shift_id = p.shift_id;

INSERT INTO log_entries (site_id, page_id, occurred_at, category_id, location, what, handling,
                         followup, status, major, written_by, created_at, updated_at, closed_by,
                         closed_at, form_key)
SELECT @site, lp.id, TIMESTAMP(p.day, e.at), c.id, e.location, e.what, e.handling, e.followup,
       e.status, e.major, p.writer, TIMESTAMP(p.day, e.at) + INTERVAL 4 MINUTE,
       TIMESTAMP(p.day, e.at) + INTERVAL 4 MINUTE, IF(e.status = 'closed', p.writer, NULL),
       IF(e.status = 'closed', LEAST(NOW(), TIMESTAMP(p.day, e.at) + INTERVAL 50 MINUTE), NULL),
       MD5(CONCAT('demo-log-history-', e.tag))
  FROM demo_log e
  JOIN demo_page p ON p.day = @today - INTERVAL e.ago DAY AND p.shift = e.shift
  JOIN log_pages lp ON lp.day_id = p.day_id AND lp.shift_id = p.shift_id
  JOIN log_categories c ON c.site_id = @site AND c.name = e.category
 ORDER BY p.day, e.at;

-- The open lift item, handed on by the evening page and by the night page when they closed.
INSERT INTO log_carryovers (entry_id, from_page_id, carried_by, carried_at)
SELECT le.id, lp.id, lp.closed_by, lp.closed_at
  FROM log_entries le
  JOIN log_pages lp ON lp.day_id = (SELECT p.day_id FROM log_pages p WHERE p.id = le.page_id)
 JOIN shifts sh ON sh.id = lp.shift_id AND sh.name IN ('中班', '夜班')
 WHERE le.form_key = MD5('demo-log-history-d1-lift');

-- The burst pipe's emergency record: who was told, and the written report of the next morning.
INSERT INTO emergencies (site_id, entry_id, occurred_at, place, what, people, actions, report,
                         report_due, report_by, report_at, created_by, created_at)
SELECT @site, le.id, le.occurred_at, le.location, le.what,
       CONCAT(u.display_name, '（值班员）；工程部维修工 2 人；保洁部 3 人。无人受伤。'),
       '14:22 关闭 3 栋给水总阀；14:25 封闭车库 B 区入口并设警示牌；14:30 保洁部开始排水；'
       '15:10 工程部更换爆裂接头；17:40 恢复供水，检查无渗漏。',
       CONCAT('事件经过：', DATE_FORMAT(le.occurred_at, '%Y-%m-%d %H:%i'),
              '，3 栋 B1 水泵房给水管接头爆裂，积水漫向车库 B 区，影响 3 栋供水约 3 小时。\n',
              '原因：接头老化锈蚀（该接头已使用 9 年）。\n',
              '损失：车库 B 区 4 辆车轮胎浸水，车辆无损坏；无人受伤。\n',
              '整改：工程部本周内排查其余楼栋水泵房接头，老化件一并更换；停水通知模板已放前台。'),
       DATE(le.occurred_at) + INTERVAL 2 DAY, @mgr, TIMESTAMP(DATE(le.occurred_at) + INTERVAL 1 DAY, '10:30'),
       le.written_by, le.created_at
  FROM log_entries le JOIN users u ON u.id = le.written_by
 WHERE le.form_key = MD5('demo-log-history-d3-pipe');

INSERT INTO emergency_notices (emergency_id, party, who, notified_at, recorded_by)
SELECT m.id, n.party, n.who, m.occurred_at + INTERVAL n.mins MINUTE, m.created_by
  FROM emergencies m
  JOIN log_entries le ON le.id = m.entry_id AND le.form_key = MD5('demo-log-history-d3-pipe')
  JOIN (SELECT 'department' AS party, '工程部 值班维修工' AS who, 2 AS mins
        UNION ALL SELECT 'manager', '客服经理 陈静', 5
        UNION ALL SELECT 'department', '保洁部 领班', 8) n;

-- After the day was signed, the supervisor corrected where the battery was stolen (the camera
-- showed it): a correction, the original text kept.
INSERT INTO log_corrections (entry_id, field, old_text, new_text, reason, corrected_by, corrected_at)
SELECT le.id, 'location', le.location, '2 栋 B1 非机动车库',
       '核对监控后确认被盗地点为 2 栋 B1 非机动车库，原记录地点有误。', @sup,
       LEAST(NOW(), TIMESTAMP(DATE(le.occurred_at) + INTERVAL 2 DAY, '11:20'))
  FROM log_entries le WHERE le.form_key = MD5('demo-log-history-d2-theft');

DROP TEMPORARY TABLE demo_page;
DROP TEMPORARY TABLE demo_log;
COMMIT;
