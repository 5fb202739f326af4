-- [L3] A multi-use link whose collected total cannot take one more payment of its amount is used up
-- (LinkTable.recordPayment now says so when the payment that fills it is counted). Links filled before:
UPDATE links SET used_at = COALESCE(last_paid_at, updated_at)
WHERE usage = 'MULTI' AND used_at IS NULL AND collected_minor > 9223372036854775807 - amount_minor;
