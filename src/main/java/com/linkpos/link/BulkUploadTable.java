package com.linkpos.link;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** [X1] The bulk uploads, their files in chunks and their rows' outcomes; every query names the merchant. */
@Repository
class BulkUploadTable {

    private final JdbcClient jdbc;

    BulkUploadTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, String merchantId, String createdBy, String fileName, BulkFile.Format format, String language,
                int rows, Instant now) {
        jdbc.sql("""
                        INSERT INTO bulk_uploads (id, merchant_id, created_by, file_name, format, language, status, rows, created_at)
                        VALUES (:id, :merchant, :createdBy, :fileName, :format, :language, 'PROCESSING', :rows, :now)""")
                .param("id", id).param("merchant", merchantId).param("createdBy", createdBy).param("fileName", fileName)
                .param("format", format.name()).param("language", language).param("rows", rows)
                .param("now", Timestamp.from(now)).update();
    }

    void insertChunk(String id, String merchantId, int seq, byte[] data) {
        jdbc.sql("INSERT INTO bulk_upload_chunks (upload_id, merchant_id, seq, data) VALUES (:id, :merchant, :seq, :data)")
                .param("id", id).param("merchant", merchantId).param("seq", seq).param("data", data).update();
    }

    /** The file's piece {@code seq}; empty past its end. */
    Optional<byte[]> chunk(String id, String merchantId, int seq) {
        return jdbc.sql("SELECT data FROM bulk_upload_chunks WHERE merchant_id = :merchant AND upload_id = :id AND seq = :seq")
                .param("merchant", merchantId).param("id", id).param("seq", seq).query(byte[].class).optional();
    }

    Optional<BulkUpload> find(String merchantId, String id) {
        return jdbc.sql("SELECT * FROM bulk_uploads WHERE merchant_id = :merchant AND id = :id")
                .param("merchant", merchantId).param("id", id).query(BulkUploadTable::map).optional();
    }

    List<BulkUpload> recent(String merchantId, int limit) {
        return jdbc.sql("SELECT * FROM bulk_uploads WHERE merchant_id = :merchant ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("merchant", merchantId).param("limit", limit).query(BulkUploadTable::map).list();
    }

    /**
     * Takes the oldest upload nobody is working on (never started, or its worker's hold lapsed: a crash),
     * for this instance until {@code until}. Safe on every node: SKIP LOCKED.
     */
    Optional<BulkUpload> claimNext(Instant now, Instant until) {
        return jdbc.sql("""
                        UPDATE bulk_uploads SET claimed_until = :until
                        WHERE id = (SELECT id FROM bulk_uploads
                                    WHERE status = 'PROCESSING' AND (claimed_until IS NULL OR claimed_until <= :now)
                                    ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .param("until", Timestamp.from(until)).param("now", Timestamp.from(now))
                .query(BulkUploadTable::map).optional();
    }

    /** The last row that has its outcome: a worker taking the upload up again goes on after it. */
    int lastRow(String merchantId, String id) {
        return jdbc.sql("SELECT COALESCE(max(row_number), 0) FROM bulk_upload_rows WHERE merchant_id = :merchant AND upload_id = :id")
                .param("merchant", merchantId).param("id", id).query(Integer.class).single();
    }

    /**
     * A row's outcome, in the transaction that made the row's link. A row that already has its outcome
     * fails here (primary key), undoing the link: another worker did it.
     */
    void recordCreated(String merchantId, String id, int row, String linkId) {
        jdbc.sql("INSERT INTO bulk_upload_rows (upload_id, merchant_id, row_number, link_id) VALUES (:id, :merchant, :row, :link)")
                .param("id", id).param("merchant", merchantId).param("row", row).param("link", linkId).update();
    }

    void recordRefused(String merchantId, String id, int row, String errorsJson) {
        jdbc.sql("""
                        INSERT INTO bulk_upload_rows (upload_id, merchant_id, row_number, errors)
                        VALUES (:id, :merchant, :row, CAST(:errors AS jsonb))""")
                .param("id", id).param("merchant", merchantId).param("row", row).param("errors", errorsJson).update();
    }

    /** The upload's counts moved on, and the worker's hold renewed, with the rows that moved them. */
    void count(String merchantId, String id, int created, int refused, Instant until) {
        jdbc.sql("""
                        UPDATE bulk_uploads SET created = created + :created, refused = refused + :refused, claimed_until = :until
                        WHERE merchant_id = :merchant AND id = :id""")
                .param("created", created).param("refused", refused).param("until", Timestamp.from(until))
                .param("merchant", merchantId).param("id", id).update();
    }

    /** Every row has its outcome: the upload is done, and its file is no longer kept. */
    void finish(String merchantId, String id, Instant now) {
        jdbc.sql("""
                        UPDATE bulk_uploads SET status = 'DONE', finished_at = :now, claimed_until = NULL
                        WHERE merchant_id = :merchant AND id = :id AND status = 'PROCESSING'""")
                .param("now", Timestamp.from(now)).param("merchant", merchantId).param("id", id).update();
        jdbc.sql("DELETE FROM bulk_upload_chunks WHERE merchant_id = :merchant AND upload_id = :id")
                .param("merchant", merchantId).param("id", id).update();
    }

    /** The refused rows' reasons, by row and in the order the rules gave them. */
    List<BulkUpload.RowError> errors(String merchantId, String id) {
        return jdbc.sql("""
                        SELECT r.row_number, e.value->>'field' AS field, e.value->>'code' AS code, e.value->>'message' AS message
                        FROM bulk_upload_rows r CROSS JOIN LATERAL jsonb_array_elements(r.errors) WITH ORDINALITY AS e(value, n)
                        WHERE r.merchant_id = :merchant AND r.upload_id = :id AND r.errors IS NOT NULL
                        ORDER BY r.row_number, e.n""")
                .param("merchant", merchantId).param("id", id)
                .query((rs, n) -> new BulkUpload.RowError(rs.getInt("row_number"), rs.getString("field"),
                        rs.getString("code"), rs.getString("message"))).list();
    }

    /** Each row's outcome in row order: the token of its link, or its reasons as one text. */
    void eachOutcome(String merchantId, String id, Consumer<Outcome> each) {
        jdbc.sql("""
                        SELECT r.row_number, l.token,
                               (SELECT string_agg(e.value->>'field' || ': ' || (e.value->>'message') || ' (' || (e.value->>'code') || ')',
                                                  '; ' ORDER BY e.n)
                                FROM jsonb_array_elements(r.errors) WITH ORDINALITY AS e(value, n)) AS errors
                        FROM bulk_upload_rows r LEFT JOIN links l ON l.id = r.link_id AND l.merchant_id = r.merchant_id
                        WHERE r.merchant_id = :merchant AND r.upload_id = :id
                        ORDER BY r.row_number""")
                .param("merchant", merchantId).param("id", id)
                .query(rs -> {
                    each.accept(new Outcome(rs.getInt("row_number"), rs.getString("token"), rs.getString("errors")));
                });
    }

    record Outcome(int row, String token, String errors) {
    }

    private static BulkUpload map(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new BulkUpload(rs.getString("id"), rs.getString("merchant_id"), rs.getString("created_by"),
                rs.getString("file_name"), BulkFile.Format.valueOf(rs.getString("format")), rs.getString("language"),
                BulkUpload.Status.valueOf(rs.getString("status")), rs.getInt("rows"), rs.getInt("created"),
                rs.getInt("refused"), rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
    }
}
