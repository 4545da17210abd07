-- One row per case for the case list (GET /cases) and its search: the top cause, the codes, the host and the start
-- of the text. Rewritten on every turn. It is a table of its own, not a search over case_facts, because the top cause
-- is computed by the rules on each turn and is in no stored fact; keeping the searched text here also bounds what a
-- search scans (about 4 kB per case) however long the pastes are.
CREATE TABLE case_summary (
    case_id      VARCHAR(32)              PRIMARY KEY REFERENCES cases (id),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    cause_id     VARCHAR(200),
    cause_title  VARCHAR(500),
    codes        VARCHAR(1000)            NOT NULL,
    host         VARCHAR(300),
    text_head    VARCHAR(2000)            NOT NULL,
    -- Lower-cased cause id, cause title, codes, host and text_head: what a search term is matched against.
    search_text  VARCHAR(4200)            NOT NULL
);

CREATE INDEX cases_created ON cases (created_at);
