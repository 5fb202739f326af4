-- [R4] The bank's end-of-day page sums each batch's sales, voids and refunds: read by the batch.
CREATE INDEX transactions_batch ON transactions (merchant_id, batch_number) WHERE batch_number IS NOT NULL;
