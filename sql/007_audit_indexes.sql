-- 007: the audit log filtered by record type, newest first, without sorting every row of that
-- type (a site's manager filters by type; the admin across sites).
ALTER TABLE audit_log
  ADD KEY ix_audit_site_entity_at (site_id, entity, at),
  ADD KEY ix_audit_entity_at (entity, at);
