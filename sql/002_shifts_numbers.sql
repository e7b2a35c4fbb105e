-- 002: the shifts of each site (used by the duty log, the roster and the handover) and the
-- register of unified numbers (统一编号) that printed forms carry in their QR code.

-- A shift may cross midnight (end <= start, e.g. 夜班 22:00-06:00): it belongs to the day it
-- starts. days: bit set of weekdays it runs on, Monday = 1 ... Sunday = 64 (127 = every day).
CREATE TABLE shifts (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id     INT UNSIGNED NOT NULL,
  name        VARCHAR(20)  NOT NULL,
  start_time  TIME         NOT NULL,
  end_time    TIME         NOT NULL,
  headcount   TINYINT UNSIGNED NOT NULL DEFAULT 1,
  holiday_headcount TINYINT UNSIGNED NOT NULL DEFAULT 1,
  needs_lead  TINYINT(1)   NOT NULL DEFAULT 1,
  needs_deputy TINYINT(1)  NOT NULL DEFAULT 0,
  days        TINYINT UNSIGNED NOT NULL DEFAULT 127,
  sort_order  TINYINT UNSIGNED NOT NULL DEFAULT 0,
  active      TINYINT(1)   NOT NULL DEFAULT 1,
  UNIQUE KEY uq_shifts_site_name (site_id, name),
  CONSTRAINT fk_shifts_site FOREIGN KEY (site_id) REFERENCES sites (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every printed form's number: PREFIX-YYYYMMDD-NN-C (C a check character). The QR code on the
-- paper encodes <base_url>/r/<number>; the number leads to (kind, record_id) forever.
CREATE TABLE form_numbers (
  number      VARCHAR(32)  NOT NULL PRIMARY KEY,
  kind        VARCHAR(20)  NOT NULL,
  site_id     INT UNSIGNED NOT NULL,
  record_id   BIGINT UNSIGNED NOT NULL,
  day         DATE         NOT NULL,
  seq         INT UNSIGNED NOT NULL,
  prints      INT UNSIGNED NOT NULL DEFAULT 0,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_form_numbers_record (kind, record_id),
  UNIQUE KEY uq_form_numbers_seq (kind, day, seq),
  CONSTRAINT fk_form_numbers_site FOREIGN KEY (site_id) REFERENCES sites (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each printing of a form (the first is the original, later ones are marked as copies).
CREATE TABLE form_prints (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  number      VARCHAR(32)  NOT NULL,
  user_id     INT UNSIGNED NOT NULL,
  at          DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_form_prints_number (number),
  CONSTRAINT fk_form_prints_number FOREIGN KEY (number) REFERENCES form_numbers (number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
