-- 008: resident requests (来人来电来访登记): the residents directory, requests of every channel
-- and type, work orders to departments with SLA due times on a working calendar, the request's
-- timeline, escalation of major complaints, callbacks (回访) with plans and the next-day
-- report, and the departments' corrective actions for the quarterly analysis.
--
-- Request numbers are unified numbers (form_numbers, kinds req_complaint TS, req_repair BX,
-- req_inquiry ZX, req_suggestion JY, req_help QZ), assigned when the request is registered;
-- a work order's own number (kind work_order, GD) when it is first printed.

-- Department staff (role bit 32, 部门人员) belong to one department: they see and work the
-- orders sent to it.
ALTER TABLE users ADD COLUMN department_id INT UNSIGNED NULL AFTER site_id,
  ADD CONSTRAINT fk_users_department FOREIGN KEY (department_id) REFERENCES departments (id);

-- A resident of a unit (业主 owner, 租户 tenant, 家属/其他 other). A unit has any number.
CREATE TABLE residents (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id     INT UNSIGNED NOT NULL,
  unit_id     INT UNSIGNED NULL,
  name        VARCHAR(50)  NOT NULL,
  phone       VARCHAR(40)  NOT NULL DEFAULT '',
  kind        ENUM('owner','tenant','other') NOT NULL DEFAULT 'owner',
  note        VARCHAR(200) NOT NULL DEFAULT '',
  active      TINYINT(1)   NOT NULL DEFAULT 1,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  KEY ix_residents_site_name (site_id, name),
  KEY ix_residents_site_phone (site_id, phone),
  KEY ix_residents_unit (unit_id),
  CONSTRAINT fk_residents_site FOREIGN KEY (site_id) REFERENCES sites (id),
  CONSTRAINT fk_residents_unit FOREIGN KEY (unit_id) REFERENCES units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Per-site settings of the request desk. Working hours (for SLA due times on the working
-- calendar: weekdays and 调休 workdays of the holidays table, not holidays), callback due
-- time, the score at or below which a callback counts as unsatisfied (and reopens the
-- order), and the window in days in which the same unit or category again is a repeat.
CREATE TABLE req_settings (
  site_id           INT UNSIGNED NOT NULL PRIMARY KEY,
  work_start        TIME         NOT NULL DEFAULT '08:30:00',
  work_end          TIME         NOT NULL DEFAULT '17:30:00',
  callback_hours    SMALLINT UNSIGNED NOT NULL DEFAULT 24,
  unsatisfied_max   TINYINT UNSIGNED NOT NULL DEFAULT 2,
  repeat_days       SMALLINT UNSIGNED NOT NULL DEFAULT 30,
  ring_target       TINYINT UNSIGNED NOT NULL DEFAULT 3,
  CONSTRAINT fk_req_settings_site FOREIGN KEY (site_id) REFERENCES sites (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- SLA per type and urgency: minutes to the first response and to the work being done.
-- calendar working: counted in working hours only; natural: around the clock.
CREATE TABLE req_sla (
  site_id          INT UNSIGNED NOT NULL,
  type             ENUM('complaint','repair','inquiry','suggestion','help') NOT NULL,
  urgency          ENUM('normal','urgent','critical') NOT NULL,
  respond_minutes  INT UNSIGNED NOT NULL,
  resolve_minutes  INT UNSIGNED NOT NULL,
  calendar         ENUM('working','natural') NOT NULL DEFAULT 'working',
  PRIMARY KEY (site_id, type, urgency),
  CONSTRAINT fk_req_sla_site FOREIGN KEY (site_id) REFERENCES sites (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Categories of problems (水电, 电梯, 噪音, 环境卫生, 停车, 安全, 收费, ...), for repeat
-- problems and the analysis.
CREATE TABLE req_categories (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id     INT UNSIGNED NOT NULL,
  name        VARCHAR(30)  NOT NULL,
  department_id INT UNSIGNED NULL,
  sort_order  SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  active      TINYINT(1)   NOT NULL DEFAULT 1,
  UNIQUE KEY uq_req_categories_site_name (site_id, name),
  CONSTRAINT fk_req_categories_site FOREIGN KEY (site_id) REFERENCES sites (id),
  CONSTRAINT fk_req_categories_dept FOREIGN KEY (department_id) REFERENCES departments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A request. status follows registered -> dispatched -> in_progress -> done -> called_back
-- -> closed (an inquiry answered on the spot goes straight to closed with its answer).
-- Times: received_at (when the resident called or came), first_response_at (first dispatch
-- or answer), done_at (work done, latest), closed_at. respond_due/resolve_due are set from
-- req_sla at registration. rings: how many rings before the phone was answered, when known.
-- log_entry_id: the line registering also wrote in the duty log page of the shift.
CREATE TABLE requests (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id           INT UNSIGNED NOT NULL,
  number            VARCHAR(32)  NOT NULL,
  channel           ENUM('phone','visit','letter','fax','online') NOT NULL,
  type              ENUM('complaint','repair','inquiry','suggestion','help') NOT NULL,
  urgency           ENUM('normal','urgent','critical') NOT NULL DEFAULT 'normal',
  major             TINYINT(1)   NOT NULL DEFAULT 0,
  category_id       INT UNSIGNED NULL,
  resident_id       INT UNSIGNED NULL,
  unit_id           INT UNSIGNED NULL,
  building_id       INT UNSIGNED NULL,
  anonymous         TINYINT(1)   NOT NULL DEFAULT 0,
  caller_name       VARCHAR(50)  NOT NULL DEFAULT '',
  caller_phone      VARCHAR(40)  NOT NULL DEFAULT '',
  description       TEXT         NOT NULL,
  answer            TEXT         NOT NULL,
  rings             TINYINT UNSIGNED NULL,
  received_by       INT UNSIGNED NOT NULL,
  received_at       DATETIME     NOT NULL,
  respond_due       DATETIME     NULL,
  resolve_due       DATETIME     NULL,
  first_response_at DATETIME     NULL,
  done_at           DATETIME     NULL,
  closed_at         DATETIME     NULL,
  closed_by         INT UNSIGNED NULL,
  status            ENUM('registered','dispatched','in_progress','done','called_back','closed')
                    NOT NULL DEFAULT 'registered',
  reopened          SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  log_entry_id      BIGINT UNSIGNED NULL,
  form_key          CHAR(32)     NOT NULL,
  created_at        DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_requests_number (number),
  UNIQUE KEY uq_requests_form_key (form_key),
  KEY ix_requests_site_received (site_id, received_at),
  KEY ix_requests_site_status (site_id, status, resolve_due),
  KEY ix_requests_site_type (site_id, type, received_at),
  KEY ix_requests_unit (unit_id, received_at),
  KEY ix_requests_category (site_id, category_id, received_at),
  KEY ix_requests_resident (resident_id),
  CONSTRAINT fk_requests_site FOREIGN KEY (site_id) REFERENCES sites (id),
  CONSTRAINT fk_requests_category FOREIGN KEY (category_id) REFERENCES req_categories (id),
  CONSTRAINT fk_requests_resident FOREIGN KEY (resident_id) REFERENCES residents (id),
  CONSTRAINT fk_requests_unit FOREIGN KEY (unit_id) REFERENCES units (id),
  CONSTRAINT fk_requests_building FOREIGN KEY (building_id) REFERENCES buildings (id),
  CONSTRAINT fk_requests_receiver FOREIGN KEY (received_by) REFERENCES users (id),
  CONSTRAINT fk_requests_log_entry FOREIGN KEY (log_entry_id) REFERENCES log_entries (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A work order (用户投诉处理单 / 维修工作单) to a department. A reassignment cancels the order
-- (status reassigned) and opens a new one; a reopening after an unsatisfied callback opens a
-- new one too. due_at from req_sla on the working calendar, or set by the dispatcher (never
-- in the past). done_by: the department user who recorded the result (or the desk user who
-- typed it from the paper form, with technician naming who did the work).
CREATE TABLE work_orders (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id         INT UNSIGNED NOT NULL,
  request_id      BIGINT UNSIGNED NOT NULL,
  department_id   INT UNSIGNED NOT NULL,
  status          ENUM('dispatched','in_progress','done','reassigned') NOT NULL DEFAULT 'dispatched',
  instructions    TEXT         NOT NULL,
  due_at          DATETIME     NOT NULL,
  dispatched_by   INT UNSIGNED NOT NULL,
  dispatched_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  started_at      DATETIME     NULL,
  done_at         DATETIME     NULL,
  done_by         INT UNSIGNED NULL,
  technician      VARCHAR(50)  NOT NULL DEFAULT '',
  result          TEXT         NOT NULL,
  materials       VARCHAR(200) NOT NULL DEFAULT '',
  KEY ix_work_orders_request (request_id, id),
  KEY ix_work_orders_dept (department_id, status, due_at),
  KEY ix_work_orders_site_due (site_id, status, due_at),
  CONSTRAINT fk_work_orders_site FOREIGN KEY (site_id) REFERENCES sites (id),
  CONSTRAINT fk_work_orders_request FOREIGN KEY (request_id) REFERENCES requests (id),
  CONSTRAINT fk_work_orders_dept FOREIGN KEY (department_id) REFERENCES departments (id),
  CONSTRAINT fk_work_orders_dispatcher FOREIGN KEY (dispatched_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The request's timeline: every state change and note, who and when (also in audit_log;
-- this is the record's own history, shown on its page and used by the KPIs).
CREATE TABLE request_events (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  request_id     BIGINT UNSIGNED NOT NULL,
  work_order_id  BIGINT UNSIGNED NULL,
  kind           ENUM('registered','dispatched','reassigned','started','progress','done',
                      'callback','reopened','closed','escalated','decided','note') NOT NULL,
  from_status    VARCHAR(20)  NOT NULL DEFAULT '',
  to_status      VARCHAR(20)  NOT NULL DEFAULT '',
  note           TEXT         NOT NULL,
  user_id        INT UNSIGNED NOT NULL,
  at             DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_request_events_request (request_id, id),
  CONSTRAINT fk_request_events_request FOREIGN KEY (request_id) REFERENCES requests (id),
  CONSTRAINT fk_request_events_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Escalation levels of a major complaint: level 1 goes to role 4 (manager) at once; when
-- not decided within after_minutes, level 2 goes to role 8 (director); and so on.
CREATE TABLE req_escalation_rules (
  site_id        INT UNSIGNED NOT NULL,
  level          TINYINT UNSIGNED NOT NULL,
  role           INT UNSIGNED NOT NULL,
  decide_minutes INT UNSIGNED NOT NULL,
  PRIMARY KEY (site_id, level),
  CONSTRAINT fk_req_escalation_rules_site FOREIGN KEY (site_id) REFERENCES sites (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One escalation step of a request: pending until decided (decision text, by whom) or
-- passed on to the next level when its decide_due passed (status escalated).
CREATE TABLE req_escalations (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  request_id    BIGINT UNSIGNED NOT NULL,
  site_id       INT UNSIGNED NOT NULL,
  level         TINYINT UNSIGNED NOT NULL,
  role          INT UNSIGNED NOT NULL,
  status        ENUM('pending','decided','escalated') NOT NULL DEFAULT 'pending',
  escalated_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  decide_due    DATETIME     NOT NULL,
  decided_by    INT UNSIGNED NULL,
  decided_at    DATETIME     NULL,
  decision      TEXT         NOT NULL,
  UNIQUE KEY uq_req_escalations_level (request_id, level),
  KEY ix_req_escalations_pending (site_id, status, decide_due),
  CONSTRAINT fk_req_escalations_request FOREIGN KEY (request_id) REFERENCES requests (id),
  CONSTRAINT fk_req_escalations_site FOREIGN KEY (site_id) REFERENCES sites (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Callback plans (客户回访计划): routine or special, purpose, method, dates, residents.
CREATE TABLE callback_plans (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id      INT UNSIGNED NOT NULL,
  kind         ENUM('routine','special') NOT NULL,
  title        VARCHAR(100) NOT NULL,
  purpose      TEXT         NOT NULL,
  method       ENUM('phone','visit','letter','online') NOT NULL DEFAULT 'phone',
  from_day     DATE         NOT NULL,
  to_day       DATE         NOT NULL,
  status       ENUM('draft','approved','done') NOT NULL DEFAULT 'draft',
  created_by   INT UNSIGNED NOT NULL,
  created_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  approved_by  INT UNSIGNED NULL,
  approved_at  DATETIME     NULL,
  KEY ix_callback_plans_site (site_id, from_day),
  CONSTRAINT fk_callback_plans_site FOREIGN KEY (site_id) REFERENCES sites (id),
  CONSTRAINT fk_callback_plans_creator FOREIGN KEY (created_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A callback (回访) to make or made: after a work order is done (request_id, work_order_id),
-- or one resident of a plan (plan_id, resident_id). status due until recorded; attempts
-- counts calls that did not reach the resident. handled_by of the work order may not
-- record it.
CREATE TABLE callbacks (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id        INT UNSIGNED NOT NULL,
  request_id     BIGINT UNSIGNED NULL,
  work_order_id  BIGINT UNSIGNED NULL,
  plan_id        INT UNSIGNED NULL,
  resident_id    INT UNSIGNED NULL,
  due_at         DATETIME     NOT NULL,
  status         ENUM('due','done','cancelled') NOT NULL DEFAULT 'due',
  attempts       TINYINT UNSIGNED NOT NULL DEFAULT 0,
  last_attempt_at DATETIME    NULL,
  method         ENUM('phone','visit','letter','online') NULL,
  called_by      INT UNSIGNED NULL,
  called_at      DATETIME     NULL,
  satisfaction   TINYINT UNSIGNED NULL,
  words          TEXT         NOT NULL,
  note           TEXT         NOT NULL,
  KEY ix_callbacks_site_due (site_id, status, due_at),
  KEY ix_callbacks_site_called (site_id, called_at),
  KEY ix_callbacks_request (request_id),
  KEY ix_callbacks_plan (plan_id),
  CONSTRAINT fk_callbacks_site FOREIGN KEY (site_id) REFERENCES sites (id),
  CONSTRAINT fk_callbacks_request FOREIGN KEY (request_id) REFERENCES requests (id),
  CONSTRAINT fk_callbacks_work_order FOREIGN KEY (work_order_id) REFERENCES work_orders (id),
  CONSTRAINT fk_callbacks_plan FOREIGN KEY (plan_id) REFERENCES callback_plans (id),
  CONSTRAINT fk_callbacks_resident FOREIGN KEY (resident_id) REFERENCES residents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The next-day callback report (客户回访报告表) of one day's callbacks, written by the desk
-- and reviewed with comments by the supervisor (then only corrected: callback_report_notes).
CREATE TABLE callback_reports (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id       INT UNSIGNED NOT NULL,
  day           DATE         NOT NULL,
  summary       TEXT         NOT NULL,
  written_by    INT UNSIGNED NOT NULL,
  written_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  reviewed_by   INT UNSIGNED NULL,
  reviewed_at   DATETIME     NULL,
  review_comment TEXT        NOT NULL,
  UNIQUE KEY uq_callback_reports_day (site_id, day),
  CONSTRAINT fk_callback_reports_site FOREIGN KEY (site_id) REFERENCES sites (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Corrections of a record after it was signed or reviewed (callback reports, evaluations,
-- requests' closed fields): never an update in place; shown like a stamp.
CREATE TABLE record_corrections (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id       INT UNSIGNED NOT NULL,
  entity        VARCHAR(30)  NOT NULL,
  entity_id     BIGINT UNSIGNED NOT NULL,
  field         VARCHAR(30)  NOT NULL,
  old_text      TEXT         NOT NULL,
  new_text      TEXT         NOT NULL,
  reason        VARCHAR(500) NOT NULL,
  corrected_by  INT UNSIGNED NOT NULL,
  corrected_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_record_corrections_entity (entity, entity_id, id),
  CONSTRAINT fk_record_corrections_site FOREIGN KEY (site_id) REFERENCES sites (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Corrective actions (整改措施) a department enters for a quarter's repeat problems.
CREATE TABLE req_actions (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id       INT UNSIGNED NOT NULL,
  year          SMALLINT UNSIGNED NOT NULL,
  quarter       TINYINT UNSIGNED NOT NULL,
  department_id INT UNSIGNED NOT NULL,
  category_id   INT UNSIGNED NULL,
  problem       VARCHAR(300) NOT NULL,
  action        TEXT         NOT NULL,
  entered_by    INT UNSIGNED NOT NULL,
  entered_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_req_actions_quarter (site_id, year, quarter),
  CONSTRAINT fk_req_actions_site FOREIGN KEY (site_id) REFERENCES sites (id),
  CONSTRAINT fk_req_actions_dept FOREIGN KEY (department_id) REFERENCES departments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A printed report gets a row here so that its unified number names it for ever
-- (kind quarter_report: site and quarter; kind digest: site and day).
CREATE TABLE report_records (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id     INT UNSIGNED NOT NULL,
  kind        VARCHAR(20)  NOT NULL,
  period      VARCHAR(20)  NOT NULL,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_report_records (site_id, kind, period),
  CONSTRAINT fk_report_records_site FOREIGN KEY (site_id) REFERENCES sites (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Defaults for every site that exists now (sites created later get them from the admin's
-- site form, which inserts the same rows).
INSERT INTO req_settings (site_id) SELECT id FROM sites;
INSERT INTO req_escalation_rules (site_id, level, role, decide_minutes)
SELECT id, 1, 4, 240 FROM sites UNION ALL SELECT id, 2, 8, 1440 FROM sites;
INSERT INTO req_sla (site_id, type, urgency, respond_minutes, resolve_minutes, calendar)
SELECT s.id, t.type, u.urgency,
       CASE u.urgency WHEN 'critical' THEN 15 WHEN 'urgent' THEN 30 ELSE 60 END,
       CASE u.urgency WHEN 'critical' THEN 240 WHEN 'urgent' THEN 480
            ELSE IF(t.type = 'repair', 1440, 2880) END,
       IF(u.urgency = 'normal', 'working', 'natural')
  FROM sites s
  CROSS JOIN (SELECT 'complaint' AS type UNION ALL SELECT 'repair' UNION ALL SELECT 'inquiry'
              UNION ALL SELECT 'suggestion' UNION ALL SELECT 'help') t
  CROSS JOIN (SELECT 'normal' AS urgency UNION ALL SELECT 'urgent' UNION ALL SELECT 'critical') u;
