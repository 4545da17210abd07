-- Who asked for a probe, beyond the actor key: the surface and the channel (and thread) it was asked in.
ALTER TABLE probe_audit ADD COLUMN surface VARCHAR(16) DEFAULT '' NOT NULL;
ALTER TABLE probe_audit ADD COLUMN channel VARCHAR(250) DEFAULT '' NOT NULL;

-- A case's size, kept with the case so a turn checks its limits without reading every fact.
ALTER TABLE cases ADD COLUMN fact_count INT DEFAULT 0 NOT NULL;
ALTER TABLE cases ADD COLUMN input_bytes BIGINT DEFAULT 0 NOT NULL;
UPDATE cases c SET fact_count = (SELECT COUNT(*) FROM case_facts f WHERE f.case_id = c.id),
    input_bytes = (SELECT COALESCE(SUM(OCTET_LENGTH(f.payload)), 0) FROM case_facts f WHERE f.case_id = c.id);

-- "Did this fix it?": one answer per case and fix step (the latest wins), tallied across cases.
CREATE TABLE fix_feedback (
    case_id     VARCHAR(32)              NOT NULL REFERENCES cases (id),
    article     VARCHAR(100)             NOT NULL,
    step        INT                      NOT NULL,
    worked      BOOLEAN                  NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, article, step)
);
CREATE INDEX fix_feedback_article ON fix_feedback (article, step);
