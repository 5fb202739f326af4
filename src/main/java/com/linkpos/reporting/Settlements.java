package com.linkpos.reporting;

import com.linkpos.shared.Currency;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.Total;
import com.linkpos.shared.TypedTimes;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * [T4] «Hesap Özeti»: what reaches the merchant's account, per value date and currency. Approved sales
 * not voided count on their value date with their commission and BSMV, approved refunds on their own;
 * net = sales − refunds − commission − BSMV, from the amounts each transaction stored when it was made.
 */
@Component
class Settlements {

    /** The longest range one report covers. */
    static final int MOST_DAYS = 366;

    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    Settlements(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The range the request's {@code from} and {@code to} give, around today in Istanbul; problems into {@code errors}. */
    Range range(java.util.Map<String, String> params, List<FieldProblem> errors) {
        return Range.parse(params.get("from"), params.get("to"),
                LocalDate.now(clock.withZone(com.linkpos.shared.BusinessTime.ZONE)), errors);
    }

    /** One value date of one merchant in one currency: {@code count} sales and refunds. */
    record Day(String merchantId, LocalDate valueDate, Currency currency, long count, Total sales, Total refunds,
               Total commission, Total commissionTax) {

        public Total net() {
            return new Total(sales.minor().subtract(refunds.minor()).subtract(commission.minor())
                    .subtract(commissionTax.minor()), currency);
        }
    }

    /** Value dates from and to, both included. */
    record Range(LocalDate from, LocalDate to) {

        /**
         * The range as typed ({@code 2026-12-01} or {@code 01.12.2026}); without a day: from a month ago to
         * three months ahead, where an installment sale's credit may fall.
         */
        static Range parse(String from, String to, LocalDate today, List<FieldProblem> errors) {
            LocalDate first = day(from, "from", today.minusDays(30), errors);
            LocalDate last = day(to, "to", today.plusDays(90), errors);
            if (first != null && last != null) {
                if (last.isBefore(first)) {
                    errors.add(FieldProblem.of("to", "invalid_date_range"));
                } else if (ChronoUnit.DAYS.between(first, last) >= MOST_DAYS) {
                    errors.add(FieldProblem.of("to", "date_range_too_long", MOST_DAYS));
                }
            }
            return new Range(first, last);
        }

        private static LocalDate day(String typed, String field, LocalDate none, List<FieldProblem> errors) {
            if (typed == null || typed.isBlank()) {
                return none;
            }
            LocalDate day = TypedTimes.day(typed).orElse(null);
            if (day == null) {
                errors.add(FieldProblem.of(field, "invalid_date"));
            }
            return day;
        }
    }

    /** The merchant's days in the range, oldest first; {@code merchantId} null: every merchant's (the bank). */
    List<Day> days(String merchantId, Range range) {
        // two statements rather than "(:merchant IS NULL OR …)", so that each uses its own index
        String whose = merchantId == null ? "" : "merchant_id = :merchant AND ";
        return jdbc.sql("""
                        SELECT merchant_id, value_date, currency, COUNT(*) AS count,
                            SUM(CASE WHEN type IN ('SALE', 'CAPTURE') THEN amount_minor ELSE 0 END) AS sales,
                            SUM(CASE WHEN type = 'REFUND' THEN amount_minor ELSE 0 END) AS refunds,
                            SUM(commission_minor) AS commission, SUM(commission_tax_minor) AS commission_tax
                        FROM transactions
                        WHERE %svalue_date BETWEEN :from AND :to AND status = 'APPROVED'
                            AND (type = 'REFUND' OR (type IN ('SALE', 'CAPTURE') AND NOT voided))
                        GROUP BY merchant_id, value_date, currency
                        ORDER BY value_date, merchant_id, currency""".formatted(whose))
                .param("merchant", merchantId).param("from", Date.valueOf(range.from())).param("to", Date.valueOf(range.to()))
                .query((rs, row) -> {
                    Currency currency = Currency.valueOf(rs.getString("currency").trim());
                    return new Day(rs.getString("merchant_id"), rs.getDate("value_date").toLocalDate(), currency,
                            rs.getLong("count"), Total.of(rs.getBigDecimal("sales"), currency),
                            Total.of(rs.getBigDecimal("refunds"), currency), Total.of(rs.getBigDecimal("commission"), currency),
                            Total.of(rs.getBigDecimal("commission_tax"), currency));
                }).list();
    }
}
