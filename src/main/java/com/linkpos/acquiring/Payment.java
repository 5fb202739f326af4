package com.linkpos.acquiring;

import com.linkpos.shared.Money;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One payment as a gateway sees it. {@code orderId} is LinkPOS's unique order id at the bank (PayFor
 * OrderId, EST oid: at most 20 of [A-Za-z0-9]); {@code callbackUrl} is the absolute address under
 * /pay/ where the payer's browser brings the bank's answer back. {@code preAuthorization} [X6]: the card is
 * held for the amount (PreAuth), not charged; the merchant captures it later ({@link Acquirer#capture}).
 */
public record Payment(String merchantId, String orderId, Money amount, int installments, Locale language,
                      String merchantName, String callbackUrl, boolean preAuthorization) {

    /** A sale. */
    public Payment(String merchantId, String orderId, Money amount, int installments, Locale language, String merchantName,
                   String callbackUrl) {
        this(merchantId, orderId, amount, installments, language, merchantName, callbackUrl, false);
    }

    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9]{1,20}");

    public Payment {
        if (!ORDER_ID.matcher(orderId).matches()) {
            throw new IllegalArgumentException("a gateway order id is 1-20 of [A-Za-z0-9]");
        }
    }

    /**
     * Why a bank's answer naming this order, amount (a decimal as the wire writes it) and currency (ISO 4217
     * numeric) is not of this payment, if it is not. {@code required}: each must be there and match (an
     * answer that authenticates); otherwise each is checked only when there (an answer that refuses: some
     * carry "*" or nothing at all).
     */
    public Optional<String> notAnswerOf(String order, String posted, String currency, boolean required) {
        if ((required || present(order)) && !orderId.equals(order)) {
            return Optional.of("the answer of another order");
        }
        if ((required || present(posted)) && !WireAmount.same(posted, amount)
                || (required || present(currency)) && !amount.currency().numericCode().equals(currency)) {
            return Optional.of("another amount or currency than the payment's");
        }
        return Optional.empty();
    }

    private static boolean present(String field) {
        return field != null && !field.isBlank() && !field.equals("*");
    }
}
