package com.linkpos.fraud;

import com.linkpos.audit.AuditTrail;
import com.linkpos.audit.Changes;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** [S4] The fraud_rules table: the bank's rules (scope {@code bank}) and each merchant's (scope its id); none kept: {@link FraudRules#NONE}. */
@Service
public class FraudRuleBook {

    private static final String BANK = "bank";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    FraudRuleBook(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What a payment at the merchant is screened by: the bank's rules and the merchant's, both applied. A
     * card either blocks is refused; the bank's limits count attempts at every merchant, the merchant's its own,
     * so of two limits the lower one stops a card first.
     */
    public record Both(FraudRules bankWide, FraudRules merchant) {

        public boolean countsAttempts() {
            return bankWide.countsAttempts() || merchant.countsAttempts();
        }

        /** The rule that refuses the card, the bank's first; {@code everywhere}: attempts at every merchant, {@code here}: at this one. */
        public Optional<FraudRules.Rule> verdict(FraudRules.Card card, FraudRules.Attempts everywhere,
                                                 FraudRules.Attempts here) {
            return bankWide.verdict(card, everywhere).or(() -> merchant.verdict(card, here));
        }
    }

    public FraudRules bankWide() {
        return find(BANK).orElse(FraudRules.NONE);
    }

    public FraudRules of(String merchantId) {
        return find(merchantId).orElse(FraudRules.NONE);
    }

    public Both forPayment(String merchantId) {
        Map<String, FraudRules> kept = new java.util.HashMap<>();
        jdbc.sql("SELECT * FROM fraud_rules WHERE scope IN ('bank', :merchant)").param("merchant", merchantId)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> kept.put(rs.getString("scope"), map(rs, 0)));
        return new Both(kept.getOrDefault(BANK, FraudRules.NONE), kept.getOrDefault(merchantId, FraudRules.NONE));
    }

    /** The merchant's rules from now on (its caller records {@code merchant.updated}, with the merchant's other terms). */
    @Transactional
    public void replace(String merchantId, FraudRules rules) {
        save(merchantId, merchantId, rules);
    }

    /** The bank's rules from now on, written down in the audit log in the same transaction [S2]. */
    @Transactional
    public FraudRules replaceBankWide(FraudRules rules) {
        FraudRules before = bankWide();
        save(BANK, null, rules);
        Changes changes = Changes.none();
        Map<String, String> after = rules.written();
        before.written().forEach((field, was) -> changes.change(field, blankAsNull(was), blankAsNull(after.get(field))));
        if (!changes.isEmpty()) {
            audit.record("fraud_rules.updated", null, null, changes);
        }
        return bankWide();
    }

    /** How a rule reads in the audit log: none set is null, not an empty text. */
    public static String blankAsNull(String written) {
        return written == null || written.isEmpty() ? null : written;
    }

    private void save(String scope, String merchantId, FraudRules rules) {
        jdbc.sql("""
                        INSERT INTO fraud_rules (scope, merchant_id, blocked_bins, blocked_countries, blocked_programs,
                            max_attempts_per_card, max_attempts_per_address, max_attempts_per_link, updated_at)
                        VALUES (:scope, :merchant, :bins, :countries, :programs, :perCard, :perAddress, :perLink, :now)
                        ON CONFLICT (scope) DO UPDATE SET blocked_bins = EXCLUDED.blocked_bins,
                            blocked_countries = EXCLUDED.blocked_countries, blocked_programs = EXCLUDED.blocked_programs,
                            max_attempts_per_card = EXCLUDED.max_attempts_per_card,
                            max_attempts_per_address = EXCLUDED.max_attempts_per_address,
                            max_attempts_per_link = EXCLUDED.max_attempts_per_link, updated_at = EXCLUDED.updated_at""")
                .param("scope", scope).param("merchant", merchantId)
                .param("bins", rules.blockedBins().toArray(String[]::new))
                .param("countries", rules.blockedCountries().toArray(String[]::new))
                .param("programs", rules.blockedPrograms().toArray(String[]::new))
                .param("perCard", rules.maxAttemptsPerCardPerHour()).param("perAddress", rules.maxAttemptsPerAddressPerHour())
                .param("perLink", rules.maxAttemptsPerLinkPerHour()).param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private Optional<FraudRules> find(String scope) {
        return jdbc.sql("SELECT * FROM fraud_rules WHERE scope = :scope").param("scope", scope)
                .query(FraudRuleBook::map).optional();
    }

    private static FraudRules map(ResultSet rs, int row) throws SQLException {
        return new FraudRules(texts(rs.getArray("blocked_bins")), texts(rs.getArray("blocked_countries")),
                texts(rs.getArray("blocked_programs")), (Integer) rs.getObject("max_attempts_per_card"),
                (Integer) rs.getObject("max_attempts_per_address"), (Integer) rs.getObject("max_attempts_per_link"));
    }

    private static List<String> texts(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
