-- [X4] An open amount: the payer types anything from open_amount_min_minor to amount_minor (the link's
-- amount is then its largest payment). [X6] A link that pre-authorizes: its approved payments are holds.
ALTER TABLE links ADD COLUMN open_amount_min_minor BIGINT,
                  ADD COLUMN pre_authorization BOOLEAN NOT NULL DEFAULT FALSE,
                  ADD CONSTRAINT links_open_amount_range
                      CHECK (open_amount_min_minor IS NULL OR (open_amount_min_minor > 0 AND open_amount_min_minor <= amount_minor));

-- the messages of an open-amount link name the range: from this amount to the message's amount
ALTER TABLE notifications ADD COLUMN amount_from_minor BIGINT;
