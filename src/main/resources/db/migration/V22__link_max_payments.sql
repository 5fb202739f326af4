-- [X5] A multi-use link may take at most this many successful payments, then it is used.
ALTER TABLE links ADD COLUMN max_payments INTEGER CHECK (max_payments >= 1);
