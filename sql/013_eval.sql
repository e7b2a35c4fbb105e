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

-- The figures of a person and period (cgi-bin/eval/stmts.c E_FIGURES and the record lists)
-- count one person's rows in a date range: these make each count a short index range
-- instead of a scan of the site's period (a month of a busy site's log is ~2,000 entries).
ALTER TABLE log_entries ADD KEY ix_log_entries_writer_time (written_by, site_id, occurred_at);
ALTER TABLE requests ADD KEY ix_requests_receiver_time (received_by, received_at);
ALTER TABLE callbacks ADD KEY ix_callbacks_caller_time (called_by, called_at);
