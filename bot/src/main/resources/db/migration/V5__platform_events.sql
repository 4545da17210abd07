-- Chat platforms resend an event they think was missed (Slack after 3 s without an answer, up to 3 times). One row per
-- delivered event id: the insert that fails on this key is the retry, on this instance or any other sharing the
-- database, so a retry never yields a second answer or a second case. Kept for a day; retries come within minutes.
CREATE TABLE platform_events (
    platform     VARCHAR(16)              NOT NULL,
    event_id     VARCHAR(120)             NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (platform, event_id)
);
CREATE INDEX platform_events_received ON platform_events (received_at);

-- A conversation on a platform is a thread (Slack: workspace + channel + thread_ts); its case is looked up here on
-- every message and every button click, so a button never has to carry the case. opened_by is the platform user who
-- started it. No foreign key to cases: a thread whose case was purged by retention simply opens a new one.
CREATE TABLE platform_threads (
    platform     VARCHAR(16)              NOT NULL,
    workspace    VARCHAR(120)             NOT NULL,
    channel      VARCHAR(120)             NOT NULL,
    thread       VARCHAR(120)             NOT NULL,
    case_id      VARCHAR(32)              NOT NULL,
    opened_by    VARCHAR(120)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (platform, workspace, channel, thread)
);
