-- The probe rate limits' token buckets, shared by every instance on the database, so two instances allow what one
-- does. A bucket is a hash of what it limits (a user, a client address, a target), never the name itself; a row
-- holds the tokens left when it was last refilled. A bucket untouched for a while is full and its row is deleted.
CREATE TABLE rate_buckets (
    bucket       CHAR(64)                 NOT NULL PRIMARY KEY,
    tokens       INT                      NOT NULL,
    refilled_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX rate_buckets_refilled ON rate_buckets (refilled_at);
