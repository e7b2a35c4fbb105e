-- 011: the callback desk. The next-day report lists a day's callbacks that were tried but not
-- reached (last_attempt_at) beside those made (called_at); this index finds them by day.
ALTER TABLE callbacks ADD KEY ix_callbacks_site_attempt (site_id, last_attempt_at);
-- The records (done callbacks) newest first, and their count, by site.
ALTER TABLE callbacks ADD KEY ix_callbacks_site_status_called (site_id, status, called_at);
