-- Demo data (loaded once by `make run`, never in production): one site, its departments,
-- buildings and units, and the six demo users. Every password is `demo-password`
-- (argon2id hash below, made with libsodium's crypto_pwhash_str).
SET @pw = '$argon2id$v=19$m=65536,t=2,p=1$WTM0nAMguQYnqgJih1rBGg$Z+lzA29N1eZucrNTjVqpjOpbYuIgLDHv+R9/T6PmVlc';

INSERT INTO sites (code, name, address, phone) VALUES
  ('CH', '翠湖花园管理处', '滨江区翠湖路 88 号', '0571-8888 6600');
SET @site = LAST_INSERT_ID();

INSERT INTO departments (site_id, name, phone) VALUES
  (@site, '客服中心', '0571-8888 6600'),
  (@site, '工程维修部', '0571-8888 6601'),
  (@site, '安保部', '0571-8888 6602'),
  (@site, '保洁部', '0571-8888 6603'),
  (@site, '绿化部', '0571-8888 6604');

-- roles: 1 值班员, 2 客服主管, 4 客服经理, 8 管理处主任, 16 系统管理员
INSERT INTO users (site_id, username, display_name, phone, roles, pw_hash) VALUES
  (@site, 'staff1',     '李明',       '138 0000 0001', 1,  @pw),
  (@site, 'staff2',     '王芳',       '138 0000 0002', 1,  @pw),
  (@site, 'supervisor', '张伟',       '138 0000 0003', 2,  @pw),
  (@site, 'manager',    '陈静',       '138 0000 0004', 4,  @pw),
  (@site, 'director',   '刘强',       '138 0000 0005', 8,  @pw),
  (@site, 'admin',      '系统管理员', '',              16, @pw);

INSERT INTO buildings (site_id, code, name, floors) VALUES
  (@site, '1', '1 栋', 18), (@site, '2', '2 栋', 18), (@site, '3', '3 栋', 11),
  (@site, '4', '4 栋', 11), (@site, 'S', '商业街', 2);

-- Four units a floor in the towers (1-0101 .. 4-1104), a row of shops on the street.
INSERT INTO units (site_id, building_id, code, floor)
SELECT b.site_id, b.id, CONCAT(b.code, '-', LPAD(f.seq, 2, '0'), LPAD(u.seq, 2, '0')), f.seq
  FROM buildings b
  JOIN seq_1_to_18 f ON f.seq <= b.floors
  JOIN seq_1_to_4 u
 WHERE b.site_id = @site AND b.code <> 'S';
INSERT INTO units (site_id, building_id, code, floor)
SELECT b.site_id, b.id, CONCAT('S-', LPAD(u.seq, 3, '0')), 1
  FROM buildings b JOIN seq_1_to_12 u
 WHERE b.site_id = @site AND b.code = 'S';

INSERT INTO audit_log (user_id, site_id, action, entity, entity_id, summary, new_values)
SELECT u.id, @site, 'create', 'site', @site, '载入演示数据：翠湖花园管理处', '{"code":"CH"}'
  FROM users u WHERE u.username = 'admin';
