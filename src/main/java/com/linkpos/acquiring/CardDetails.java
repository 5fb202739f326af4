package com.linkpos.acquiring;

import java.time.YearMonth;

/**
 * The card as the payer typed it. It exists only while a request is being served and in the
 * bank's hands [P7]: never stored, and its {@link #toString()} shows no number or CVV, so a log
 * line or an exception message cannot leak them.
 */
public record CardDetails(String holder, String number, YearMonth expiry, String cvv) {

    public String bin() {
        return number.substring(0, 6);
    }

    public String last4() {
        return number.substring(number.length() - 4);
    }

    /** 415565******6111: what a receipt may show. */
    public String masked() {
        return bin() + "*".repeat(number.length() - 10) + last4();
    }

    @Override
    public String toString() {
        return "CardDetails[" + masked() + "]";
    }
}
