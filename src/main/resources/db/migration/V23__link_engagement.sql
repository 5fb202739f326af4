-- [X3] Engagement per link: views of its payment page (a known link scanner's apart), when first and
-- last seen, and payment attempts that reached the bank.
ALTER TABLE links
    ADD COLUMN views           INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN scanner_views   INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN first_viewed_at TIMESTAMPTZ,
    ADD COLUMN last_viewed_at  TIMESTAMPTZ,
    ADD COLUMN attempts        INTEGER NOT NULL DEFAULT 0;

UPDATE links l SET attempts = (SELECT count(*) FROM payment_attempts p WHERE p.link_id = l.id);
