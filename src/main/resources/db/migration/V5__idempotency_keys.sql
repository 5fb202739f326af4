-- Idempotency-Key on the API's POSTs: the first response to a key is kept (at least 24 hours) and
-- replayed for a repeat of the same request; the key is claimed by inserting its row, so two
-- requests at once with one key cannot both act.
CREATE TABLE idempotency_keys (
    scope            TEXT        NOT NULL,
    key              TEXT        NOT NULL,
    request_hash     TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('IN_PROGRESS', 'DONE')),
    response_status  INTEGER,
    response_type    TEXT,
    response_body    BYTEA,
    created_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
