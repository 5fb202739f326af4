package com.linkpos.est;

import java.util.Map;
import java.util.Set;

/**
 * EST's answers (docs/VPOS.md B5, B6) as LinkPOS keeps them: {@code ProcReturnCode} "00" approves; a
 * gateway-side refusal is "99" with the reason in {@code Extra/ERRORCODE} (CORE-2508, CORE-2008, …), which
 * LinkPOS keeps as the code, so that the payer and the merchant read it in plain words
 * ({@code bank.code.<code>}); an issuer's decline keeps its ISO code (05, 51, …).
 */
final class EstCodes {

    static final String APPROVED = "00";
    static final String GATEWAY_ERROR = "99";
    /** Credit before the day's end: void instead. */
    static final String REFUND_BEFORE_DAY_END = "CORE-2508";
    /** No sale that can be voided: after the day's end, voided already, or unknown (ORDERSTATUS tells which). */
    static final String NOTHING_TO_VOID = "CORE-2008";
    /** Nothing is left of the sale to credit ("Net Tutar 0."); more than is left is read from ORDERHISTORY. */
    static final Set<String> EXCEEDS_SALE = Set.of("215021");

    /** ORDERSTATUS's TRANS_STAT: the sale stands (authorized, captured, sold) or was voided. */
    static final Set<String> STANDING = Set.of("A", "C", "S");
    static final String VOIDED = "V";
    /** ORDERSTATUS's TRANS_STAT of a pre-authorization that was captured (A: still open). */
    static final Set<String> CAPTURED = Set.of("C", "S");

    private EstCodes() {
    }

    /** The code LinkPOS keeps for an answer: the gateway's reason for a "99", else the ISO code. */
    static String codeOf(Map<String, String> answer) {
        String code = answer.getOrDefault("ProcReturnCode", "");
        String reason = answer.getOrDefault("ERRORCODE", "");
        return GATEWAY_ERROR.equals(code) && !reason.isBlank() ? reason : code;
    }
}
