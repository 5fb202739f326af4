-- Merchant webhook endpoints and the signed deliveries of events to them (API.md, Webhooks).
CREATE TABLE webhook_endpoints (
    id           TEXT PRIMARY KEY,
    merchant_id  TEXT        NOT NULL REFERENCES merchants (id),
    url          TEXT        NOT NULL,
    events       TEXT[]      NOT NULL,
    secret       TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    rotated_at   TIMESTAMPTZ,
    deleted_at   TIMESTAMPTZ
);
CREATE INDEX webhook_endpoints_merchant ON webhook_endpoints (merchant_id) WHERE deleted_at IS NULL;

-- One event to one endpoint: queued with the change that caused it, retried until a 2xx.
CREATE TABLE webhook_deliveries (
    id                TEXT PRIMARY KEY,
    endpoint_id       TEXT        NOT NULL REFERENCES webhook_endpoints (id),
    merchant_id       TEXT        NOT NULL REFERENCES merchants (id),
    event_id          TEXT        NOT NULL,
    event_type        TEXT        NOT NULL,
    payload           TEXT        NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts          INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at   TIMESTAMPTZ NOT NULL,
    last_status_code  INTEGER,
    last_error        TEXT,
    delivered_at      TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at DESC);

CREATE TABLE webhook_attempts (
    delivery_id   TEXT        NOT NULL REFERENCES webhook_deliveries (id),
    attempted_at  TIMESTAMPTZ NOT NULL,
    status_code   INTEGER,
    error         TEXT,
    duration_ms   INTEGER     NOT NULL
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, attempted_at);
