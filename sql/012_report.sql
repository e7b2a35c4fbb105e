-- 012: figures for the reports (/reports: KPI dashboard, quarterly complaint analysis, the
-- director's sites, the manager's digest), kept up to date by triggers in the same
-- transaction as the change of the request, work order or callback they count. With 200,000
-- requests a quarter's report reads a few thousand summary rows instead of scanning 25,000
-- requests for every figure.
--
--   req_stats_day    per site, day received, type, channel: requests, responded (in SLA,
--                    minutes), done (in SLA, minutes), phone rings known / within 1..5 rings
--   req_stats_mon    the same per month
--   req_stats_place  per site, quarter received, building, category: requests
--   req_stats_hist   per site, quarter, type, measure (respond, resolve), minutes bucket: count
--                    (for median and 90th percentile)
--   req_stats_dept   per site, month dispatched, department: work orders (not reassigned),
--                    done, done after due_at
--   req_repeats      a request that repeats an earlier one within req_settings.repeat_days:
--                    same unit, or same category in the same building
--   req_stats_repeat per site, quarter, unit or building and category: repeats
--   req_stats_repeat_total  per site, quarter, kind: repeats in all
--   cb_stats_day     per site, day called, satisfaction: callbacks done
--
-- A bulk load may SET @dd_stats_off = 1 (the triggers then do nothing in that session) and
-- CALL report_stats_rebuild(NULL) afterwards, which recomputes every summary from the records.
-- Building and category 0 stand for none.

CREATE TABLE req_stats_day (
  site_id     INT UNSIGNED NOT NULL,
  day         DATE         NOT NULL,
  type        ENUM('complaint','repair','inquiry','suggestion','help') NOT NULL,
  channel     ENUM('phone','visit','letter','fax','online') NOT NULL,
  n           INT NOT NULL DEFAULT 0,
  responded   INT NOT NULL DEFAULT 0,
  resp_sla    INT NOT NULL DEFAULT 0,  -- responded, with a respond_due
  resp_met    INT NOT NULL DEFAULT 0,  -- ... at or before it
  resp_min    BIGINT NOT NULL DEFAULT 0,
  resolved    INT NOT NULL DEFAULT 0,
  done_sla    INT NOT NULL DEFAULT 0,
  done_met    INT NOT NULL DEFAULT 0,
  done_min    BIGINT NOT NULL DEFAULT 0,
  rings_known INT NOT NULL DEFAULT 0,
  rings_le1   INT NOT NULL DEFAULT 0,
  rings_le2   INT NOT NULL DEFAULT 0,
  rings_le3   INT NOT NULL DEFAULT 0,
  rings_le4   INT NOT NULL DEFAULT 0,
  rings_le5   INT NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, day, type, channel)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The same per month (month = its first day): what a quarter, a month or a trend of months
-- reads (25 rows a month instead of 750).
CREATE TABLE req_stats_mon LIKE req_stats_day;
ALTER TABLE req_stats_mon CHANGE day month DATE NOT NULL;

CREATE TABLE req_stats_place (
  site_id     INT UNSIGNED NOT NULL,
  quarter     DATE         NOT NULL,   -- the quarter's first day
  building_id INT UNSIGNED NOT NULL,
  category_id INT UNSIGNED NOT NULL,
  n           INT NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, quarter, building_id, category_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE req_stats_hist (
  site_id     INT UNSIGNED NOT NULL,
  quarter     DATE         NOT NULL,   -- the quarter's first day
  type        ENUM('complaint','repair','inquiry','suggestion','help') NOT NULL,
  measure     ENUM('respond','resolve') NOT NULL,
  bucket      INT UNSIGNED NOT NULL,   -- minutes, rounded down: to 1 under 10 min, 5 under
                                       -- 1 h, 15 under 4 h, 60 under a day, 360 under a
                                       -- week, 1440 beyond
  n           INT NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, quarter, measure, type, bucket)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE req_stats_dept (
  site_id       INT UNSIGNED NOT NULL,
  month         DATE         NOT NULL,
  department_id INT UNSIGNED NOT NULL,
  orders        INT NOT NULL DEFAULT 0,
  done          INT NOT NULL DEFAULT 0,
  done_late     INT NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, month, department_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE req_repeats (
  request_id  BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  site_id     INT UNSIGNED NOT NULL,
  received_at DATETIME     NOT NULL,
  unit_id     INT UNSIGNED NOT NULL DEFAULT 0,
  building_id INT UNSIGNED NOT NULL DEFAULT 0,
  category_id INT UNSIGNED NOT NULL DEFAULT 0,
  by_unit     TINYINT(1)   NOT NULL DEFAULT 0,
  by_category TINYINT(1)   NOT NULL DEFAULT 0,
  KEY ix_req_repeats_site (site_id, received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Repeats per quarter in all, by kind (what the report's key figures read).
CREATE TABLE req_stats_repeat_total (
  site_id     INT UNSIGNED NOT NULL,
  quarter     DATE         NOT NULL,   -- the quarter's first day
  kind        ENUM('unit','category') NOT NULL,
  n           INT NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, quarter, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Repeats per quarter: kind unit (building, unit) or category (building, category).
CREATE TABLE req_stats_repeat (
  site_id     INT UNSIGNED NOT NULL,
  quarter     DATE         NOT NULL,   -- the quarter's first day
  kind        ENUM('unit','category') NOT NULL,
  building_id INT UNSIGNED NOT NULL,
  category_id INT UNSIGNED NOT NULL,
  unit_id     INT UNSIGNED NOT NULL,
  n           INT NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, quarter, kind, building_id, category_id, unit_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE cb_stats_day (
  site_id      INT UNSIGNED NOT NULL,
  day          DATE         NOT NULL,
  satisfaction TINYINT UNSIGNED NOT NULL,  -- 0: done without a score
  n            INT NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, day, satisfaction)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Repeats of a building's category are looked up by this; the digest and KPI read
-- escalations, callbacks and emergencies by site and time.
ALTER TABLE requests ADD KEY ix_requests_building_category (site_id, building_id, category_id, received_at);
ALTER TABLE requests ADD KEY ix_requests_site_closed (site_id, closed_at);
ALTER TABLE req_escalations ADD KEY ix_req_escalations_site_time (site_id, escalated_at);
ALTER TABLE emergencies ADD KEY ix_emergencies_site_occurred (site_id, occurred_at);
ALTER TABLE handovers ADD KEY ix_handovers_site_refused (site_id, refused_at);

DELIMITER //

CREATE FUNCTION report_bucket(m INT) RETURNS INT UNSIGNED DETERMINISTIC
RETURN CASE WHEN m < 0 THEN 0 WHEN m < 10 THEN m WHEN m < 60 THEN m - m % 5
            WHEN m < 240 THEN m - m % 15 WHEN m < 1440 THEN m - m % 60
            WHEN m < 10080 THEN m - m % 360 ELSE m - m % 1440 END //

-- Adds (s = 1) or takes away (s = -1) one request's share of the summaries.
CREATE PROCEDURE req_stats_apply(IN p_site INT UNSIGNED, IN p_at DATETIME, IN p_type VARCHAR(20),
    IN p_channel VARCHAR(20), IN p_building INT UNSIGNED, IN p_category INT UNSIGNED,
    IN p_first DATETIME, IN p_rdue DATETIME, IN p_done DATETIME, IN p_ddue DATETIME,
    IN p_rings INT, IN s INT)
BEGIN
  DECLARE rm INT DEFAULT IF(p_first IS NULL, NULL, GREATEST(TIMESTAMPDIFF(MINUTE, p_at, p_first), 0));
  DECLARE dm INT DEFAULT IF(p_done IS NULL, NULL, GREATEST(TIMESTAMPDIFF(MINUTE, p_at, p_done), 0));
  DECLARE mon DATE DEFAULT DATE_FORMAT(p_at, '%Y-%m-01');
  DECLARE qtr DATE DEFAULT MAKEDATE(YEAR(p_at), 1) + INTERVAL (QUARTER(p_at) - 1) QUARTER;
  INSERT INTO req_stats_day (site_id, day, type, channel, n, responded, resp_sla, resp_met,
      resp_min, resolved, done_sla, done_met, done_min, rings_known, rings_le1, rings_le2,
      rings_le3, rings_le4, rings_le5)
  VALUES (p_site, DATE(p_at), p_type, p_channel, s,
      s * (rm IS NOT NULL), s * (rm IS NOT NULL AND p_rdue IS NOT NULL),
      s * (rm IS NOT NULL AND p_rdue IS NOT NULL AND p_first <= p_rdue), s * COALESCE(rm, 0),
      s * (dm IS NOT NULL), s * (dm IS NOT NULL AND p_ddue IS NOT NULL),
      s * (dm IS NOT NULL AND p_ddue IS NOT NULL AND p_done <= p_ddue), s * COALESCE(dm, 0),
      s * (p_rings IS NOT NULL), s * COALESCE(p_rings <= 1, 0), s * COALESCE(p_rings <= 2, 0),
      s * COALESCE(p_rings <= 3, 0), s * COALESCE(p_rings <= 4, 0), s * COALESCE(p_rings <= 5, 0))
  ON DUPLICATE KEY UPDATE n = n + VALUES(n), responded = responded + VALUES(responded),
      resp_sla = resp_sla + VALUES(resp_sla), resp_met = resp_met + VALUES(resp_met),
      resp_min = resp_min + VALUES(resp_min), resolved = resolved + VALUES(resolved),
      done_sla = done_sla + VALUES(done_sla), done_met = done_met + VALUES(done_met),
      done_min = done_min + VALUES(done_min), rings_known = rings_known + VALUES(rings_known),
      rings_le1 = rings_le1 + VALUES(rings_le1), rings_le2 = rings_le2 + VALUES(rings_le2),
      rings_le3 = rings_le3 + VALUES(rings_le3), rings_le4 = rings_le4 + VALUES(rings_le4),
      rings_le5 = rings_le5 + VALUES(rings_le5);
  INSERT INTO req_stats_mon (site_id, month, type, channel, n, responded, resp_sla, resp_met,
      resp_min, resolved, done_sla, done_met, done_min, rings_known, rings_le1, rings_le2,
      rings_le3, rings_le4, rings_le5)
  VALUES (p_site, mon, p_type, p_channel, s,
      s * (rm IS NOT NULL), s * (rm IS NOT NULL AND p_rdue IS NOT NULL),
      s * (rm IS NOT NULL AND p_rdue IS NOT NULL AND p_first <= p_rdue), s * COALESCE(rm, 0),
      s * (dm IS NOT NULL), s * (dm IS NOT NULL AND p_ddue IS NOT NULL),
      s * (dm IS NOT NULL AND p_ddue IS NOT NULL AND p_done <= p_ddue), s * COALESCE(dm, 0),
      s * (p_rings IS NOT NULL), s * COALESCE(p_rings <= 1, 0), s * COALESCE(p_rings <= 2, 0),
      s * COALESCE(p_rings <= 3, 0), s * COALESCE(p_rings <= 4, 0), s * COALESCE(p_rings <= 5, 0))
  ON DUPLICATE KEY UPDATE n = n + VALUES(n), responded = responded + VALUES(responded),
      resp_sla = resp_sla + VALUES(resp_sla), resp_met = resp_met + VALUES(resp_met),
      resp_min = resp_min + VALUES(resp_min), resolved = resolved + VALUES(resolved),
      done_sla = done_sla + VALUES(done_sla), done_met = done_met + VALUES(done_met),
      done_min = done_min + VALUES(done_min), rings_known = rings_known + VALUES(rings_known),
      rings_le1 = rings_le1 + VALUES(rings_le1), rings_le2 = rings_le2 + VALUES(rings_le2),
      rings_le3 = rings_le3 + VALUES(rings_le3), rings_le4 = rings_le4 + VALUES(rings_le4),
      rings_le5 = rings_le5 + VALUES(rings_le5);
  INSERT INTO req_stats_place (site_id, quarter, building_id, category_id, n)
  VALUES (p_site, qtr, COALESCE(p_building, 0), COALESCE(p_category, 0), s)
  ON DUPLICATE KEY UPDATE n = n + VALUES(n);
  IF rm IS NOT NULL THEN
    INSERT INTO req_stats_hist (site_id, quarter, type, measure, bucket, n)
    VALUES (p_site, qtr, p_type, 'respond', report_bucket(rm), s)
    ON DUPLICATE KEY UPDATE n = n + VALUES(n);
  END IF;
  IF dm IS NOT NULL THEN
    INSERT INTO req_stats_hist (site_id, quarter, type, measure, bucket, n)
    VALUES (p_site, qtr, p_type, 'resolve', report_bucket(dm), s)
    ON DUPLICATE KEY UPDATE n = n + VALUES(n);
  END IF;
END //

-- Marks request p_id as a repeat when an earlier request of the same unit, or of the same
-- category in the same building, came within the site's repeat_days before it, and keeps
-- req_stats_repeat (per quarter, unit or building and category) in step with the marks. A
-- request entered late (received before requests already entered) does not mark those later
-- ones; report_stats_rebuild() does.
CREATE PROCEDURE req_repeat_check(IN p_id BIGINT UNSIGNED, IN p_site INT UNSIGNED,
    IN p_at DATETIME, IN p_unit INT UNSIGNED, IN p_building INT UNSIGNED,
    IN p_category INT UNSIGNED, IN p_gone TINYINT)
BEGIN
  DECLARE rd INT DEFAULT COALESCE((SELECT repeat_days FROM req_settings WHERE site_id = p_site), 30);
  DECLARE bu TINYINT DEFAULT 0;
  DECLARE bc TINYINT DEFAULT 0;
  DECLARE o_at DATETIME DEFAULT NULL;
  DECLARE o_bu, o_bc TINYINT DEFAULT 0;
  DECLARE o_site, o_unit, o_building, o_category INT UNSIGNED DEFAULT 0;
  DECLARE o_q DATE DEFAULT NULL;
  DECLARE p_q DATE DEFAULT MAKEDATE(YEAR(p_at), 1) + INTERVAL (QUARTER(p_at) - 1) QUARTER;
  SELECT site_id, received_at, by_unit, by_category, unit_id, building_id, category_id
    INTO o_site, o_at, o_bu, o_bc, o_unit, o_building, o_category
    FROM req_repeats WHERE request_id = p_id;
  IF o_at IS NOT NULL THEN
    SET o_q = MAKEDATE(YEAR(o_at), 1) + INTERVAL (QUARTER(o_at) - 1) QUARTER;
    INSERT INTO req_stats_repeat (site_id, quarter, kind, building_id, category_id, unit_id, n)
    VALUES (o_site, o_q, 'unit', o_building, 0, o_unit, -o_bu),
           (o_site, o_q, 'category', o_building, o_category, 0, -o_bc)
    ON DUPLICATE KEY UPDATE n = n + VALUES(n);
    INSERT INTO req_stats_repeat_total (site_id, quarter, kind, n)
    VALUES (o_site, o_q, 'unit', -o_bu),
           (o_site, o_q, 'category', -o_bc)
    ON DUPLICATE KEY UPDATE n = n + VALUES(n);
    DELETE FROM req_repeats WHERE request_id = p_id;
  END IF;
  IF NOT p_gone THEN
    SET bu = p_unit IS NOT NULL AND EXISTS (SELECT 1 FROM requests r
        WHERE r.unit_id = p_unit AND r.received_at BETWEEN p_at - INTERVAL rd DAY AND p_at
          AND r.id <> p_id AND (r.received_at < p_at OR r.id < p_id));
    SET bc = p_building IS NOT NULL AND p_category IS NOT NULL AND EXISTS (
        SELECT 1 FROM requests r WHERE r.site_id = p_site AND r.building_id = p_building
          AND r.category_id = p_category AND r.received_at BETWEEN p_at - INTERVAL rd DAY AND p_at
          AND r.id <> p_id AND (r.received_at < p_at OR r.id < p_id));
  END IF;
  IF bu OR bc THEN
    INSERT INTO req_repeats (request_id, site_id, received_at, unit_id, building_id,
        category_id, by_unit, by_category)
    VALUES (p_id, p_site, p_at, COALESCE(p_unit, 0), COALESCE(p_building, 0),
        COALESCE(p_category, 0), bu, bc);
    INSERT INTO req_stats_repeat (site_id, quarter, kind, building_id, category_id, unit_id, n)
    VALUES (p_site, p_q, 'unit', COALESCE(p_building, 0), 0,
            COALESCE(p_unit, 0), bu),
           (p_site, p_q, 'category', COALESCE(p_building, 0),
            COALESCE(p_category, 0), 0, bc)
    ON DUPLICATE KEY UPDATE n = n + VALUES(n);
    INSERT INTO req_stats_repeat_total (site_id, quarter, kind, n)
    VALUES (p_site, p_q, 'unit', bu),
           (p_site, p_q, 'category', bc)
    ON DUPLICATE KEY UPDATE n = n + VALUES(n);
  END IF;
END //

CREATE TRIGGER tr_requests_stats_ins AFTER INSERT ON requests FOR EACH ROW
BEGIN
  IF @dd_stats_off IS NULL THEN
    CALL req_stats_apply(NEW.site_id, NEW.received_at, NEW.type, NEW.channel, NEW.building_id,
        NEW.category_id, NEW.first_response_at, NEW.respond_due, NEW.done_at, NEW.resolve_due,
        NEW.rings, 1);
    CALL req_repeat_check(NEW.id, NEW.site_id, NEW.received_at, NEW.unit_id, NEW.building_id,
        NEW.category_id, 0);
  END IF;
END //

CREATE TRIGGER tr_requests_stats_upd AFTER UPDATE ON requests FOR EACH ROW
BEGIN
  IF @dd_stats_off IS NULL THEN
    IF NOT (OLD.site_id <=> NEW.site_id AND OLD.received_at <=> NEW.received_at
        AND OLD.type <=> NEW.type AND OLD.channel <=> NEW.channel
        AND OLD.building_id <=> NEW.building_id AND OLD.category_id <=> NEW.category_id
        AND OLD.first_response_at <=> NEW.first_response_at AND OLD.respond_due <=> NEW.respond_due
        AND OLD.done_at <=> NEW.done_at AND OLD.resolve_due <=> NEW.resolve_due
        AND OLD.rings <=> NEW.rings) THEN
      CALL req_stats_apply(OLD.site_id, OLD.received_at, OLD.type, OLD.channel, OLD.building_id,
          OLD.category_id, OLD.first_response_at, OLD.respond_due, OLD.done_at, OLD.resolve_due,
          OLD.rings, -1);
      CALL req_stats_apply(NEW.site_id, NEW.received_at, NEW.type, NEW.channel, NEW.building_id,
          NEW.category_id, NEW.first_response_at, NEW.respond_due, NEW.done_at, NEW.resolve_due,
          NEW.rings, 1);
    END IF;
    IF NOT (OLD.received_at <=> NEW.received_at AND OLD.unit_id <=> NEW.unit_id
        AND OLD.building_id <=> NEW.building_id AND OLD.category_id <=> NEW.category_id) THEN
      CALL req_repeat_check(NEW.id, NEW.site_id, NEW.received_at, NEW.unit_id, NEW.building_id,
          NEW.category_id, 0);
    END IF;
  END IF;
END //

CREATE TRIGGER tr_requests_stats_del AFTER DELETE ON requests FOR EACH ROW
BEGIN
  IF @dd_stats_off IS NULL THEN
    CALL req_stats_apply(OLD.site_id, OLD.received_at, OLD.type, OLD.channel, OLD.building_id,
        OLD.category_id, OLD.first_response_at, OLD.respond_due, OLD.done_at, OLD.resolve_due,
        OLD.rings, -1);
    CALL req_repeat_check(OLD.id, OLD.site_id, OLD.received_at, OLD.unit_id, OLD.building_id,
        OLD.category_id, 1);
  END IF;
END //

-- A work order counts for its department in the month it was dispatched, unless reassigned.
CREATE PROCEDURE req_dept_apply(IN p_site INT UNSIGNED, IN p_at DATETIME, IN p_dept INT UNSIGNED,
    IN p_status VARCHAR(20), IN p_done DATETIME, IN p_due DATETIME, IN s INT)
BEGIN
  IF p_status <> 'reassigned' THEN
    INSERT INTO req_stats_dept (site_id, month, department_id, orders, done, done_late)
    VALUES (p_site, DATE_FORMAT(p_at, '%Y-%m-01'), p_dept, s, s * (p_status = 'done'),
        s * (p_status = 'done' AND p_done > p_due))
    ON DUPLICATE KEY UPDATE orders = orders + VALUES(orders), done = done + VALUES(done),
        done_late = done_late + VALUES(done_late);
  END IF;
END //

CREATE TRIGGER tr_work_orders_stats_ins AFTER INSERT ON work_orders FOR EACH ROW
BEGIN
  IF @dd_stats_off IS NULL THEN
    CALL req_dept_apply(NEW.site_id, NEW.dispatched_at, NEW.department_id, NEW.status,
        NEW.done_at, NEW.due_at, 1);
  END IF;
END //

CREATE TRIGGER tr_work_orders_stats_upd AFTER UPDATE ON work_orders FOR EACH ROW
BEGIN
  IF @dd_stats_off IS NULL AND NOT (OLD.site_id <=> NEW.site_id
      AND OLD.dispatched_at <=> NEW.dispatched_at AND OLD.department_id <=> NEW.department_id
      AND OLD.status <=> NEW.status AND OLD.done_at <=> NEW.done_at AND OLD.due_at <=> NEW.due_at) THEN
    CALL req_dept_apply(OLD.site_id, OLD.dispatched_at, OLD.department_id, OLD.status,
        OLD.done_at, OLD.due_at, -1);
    CALL req_dept_apply(NEW.site_id, NEW.dispatched_at, NEW.department_id, NEW.status,
        NEW.done_at, NEW.due_at, 1);
  END IF;
END //

CREATE TRIGGER tr_work_orders_stats_del AFTER DELETE ON work_orders FOR EACH ROW
BEGIN
  IF @dd_stats_off IS NULL THEN
    CALL req_dept_apply(OLD.site_id, OLD.dispatched_at, OLD.department_id, OLD.status,
        OLD.done_at, OLD.due_at, -1);
  END IF;
END //

CREATE PROCEDURE cb_stats_apply(IN p_site INT UNSIGNED, IN p_status VARCHAR(20),
    IN p_at DATETIME, IN p_score INT, IN s INT)
BEGIN
  IF p_status = 'done' AND p_at IS NOT NULL THEN
    INSERT INTO cb_stats_day (site_id, day, satisfaction, n)
    VALUES (p_site, DATE(p_at), COALESCE(p_score, 0), s)
    ON DUPLICATE KEY UPDATE n = n + VALUES(n);
  END IF;
END //

CREATE TRIGGER tr_callbacks_stats_ins AFTER INSERT ON callbacks FOR EACH ROW
BEGIN
  IF @dd_stats_off IS NULL THEN
    CALL cb_stats_apply(NEW.site_id, NEW.status, NEW.called_at, NEW.satisfaction, 1);
  END IF;
END //

CREATE TRIGGER tr_callbacks_stats_upd AFTER UPDATE ON callbacks FOR EACH ROW
BEGIN
  IF @dd_stats_off IS NULL AND NOT (OLD.site_id <=> NEW.site_id AND OLD.status <=> NEW.status
      AND OLD.called_at <=> NEW.called_at AND OLD.satisfaction <=> NEW.satisfaction) THEN
    CALL cb_stats_apply(OLD.site_id, OLD.status, OLD.called_at, OLD.satisfaction, -1);
    CALL cb_stats_apply(NEW.site_id, NEW.status, NEW.called_at, NEW.satisfaction, 1);
  END IF;
END //

CREATE TRIGGER tr_callbacks_stats_del AFTER DELETE ON callbacks FOR EACH ROW
BEGIN
  IF @dd_stats_off IS NULL THEN
    CALL cb_stats_apply(OLD.site_id, OLD.status, OLD.called_at, OLD.satisfaction, -1);
  END IF;
END //

-- Recomputes the summaries of site p_site (NULL: every site) from the records, in one
-- transaction (after a bulk load with @dd_stats_off set, or to check the triggers: the tests
-- compare the two).
CREATE PROCEDURE report_stats_rebuild(IN p_site INT UNSIGNED)
BEGIN
  START TRANSACTION;
  DELETE FROM req_stats_day WHERE p_site IS NULL OR site_id = p_site;
  DELETE FROM req_stats_mon WHERE p_site IS NULL OR site_id = p_site;
  DELETE FROM req_stats_place WHERE p_site IS NULL OR site_id = p_site;
  DELETE FROM req_stats_hist WHERE p_site IS NULL OR site_id = p_site;
  DELETE FROM req_stats_dept WHERE p_site IS NULL OR site_id = p_site;
  DELETE FROM req_repeats WHERE p_site IS NULL OR site_id = p_site;
  DELETE FROM req_stats_repeat WHERE p_site IS NULL OR site_id = p_site;
  DELETE FROM req_stats_repeat_total WHERE p_site IS NULL OR site_id = p_site;
  DELETE FROM cb_stats_day WHERE p_site IS NULL OR site_id = p_site;
  INSERT INTO req_stats_day (site_id, day, type, channel, n, responded, resp_sla, resp_met,
      resp_min, resolved, done_sla, done_met, done_min, rings_known, rings_le1, rings_le2,
      rings_le3, rings_le4, rings_le5)
  SELECT site_id, DATE(received_at), type, channel, COUNT(*),
      SUM(first_response_at IS NOT NULL),
      SUM(first_response_at IS NOT NULL AND respond_due IS NOT NULL),
      SUM(COALESCE(first_response_at <= respond_due, 0)),
      SUM(COALESCE(GREATEST(TIMESTAMPDIFF(MINUTE, received_at, first_response_at), 0), 0)),
      SUM(done_at IS NOT NULL), SUM(done_at IS NOT NULL AND resolve_due IS NOT NULL),
      SUM(COALESCE(done_at <= resolve_due, 0)),
      SUM(COALESCE(GREATEST(TIMESTAMPDIFF(MINUTE, received_at, done_at), 0), 0)),
      SUM(rings IS NOT NULL), SUM(COALESCE(rings <= 1, 0)), SUM(COALESCE(rings <= 2, 0)),
      SUM(COALESCE(rings <= 3, 0)), SUM(COALESCE(rings <= 4, 0)), SUM(COALESCE(rings <= 5, 0))
  FROM requests WHERE p_site IS NULL OR site_id = p_site
  GROUP BY site_id, DATE(received_at), type, channel;
  INSERT INTO req_stats_mon (site_id, month, type, channel, n, responded, resp_sla, resp_met,
      resp_min, resolved, done_sla, done_met, done_min, rings_known, rings_le1, rings_le2,
      rings_le3, rings_le4, rings_le5)
  SELECT site_id, DATE_FORMAT(day, '%Y-%m-01'), type, channel, SUM(n), SUM(responded),
      SUM(resp_sla), SUM(resp_met), SUM(resp_min), SUM(resolved), SUM(done_sla), SUM(done_met),
      SUM(done_min), SUM(rings_known), SUM(rings_le1), SUM(rings_le2), SUM(rings_le3),
      SUM(rings_le4), SUM(rings_le5)
  FROM req_stats_day WHERE p_site IS NULL OR site_id = p_site GROUP BY 1, 2, 3, 4;
  INSERT INTO req_stats_place (site_id, quarter, building_id, category_id, n)
  SELECT site_id, MAKEDATE(YEAR(received_at), 1) + INTERVAL (QUARTER(received_at) - 1) QUARTER, COALESCE(building_id, 0),
      COALESCE(category_id, 0), COUNT(*)
  FROM requests WHERE p_site IS NULL OR site_id = p_site GROUP BY 1, 2, 3, 4;
  INSERT INTO req_stats_hist (site_id, quarter, type, measure, bucket, n)
  SELECT site_id, MAKEDATE(YEAR(received_at), 1) + INTERVAL (QUARTER(received_at) - 1) QUARTER,
      type, 'respond',
      report_bucket(GREATEST(TIMESTAMPDIFF(MINUTE, received_at, first_response_at), 0)), COUNT(*)
  FROM requests WHERE first_response_at IS NOT NULL AND (p_site IS NULL OR site_id = p_site)
  GROUP BY 1, 2, 3, 5;
  INSERT INTO req_stats_hist (site_id, quarter, type, measure, bucket, n)
  SELECT site_id, MAKEDATE(YEAR(received_at), 1) + INTERVAL (QUARTER(received_at) - 1) QUARTER,
      type, 'resolve',
      report_bucket(GREATEST(TIMESTAMPDIFF(MINUTE, received_at, done_at), 0)), COUNT(*)
  FROM requests WHERE done_at IS NOT NULL AND (p_site IS NULL OR site_id = p_site)
  GROUP BY 1, 2, 3, 5;
  INSERT INTO req_stats_dept (site_id, month, department_id, orders, done, done_late)
  SELECT site_id, DATE_FORMAT(dispatched_at, '%Y-%m-01'), department_id, COUNT(*),
      SUM(status = 'done'), SUM(status = 'done' AND done_at > due_at)
  FROM work_orders WHERE status <> 'reassigned' AND (p_site IS NULL OR site_id = p_site)
  GROUP BY 1, 2, 3;
  INSERT INTO cb_stats_day (site_id, day, satisfaction, n)
  SELECT site_id, DATE(called_at), COALESCE(satisfaction, 0), COUNT(*)
  FROM callbacks WHERE status = 'done' AND called_at IS NOT NULL
    AND (p_site IS NULL OR site_id = p_site) GROUP BY 1, 2, 3;
  -- The request before each one of the same unit (of the same building and category): a
  -- repeat when it came within the site's repeat_days.
  INSERT INTO req_repeats (request_id, site_id, received_at, unit_id, building_id,
      category_id, by_unit, by_category)
  SELECT id, site_id, received_at, unit_id, building_id, category_id, bu, bc FROM (
    SELECT r.id, r.site_id, r.received_at, COALESCE(r.unit_id, 0) AS unit_id,
        COALESCE(r.building_id, 0) AS building_id, COALESCE(r.category_id, 0) AS category_id,
        COALESCE(r.unit_id IS NOT NULL AND LAG(r.received_at) OVER (PARTITION BY r.unit_id
            ORDER BY r.received_at, r.id) >= r.received_at
            - INTERVAL COALESCE(st.repeat_days, 30) DAY, 0) AS bu,
        COALESCE(r.building_id IS NOT NULL AND r.category_id IS NOT NULL
            AND LAG(r.received_at) OVER (PARTITION BY r.site_id, r.building_id, r.category_id
            ORDER BY r.received_at, r.id) >= r.received_at
            - INTERVAL COALESCE(st.repeat_days, 30) DAY, 0) AS bc
    FROM requests r LEFT JOIN req_settings st ON st.site_id = r.site_id
    WHERE p_site IS NULL OR r.site_id = p_site) x
  WHERE bu OR bc;
  INSERT INTO req_stats_repeat (site_id, quarter, kind, building_id, category_id, unit_id, n)
  SELECT site_id, MAKEDATE(YEAR(received_at), 1) + INTERVAL (QUARTER(received_at) - 1) QUARTER, 'unit', building_id, 0,
      unit_id,
      SUM(by_unit)
  FROM req_repeats WHERE p_site IS NULL OR site_id = p_site GROUP BY 1, 2, 4, 6;
  INSERT INTO req_stats_repeat (site_id, quarter, kind, building_id, category_id, unit_id, n)
  SELECT site_id, MAKEDATE(YEAR(received_at), 1) + INTERVAL (QUARTER(received_at) - 1) QUARTER, 'category', building_id,
      category_id, 0,
      SUM(by_category)
  FROM req_repeats WHERE p_site IS NULL OR site_id = p_site GROUP BY 1, 2, 4, 5;
  INSERT INTO req_stats_repeat_total (site_id, quarter, kind, n)
  SELECT site_id, quarter, kind, SUM(n) FROM req_stats_repeat
  WHERE p_site IS NULL OR site_id = p_site GROUP BY 1, 2, 3;
  COMMIT;
END //

DELIMITER ;

CALL report_stats_rebuild(NULL);
