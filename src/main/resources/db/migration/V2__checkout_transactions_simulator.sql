-- [P6] A single-use link is claimed by one payment attempt at a time, for a short while: the
-- claim is taken and released by conditional updates, and one that outlives its attempt expires.
ALTER TABLE links
    ADD COLUMN claimed_by    TEXT,
    ADD COLUMN claimed_until TIMESTAMPTZ;

-- One payer's try to pay a link: from the card form through 3-D Secure to the bank's answer.
-- No card number or CVV: only what a receipt may show [P7].
CREATE TABLE payment_attempts (
    id              TEXT PRIMARY KEY,
    merchant_id     TEXT        NOT NULL REFERENCES merchants (id),
    link_id         TEXT        NOT NULL REFERENCES links (id),
    nonce           TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('AWAITING_3DS', 'AUTHORIZING', 'APPROVED', 'DECLINED', 'FAILED')),
    failure         TEXT,
    amount_minor    BIGINT      NOT NULL,
    currency        CHAR(3)     NOT NULL,
    installments    INTEGER     NOT NULL,
    card_bin        CHAR(6)     NOT NULL,
    card_last4      CHAR(4)     NOT NULL,
    card_brand      TEXT        NOT NULL,
    card_issuer     TEXT,
    card_type       TEXT,
    payer_note      TEXT CHECK (char_length(payer_note) <= 250),
    xid             TEXT UNIQUE,
    md_status       TEXT,
    eci             TEXT,
    transaction_id  TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    -- a double submit of one rendered form is one attempt
    CONSTRAINT payment_attempts_nonce_key UNIQUE (link_id, nonce)
);
CREATE INDEX payment_attempts_link ON payment_attempts (link_id);

-- The ledger: every attempt that reached the bank, approved or declined; voids and refunds later.
CREATE TABLE transactions (
    id                       TEXT PRIMARY KEY,
    merchant_id              TEXT        NOT NULL REFERENCES merchants (id),
    link_id                  TEXT        REFERENCES links (id),
    attempt_id               TEXT        UNIQUE,
    type                     TEXT        NOT NULL CHECK (type IN ('SALE', 'VOID', 'REFUND')),
    status                   TEXT        NOT NULL CHECK (status IN ('APPROVED', 'DECLINED')),
    order_number             TEXT,
    amount_minor             BIGINT      NOT NULL,
    currency                 CHAR(3)     NOT NULL,
    installments             INTEGER     NOT NULL DEFAULT 1,
    card_bin                 CHAR(6),
    card_last4               CHAR(4),
    card_brand               TEXT,
    card_issuer              TEXT,
    card_type                TEXT,
    auth_code                TEXT,
    host_reference           TEXT,
    response_code            TEXT,
    response_message         TEXT,
    md_status                TEXT,
    eci                      TEXT,
    payer_note               TEXT,
    original_transaction_id  TEXT REFERENCES transactions (id),
    refunded_minor           BIGINT      NOT NULL DEFAULT 0,
    voided                   BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at               TIMESTAMPTZ NOT NULL
);
CREATE INDEX transactions_merchant_created ON transactions (merchant_id, created_at DESC, id DESC);
CREATE INDEX transactions_link ON transactions (link_id);

-- The bank simulator's own books: what it was asked to authorize and what it answered. It knows no
-- card numbers either; it holds them in memory only between enrolment and authorization.
CREATE TABLE bank_simulator_authorizations (
    host_reference  TEXT PRIMARY KEY,
    merchant_id     TEXT        NOT NULL,
    reference       TEXT        NOT NULL,
    order_number    TEXT,
    xid             TEXT,
    approved        BOOLEAN     NOT NULL,
    response_code   TEXT        NOT NULL,
    auth_code       TEXT,
    amount_minor    BIGINT      NOT NULL,
    currency        CHAR(3)     NOT NULL,
    installments    INTEGER     NOT NULL,
    refunded_minor  BIGINT      NOT NULL DEFAULT 0,
    voided          BOOLEAN     NOT NULL DEFAULT FALSE,
    batch_closed    BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX bank_simulator_authorizations_merchant ON bank_simulator_authorizations (merchant_id, batch_closed);
