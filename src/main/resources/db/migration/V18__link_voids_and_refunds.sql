-- [M7] The same money everywhere: a link's payments and collected total count approved sales that were
-- not voided, and its refunds are shown beside them. payment_count and collected_minor stay what they
-- were, every approved sale (the single-use claim, the largest-total rule and the [M3] freeze read them);
-- the voids and refunds of the link's sales are counted beside them, kept by the link module when the
-- ledger publishes them, in the same transaction.
ALTER TABLE links
    ADD COLUMN voided_count   INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN voided_minor   BIGINT  NOT NULL DEFAULT 0,
    ADD COLUMN refunded_minor BIGINT  NOT NULL DEFAULT 0;

UPDATE links l
SET voided_count = s.voided_count, voided_minor = s.voided_minor, refunded_minor = s.refunded_minor
FROM (SELECT link_id,
             count(*) FILTER (WHERE type = 'SALE' AND voided)                                 AS voided_count,
             coalesce(sum(amount_minor) FILTER (WHERE type = 'SALE' AND voided), 0)::BIGINT    AS voided_minor,
             coalesce(sum(amount_minor) FILTER (WHERE type = 'REFUND'), 0)::BIGINT             AS refunded_minor
      FROM transactions
      WHERE status = 'APPROVED' AND link_id IS NOT NULL
      GROUP BY link_id) s
WHERE l.id = s.link_id;
