-- The probe rate limits' token buckets, shared by every instance on the database, so two instances allow what one
-- does. A bucket is a hash of what it limits (a user, a client address, a target), never the name itself; a row
-- holds the tokens left when it was last refilled. A bucket untouched for a while is full and its row is deleted.
CREATE TABLE rate_buckets (
    bucket       CHAR(64)                 NOT NULL PRIMARY KEY,
    tokens       INT                      NOT NULL,
    refilled_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX rate_buckets_refilled ON rate_buckets (refilled_at);

-- The steps of a probe run so far, written by the instance running it as each step ends, so an instance whose user
-- is waiting on it (a browser's event stream that landed there) shows them as they come, not only at the end.
-- Cleared when the host is claimed again; deleted with the case.
CREATE TABLE probe_progress (
    case_id  VARCHAR(32)  NOT NULL,
    target   VARCHAR(300) NOT NULL,
    seq      INT          NOT NULL,
    step     TEXT         NOT NULL,
    PRIMARY KEY (case_id, target, seq)
);
