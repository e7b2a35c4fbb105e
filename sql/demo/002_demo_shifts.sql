-- Demo shifts of 翠湖花园管理处 (seed 004: AM/PM; plus a night shift for 24-hour cover).
INSERT INTO shifts (site_id, name, start_time, end_time, headcount, holiday_headcount, needs_lead,
                    needs_deputy, sort_order)
SELECT id, '早班', '06:00', '13:00', 2, 3, 1, 1, 1 FROM sites WHERE code = 'CH'
UNION ALL SELECT id, '中班', '13:00', '22:00', 2, 3, 1, 1, 2 FROM sites WHERE code = 'CH'
UNION ALL SELECT id, '夜班', '22:00', '06:00', 1, 2, 1, 0, 3 FROM sites WHERE code = 'CH';
