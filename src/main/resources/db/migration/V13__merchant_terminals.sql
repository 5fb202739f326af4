-- [A1][A2] The gateway terminal the bank set up for a merchant: its type, its settings, and its secrets
-- (passwords, store keys) sealed as one JSON object with AES-GCM (SecretBox), never in clear.
CREATE TABLE merchant_terminals (
    merchant_id  TEXT PRIMARY KEY REFERENCES merchants (id),
    type         TEXT        NOT NULL,
    settings     JSONB       NOT NULL,
    secrets      TEXT        NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
