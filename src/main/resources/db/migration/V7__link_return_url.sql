-- Where the payer may go back to after paying (the merchant's site), when the merchant gives one.
ALTER TABLE links ADD COLUMN return_url TEXT CHECK (char_length(return_url) <= 2048);
