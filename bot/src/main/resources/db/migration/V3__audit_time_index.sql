-- The daily retention purge deletes the probe audit by age.
CREATE INDEX probe_audit_at ON probe_audit (at);
