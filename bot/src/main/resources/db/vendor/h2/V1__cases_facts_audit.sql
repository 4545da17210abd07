-- A case is an append-only list of facts; every answer Triage gives is recomputed from them.
CREATE TABLE cases (
    id          VARCHAR(32)              PRIMARY KEY,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    origin      VARCHAR(64)              NOT NULL
);

CREATE TABLE case_facts (
    case_id     VARCHAR(32)              NOT NULL REFERENCES cases (id),
    seq         INT                      NOT NULL,
    kind        VARCHAR(32)              NOT NULL,
    payload     CLOB                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, seq)
);

-- Every probe decision, allowed or denied, with what it found.
CREATE TABLE probe_audit (
    id          BIGINT AUTO_INCREMENT    PRIMARY KEY,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(200)             NOT NULL,
    case_id     VARCHAR(32),
    target      VARCHAR(300)             NOT NULL,
    address     VARCHAR(64),
    decision    VARCHAR(16)              NOT NULL,
    reason      VARCHAR(1000)            NOT NULL,
    results     CLOB
);
CREATE INDEX probe_audit_case ON probe_audit (case_id);
