-- [T2][T3] The bank's terms per merchant and installment count: vade farkı and commission rates in
-- hundredths of a percent, value days; installments 0 holds the commission of cards issued abroad.
CREATE TABLE merchant_rates (
    merchant_id  TEXT    NOT NULL REFERENCES merchants (id),
    kind         TEXT    NOT NULL CHECK (kind IN ('VADE_FARKI', 'COMMISSION', 'VALUE_DAYS')),
    installments INTEGER NOT NULL CHECK (installments BETWEEN 0 AND 12),
    value        INTEGER NOT NULL CHECK (value >= 0),
    PRIMARY KEY (merchant_id, kind, installments)
);

-- [T2][T3] What each transaction means for the merchant's account. installment_cost_minor: the vade
-- farkı the payer paid within amount_minor (a refund: the part of it given back); the link's amount is
-- amount less that. Approved sales and refunds carry commission, BSMV, net and value date; a sale keeps
-- what the terms of its moment made of it.
ALTER TABLE transactions
    ADD COLUMN installment_cost_minor BIGINT NOT NULL DEFAULT 0 CHECK (installment_cost_minor >= 0),
    ADD COLUMN commission_minor       BIGINT,
    ADD COLUMN commission_tax_minor   BIGINT,
    ADD COLUMN net_minor              BIGINT,
    ADD COLUMN value_date             DATE;

-- the sales and refunds made before: no commission was set, so the whole amount, the next day (sales)
-- or the same day (refunds)
UPDATE transactions
SET commission_minor = 0, commission_tax_minor = 0, net_minor = amount_minor,
    value_date = (created_at AT TIME ZONE 'Europe/Istanbul')::date + CASE WHEN type = 'SALE' THEN 1 ELSE 0 END
WHERE status = 'APPROVED' AND type IN ('SALE', 'REFUND');

CREATE INDEX transactions_by_value_date ON transactions (merchant_id, value_date) WHERE value_date IS NOT NULL;
-- the bank's «Hesap Özeti» of every merchant
CREATE INDEX transactions_value_date ON transactions (value_date) WHERE value_date IS NOT NULL;
