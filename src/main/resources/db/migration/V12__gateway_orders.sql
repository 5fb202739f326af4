-- The acquirer port (docs/DESIGN.md): each attempt has its own order id at the bank (PayFor OrderId, EST oid:
-- at most 20 of [A-Za-z0-9]), the acquirer that served it, the order number of its link (so recovery needs
-- no link).
ALTER TABLE payment_attempts ADD COLUMN gateway_order_id TEXT;
UPDATE payment_attempts SET gateway_order_id = substr(id, 5, 20) WHERE gateway_order_id IS NULL;
ALTER TABLE payment_attempts ALTER COLUMN gateway_order_id SET NOT NULL;
ALTER TABLE payment_attempts ADD CONSTRAINT payment_attempts_gateway_order_key UNIQUE (gateway_order_id);
ALTER TABLE payment_attempts ADD COLUMN acquirer TEXT NOT NULL DEFAULT 'SIMULATOR';
ALTER TABLE payment_attempts ADD COLUMN order_number TEXT;
UPDATE payment_attempts a SET order_number = l.order_number FROM links l WHERE l.id = a.link_id;
ALTER TABLE payment_attempts DROP COLUMN xid;

-- A sale, its void and its refunds carry the order id the bank knows them by.
ALTER TABLE transactions ADD COLUMN gateway_order_id TEXT;
UPDATE transactions t SET gateway_order_id = a.gateway_order_id FROM payment_attempts a WHERE a.id = t.attempt_id;
UPDATE transactions r SET gateway_order_id = s.gateway_order_id FROM transactions s
WHERE s.id = r.original_transaction_id AND r.gateway_order_id IS NULL;
