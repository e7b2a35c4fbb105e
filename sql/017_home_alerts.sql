-- 017: the home page's callback alerts without scans. The reports waiting for their review are
-- counted from this index instead of reading every report of the site (with its text).
ALTER TABLE callback_reports ADD KEY ix_callback_reports_review (site_id, reviewed_by);
