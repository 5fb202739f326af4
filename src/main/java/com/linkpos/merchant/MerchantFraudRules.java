package com.linkpos.merchant;

import com.linkpos.audit.AuditTrail;
import com.linkpos.audit.Changes;
import com.linkpos.fraud.FraudRuleBook;
import com.linkpos.fraud.FraudRules;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * [S4] The bank sets a merchant's fraud rules (through the API or its merchant page): kept by the fraud
 * module, written down as {@code merchant.updated} with the rules that changed [S2], in one transaction.
 */
@Service
class MerchantFraudRules {

    private final FraudRuleBook book;
    private final AuditTrail audit;

    MerchantFraudRules(FraudRuleBook book, AuditTrail audit) {
        this.book = book;
        this.audit = audit;
    }

    @Transactional
    void replace(String merchantId, FraudRules rules) {
        Map<String, String> before = book.of(merchantId).written();
        book.replace(merchantId, rules);
        Changes changes = Changes.none();
        rules.written().forEach((field, now) -> changes.change("fraudRules." + field,
                FraudRuleBook.blankAsNull(before.get(field)), FraudRuleBook.blankAsNull(now)));
        if (!changes.isEmpty()) {
            audit.record("merchant.updated", merchantId, merchantId, changes);
        }
    }
}
