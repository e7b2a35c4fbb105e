-- 009: staff evaluation (值班表现评估): a per-site checklist, an evaluation per person and
-- period with the figures of the period frozen at signing, the supervisor's scores and
-- comments, the staff member's remark; signed evaluations are corrected only
-- (record_corrections, entity 'evaluation').

CREATE TABLE eval_items (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id     INT UNSIGNED NOT NULL,
  name        VARCHAR(30)  NOT NULL,
  max_score   TINYINT UNSIGNED NOT NULL DEFAULT 10,
  sort_order  SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  active      TINYINT(1)   NOT NULL DEFAULT 1,
  UNIQUE KEY uq_eval_items_site_name (site_id, name),
  CONSTRAINT fk_eval_items_site FOREIGN KEY (site_id) REFERENCES sites (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- figures: the KPI figures of the person and period as a JSON object, frozen when signed.
CREATE TABLE evaluations (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id       INT UNSIGNED NOT NULL,
  user_id       INT UNSIGNED NOT NULL,
  period_from   DATE         NOT NULL,
  period_to     DATE         NOT NULL,
  status        ENUM('draft','signed') NOT NULL DEFAULT 'draft',
  evaluator_id  INT UNSIGNED NOT NULL,
  comment       TEXT         NOT NULL,
  figures       TEXT         NOT NULL,
  total         SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  created_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  signed_at     DATETIME     NULL,
  staff_remark  TEXT         NOT NULL,
  remark_at     DATETIME     NULL,
  UNIQUE KEY uq_evaluations_period (user_id, period_from, period_to),
  KEY ix_evaluations_site (site_id, period_from),
  CONSTRAINT fk_evaluations_site FOREIGN KEY (site_id) REFERENCES sites (id),
  CONSTRAINT fk_evaluations_user FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT fk_evaluations_evaluator FOREIGN KEY (evaluator_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE eval_scores (
  evaluation_id INT UNSIGNED NOT NULL,
  item_id       INT UNSIGNED NOT NULL,
  score         TINYINT UNSIGNED NOT NULL,
  comment       VARCHAR(300) NOT NULL DEFAULT '',
  PRIMARY KEY (evaluation_id, item_id),
  CONSTRAINT fk_eval_scores_eval FOREIGN KEY (evaluation_id) REFERENCES evaluations (id),
  CONSTRAINT fk_eval_scores_item FOREIGN KEY (item_id) REFERENCES eval_items (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
