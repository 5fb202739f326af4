-- [N1][N2] The outbox: a message is queued in the same transaction as the change that causes it,
-- and a sender delivers it later, retrying with backoff. Each row carries what the message says,
-- so sending needs nothing else; its id is the stable message id (e-mail Message-ID, SMS reference).
CREATE TABLE notifications (
    id               TEXT PRIMARY KEY,
    merchant_id      TEXT        NOT NULL REFERENCES merchants (id),
    link_id          TEXT        REFERENCES links (id),
    kind             TEXT        NOT NULL CHECK (kind IN ('LINK', 'PAYMENT_RECEIVED')),
    channel          TEXT        NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
    recipient        TEXT        NOT NULL,
    language         TEXT        NOT NULL,
    merchant_name    TEXT        NOT NULL,
    order_number     TEXT,
    amount_minor     BIGINT      NOT NULL,
    currency         CHAR(3)     NOT NULL,
    valid_until      TIMESTAMPTZ,
    link_url         TEXT,
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts         INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    last_error       TEXT,
    provider         TEXT,
    subject          TEXT,
    body             TEXT,
    sent_at          TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notifications_link ON notifications (merchant_id, link_id);
CREATE INDEX notifications_merchant ON notifications (merchant_id, created_at DESC);

-- [R5] A merchant hears of each payment by e-mail unless it says otherwise.
ALTER TABLE merchants ADD COLUMN notify_on_payment BOOLEAN NOT NULL DEFAULT TRUE;
