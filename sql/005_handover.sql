-- 005: the shift handover (交接班): inventory items per site with expected counts, one handover
-- record per duty-log page (shift change), the incoming's counts and anomalies, both
-- signatures, refusal and the supervisor's decision, the daily review and corrections after it.

-- The site's rule: how many minutes before the shift change the incoming must arrive.
CREATE TABLE handover_rules (
  site_id       INT UNSIGNED NOT NULL PRIMARY KEY,
  early_minutes SMALLINT UNSIGNED NOT NULL DEFAULT 10,
  updated_by    INT UNSIGNED NULL,
  updated_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT fk_handover_rules_site FOREIGN KEY (site_id) REFERENCES sites (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What is counted over at the post (钥匙, 对讲机, ...) and how many there should be.
CREATE TABLE handover_items (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id     INT UNSIGNED NOT NULL,
  name        VARCHAR(30)  NOT NULL,
  expected    SMALLINT UNSIGNED NOT NULL DEFAULT 1,
  sort_order  SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  active      TINYINT(1)   NOT NULL DEFAULT 1,
  UNIQUE KEY uq_handover_items_site_name (site_id, name),
  CONSTRAINT fk_handover_items_site FOREIGN KEY (site_id) REFERENCES sites (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One handover per duty-log page. status: open (the outgoing is writing it up), refused (by
-- the incoming, with a reason: waits for the supervisor), decided (the supervisor decided: the
-- incoming may now accept), accepted (both signed; the page was closed in the same
-- transaction). shift_end_at: when the outgoing's shift ends (an open record after it means
-- nobody relieved the outgoing). early_minutes: the site's rule when the record was opened.
CREATE TABLE handovers (
  id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id        INT UNSIGNED NOT NULL,
  page_id        INT UNSIGNED NOT NULL,
  day            DATE         NOT NULL,
  shift_id       INT UNSIGNED NOT NULL,
  shift_end_at   DATETIME     NOT NULL,
  early_minutes  SMALLINT UNSIGNED NOT NULL DEFAULT 10,
  status         ENUM('open','refused','decided','accepted') NOT NULL DEFAULT 'open',
  outgoing_id    INT UNSIGNED NOT NULL,
  opened_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  notes          TEXT         NOT NULL,
  repairs        TEXT         NOT NULL,
  major          TEXT         NOT NULL,
  incoming_id    INT UNSIGNED NULL,
  arrived_at     DATETIME     NULL,
  incoming_signed_at DATETIME NULL,
  outgoing_signed_at DATETIME NULL,
  refused_by     INT UNSIGNED NULL,
  refused_at     DATETIME     NULL,
  refuse_reason  VARCHAR(500) NOT NULL DEFAULT '',
  decided_by     INT UNSIGNED NULL,
  decided_at     DATETIME     NULL,
  decision       VARCHAR(500) NOT NULL DEFAULT '',
  UNIQUE KEY uq_handovers_page (page_id),
  KEY ix_handovers_site_day (site_id, day),
  KEY ix_handovers_site_status (site_id, status),
  CONSTRAINT fk_handovers_site FOREIGN KEY (site_id) REFERENCES sites (id),
  CONSTRAINT fk_handovers_page FOREIGN KEY (page_id) REFERENCES log_pages (id),
  CONSTRAINT fk_handovers_shift FOREIGN KEY (shift_id) REFERENCES shifts (id),
  CONSTRAINT fk_handovers_outgoing FOREIGN KEY (outgoing_id) REFERENCES users (id),
  CONSTRAINT fk_handovers_incoming FOREIGN KEY (incoming_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The incoming's count of each item at acceptance; a difference carries the outgoing's
-- explanation and who answers for it (lent out, missing).
CREATE TABLE handover_counts (
  handover_id  INT UNSIGNED NOT NULL,
  item_id      INT UNSIGNED NOT NULL,
  name         VARCHAR(30)  NOT NULL,
  expected     SMALLINT UNSIGNED NOT NULL,
  counted      SMALLINT UNSIGNED NOT NULL,
  explanation  VARCHAR(200) NOT NULL DEFAULT '',
  answerable   VARCHAR(50)  NOT NULL DEFAULT '',
  PRIMARY KEY (handover_id, item_id),
  CONSTRAINT fk_handover_counts_handover FOREIGN KEY (handover_id) REFERENCES handovers (id),
  CONSTRAINT fk_handover_counts_item FOREIGN KEY (item_id) REFERENCES handover_items (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Anomalies the incoming finds checking the area, with the outgoing's explanation.
CREATE TABLE handover_anomalies (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  handover_id  INT UNSIGNED NOT NULL,
  what         VARCHAR(500) NOT NULL,
  explanation  VARCHAR(500) NOT NULL DEFAULT '',
  recorded_by  INT UNSIGNED NOT NULL,
  recorded_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_handover_anomalies (handover_id, id),
  CONSTRAINT fk_handover_anomalies_handover FOREIGN KEY (handover_id) REFERENCES handovers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The daily review: the manager or the lead on duty signs the day's handovers; afterwards a
-- change is only a correction.
CREATE TABLE handover_reviews (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id     INT UNSIGNED NOT NULL,
  day         DATE         NOT NULL,
  signed_by   INT UNSIGNED NOT NULL,
  signed_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  comment     VARCHAR(500) NOT NULL DEFAULT '',
  UNIQUE KEY uq_handover_reviews_day (site_id, day),
  CONSTRAINT fk_handover_reviews_site FOREIGN KEY (site_id) REFERENCES sites (id),
  CONSTRAINT fk_handover_reviews_user FOREIGN KEY (signed_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A correction (勘误) of a reviewed handover: never an update in place; shown like a stamp.
CREATE TABLE handover_corrections (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  handover_id  INT UNSIGNED NOT NULL,
  field        ENUM('notes','repairs','major') NOT NULL,
  old_text     TEXT         NOT NULL,
  new_text     TEXT         NOT NULL,
  reason       VARCHAR(500) NOT NULL,
  corrected_by INT UNSIGNED NOT NULL,
  corrected_at DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_handover_corrections (handover_id, id),
  CONSTRAINT fk_handover_corrections_handover FOREIGN KEY (handover_id) REFERENCES handovers (id),
  CONSTRAINT fk_handover_corrections_user FOREIGN KEY (corrected_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
