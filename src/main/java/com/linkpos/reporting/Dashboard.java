package com.linkpos.reporting;

import com.linkpos.shared.BusinessTime;
import com.linkpos.shared.Currency;
import com.linkpos.shared.Money;
import com.linkpos.shared.Total;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The merchant's first page after login: what came in today and this month, the last 30 days, what needs attention. */
@Repository
class Dashboard {

    /** Approved, not voided sales of a period, in one currency. */
    record Totals(Total collected, long payments) {
    }

    /** One bar of the chart: its day, height in percent of the tallest, and amount. */
    record Bar(LocalDate day, int percent, Total collected) {
    }

    /** An active link whose end is near. */
    record Expiring(String id, String orderNumber, Money amount, Instant validUntil) {
    }

    private static final String COLLECTED = "t.type IN ('SALE', 'CAPTURE') AND t.status = 'APPROVED' AND NOT t.voided";

    private final JdbcClient jdbc;

    Dashboard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Totals per currency from {@code from} on. */
    Map<Currency, Totals> totals(String merchantId, Instant from) {
        Map<Currency, Totals> totals = new LinkedHashMap<>();
        jdbc.sql("SELECT t.currency, sum(t.amount_minor) AS total, count(*) AS payments FROM transactions t "
                        + "WHERE t.merchant_id = :merchant AND t.created_at >= :from AND " + COLLECTED
                        + " GROUP BY t.currency ORDER BY t.currency")
                .param("merchant", merchantId).param("from", Timestamp.from(from))
                .query(rs -> {
                    Currency currency = Currency.valueOf(rs.getString("currency").trim());
                    totals.put(currency, new Totals(Total.of(rs.getBigDecimal("total"), currency), rs.getLong("payments")));
                });
        return totals;
    }

    /** Daily lira collections of the last {@code days} days, oldest first, each scaled against the best day. */
    List<Bar> chart(String merchantId, LocalDate today, int days) {
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, BigInteger> byDay = new LinkedHashMap<>();
        for (int i = 0; i < days; i++) {
            byDay.put(first.plusDays(i), BigInteger.ZERO);
        }
        jdbc.sql("SELECT (t.created_at AT TIME ZONE 'Europe/Istanbul')::date AS day, sum(t.amount_minor) AS total "
                        + "FROM transactions t WHERE t.merchant_id = :merchant AND t.currency = 'TRY' AND t.created_at >= :from AND "
                        + COLLECTED + " GROUP BY 1")
                .param("merchant", merchantId)
                .param("from", Timestamp.from(first.atStartOfDay(BusinessTime.ZONE).toInstant()))
                .query(rs -> {
                    byDay.put(rs.getDate("day").toLocalDate(), rs.getBigDecimal("total").toBigIntegerExact());
                });
        BigInteger best = byDay.values().stream().max(BigInteger::compareTo).orElse(BigInteger.ZERO);
        List<Bar> bars = new ArrayList<>();
        byDay.forEach((day, total) -> bars.add(new Bar(day, percentOf(total, best), new Total(total, Currency.TRY))));
        return bars;
    }

    /** A bar's height: at least 2 % for a day with any takings, so it shows. */
    private static int percentOf(BigInteger total, BigInteger best) {
        if (best.signum() == 0) {
            return 0;
        }
        int percent = total.multiply(BigInteger.valueOf(100)).divide(best).intValue();
        return total.signum() > 0 ? Math.max(2, percent) : percent;
    }

    List<Expiring> expiringSoon(String merchantId, Instant now, Instant until) {
        return jdbc.sql("""
                        SELECT id, order_number, amount_minor, currency, valid_until FROM links
                        WHERE merchant_id = :merchant AND deleted_at IS NULL AND used_at IS NULL
                          AND valid_from <= :now AND valid_until > :now AND valid_until <= :until
                        ORDER BY valid_until LIMIT 10""")
                .param("merchant", merchantId).param("now", Timestamp.from(now)).param("until", Timestamp.from(until))
                .query((rs, row) -> new Expiring(rs.getString("id"), rs.getString("order_number"),
                        new Money(rs.getLong("amount_minor"), Currency.valueOf(rs.getString("currency").trim())),
                        rs.getTimestamp("valid_until").toInstant()))
                .list();
    }


}
