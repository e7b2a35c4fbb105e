-- 004: the duty log (值班日志): one page per shift per day, its entries, carry-over of open
-- items, the manager's daily sign-off, corrections after signing, and the emergency register
-- (紧急情况处理登记表) with photos of the scene.

CREATE TABLE log_categories (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id     INT UNSIGNED NOT NULL,
  name        VARCHAR(30)  NOT NULL,
  sort_order  SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  active      TINYINT(1)   NOT NULL DEFAULT 1,
  UNIQUE KEY uq_log_categories_site_name (site_id, name),
  CONSTRAINT fk_log_categories_site FOREIGN KEY (site_id) REFERENCES sites (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The day the manager signs: all the shift pages of a site's day. status: open (being
-- written), signed (locked: corrections only).
CREATE TABLE log_days (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id      INT UNSIGNED NOT NULL,
  day          DATE         NOT NULL,
  status       ENUM('open','signed') NOT NULL DEFAULT 'open',
  signed_by    INT UNSIGNED NULL,
  signed_at    DATETIME     NULL,
  sign_comment VARCHAR(500) NOT NULL DEFAULT '',
  UNIQUE KEY uq_log_days_site_day (site_id, day),
  KEY ix_log_days_status (site_id, status, day),
  CONSTRAINT fk_log_days_site FOREIGN KEY (site_id) REFERENCES sites (id),
  CONSTRAINT fk_log_days_signer FOREIGN KEY (signed_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One page per shift of a day (每一班都在新的一页开始). status: open, closed (by the staff on
-- duty), returned (by the manager, with a reason: to be completed and closed again).
CREATE TABLE log_pages (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id       INT UNSIGNED NOT NULL,
  day_id        INT UNSIGNED NOT NULL,
  shift_id      INT UNSIGNED NOT NULL,
  status        ENUM('open','closed','returned') NOT NULL DEFAULT 'open',
  opened_by     INT UNSIGNED NOT NULL,
  opened_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  lead_id       INT UNSIGNED NULL,
  closed_by     INT UNSIGNED NULL,
  closed_at     DATETIME     NULL,
  close_note    VARCHAR(500) NOT NULL DEFAULT '',
  returned_by   INT UNSIGNED NULL,
  returned_at   DATETIME     NULL,
  return_reason VARCHAR(500) NOT NULL DEFAULT '',
  UNIQUE KEY uq_log_pages_day_shift (day_id, shift_id),
  KEY ix_log_pages_site (site_id, status),
  CONSTRAINT fk_log_pages_site FOREIGN KEY (site_id) REFERENCES sites (id),
  CONSTRAINT fk_log_pages_day FOREIGN KEY (day_id) REFERENCES log_days (id),
  CONSTRAINT fk_log_pages_shift FOREIGN KEY (shift_id) REFERENCES shifts (id),
  CONSTRAINT fk_log_pages_opener FOREIGN KEY (opened_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who was on duty on a page (the opener, everyone who wrote in it, the lead).
CREATE TABLE log_page_staff (
  page_id     INT UNSIGNED NOT NULL,
  user_id     INT UNSIGNED NOT NULL,
  is_lead     TINYINT(1)   NOT NULL DEFAULT 0,
  PRIMARY KEY (page_id, user_id),
  CONSTRAINT fk_log_page_staff_page FOREIGN KEY (page_id) REFERENCES log_pages (id),
  CONSTRAINT fk_log_page_staff_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An entry: when it happened, what (objectively), handling, follow-up and final result.
-- form_key makes a submitted form create one entry only (double click, back button).
CREATE TABLE log_entries (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id      INT UNSIGNED NOT NULL,
  page_id      INT UNSIGNED NOT NULL,
  occurred_at  DATETIME     NOT NULL,
  category_id  INT UNSIGNED NOT NULL,
  location     VARCHAR(100) NOT NULL DEFAULT '',
  what         TEXT         NOT NULL,
  handling     TEXT         NOT NULL,
  followup     TEXT         NOT NULL,
  status       ENUM('open','closed') NOT NULL DEFAULT 'open',
  major        TINYINT(1)   NOT NULL DEFAULT 0,
  written_by   INT UNSIGNED NOT NULL,
  created_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  closed_by    INT UNSIGNED NULL,
  closed_at    DATETIME     NULL,
  form_key     CHAR(32)     NOT NULL,
  UNIQUE KEY uq_log_entries_form_key (form_key),
  KEY ix_log_entries_page (page_id, occurred_at),
  KEY ix_log_entries_site_open (site_id, status, occurred_at),
  KEY ix_log_entries_site_time (site_id, occurred_at),
  KEY ix_log_entries_site_closed (site_id, closed_at),
  CONSTRAINT fk_log_entries_site FOREIGN KEY (site_id) REFERENCES sites (id),
  CONSTRAINT fk_log_entries_page FOREIGN KEY (page_id) REFERENCES log_pages (id),
  CONSTRAINT fk_log_entries_category FOREIGN KEY (category_id) REFERENCES log_categories (id),
  CONSTRAINT fk_log_entries_writer FOREIGN KEY (written_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An open item handed from one page to the next when its page was closed.
CREATE TABLE log_carryovers (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  entry_id    BIGINT UNSIGNED NOT NULL,
  from_page_id INT UNSIGNED NOT NULL,
  carried_by  INT UNSIGNED NOT NULL,
  carried_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_log_carryovers (entry_id, from_page_id),
  CONSTRAINT fk_log_carryovers_entry FOREIGN KEY (entry_id) REFERENCES log_entries (id),
  CONSTRAINT fk_log_carryovers_page FOREIGN KEY (from_page_id) REFERENCES log_pages (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A correction (勘误) of a signed entry: never an update in place. Shown like a stamp over
-- the original text, which stays readable.
CREATE TABLE log_corrections (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  entry_id    BIGINT UNSIGNED NOT NULL,
  field       ENUM('location','what','handling','followup') NOT NULL,
  old_text    TEXT         NOT NULL,
  new_text    TEXT         NOT NULL,
  reason      VARCHAR(500) NOT NULL,
  corrected_by INT UNSIGNED NOT NULL,
  corrected_at DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_log_corrections_entry (entry_id, id),
  CONSTRAINT fk_log_corrections_entry FOREIGN KEY (entry_id) REFERENCES log_entries (id),
  CONSTRAINT fk_log_corrections_user FOREIGN KEY (corrected_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The emergency register: one record per major entry; the written report is due by the end
-- of the next day (report_due).
CREATE TABLE emergencies (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id      INT UNSIGNED NOT NULL,
  entry_id     BIGINT UNSIGNED NOT NULL,
  occurred_at  DATETIME     NOT NULL,
  place        VARCHAR(100) NOT NULL DEFAULT '',
  what         TEXT         NOT NULL,
  people       TEXT         NOT NULL,
  actions      TEXT         NOT NULL,
  report       TEXT         NULL,
  report_due   DATETIME     NOT NULL,
  report_by    INT UNSIGNED NULL,
  report_at    DATETIME     NULL,
  created_by   INT UNSIGNED NOT NULL,
  created_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_emergencies_entry (entry_id),
  KEY ix_emergencies_site_due (site_id, report_at, report_due),
  CONSTRAINT fk_emergencies_site FOREIGN KEY (site_id) REFERENCES sites (id),
  CONSTRAINT fk_emergencies_entry FOREIGN KEY (entry_id) REFERENCES log_entries (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who was told and when: the manager, a department, police (110), fire (119), others.
CREATE TABLE emergency_notices (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  emergency_id BIGINT UNSIGNED NOT NULL,
  party        ENUM('manager','department','police','fire','other') NOT NULL,
  who          VARCHAR(100) NOT NULL DEFAULT '',
  notified_at  DATETIME     NOT NULL,
  recorded_by  INT UNSIGNED NOT NULL,
  KEY ix_emergency_notices (emergency_id, notified_at),
  CONSTRAINT fk_emergency_notices FOREIGN KEY (emergency_id) REFERENCES emergencies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Photos of the scene: stored under upload_dir (outside the web root) by a random name;
-- sha256 recognises the same picture uploaded twice.
CREATE TABLE emergency_photos (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  emergency_id BIGINT UNSIGNED NOT NULL,
  path         VARCHAR(100) NOT NULL,
  kind         ENUM('jpeg','png') NOT NULL,
  width        INT UNSIGNED NOT NULL,
  height       INT UNSIGNED NOT NULL,
  bytes        INT UNSIGNED NOT NULL,
  sha256       CHAR(64)     NOT NULL,
  caption      VARCHAR(100) NOT NULL DEFAULT '',
  uploaded_by  INT UNSIGNED NOT NULL,
  uploaded_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_emergency_photos_sha (emergency_id, sha256),
  CONSTRAINT fk_emergency_photos FOREIGN KEY (emergency_id) REFERENCES emergencies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
