-- [X2] What a merchant's new links start with: the reminder a link gets when none is asked for.
CREATE TABLE link_defaults (
    merchant_id              TEXT PRIMARY KEY REFERENCES merchants (id),
    reminder_before_seconds  BIGINT CHECK (reminder_before_seconds > 0),
    updated_at               TIMESTAMPTZ NOT NULL
);
