-- 016: whoever writes an entry on a shift page is among that page's staff on duty. Both
-- programs that write entries (dd-log: an entry; dd-req: a request's duty-log line) added the
-- writer with a statement of their own after the insert, one more round trip per entry, and
-- entries loaded by SQL (demo, bench data, imports) could leave the writer out. The rule is
-- now the database's, in one place: a trigger in the entry's own transaction. INSERT IGNORE:
-- a writer already on the page keeps the row they have (the opener's is_lead stays 1).
CREATE TRIGGER tr_log_entries_staff_ins AFTER INSERT ON log_entries FOR EACH ROW
  INSERT IGNORE INTO log_page_staff (page_id, user_id, is_lead)
  VALUES (NEW.page_id, NEW.written_by, 0);

-- Entries written before the rule held.
INSERT IGNORE INTO log_page_staff (page_id, user_id, is_lead)
SELECT DISTINCT page_id, written_by, 0 FROM log_entries;
