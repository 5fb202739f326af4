-- [O2] Rate limits shared by every instance (platform/RateLimits): one row per limited key (an API key's name,
-- a payer's address, a payment link), holding its GCRA "theoretical arrival time" (tat): the moment the key's
-- bucket is full again. A request is let through when tat, moved on by one request's share of the period,
-- stays within one period of now; one INSERT … ON CONFLICT … DO UPDATE … WHERE takes the token atomically
-- under the row's lock, whichever instance serves the request.
--
-- UNLOGGED: a limit's state is worth less than the WAL it would cost on every API request. After a crash of
-- PostgreSQL (or on a promoted standby, which has no unlogged data) the table starts empty, which only means
-- every bucket is full again. A row whose tat has passed means the same as no row, so old rows are deleted by a
-- plain DELETE on any instance at any time (RateLimits.forgetIdle). fillfactor leaves room on each page for the
-- updated row (tat is in no index, so updates stay HOT and touch no index).
CREATE UNLOGGED TABLE rate_limits (
    bucket TEXT PRIMARY KEY,
    tat TIMESTAMPTZ NOT NULL
) WITH (fillfactor = 50);
