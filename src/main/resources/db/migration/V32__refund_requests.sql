-- [S3] Four eyes on refunds. A merchant admin sets an amount above which a refund is not sent to the bank
-- but waits, as a refund request, for a second admin's approval. No row (or above_minor NULL): no four eyes.
CREATE TABLE refund_approval_settings (
    merchant_id TEXT PRIMARY KEY REFERENCES merchants (id),
    above_minor BIGINT CHECK (above_minor >= 0),
    currency    CHAR(3)     NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- A refund waiting for (or decided by) a second admin. Its amount is held against the sale's refundable
-- rest while it is PENDING and not past expires_at, so pending requests and refunds never together exceed
-- the sale. Status changes are conditional on status = 'PENDING' under the row (and the sale's) lock:
-- two admins approving at once make one refund.
CREATE TABLE refund_requests (
    id                    TEXT PRIMARY KEY,
    merchant_id           TEXT        NOT NULL REFERENCES merchants (id),
    transaction_id        TEXT        NOT NULL REFERENCES transactions (id),
    amount_minor          BIGINT      NOT NULL CHECK (amount_minor > 0),
    currency              CHAR(3)     NOT NULL,
    requested_by          TEXT        NOT NULL,
    requested_at          TIMESTAMPTZ NOT NULL,
    expires_at            TIMESTAMPTZ NOT NULL,
    status                TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'CANCELLED', 'EXPIRED', 'FAILED')),
    decided_by            TEXT,
    decided_at            TIMESTAMPTZ,
    failure_code          TEXT,
    refund_transaction_id TEXT REFERENCES transactions (id)
);
-- ids sort by time: a merchant's requests newest first
CREATE INDEX refund_requests_by_merchant ON refund_requests (merchant_id, id);
-- what a sale has reserved; what the expiry job looks for
CREATE INDEX refund_requests_pending_of_sale ON refund_requests (merchant_id, transaction_id) WHERE status = 'PENDING';
CREATE INDEX refund_requests_pending_expiry ON refund_requests (expires_at) WHERE status = 'PENDING';
