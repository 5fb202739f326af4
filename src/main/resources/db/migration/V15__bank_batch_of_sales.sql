-- [A6] A real bank closes its batches itself: when its answer to a void or refund says where a sale's
-- batch is, that overrides LinkPOS's own end of day for the sale (NULL: the bank has not said).
ALTER TABLE transactions ADD COLUMN bank_batch_closed BOOLEAN;
