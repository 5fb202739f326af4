package com.linkpos.transaction;

import com.linkpos.audit.AuditTrail;
import com.linkpos.audit.Changes;
import com.linkpos.shared.Currency;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.Money;
import com.linkpos.shared.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * [S3] The merchant's four-eyes amount: a refund above it waits for a second admin. In the merchant's own
 * currency, TRY (see {@link FourEyes#needsApproval} for a refund in another). Any merchant admin may set or
 * remove it; each change is audited as a change of the merchant ({@code merchant.updated}).
 */
@Service
public class RefundApproval {

    /** The merchant's currency: TRY for every merchant; foreign currencies are permissions beside it. */
    static final Currency CURRENCY = Currency.TRY;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    RefundApproval(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The amount above which the merchant's refunds wait for a second admin; empty: four eyes off. */
    public Optional<Money> above(String merchantId) {
        return jdbc.sql("SELECT above_minor, currency FROM refund_approval_settings WHERE merchant_id = :merchant AND above_minor IS NOT NULL")
                .param("merchant", merchantId)
                .query((rs, row) -> new Money(rs.getLong("above_minor"), Currency.fromCode(rs.getString("currency")).orElseThrow()))
                .optional();
    }

    /** Whether a refund of {@code refund} would wait for a second admin now (a page's warning before it is asked). */
    public boolean needsApproval(String merchantId, Money refund) {
        return FourEyes.needsApproval(above(merchantId).orElse(null), refund);
    }

    /**
     * Sets the amount ({@code typed}, a decimal string of TRY; null or blank: four eyes off) and audits the
     * change when there is one. A refused amount is 422 {@code validation_failed} on {@code field}.
     */
    @Transactional
    public Optional<Money> set(String merchantId, String typed, String field) {
        Optional<Money> above = parse(typed, field);
        Optional<Money> before = jdbc.sql("""
                        SELECT above_minor, currency FROM refund_approval_settings WHERE merchant_id = :merchant FOR UPDATE""")
                .param("merchant", merchantId)
                .query((rs, row) -> rs.getObject("above_minor") == null ? null
                        : new Money(rs.getLong("above_minor"), Currency.fromCode(rs.getString("currency")).orElseThrow()))
                .optional();
        jdbc.sql("""
                        INSERT INTO refund_approval_settings (merchant_id, above_minor, currency, updated_at)
                        VALUES (:merchant, :above, :currency, :now)
                        ON CONFLICT (merchant_id) DO UPDATE SET above_minor = EXCLUDED.above_minor,
                            currency = EXCLUDED.currency, updated_at = EXCLUDED.updated_at""")
                .param("merchant", merchantId).param("above", above.map(Money::minor).orElse(null))
                .param("currency", CURRENCY.name()).param("now", Timestamp.from(clock.instant())).update();
        Changes changes = Changes.none().change("refundApprovalAbove", before.map(Money::toDecimalString).orElse(null),
                above.map(Money::toDecimalString).orElse(null));
        if (!changes.isEmpty()) {
            audit.record("merchant.updated", merchantId, merchantId, changes);
        }
        return above;
    }

    private static Optional<Money> parse(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Money.parsePositive(typed, CURRENCY));
        } catch (Money.InvalidAmount invalid) {
            throw ProblemException.invalid(FieldProblem.of(field, invalid.rejection().name().toLowerCase(Locale.ROOT),
                    CURRENCY.minorDigits(), CURRENCY.name()));
        }
    }
}
