-- Demo inventory of 翠湖花园管理处 (the front desk's keys, radios, phone, cards, umbrellas, kit).
INSERT INTO handover_items (site_id, name, expected, sort_order)
SELECT id, '钥匙', 12, 1 FROM sites WHERE code = 'CH'
UNION ALL SELECT id, '对讲机', 4, 2 FROM sites WHERE code = 'CH'
UNION ALL SELECT id, '值班电话', 1, 3 FROM sites WHERE code = 'CH'
UNION ALL SELECT id, '门禁卡', 20, 4 FROM sites WHERE code = 'CH'
UNION ALL SELECT id, '雨伞', 6, 5 FROM sites WHERE code = 'CH'
UNION ALL SELECT id, '急救箱', 1, 6 FROM sites WHERE code = 'CH';
INSERT INTO handover_rules (site_id, early_minutes) SELECT id, 10 FROM sites WHERE code = 'CH';
