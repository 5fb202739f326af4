package com.linkpos.support;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a table holds that someone could have typed: every value of its columns but the integer ones (counters,
 * row numbers, batch numbers), split at commas and parentheses as PostgreSQL writes arrays, records and JSON.
 * The scans for a CVV or an expiry look here: a CVV of 987 is also the 987th row of a bulk upload.
 */
public final class StoredCells {

    private StoredCells() {
    }

    public static List<String> of(JdbcClient jdbc, String table) {
        List<String> columns = jdbc.sql("""
                        SELECT column_name FROM information_schema.columns
                        WHERE table_schema = 'public' AND table_name = ? AND data_type NOT IN ('smallint', 'integer', 'bigint')""")
                .param(table).query(String.class).list();
        if (columns.isEmpty()) {
            return List.of();
        }
        String cells = columns.stream().map(column -> "\"" + column + "\"::text").collect(Collectors.joining(", "));
        return jdbc.sql("SELECT unnest(ARRAY[" + cells + "]) FROM \"" + table + "\"").query(String.class).list().stream()
                .filter(java.util.Objects::nonNull)
                .flatMap(cell -> Arrays.stream(cell.split("[,()]")))
                .toList();
    }
}
