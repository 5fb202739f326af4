package com.linkpos.link;

import java.time.Instant;

/**
 * What a merchant asks for, from the portal form or the API, before any rule is checked.
 * Amounts are canonical decimal strings ("1250.50"): {@code amount}, or an open amount's min and max [X4];
 * blank strings mean "not given".
 */
record LinkInput(String orderNumber, String amount, String currency, Integer installments, Instant validFrom,
                 Instant validUntil, String usage, String description, Boolean payerNoteEnabled, String sms,
                 String email, String returnUrl, Boolean payerChoosesInstallments, String installmentCostBorneBy,
                 Integer maxPayments, String reminderBefore, String openAmountMin, String openAmountMax,
                 Boolean preAuthorization) {

    static LinkInput of(Link link) {
        OpenAmount open = link.openAmount();
        return new LinkInput(link.orderNumber(), open == null ? link.amount().toDecimalString() : null,
                link.amount().currency().name(),
                link.installments(), link.validFrom(), link.validUntil(), link.usage().name(), link.description(),
                link.payerNoteEnabled(), link.notifySms(), link.notifyEmail(), link.returnUrl(),
                link.installmentTerms().payerChooses(), link.installmentTerms().costBorneBy().name(), link.maxPayments(),
                link.reminderBefore() == null ? null : link.reminderBefore().toString(),
                open == null ? null : open.min().toDecimalString(), open == null ? null : open.max().toDecimalString(),
                link.preAuthorization());
    }

    LinkInput withReminderBefore(String reminder) {
        return new LinkInput(orderNumber, amount, currency, installments, validFrom, validUntil, usage, description,
                payerNoteEnabled, sms, email, returnUrl, payerChoosesInstallments, installmentCostBorneBy, maxPayments,
                reminder, openAmountMin, openAmountMax, preAuthorization);
    }

    LinkInput withValidity(Instant from, Instant until) {
        return new LinkInput(orderNumber, amount, currency, installments, from, until, usage, description,
                payerNoteEnabled, sms, email, returnUrl, payerChoosesInstallments, installmentCostBorneBy, maxPayments,
                reminderBefore, openAmountMin, openAmountMax, preAuthorization);
    }
}
