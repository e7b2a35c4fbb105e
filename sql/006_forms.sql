-- Paper round trip (issue 7): scanned pages filed as the archived paper copy (归档) of the
-- record their QR code names, and the pages whose code could not be read (triage).

-- One upload (web inbox) or one file of a folder import: who, when, and what became of
-- each page (report: one line per page, "file<TAB>page<TAB>outcome<TAB>number<TAB>reason").
CREATE TABLE form_scan_batches (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id     INT UNSIGNED NOT NULL,
  user_id     INT UNSIGNED NOT NULL,
  source      ENUM('web', 'import') NOT NULL DEFAULT 'web',
  files       INT UNSIGNED NOT NULL DEFAULT 0,
  pages       INT UNSIGNED NOT NULL DEFAULT 0,
  filed       INT UNSIGNED NOT NULL DEFAULT 0,
  triage      INT UNSIGNED NOT NULL DEFAULT 0,
  duplicates  INT UNSIGNED NOT NULL DEFAULT 0,
  refused     INT UNSIGNED NOT NULL DEFAULT 0,
  report      MEDIUMTEXT   NOT NULL,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_form_scan_batches_site (site_id, created_at),
  CONSTRAINT fk_form_scan_batches_site FOREIGN KEY (site_id) REFERENCES sites (id),
  CONSTRAINT fk_form_scan_batches_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A scanned page. Filed: number and page_no set (the pages of a form keep their order);
-- triage: number NULL until a person types or picks it. The same image (sha256 of the
-- stored bytes) is kept once per site.
CREATE TABLE form_scans (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id     INT UNSIGNED NOT NULL,
  batch_id    BIGINT UNSIGNED NOT NULL,
  number      VARCHAR(32)  NULL,
  page_no     INT UNSIGNED NULL,
  status      ENUM('filed', 'triage') NOT NULL,
  reason      VARCHAR(20)  NOT NULL DEFAULT '',
  file_name   VARCHAR(120) NOT NULL DEFAULT '',
  file_page   INT UNSIGNED NOT NULL DEFAULT 1,
  path        VARCHAR(255) NOT NULL,
  img_type    ENUM('png', 'jpeg') NOT NULL,
  bytes       INT UNSIGNED NOT NULL,
  sha256      CHAR(64)     NOT NULL,
  uploaded_by INT UNSIGNED NOT NULL,
  uploaded_at DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  filed_by    INT UNSIGNED NULL,
  filed_at    DATETIME     NULL,
  UNIQUE KEY uq_form_scans_sha (site_id, sha256),
  UNIQUE KEY uq_form_scans_page (number, page_no),
  KEY ix_form_scans_triage (site_id, status, id),
  KEY ix_form_scans_batch (batch_id),
  CONSTRAINT fk_form_scans_site FOREIGN KEY (site_id) REFERENCES sites (id),
  CONSTRAINT fk_form_scans_batch FOREIGN KEY (batch_id) REFERENCES form_scan_batches (id),
  CONSTRAINT fk_form_scans_number FOREIGN KEY (number) REFERENCES form_numbers (number),
  CONSTRAINT fk_form_scans_uploader FOREIGN KEY (uploaded_by) REFERENCES users (id),
  CONSTRAINT fk_form_scans_filer FOREIGN KEY (filed_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
