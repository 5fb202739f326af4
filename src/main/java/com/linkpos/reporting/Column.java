package com.linkpos.reporting;

import java.util.function.Function;

/**
 * One column of an export: its header (a message key), what kind of value it holds, and the value of a row.
 * {@code words}: for a code (a status, a type), the message prefix that names it in the reader's language in
 * the files people open (Excel, and the Excel-style CSV); the CSV for programs keeps the code.
 */
record Column<T>(String headerKey, Kind kind, Function<T, Object> value, String words) {

    Column(String headerKey, Kind kind, Function<T, Object> value) {
        this(headerKey, kind, value, null);
    }

    enum Kind {
        TEXT,
        /** A {@link com.linkpos.shared.Money}, or a {@link com.linkpos.shared.Total} of them: a number with the currency's digits. */
        MONEY,
        INTEGER,
        /** An {@link java.time.Instant}, shown in Istanbul time. */
        DATETIME,
        /** A {@link java.time.LocalDate}: a business or value day. */
        DATE
    }

    static <T> Column<T> text(String headerKey, Function<T, Object> value) {
        return new Column<>(headerKey, Kind.TEXT, value);
    }

    /** A code, written in words where people read the file: {@code words} + the code is its message key. */
    static <T> Column<T> code(String headerKey, Function<T, Object> value, String words) {
        return new Column<>(headerKey, Kind.TEXT, value, words);
    }

    static <T> Column<T> money(String headerKey, Function<T, Object> value) {
        return new Column<>(headerKey, Kind.MONEY, value);
    }

    static <T> Column<T> integer(String headerKey, Function<T, Object> value) {
        return new Column<>(headerKey, Kind.INTEGER, value);
    }

    static <T> Column<T> dateTime(String headerKey, Function<T, Object> value) {
        return new Column<>(headerKey, Kind.DATETIME, value);
    }

    static <T> Column<T> date(String headerKey, Function<T, Object> value) {
        return new Column<>(headerKey, Kind.DATE, value);
    }
}
