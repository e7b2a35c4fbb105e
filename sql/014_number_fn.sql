-- 014: the unified number as SQL functions, for data loaded by SQL (demo and bench data, bulk
-- imports): dd_number('TS', '2026-11-23', 7) = 'TS-20261123-07-J', the same as number_format()
-- in cgi-bin/core/number.c (weighted sum modulo 31 over the body, alphabet without I O S Z).
-- The programs never call them: the C code stays the one source for numbers it assigns.
DELIMITER //
CREATE FUNCTION dd_number_check(t VARCHAR(64)) RETURNS CHAR(1) DETERMINISTIC NO SQL
BEGIN
  DECLARE i INT DEFAULT 1;
  DECLARE s INT DEFAULT 0;
  DECLARE v INT;
  WHILE i <= CHAR_LENGTH(t) DO
    SET v = ASCII(SUBSTRING(t, i, 1));
    IF v BETWEEN 48 AND 57 THEN SET v = v - 48;
    ELSEIF v BETWEEN 65 AND 90 THEN SET v = v - 55;
    ELSEIF v = 45 THEN SET v = 36;
    ELSE RETURN NULL;
    END IF;
    SET s = s + (MOD(i - 1, 30) + 1) * v;
    SET i = i + 1;
  END WHILE;
  RETURN SUBSTRING('0123456789ABCDEFGHJKLMNPQRTUVWXY', MOD(s, 31) + 1, 1);
END //
CREATE FUNCTION dd_number(prefix VARCHAR(8), d DATE, seq INT) RETURNS VARCHAR(32) DETERMINISTIC NO SQL
BEGIN
  DECLARE body VARCHAR(40);
  SET body = CONCAT(prefix, '-', DATE_FORMAT(d, '%Y%m%d'), '-',
                    LPAD(seq, GREATEST(2, CHAR_LENGTH(CAST(seq AS CHAR))), '0'));
  RETURN CONCAT(body, '-', dd_number_check(body));
END //
DELIMITER ;
