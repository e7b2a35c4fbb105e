-- 013: the default evaluation checklist (考核项目) for every site that exists now; a site
-- created later gets it from /evaluations/items ("add the default checklist", the same rows,
-- E_ITEMS_DEFAULTS in cgi-bin/eval/stmts.c). Maximum scores add up to 100.
INSERT IGNORE INTO eval_items (site_id, name, max_score, sort_order)
SELECT s.id, i.name, i.max_score, i.ord FROM sites s
JOIN (SELECT '仪容仪表' AS name, 10 AS max_score, 1 AS ord
      UNION ALL SELECT '服务态度', 20, 2
      UNION ALL SELECT '记录规范', 15, 3
      UNION ALL SELECT '交接规范', 15, 4
      UNION ALL SELECT '电话接听(三声内)', 15, 5
      UNION ALL SELECT '投诉处理', 15, 6
      UNION ALL SELECT '劳动纪律', 10, 7) i;
