-- The bank simulator as a wire-compatible gateway (docs/DESIGN.md, "The bank simulator as a PayFor
-- gateway"): the simulated bank's own books, in the database so that any LinkPOS instance can serve
-- its ACS page and its API (no sticky sessions). `gateway` says whose protocol a row belongs to
-- (PAYFOR; EST v3 can share the tables), `merchant_no` is the bank's merchant number (PayFor
-- MerchantID, EST clientid), not a LinkPOS merchant. No card number, expiry or CVV is ever kept:
-- the issuer's outcome is decided from the card when the 3-D form arrives, and only that outcome,
-- the masked card, its BIN and its brand are stored.

-- End-of-day batches, one open per terminal at most.
CREATE TABLE simulator_batches (
    gateway      TEXT        NOT NULL,
    merchant_no  TEXT        NOT NULL,
    batch_no     INTEGER     NOT NULL,
    opened_at    TIMESTAMPTZ NOT NULL,
    closed_at    TIMESTAMPTZ,
    PRIMARY KEY (gateway, merchant_no, batch_no)
);
CREATE UNIQUE INDEX simulator_batches_one_open ON simulator_batches (gateway, merchant_no) WHERE closed_at IS NULL;

-- Each 3-D Secure request the bank accepted (PayFor: one RequestGuid), its challenge and its answer.
-- Amounts are the decimals the wire carries (PayFor's exponent is 2 for every currency).
CREATE TABLE simulator_3ds_requests (
    request_guid      TEXT PRIMARY KEY,
    gateway           TEXT           NOT NULL,
    merchant_no       TEXT           NOT NULL,
    order_id          TEXT           NOT NULL,
    secure_type       TEXT           NOT NULL,
    txn_type          TEXT           NOT NULL,
    purch_amount      TEXT           NOT NULL, -- as posted, echoed in the callback (and in its hash)
    amount            NUMERIC(22, 2) NOT NULL,
    currency          TEXT           NOT NULL, -- ISO 4217 numeric, as posted
    installments      TEXT           NOT NULL, -- as posted: 0, 2..12
    lang              TEXT           NOT NULL,
    ok_url            TEXT           NOT NULL,
    fail_url          TEXT           NOT NULL,
    rnd               TEXT           NOT NULL,
    card_holder_name  TEXT           NOT NULL,
    card_mask         TEXT           NOT NULL,
    card_bin          TEXT           NOT NULL,
    card_brand        TEXT           NOT NULL,
    card_issuer       TEXT,
    outcome           TEXT           NOT NULL, -- APPROVE, DECLINE:<code>, THREE_DS_FAIL, NOT_ENROLLED
    status            TEXT           NOT NULL, -- CHALLENGE, AUTHENTICATED, FAILED, HALF, SUPERSEDED
    wrong_codes       INTEGER        NOT NULL DEFAULT 0,
    three_ds_status   TEXT,
    proc_return_code  TEXT,
    err_msg           TEXT,
    eci               TEXT,
    cavv              TEXT,
    xid               TEXT,
    md                TEXT,
    response_rnd      TEXT,
    batch_no          INTEGER,
    created_at        TIMESTAMPTZ    NOT NULL,
    answered_at       TIMESTAMPTZ
);
CREATE INDEX simulator_3ds_requests_order ON simulator_3ds_requests (gateway, merchant_no, order_id);

-- Sales (provisioned once per order, approved or declined), voids and refunds; a void or refund carries
-- the order id of the sale it reverses.
CREATE TABLE simulator_transactions (
    id                BIGSERIAL PRIMARY KEY,
    gateway           TEXT           NOT NULL,
    merchant_no       TEXT           NOT NULL,
    order_id          TEXT           NOT NULL,
    txn_type          TEXT           NOT NULL,
    request_guid      TEXT,
    approved          BOOLEAN        NOT NULL,
    proc_return_code  TEXT           NOT NULL,
    err_msg           TEXT           NOT NULL,
    auth_code         TEXT           NOT NULL,
    host_ref_num      TEXT           NOT NULL,
    amount            NUMERIC(22, 2) NOT NULL,
    currency          TEXT           NOT NULL,
    installments      TEXT           NOT NULL,
    card_mask         TEXT           NOT NULL,
    batch_no          INTEGER        NOT NULL,
    voided_at         TIMESTAMPTZ,
    refunded_amount   NUMERIC(22, 2) NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ    NOT NULL
);
CREATE UNIQUE INDEX simulator_transactions_one_sale ON simulator_transactions (gateway, merchant_no, order_id)
    WHERE txn_type IN ('Auth', 'PreAuth');
CREATE INDEX simulator_transactions_order ON simulator_transactions (gateway, merchant_no, order_id, id);
CREATE INDEX simulator_transactions_day ON simulator_transactions (gateway, merchant_no, created_at);
