-- 015: scan batches uploaded in the browser are processed after the upload has been
-- answered, so that the batch page can show progress. The uploaded files wait in the spool
-- (stored like every upload, outside the web root) until the batch is filed; claimed_at is
-- the processing worker's heartbeat: a queued batch whose heartbeat is older than two
-- minutes was interrupted and may be processed again. Filing stays one transaction.
ALTER TABLE form_scan_batches
  ADD COLUMN status ENUM('queued','done') NOT NULL DEFAULT 'done' AFTER source,
  ADD COLUMN claimed_at DATETIME NULL AFTER status;

CREATE TABLE form_scan_spool (
  batch_id    BIGINT UNSIGNED NOT NULL,
  seq         INT UNSIGNED NOT NULL,
  file_name   VARCHAR(200) NOT NULL,
  path        VARCHAR(100) NOT NULL,
  bytes       INT UNSIGNED NOT NULL,
  PRIMARY KEY (batch_id, seq),
  CONSTRAINT fk_form_scan_spool_batch FOREIGN KEY (batch_id) REFERENCES form_scan_batches (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
