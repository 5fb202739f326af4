-- [S1] A portal user's second factor: the TOTP secret (sealed like every secret), since when it is on, and the
-- last time step accepted (a code is used once); ten recovery codes kept as SHA-256 hashes.
ALTER TABLE users ADD COLUMN totp_secret TEXT,
                  ADD COLUMN totp_enabled_at TIMESTAMPTZ,
                  ADD COLUMN totp_last_step BIGINT;
CREATE TABLE recovery_codes (
    user_id    TEXT NOT NULL REFERENCES users (id),
    code_hash  TEXT NOT NULL,
    used_at    TIMESTAMPTZ,
    PRIMARY KEY (user_id, code_hash)
);
-- the bank requires a second factor of a merchant's users
ALTER TABLE merchants ADD COLUMN require_two_factor BOOLEAN NOT NULL DEFAULT FALSE;
