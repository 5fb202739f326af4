package com.linkpos.transaction;

import com.linkpos.audit.Actor;
import com.linkpos.audit.AuditTrail;
import com.linkpos.audit.Changes;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.HashMap;
import java.util.ArrayList;
import com.linkpos.shared.Total;
import com.linkpos.shared.Currency;
import com.linkpos.acquiring.Acquirers;
import com.linkpos.shared.BusinessTime;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * [R4] End-of-day batches. A merchant has at most one open batch (a unique index says so); it is
 * closed by the daily job, by the bank operator, or, if the day passed without either, when the
 * merchant's next transaction arrives. Closing is a conditional update, so it happens once however
 * many instances run the job.
 */
@Service
public class Batches {

    private static final Logger log = LoggerFactory.getLogger(Batches.class);

    private final JdbcClient jdbc;
    private final Acquirers acquirers;
    private final Clock clock;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    Batches(JdbcClient jdbc, Acquirers acquirers, Clock clock, AuditTrail audit, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.acquirers = acquirers;
        this.clock = clock;
    }

    public record Batch(String merchantId, int number, LocalDate businessDay, Instant openedAt, Instant closedAt,
                        String closedBy, List<Sums> sums) {
    }

    /**
     * [R4] What a batch holds in one currency: its approved sales, the voids among them, its refunds, and
     * the net (sales less voids and refunds). Sums are unbounded ({@link Total}).
     */
    public record Sums(Currency currency, int sales, Total sold, int voids, Total voided, int refunds, Total refunded) {
        public Total net() {
            return new Total(sold.minor().subtract(voided.minor()).subtract(refunded.minor()), currency);
        }
    }

    /**
     * A batch still open from an earlier business day (the end-of-day job did not run) is closed,
     * here and at the bank. Called before anything reaches the bank, so the bank's batches and ours
     * hold the same transactions.
     */
    public void closeStale(String merchantId) {
        Instant now = clock.instant();
        List<Integer> stale = transaction.execute(status -> {
            List<Integer> closed = jdbc.sql("""
                            UPDATE batches SET closed_at = :now, closed_by = 'auto'
                            WHERE merchant_id = :merchant AND closed_at IS NULL AND business_day < :today
                            RETURNING batch_number""")
                    .param("now", Timestamp.from(now)).param("merchant", merchantId)
                    .param("today", Date.valueOf(LocalDate.ofInstant(now, BusinessTime.ZONE)))
                    .query(Integer.class).list();
            closed.forEach(batch -> audit.record(Actor.system("end-of-day"), "batch.closed", merchantId, String.valueOf(batch),
                    Changes.none().set("closedBy", "auto")));
            return closed;
        });
        if (!stale.isEmpty()) {
            closeAtTheBank(merchantId);
        }
    }

    /**
     * The bank's batch of the merchant's terminal closes too, where LinkPOS closes it (the simulator's);
     * a bank that does not answer keeps its batch open, which LinkPOS learns from its refusals later
     * [A6], so this never undoes or fails our own end of day.
     */
    private void closeAtTheBank(String merchantId) {
        try {
            acquirers.forMerchant(merchantId).endOfDay(merchantId);
        } catch (RuntimeException unanswered) {
            log.warn("The bank did not close the batch of merchant {}: {}", merchantId, unanswered.toString());
        }
    }

    /** The merchant's open batch, opened if there is none (only the day's first sale needs the insert). */
    int openBatchNumber(String merchantId) {
        Optional<Integer> open = openBatch(merchantId);
        if (open.isPresent()) {
            return open.get();
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, BusinessTime.ZONE);
        // Two first sales at once: one insert wins, the other's conflicts, and both read the winner's batch.
        jdbc.sql("""
                        INSERT INTO batches (merchant_id, batch_number, business_day, opened_at)
                        SELECT :merchant, COALESCE(MAX(batch_number), 0) + 1, :today, :now FROM batches WHERE merchant_id = :merchant
                        ON CONFLICT DO NOTHING""")
                .param("merchant", merchantId).param("today", Date.valueOf(today)).param("now", Timestamp.from(now))
                .update();
        return openBatch(merchantId).orElseThrow();
    }

    private Optional<Integer> openBatch(String merchantId) {
        return jdbc.sql("SELECT batch_number FROM batches WHERE merchant_id = :merchant AND closed_at IS NULL")
                .param("merchant", merchantId).query(Integer.class).optional();
    }

    /**
     * Closes every merchant's open batch (one statement, so at once), then at the bank; returns how many
     * this call closed.
     */
    public int closeAll(String closedBy) {
        List<String> merchants = transaction.execute(status -> {
            List<Map.Entry<String, Integer>> closed = jdbc.sql("""
                            UPDATE batches SET closed_at = :now, closed_by = :by WHERE closed_at IS NULL
                            RETURNING merchant_id, batch_number""")
                    .param("now", Timestamp.from(clock.instant())).param("by", closedBy)
                    .query((rs, row) -> Map.entry(rs.getString("merchant_id"), rs.getInt("batch_number"))).list();
            closed.forEach(batch -> audit.record("batch.closed", batch.getKey(), String.valueOf(batch.getValue()),
                    Changes.none().set("closedBy", closedBy)));
            return closed.stream().map(Map.Entry::getKey).toList();
        });
        merchants.forEach(this::closeAtTheBank);
        log.info("End of day by {}: closed {} batches", closedBy, merchants.size());
        return merchants.size();
    }

    /** The daily end of day, at the configured time in Istanbul (default 23:59). */
    @Scheduled(cron = "${linkpos.batches.close-cron}", zone = "Europe/Istanbul")
    void endOfDay() {
        closeAll("schedule");
    }

    /** The latest batches, open or closed, with what each holds. */
    public List<Batch> recent(int limit) {
        return withSums(jdbc.sql("SELECT * FROM batches ORDER BY opened_at DESC LIMIT :limit").param("limit", limit)
                .query(Batches::batch).list());
    }

    /** Every open batch, with what it holds: what the next end of day closes. */
    public List<Batch> open() {
        return withSums(jdbc.sql("SELECT * FROM batches WHERE closed_at IS NULL ORDER BY opened_at").query(Batches::batch).list());
    }

    private List<Batch> withSums(List<Batch> batches) {
        if (batches.isEmpty()) {
            return batches;
        }
        Map<String, List<Sums>> sums = new HashMap<>();
        jdbc.sql("""
                        SELECT merchant_id, batch_number, currency,
                               count(*) FILTER (WHERE type IN ('SALE', 'CAPTURE')) AS sales,
                               sum(amount_minor) FILTER (WHERE type IN ('SALE', 'CAPTURE')) AS sold,
                               count(*) FILTER (WHERE type = 'VOID') AS voids, sum(amount_minor) FILTER (WHERE type = 'VOID') AS voided,
                               count(*) FILTER (WHERE type = 'REFUND') AS refunds,
                               sum(amount_minor) FILTER (WHERE type = 'REFUND') AS refunded
                        FROM transactions
                        JOIN unnest(CAST(:merchants AS text[]), CAST(:numbers AS integer[])) AS shown (merchant_id, batch_number)
                            USING (merchant_id, batch_number)
                        WHERE status = 'APPROVED'
                        GROUP BY merchant_id, batch_number, currency ORDER BY currency""")
                .param("merchants", batches.stream().map(Batch::merchantId).toArray(String[]::new))
                .param("numbers", batches.stream().map(Batch::number).toArray(Integer[]::new))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    Currency currency = Currency.valueOf(rs.getString("currency").trim());
                    sums.computeIfAbsent(rs.getString("merchant_id") + "/" + rs.getInt("batch_number"), key -> new ArrayList<>())
                            .add(new Sums(currency, rs.getInt("sales"), Total.of(rs.getBigDecimal("sold"), currency),
                                    rs.getInt("voids"), Total.of(rs.getBigDecimal("voided"), currency), rs.getInt("refunds"),
                                    Total.of(rs.getBigDecimal("refunded"), currency)));
                });
        return batches.stream().map(b -> new Batch(b.merchantId(), b.number(), b.businessDay(), b.openedAt(), b.closedAt(),
                b.closedBy(), sums.getOrDefault(b.merchantId() + "/" + b.number(), List.of()))).toList();
    }

    private static Batch batch(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Batch(rs.getString("merchant_id"), rs.getInt("batch_number"), rs.getDate("business_day").toLocalDate(),
                rs.getTimestamp("opened_at").toInstant(),
                rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(),
                rs.getString("closed_by"), List.of());
    }
}
