package com.linkpos.reporting;

import java.util.function.Function;

/** One column of an export: its header (a message key), what kind of value it holds, and the value of a row. */
record Column<T>(String headerKey, Kind kind, Function<T, Object> value) {

    enum Kind {
        TEXT,
        /** A {@link com.linkpos.shared.Money}: a number with the currency's digits. */
        MONEY,
        INTEGER,
        /** An {@link java.time.Instant}, shown in Istanbul time. */
        DATETIME
    }

    static <T> Column<T> text(String headerKey, Function<T, Object> value) {
        return new Column<>(headerKey, Kind.TEXT, value);
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
}
