-- Merchants and who may act for them [B1]. Ids are prefixed ULIDs made by the application.
CREATE TABLE merchants (
    id                  TEXT PRIMARY KEY,
    name                TEXT        NOT NULL,
    email               TEXT,
    foreign_currencies  TEXT[]      NOT NULL DEFAULT '{}',
    max_installments    INTEGER     NOT NULL DEFAULT 1 CHECK (max_installments BETWEEN 1 AND 12),
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);

-- Portal users. A bank operator has no merchant; every other user belongs to exactly one.
CREATE TABLE users (
    id             TEXT PRIMARY KEY,
    merchant_id    TEXT REFERENCES merchants (id),
    username       TEXT        NOT NULL,
    password_hash  TEXT        NOT NULL,
    role           TEXT        NOT NULL CHECK (role IN ('MERCHANT_ADMIN', 'MERCHANT_USER', 'BANK_ADMIN')),
    enabled        BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ NOT NULL,
    CHECK ((role = 'BANK_ADMIN') = (merchant_id IS NULL))
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

-- API keys: only a SHA-256 of the key is kept (the key itself is 256 random bits, shown once).
CREATE TABLE api_keys (
    id            TEXT PRIMARY KEY,
    merchant_id   TEXT REFERENCES merchants (id),
    role          TEXT        NOT NULL CHECK (role IN ('MERCHANT_ADMIN', 'BANK_ADMIN')),
    name          TEXT        NOT NULL,
    key_hash      TEXT        NOT NULL UNIQUE,
    key_hint      TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ,
    CHECK ((role = 'BANK_ADMIN') = (merchant_id IS NULL))
);
CREATE INDEX api_keys_merchant ON api_keys (merchant_id);

-- Payment links [L1]-[L11], [M1]-[M5]. Status is derived from the columns, never stored.
CREATE TABLE links (
    id                  TEXT PRIMARY KEY,
    merchant_id         TEXT        NOT NULL REFERENCES merchants (id),
    token               TEXT        NOT NULL UNIQUE,
    order_number        TEXT        NOT NULL,
    amount_minor        BIGINT      NOT NULL CHECK (amount_minor > 0),
    currency            CHAR(3)     NOT NULL,
    installments        INTEGER     NOT NULL CHECK (installments BETWEEN 1 AND 12),
    valid_from          TIMESTAMPTZ NOT NULL,
    valid_until         TIMESTAMPTZ NOT NULL,
    usage               TEXT        NOT NULL CHECK (usage IN ('SINGLE', 'MULTI')),
    description         TEXT        CHECK (char_length(description) <= 500),
    payer_note_enabled  BOOLEAN     NOT NULL DEFAULT FALSE,
    notify_sms          TEXT,
    notify_email        TEXT,
    payment_count       INTEGER     NOT NULL DEFAULT 0,
    collected_minor     BIGINT      NOT NULL DEFAULT 0,
    used_at             TIMESTAMPTZ,
    deleted_at          TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    CHECK (valid_until > valid_from),
    CHECK (installments = 1 OR currency = 'TRY'),
    -- [L1]: an order number is the merchant's forever, also after the link is deleted.
    CONSTRAINT links_order_number_key UNIQUE (merchant_id, order_number)
);
CREATE INDEX links_merchant_id ON links (merchant_id, id DESC);
