-- [X6] Pre-authorization: an attempt of a link that pre-authorizes holds the card (PRE_AUTH); the merchant
-- captures it once (CAPTURE, the money) or releases it (a VOID of the PRE_AUTH).
ALTER TABLE payment_attempts ADD COLUMN pre_authorization BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE transactions DROP CONSTRAINT transactions_type_check,
                         ADD CONSTRAINT transactions_type_check
                             CHECK (type IN ('SALE', 'VOID', 'REFUND', 'PRE_AUTH', 'CAPTURE')),
                         -- of a PRE_AUTH: what its capture took
                         ADD COLUMN captured_minor BIGINT NOT NULL DEFAULT 0;
-- a hold is captured once: the database refuses a second capture
CREATE UNIQUE INDEX transactions_one_capture ON transactions (original_transaction_id)
    WHERE type = 'CAPTURE' AND status = 'APPROVED';
-- holds left open, for their release after the set number of days
CREATE INDEX transactions_open_holds ON transactions (created_at)
    WHERE type = 'PRE_AUTH' AND status = 'APPROVED' AND NOT voided AND captured_minor = 0;

-- the simulated bank: a pre-authorization is closed once, by one PostAuth
CREATE UNIQUE INDEX simulator_transactions_one_capture ON simulator_transactions (gateway, merchant_no, order_id)
    WHERE txn_type = 'PostAuth';
