-- 001: sites, departments, people, sessions, sign-in attempts, audit log, buildings and units.
-- Every table is InnoDB utf8mb4; times are DATETIME in the site's local time (the server runs
-- with default-time-zone=+08:00).

CREATE TABLE sites (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code        VARCHAR(32)  NOT NULL,
  name        VARCHAR(100) NOT NULL,
  address     VARCHAR(200) NOT NULL DEFAULT '',
  phone       VARCHAR(40)  NOT NULL DEFAULT '',
  active      TINYINT(1)   NOT NULL DEFAULT 1,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY uq_sites_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE departments (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id     INT UNSIGNED NOT NULL,
  name        VARCHAR(50)  NOT NULL,
  phone       VARCHAR(40)  NOT NULL DEFAULT '',
  active      TINYINT(1)   NOT NULL DEFAULT 1,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_departments_site_name (site_id, name),
  CONSTRAINT fk_departments_site FOREIGN KEY (site_id) REFERENCES sites (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- roles is a bit set: 1 duty staff (值班员), 2 supervisor (客服主管), 4 manager (客服经理),
-- 8 director (管理处主任), 16 admin.
CREATE TABLE users (
  id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id        INT UNSIGNED NOT NULL,
  username       VARCHAR(50)  NOT NULL,
  display_name   VARCHAR(50)  NOT NULL,
  phone          VARCHAR(40)  NOT NULL DEFAULT '',
  roles          INT UNSIGNED NOT NULL DEFAULT 1,
  lang           VARCHAR(8)   NOT NULL DEFAULT 'zh-CN',
  pw_hash        VARCHAR(255) NOT NULL,
  must_change_pw TINYINT(1)   NOT NULL DEFAULT 0,
  active         TINYINT(1)   NOT NULL DEFAULT 1,
  created_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY uq_users_username (username),
  KEY ix_users_site (site_id, active),
  CONSTRAINT fk_users_site FOREIGN KEY (site_id) REFERENCES sites (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A session is found by the SHA-256 of its cookie token; the token itself is never stored.
CREATE TABLE sessions (
  token_hash  BINARY(32)   NOT NULL PRIMARY KEY,
  user_id     INT UNSIGNED NOT NULL,
  csrf        CHAR(43)     NOT NULL,
  ip          VARCHAR(45)  NOT NULL DEFAULT '',
  user_agent  VARCHAR(200) NOT NULL DEFAULT '',
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  last_seen   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_sessions_user (user_id),
  KEY ix_sessions_last_seen (last_seen),
  CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE login_attempts (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username    VARCHAR(50)  NOT NULL,
  ip          VARCHAR(45)  NOT NULL DEFAULT '',
  success     TINYINT(1)   NOT NULL,
  at          DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_login_attempts_user (username, at),
  KEY ix_login_attempts_ip (ip, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only: who, when, what, old and new values (JSON text built by the program).
CREATE TABLE audit_log (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at          DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  user_id     INT UNSIGNED NULL,
  site_id     INT UNSIGNED NULL,
  action      VARCHAR(32)  NOT NULL,
  entity      VARCHAR(32)  NOT NULL,
  entity_id   BIGINT UNSIGNED NULL,
  summary     VARCHAR(255) NOT NULL DEFAULT '',
  old_values  MEDIUMTEXT   NULL,
  new_values  MEDIUMTEXT   NULL,
  ip          VARCHAR(45)  NOT NULL DEFAULT '',
  KEY ix_audit_at (at),
  KEY ix_audit_site_at (site_id, at),
  KEY ix_audit_entity (entity, entity_id),
  KEY ix_audit_user (user_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE buildings (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id     INT UNSIGNED NOT NULL,
  code        VARCHAR(20)  NOT NULL,
  name        VARCHAR(50)  NOT NULL,
  floors      SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  UNIQUE KEY uq_buildings_site_code (site_id, code),
  CONSTRAINT fk_buildings_site FOREIGN KEY (site_id) REFERENCES sites (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE units (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  site_id     INT UNSIGNED NOT NULL,
  building_id INT UNSIGNED NOT NULL,
  code        VARCHAR(20)  NOT NULL,
  floor       SMALLINT     NOT NULL DEFAULT 0,
  area_m2     DECIMAL(8,2) NULL,
  UNIQUE KEY uq_units_building_code (building_id, code),
  KEY ix_units_site (site_id),
  CONSTRAINT fk_units_site FOREIGN KEY (site_id) REFERENCES sites (id),
  CONSTRAINT fk_units_building FOREIGN KEY (building_id) REFERENCES buildings (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
