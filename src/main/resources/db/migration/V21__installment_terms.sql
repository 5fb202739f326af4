-- [T1][T2] Per link: the payer may choose the installment count (1 to the link's), and who bears the vade farkı.
ALTER TABLE links
    ADD COLUMN payer_chooses_installments BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN installment_cost_borne_by  TEXT    NOT NULL DEFAULT 'MERCHANT'
        CHECK (installment_cost_borne_by IN ('MERCHANT', 'PAYER'));

-- An attempt remembers the vade farkı within its amount (what the card is charged) and the link's own
-- amount and count it was opened under, which its claim on the link compares with.
ALTER TABLE payment_attempts
    ADD COLUMN installment_cost_minor BIGINT  NOT NULL DEFAULT 0 CHECK (installment_cost_minor >= 0),
    ADD COLUMN link_installments      INTEGER;
