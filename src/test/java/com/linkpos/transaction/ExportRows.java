package com.linkpos.transaction;

import java.time.Instant;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For the benchmark, which runs outside the application: a merchant's transactions read exactly as the export
 * reads them ({@link TransactionSearch#stream}, in a read-only transaction, 2,000 rows a fetch), and the same
 * query as text for PostgreSQL's own {@code COPY}, the yardstick the exports are measured against.
 */
public final class ExportRows {

    private ExportRows() {
    }

    /** Every transaction of the merchant created in [from, to), newest first, as the export hands them over. */
    public static void stream(DataSource db, String merchantId, Instant from, Instant to, Consumer<Transaction> each) {
        TransactionSearch search = new TransactionSearch(JdbcClient.create(db), new JdbcTemplate(db));
        TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(db));
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> search.stream(merchantId, range(from, to), each));
    }

    /**
     * The export's query with its values written in (COPY takes no parameters): the same SELECT, the same
     * WHERE and ORDER BY. Run it after {@code SET LOCAL enable_sort = off} in the same transaction, as the
     * export does, so that PostgreSQL reads it in the same plan.
     */
    public static String sql(String merchantId, Instant from, Instant to) {
        if (!merchantId.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("not a merchant id: " + merchantId);
        }
        return Ledger.SELECT + " WHERE t.merchant_id = '" + merchantId + "' AND t.created_at >= '" + from
                + "'::timestamptz AND t.created_at < '" + to + "'::timestamptz ORDER BY t.created_at DESC, t.id DESC";
    }

    private static TransactionQuery range(Instant from, Instant to) {
        return new TransactionQuery(from, to, null, null, null, null, null, null, null, null, null);
    }
}
