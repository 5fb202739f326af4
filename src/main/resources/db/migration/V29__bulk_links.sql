-- [X1] Bulk links: an uploaded file, its rows' outcomes, and the file itself in chunks, so that any
-- instance can take the job up (a crashed one's too) and any instance can answer its progress.
CREATE TABLE bulk_uploads (
    id            TEXT PRIMARY KEY,
    merchant_id   TEXT        NOT NULL REFERENCES merchants (id),
    created_by    TEXT        NOT NULL,
    file_name     TEXT        NOT NULL,
    format        TEXT        NOT NULL CHECK (format IN ('CSV', 'XLSX')),
    -- the language of the upload's request: the rows' messages are written in it
    language      TEXT        NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('PROCESSING', 'DONE')),
    rows          INTEGER     NOT NULL CHECK (rows >= 0),
    created       INTEGER     NOT NULL DEFAULT 0,
    refused       INTEGER     NOT NULL DEFAULT 0,
    -- the instance working on it holds it until then; a crashed one's lapses and another takes it up
    claimed_until TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ
);
CREATE INDEX bulk_uploads_of_merchant ON bulk_uploads (merchant_id, created_at DESC);
CREATE INDEX bulk_uploads_processing ON bulk_uploads (created_at) WHERE status = 'PROCESSING';

-- the uploaded file, as it came, in pieces small enough to read one at a time
CREATE TABLE bulk_upload_chunks (
    upload_id   TEXT    NOT NULL REFERENCES bulk_uploads (id) ON DELETE CASCADE,
    merchant_id TEXT    NOT NULL REFERENCES merchants (id),
    seq         INTEGER NOT NULL,
    data        BYTEA   NOT NULL,
    PRIMARY KEY (upload_id, seq)
);

-- one row per data row of the file, written in the transaction that created its link (or refused it)
CREATE TABLE bulk_upload_rows (
    upload_id   TEXT    NOT NULL REFERENCES bulk_uploads (id) ON DELETE CASCADE,
    merchant_id TEXT    NOT NULL REFERENCES merchants (id),
    row_number  INTEGER NOT NULL CHECK (row_number >= 1),
    link_id     TEXT REFERENCES links (id),
    -- [{"field", "code", "message"}] of a refused row
    errors      JSONB,
    PRIMARY KEY (upload_id, row_number),
    CHECK ((link_id IS NULL) <> (errors IS NULL))
);
