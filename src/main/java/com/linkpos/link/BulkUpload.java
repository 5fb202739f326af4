package com.linkpos.link;

import java.time.Instant;

/**
 * [X1] A bulk upload of links: its file's rows, and how many of them have been made into links or
 * refused so far; {@code DONE} once every row has its outcome.
 */
record BulkUpload(String id, String merchantId, String createdBy, String fileName, BulkFile.Format format,
                  String language, Status status, int rows, int created, int refused, Instant createdAt,
                  Instant finishedAt) {

    enum Status { PROCESSING, DONE }

    public int processed() {
        return created + refused;
    }

    /** How far along, in whole percent. */
    public int percent() {
        return rows == 0 ? 100 : (int) (100L * processed() / rows);
    }

    public boolean done() {
        return status == Status.DONE;
    }

    /** One reason a row was refused, in the words of the upload's language. */
    record RowError(int row, String field, String code, String message) {
    }

    /** One row of the result file: its link's URL, or why it was refused. */
    record ResultRow(int row, String url, String errors) {
    }
}
