-- Which instance probes a case's host. A turn that wants a probe run first inserts its claim: the one insert that
-- succeeds runs it, on whichever instance, and the others follow the run through the stored facts, so a host is
-- probed once per case however many instances share the database. A claim older than a few minutes is from an
-- instance that died mid-run and may be taken over. Deleted with the case.
CREATE TABLE probe_claims (
    case_id      VARCHAR(32)              NOT NULL,
    target       VARCHAR(300)             NOT NULL,
    claimed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, target)
);
