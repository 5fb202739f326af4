-- [R4] End of day: every approved transaction belongs to a batch of its merchant; a merchant has at
-- most one open batch, opened on a business day (Europe/Istanbul) and closed at end of day.
CREATE TABLE batches (
    merchant_id   TEXT        NOT NULL REFERENCES merchants (id),
    batch_number  INTEGER     NOT NULL,
    business_day  DATE        NOT NULL,
    opened_at     TIMESTAMPTZ NOT NULL,
    closed_at     TIMESTAMPTZ,
    closed_by     TEXT,
    PRIMARY KEY (merchant_id, batch_number)
);
CREATE UNIQUE INDEX batches_one_open_per_merchant ON batches (merchant_id) WHERE closed_at IS NULL;

ALTER TABLE transactions ADD COLUMN batch_number INTEGER;
CREATE INDEX transactions_original ON transactions (original_transaction_id) WHERE original_transaction_id IS NOT NULL;

-- [R2] LinkPOS Raporu shows when a link was last paid.
ALTER TABLE links ADD COLUMN last_paid_at TIMESTAMPTZ;
