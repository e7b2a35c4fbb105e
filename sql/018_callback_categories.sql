-- 018: the callback records' tabs (客户回访记录表 filed by category) counted by triggers.
-- The page counted every done callback of the site by category on each view (100,000 records
-- on the bench data: about 60 ms), so dd-callback kept the counts a minute per worker: on a
-- cold start every worker counted at once and the page stalled under load, and a new record
-- could be missing from a tab's count or the pager for up to a minute. The counts are now kept
-- in the callback's own transaction, like cb_stats_day, and read by one primary-key range.
--
-- A callback's category is its request's type, or its plan's kind (a callback has one or the
-- other). Neither changes once a callback can be done: the programs never change a request's
-- type, and a plan's kind only while it is a draft, whose callbacks are not due yet.
CREATE TABLE cb_stats_cat (
  site_id  INT UNSIGNED NOT NULL,
  category VARCHAR(20)  NOT NULL,  -- requests.type or callback_plans.kind; '' for neither
  n        INT NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, category)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DELIMITER //

CREATE PROCEDURE cb_cat_apply(IN p_site INT UNSIGNED, IN p_status VARCHAR(20),
    IN p_request BIGINT UNSIGNED, IN p_plan INT UNSIGNED, IN s INT)
BEGIN
  IF p_status = 'done' THEN
    INSERT INTO cb_stats_cat (site_id, category, n)
    VALUES (p_site, COALESCE(IF(p_plan IS NULL,
        (SELECT type FROM requests WHERE id = p_request),
        (SELECT kind FROM callback_plans WHERE id = p_plan)), ''), s)
    ON DUPLICATE KEY UPDATE n = n + VALUES(n);
  END IF;
END //

CREATE TRIGGER tr_callbacks_cat_ins AFTER INSERT ON callbacks FOR EACH ROW
BEGIN
  IF @dd_stats_off IS NULL THEN
    CALL cb_cat_apply(NEW.site_id, NEW.status, NEW.request_id, NEW.plan_id, 1);
  END IF;
END //

CREATE TRIGGER tr_callbacks_cat_upd AFTER UPDATE ON callbacks FOR EACH ROW
BEGIN
  IF @dd_stats_off IS NULL AND NOT (OLD.site_id <=> NEW.site_id AND OLD.status <=> NEW.status
      AND OLD.request_id <=> NEW.request_id AND OLD.plan_id <=> NEW.plan_id) THEN
    CALL cb_cat_apply(OLD.site_id, OLD.status, OLD.request_id, OLD.plan_id, -1);
    CALL cb_cat_apply(NEW.site_id, NEW.status, NEW.request_id, NEW.plan_id, 1);
  END IF;
END //

CREATE TRIGGER tr_callbacks_cat_del AFTER DELETE ON callbacks FOR EACH ROW
BEGIN
  IF @dd_stats_off IS NULL THEN
    CALL cb_cat_apply(OLD.site_id, OLD.status, OLD.request_id, OLD.plan_id, -1);
  END IF;
END //

-- Recomputes the counts of site p_site (NULL: every site) from the callbacks, in one
-- transaction: after a bulk load with @dd_stats_off set (next to report_stats_rebuild, which
-- predates this table), or to check the triggers (tests/http/80-callbacks compares the two).
CREATE PROCEDURE cb_stats_cat_rebuild(IN p_site INT UNSIGNED)
BEGIN
  START TRANSACTION;
  DELETE FROM cb_stats_cat WHERE p_site IS NULL OR site_id = p_site;
  INSERT INTO cb_stats_cat (site_id, category, n)
  SELECT cb.site_id, COALESCE(IF(cb.plan_id IS NULL, rq.type, p.kind), ''), COUNT(*)
  FROM callbacks cb LEFT JOIN requests rq ON rq.id = cb.request_id
    LEFT JOIN callback_plans p ON p.id = cb.plan_id
  WHERE cb.status = 'done' AND (p_site IS NULL OR cb.site_id = p_site)
  GROUP BY 1, 2;
  COMMIT;
END //

DELIMITER ;

-- The callbacks done before the counts were kept.
CALL cb_stats_cat_rebuild(NULL);
