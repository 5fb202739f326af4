-- Failed portal logins, to throttle guessing per account and per address (ASVS V2.2.1).
CREATE TABLE login_failures (
    username  TEXT        NOT NULL,
    address   TEXT        NOT NULL,
    at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_failures_username ON login_failures (username, at);
CREATE INDEX login_failures_address ON login_failures (address, at);
