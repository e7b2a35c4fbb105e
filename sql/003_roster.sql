-- 003: the roster (排班). Holidays and adjusted working days, the monthly roster with its
-- versions (a published roster is never edited in place: a change ends the rows it replaces
-- with version_to and adds rows with version_from, and roster_changes says who, when, why),
-- stated unavailability and approved leave, and swap and leave requests.

-- Chinese public holidays (kind holiday) and weekend days that are worked (kind workday, 调休).
-- 2026 from the State Council notice (sql/data/holidays-cn-2026.tsv); later years by the admin.
CREATE TABLE holidays (
  day         DATE         NOT NULL PRIMARY KEY,
  kind        ENUM('holiday','workday') NOT NULL,
  name        VARCHAR(20)  NOT NULL,
  statutory   TINYINT(1)   NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Contracted hours a month per person on the roster (absent: 166 h, 21.75 days x 8 h, less
-- rounding). Only duty staff (role bit 1) of the site are rostered.
CREATE TABLE roster_staff (
  user_id        INT UNSIGNED NOT NULL PRIMARY KEY,
  contract_hours SMALLINT UNSIGNED NOT NULL DEFAULT 166,
  CONSTRAINT fk_roster_staff_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One roster a site and month. version 0 while a draft; 1 when published, +1 per later change.
CREATE TABLE roster_months (
  id              INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id         INT UNSIGNED NOT NULL,
  month           DATE         NOT NULL,
  status          ENUM('draft','published') NOT NULL DEFAULT 'draft',
  version         INT UNSIGNED NOT NULL DEFAULT 0,
  min_rest_hours  TINYINT UNSIGNED NOT NULL DEFAULT 11,
  max_consecutive TINYINT UNSIGNED NOT NULL DEFAULT 6,
  created_by      INT UNSIGNED NOT NULL,
  created_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  published_by    INT UNSIGNED NULL,
  published_at    DATETIME     NULL,
  UNIQUE KEY uq_roster_months_site_month (site_id, month),
  CONSTRAINT fk_roster_months_site FOREIGN KEY (site_id) REFERENCES sites (id),
  CONSTRAINT fk_roster_months_creator FOREIGN KEY (created_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One person on one shift of one day. Current rows have version_to NULL. A shift crossing
-- midnight belongs to the day it starts.
CREATE TABLE roster_entries (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  month_id      INT UNSIGNED NOT NULL,
  day           DATE         NOT NULL,
  shift_id      INT UNSIGNED NOT NULL,
  user_id       INT UNSIGNED NOT NULL,
  version_from  INT UNSIGNED NOT NULL DEFAULT 0,
  version_to    INT UNSIGNED NULL,
  KEY ix_roster_entries_month (month_id, version_to, day),
  KEY ix_roster_entries_user (user_id, day),
  KEY ix_roster_entries_day (day, shift_id),
  CONSTRAINT fk_roster_entries_month FOREIGN KEY (month_id) REFERENCES roster_months (id),
  CONSTRAINT fk_roster_entries_shift FOREIGN KEY (shift_id) REFERENCES shifts (id),
  CONSTRAINT fk_roster_entries_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every change of a published roster: the version it made, who, when, why.
CREATE TABLE roster_changes (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  month_id    INT UNSIGNED NOT NULL,
  version     INT UNSIGNED NOT NULL,
  user_id     INT UNSIGNED NOT NULL,
  at          DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  reason      VARCHAR(200) NOT NULL,
  request_id  INT UNSIGNED NULL,
  UNIQUE KEY uq_roster_changes_version (month_id, version),
  CONSTRAINT fk_roster_changes_month FOREIGN KEY (month_id) REFERENCES roster_months (id),
  CONSTRAINT fk_roster_changes_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Days a person cannot work: stated unavailability, or approved leave (request_id set).
CREATE TABLE roster_absences (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id     INT UNSIGNED NOT NULL,
  from_day    DATE         NOT NULL,
  to_day      DATE         NOT NULL,
  kind        ENUM('unavailable','leave') NOT NULL,
  note        VARCHAR(200) NOT NULL DEFAULT '',
  request_id  INT UNSIGNED NULL,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_roster_absences_user (user_id, from_day),
  CONSTRAINT fk_roster_absences_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Swap (调班) and leave (请假) requests. A swap exchanges the requester's shift (day, shift_id)
-- with the partner's (other_day, other_shift_id); leave covers from_day..to_day and the
-- supervisor names a substitute (顶班) for the requester's shifts in it.
CREATE TABLE roster_requests (
  id              INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id         INT UNSIGNED NOT NULL,
  month_id        INT UNSIGNED NOT NULL,
  kind            ENUM('swap','leave') NOT NULL,
  requester_id    INT UNSIGNED NOT NULL,
  day             DATE         NOT NULL,
  shift_id        INT UNSIGNED NULL,
  partner_id      INT UNSIGNED NULL,
  other_day       DATE         NULL,
  other_shift_id  INT UNSIGNED NULL,
  to_day          DATE         NULL,
  reason          VARCHAR(200) NOT NULL,
  status          ENUM('pending','approved','rejected') NOT NULL DEFAULT 'pending',
  created_by      INT UNSIGNED NOT NULL,
  created_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  decided_by      INT UNSIGNED NULL,
  decided_at      DATETIME     NULL,
  decision_reason VARCHAR(200) NOT NULL DEFAULT '',
  substitute_id   INT UNSIGNED NULL,
  KEY ix_roster_requests_site (site_id, status, created_at),
  KEY ix_roster_requests_requester (requester_id, day),
  CONSTRAINT fk_roster_requests_month FOREIGN KEY (month_id) REFERENCES roster_months (id),
  CONSTRAINT fk_roster_requests_requester FOREIGN KEY (requester_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO holidays (day, kind, name, statutory) VALUES
  ('2026-01-01', 'holiday', '元旦', 1),
  ('2026-01-02', 'holiday', '元旦', 0),
  ('2026-01-03', 'holiday', '元旦', 0),
  ('2026-01-04', 'workday', '元旦', 0),
  ('2026-02-14', 'workday', '春节', 0),
  ('2026-02-15', 'holiday', '春节', 0),
  ('2026-02-16', 'holiday', '春节', 1),
  ('2026-02-17', 'holiday', '春节', 1),
  ('2026-02-18', 'holiday', '春节', 1),
  ('2026-02-19', 'holiday', '春节', 1),
  ('2026-02-20', 'holiday', '春节', 0),
  ('2026-02-21', 'holiday', '春节', 0),
  ('2026-02-22', 'holiday', '春节', 0),
  ('2026-02-23', 'holiday', '春节', 0),
  ('2026-02-28', 'workday', '春节', 0),
  ('2026-04-04', 'holiday', '清明节', 0),
  ('2026-04-05', 'holiday', '清明节', 1),
  ('2026-04-06', 'holiday', '清明节', 0),
  ('2026-05-01', 'holiday', '劳动节', 1),
  ('2026-05-02', 'holiday', '劳动节', 1),
  ('2026-05-03', 'holiday', '劳动节', 0),
  ('2026-05-04', 'holiday', '劳动节', 0),
  ('2026-05-05', 'holiday', '劳动节', 0),
  ('2026-05-09', 'workday', '劳动节', 0),
  ('2026-06-19', 'holiday', '端午节', 1),
  ('2026-06-20', 'holiday', '端午节', 0),
  ('2026-06-21', 'holiday', '端午节', 0),
  ('2026-09-20', 'workday', '国庆节', 0),
  ('2026-09-25', 'holiday', '中秋节', 1),
  ('2026-09-26', 'holiday', '中秋节', 0),
  ('2026-09-27', 'holiday', '中秋节', 0),
  ('2026-10-01', 'holiday', '国庆节', 1),
  ('2026-10-02', 'holiday', '国庆节', 1),
  ('2026-10-03', 'holiday', '国庆节', 1),
  ('2026-10-04', 'holiday', '国庆节', 0),
  ('2026-10-05', 'holiday', '国庆节', 0),
  ('2026-10-06', 'holiday', '国庆节', 0),
  ('2026-10-07', 'holiday', '国庆节', 0),
  ('2026-10-10', 'workday', '国庆节', 0);
