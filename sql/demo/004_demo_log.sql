-- Demo duty-log categories of 翠湖花园管理处 (seed 000 第2篇: what must be logged).
INSERT INTO log_categories (site_id, name, sort_order)
SELECT s.id, c.name, c.ord FROM sites s
JOIN (SELECT '客户投诉电话' AS name, 1 AS ord UNION ALL SELECT '失窃', 2
      UNION ALL SELECT '风/火/水/电意外', 3 UNION ALL SELECT '打架', 4
      UNION ALL SELECT '员工违规', 5 UNION ALL SELECT '迁入迁出', 6
      UNION ALL SELECT '施工', 7 UNION ALL SELECT '巡查', 8
      UNION ALL SELECT '设备/照明', 9 UNION ALL SELECT '来电来访', 10
      UNION ALL SELECT '其他', 11) c
WHERE s.code = 'CH';
