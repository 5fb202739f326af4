package com.linkpos.acquiring;

import java.util.Optional;

/**
 * A gateway's answer to a provision, void, refund or inquiry, in the Turkish virtual POS habit:
 * {@code code} "00" is approved; a decline keeps the bank's own code and message. A void or refund
 * the bank refuses for a reason LinkPOS knows carries that reason as a {@link Refusal} [A5].
 */
public record BankAnswer(boolean approved, String code, String message, String authCode, String hostReference,
                         Refusal refusal) {

    /** The gateways' refusals of a void or refund, each mapped from their own codes (PayFor V014, EST CORE-2508, …). */
    public enum Refusal {
        /** Refund asked before the sale's batch was closed: void instead. */
        BATCH_OPEN_USE_VOID,
        /** Void asked after the sale's batch was closed: refund instead. */
        BATCH_CLOSED_USE_REFUND,
        /** More refunded than the sale. */
        EXCEEDS_SALE,
        ALREADY_VOIDED,
        /** The bank does not know the sale. */
        NOT_FOUND,
        /** [X6] A capture of what is not an open pre-authorization (a sale, or one captured or released before). */
        NOT_CAPTURABLE
    }

    public static BankAnswer approved(String code, String message, String authCode, String hostReference) {
        return new BankAnswer(true, code, message, authCode, hostReference, null);
    }

    public static BankAnswer declined(String code, String message, String hostReference) {
        return new BankAnswer(false, code, message, null, hostReference, null);
    }

    public static BankAnswer refused(Refusal refusal, String code, String message) {
        return new BankAnswer(false, code, message, null, null, refusal);
    }

    public Optional<Refusal> refusalReason() {
        return Optional.ofNullable(refusal);
    }
}
