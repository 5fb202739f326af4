package com.linkpos.acquiring;

import com.linkpos.shared.Money;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One payment as a gateway sees it. {@code orderId} is LinkPOS's unique order id at the bank (PayFor
 * OrderId, EST oid: at most 20 of [A-Za-z0-9]); {@code callbackUrl} is the absolute address under
 * /pay/ where the payer's browser brings the bank's answer back.
 */
public record Payment(String merchantId, String orderId, Money amount, int installments, Locale language,
                      String merchantName, String callbackUrl) {

    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9]{1,20}");

    public Payment {
        if (!ORDER_ID.matcher(orderId).matches()) {
            throw new IllegalArgumentException("a gateway order id is 1-20 of [A-Za-z0-9]");
        }
    }
}
