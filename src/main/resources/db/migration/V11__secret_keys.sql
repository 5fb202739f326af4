-- The key that seals secrets when none is configured (SecretKeysConfiguration); configured keys are never stored.
CREATE TABLE secret_keys (
    id         TEXT PRIMARY KEY,
    key_bytes  BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
