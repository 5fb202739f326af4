-- [X2] A reminder of the link a chosen time before it expires, sent once, never after a payment.
ALTER TABLE links
    ADD COLUMN reminder_before_seconds BIGINT CHECK (reminder_before_seconds > 0),
    ADD COLUMN reminded_at             TIMESTAMPTZ;

CREATE INDEX links_reminder_due ON links (valid_until)
    WHERE reminder_before_seconds IS NOT NULL AND reminded_at IS NULL AND deleted_at IS NULL AND used_at IS NULL;

-- a reminder is a message of its own kind
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('LINK', 'PAYMENT_RECEIVED', 'REMINDER'));
