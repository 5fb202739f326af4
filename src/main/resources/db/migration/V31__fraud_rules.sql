-- [S4] Fraud rules: the bank's (scope 'bank') and each merchant's (scope its id). Lists are kept as the API
-- writes them (BINs of 6 or 8 digits, countries ISO 3166 alpha-2 in upper case); a limit left NULL is none.
CREATE TABLE fraud_rules (
    scope                    TEXT PRIMARY KEY,
    merchant_id              TEXT REFERENCES merchants (id),
    blocked_bins             TEXT[]      NOT NULL DEFAULT '{}',
    blocked_countries        TEXT[]      NOT NULL DEFAULT '{}',
    blocked_programs         TEXT[]      NOT NULL DEFAULT '{}',
    max_attempts_per_card    INTEGER CHECK (max_attempts_per_card BETWEEN 1 AND 10000),
    max_attempts_per_address INTEGER CHECK (max_attempts_per_address BETWEEN 1 AND 10000),
    max_attempts_per_link    INTEGER CHECK (max_attempts_per_link BETWEEN 1 AND 10000),
    updated_at               TIMESTAMPTZ NOT NULL,
    CHECK ((scope = 'bank' AND merchant_id IS NULL) OR scope = merchant_id)
);

-- Velocity is counted on the attempts themselves, refused ones included: the card by its keyed fingerprint
-- (HMAC-SHA256, never the number; NULL on attempts from before V31), the payer by the request's address.
ALTER TABLE payment_attempts ADD COLUMN card_fingerprint TEXT, ADD COLUMN payer_address TEXT;
CREATE INDEX payment_attempts_by_card ON payment_attempts (card_fingerprint, created_at) WHERE card_fingerprint IS NOT NULL;
CREATE INDEX payment_attempts_by_address ON payment_attempts (payer_address, created_at) WHERE payer_address IS NOT NULL;
-- the attempts of a link in an hour; it also serves every read by link the old index did
CREATE INDEX payment_attempts_by_link ON payment_attempts (link_id, created_at);
DROP INDEX payment_attempts_link;
