package com.linkpos.merchant;

import com.linkpos.audit.AuditTrail;
import com.linkpos.audit.Changes;
import com.linkpos.fraud.FraudRuleBook;
import com.linkpos.pricing.PricingTable;
import com.linkpos.pricing.PricingTerms;
import com.linkpos.shared.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * [S2] What the audit log keeps of a change to a merchant, whichever page or call made it: every term the
 * bank sets, as it was and as it is. A gateway secret is only named as changed: its value is compared
 * here, in memory, through a hash, and never written.
 */
@Component
class MerchantAudit {

    private final Merchants merchants;
    private final PricingTable pricing;
    private final MerchantTerminals terminals;
    private final TwoFactor twoFactor;
    private final FraudRuleBook fraudRules;
    private final AuditTrail trail;
    private final TransactionTemplate transaction;

    MerchantAudit(Merchants merchants, PricingTable pricing, MerchantTerminals terminals, TwoFactor twoFactor,
                  FraudRuleBook fraudRules, AuditTrail trail, PlatformTransactionManager transactions) {
        this.fraudRules = fraudRules;
        this.transaction = new TransactionTemplate(transactions);
        this.merchants = merchants;
        this.pricing = pricing;
        this.terminals = terminals;
        this.twoFactor = twoFactor;
        this.trail = trail;
    }

    /** The merchant's terms now, each under the API's name for it. */
    Map<String, String> terms(String merchantId) {
        Map<String, String> terms = new LinkedHashMap<>();
        merchants.find(merchantId).ifPresent(merchant -> {
            terms.put("name", merchant.name());
            terms.put("email", merchant.email());
            terms.put("foreignCurrencies", new TreeSet<>(merchant.foreignCurrencies().stream().map(Enum::name).toList()).toString());
            terms.put("maxInstallments", String.valueOf(merchant.maxInstallments()));
            terms.put("notifyOnPayment", String.valueOf(merchant.notifyOnPayment()));
        });
        PricingTerms rates = pricing.of(merchantId);
        PricingTable.written(rates.vadeFarki(), null).forEach((count, rate) -> terms.put("installmentRates." + count, rate));
        PricingTable.written(rates.commission(), rates.foreignCardCommission())
                .forEach((count, rate) -> terms.put("commissionRates." + count, rate));
        rates.valueDays().forEach((count, days) -> terms.put("valueDays." + count, String.valueOf(days)));
        terms.put("requireTwoFactor", String.valueOf(twoFactor.requiredByTheBankOf(merchantId)));
        fraudRules.of(merchantId).written().forEach((name, value) -> terms.put("fraudRules." + name, FraudRuleBook.blankAsNull(value)));
        terminals.shown(merchantId).ifPresent(shown -> shown.forEach((name, value) -> terms.put("acquirer." + name, value)));
        terminals.of(merchantId).ifPresent(terminal -> terminal.settings().forEach((name, value) -> {
            if (!terms.containsKey("acquirer." + name)) { // a secret: its hash, to tell a change, never logged
                terms.put("acquirer." + name + SECRET, Hashes.sha256Hex(value.getBytes(StandardCharsets.UTF_8)));
            }
        }));
        return terms;
    }

    private static final String SECRET = "#secret";

    /** Onboards a merchant by {@code create} and records it, in one transaction. */
    Merchant creating(java.util.function.Supplier<Merchant> create) {
        return transaction.execute(status -> {
            Merchant merchant = create.get();
            created(merchant.id());
            return merchant;
        });
    }

    void created(String merchantId) {
        trail.record("merchant.created", merchantId, merchantId, between(Map.of(), terms(merchantId)));
    }

    /** Makes {@code change} to the merchant and records what it changed, in one transaction. */
    void changing(String merchantId, Runnable change) {
        transaction.executeWithoutResult(status -> {
            Map<String, String> before = terms(merchantId);
            change.run();
            updated(merchantId, before);
        });
    }

    /** Records what changed since {@code before} ({@link #terms}); nothing when nothing did. */
    void updated(String merchantId, Map<String, String> before) {
        Changes changes = between(before, terms(merchantId));
        if (!changes.isEmpty()) {
            trail.record("merchant.updated", merchantId, merchantId, changes);
        }
    }

    private static Changes between(Map<String, String> before, Map<String, String> after) {
        Changes changes = Changes.none();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            if (name.endsWith(SECRET)) {
                if (!java.util.Objects.equals(before.get(name), after.get(name))) {
                    changes.secret(name.substring(0, name.length() - SECRET.length()));
                }
            } else {
                changes.change(name, before.get(name), after.get(name));
            }
        }
        return changes;
    }
}
