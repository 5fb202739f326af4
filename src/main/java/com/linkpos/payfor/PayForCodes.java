package com.linkpos.payfor;

import com.linkpos.acquiring.BankAnswer.Refusal;
import java.util.Map;

/**
 * PayFor's codes (docs/VPOS.md A6) as LinkPOS's: "00" approves; a void's or refund's refusal for a
 * reason LinkPOS knows becomes a {@link Refusal} [A5]; every other code travels as the bank's own,
 * which the payer and the merchant read in plain words (messages {@code bank.code.<code>}).
 */
final class PayForCodes {

    static final String APPROVED = "00";
    /** The order is unknown to the gateway (inquiry, void, refund). */
    static final String NOT_FOUND = "V013";

    private static final Map<String, Refusal> OF_VOID = Map.of(
            "V017", Refusal.ALREADY_VOIDED,
            NOT_FOUND, Refusal.NOT_FOUND,
            // "cannot be cancelled": the sale's batch is closed, or it was refunded in part
            "V018", Refusal.BATCH_CLOSED_USE_REFUND,
            "V019", Refusal.BATCH_CLOSED_USE_REFUND);

    private static final Map<String, Refusal> OF_REFUND = Map.of(
            "V014", Refusal.BATCH_OPEN_USE_VOID,
            "V015", Refusal.EXCEEDS_SALE,
            "V037", Refusal.EXCEEDS_SALE,
            "V017", Refusal.ALREADY_VOIDED,
            NOT_FOUND, Refusal.NOT_FOUND);

    /** V016 not a pre-authorization, V025 closed already, V026 expired, V017 released (voided) before. */
    private static final Map<String, Refusal> OF_CAPTURE = Map.of(
            "V016", Refusal.NOT_CAPTURABLE,
            "V025", Refusal.NOT_CAPTURABLE,
            "V026", Refusal.NOT_CAPTURABLE,
            "V027", Refusal.EXCEEDS_SALE,
            "V017", Refusal.ALREADY_VOIDED,
            NOT_FOUND, Refusal.NOT_FOUND);

    private PayForCodes() {
    }

    static Refusal ofCapture(String code) {
        return OF_CAPTURE.get(code);
    }

    static Refusal ofVoid(String code) {
        return OF_VOID.get(code);
    }

    static Refusal ofRefund(String code) {
        return OF_REFUND.get(code);
    }
}
