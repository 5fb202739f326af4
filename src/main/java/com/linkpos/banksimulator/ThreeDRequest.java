package com.linkpos.banksimulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A 3-D Secure request the simulated bank accepted (PayFor: one {@code RequestGuid}): the merchant's
 * order as posted, what the bank keeps of the card, the issuer's outcome decided then, and, once the
 * payer answered the challenge, the answer the callback carries. {@code echoed}: what the callback
 * repeats of the merchant's form beyond the order (EST echoes every field but the card's; PayFor none).
 */
record ThreeDRequest(String requestGuid, String gateway, String merchantNo, Order order, Map<String, String> echoed,
                     MaskedCard card, IssuerOutcome outcome, Status status, int wrongCodes, Answer answer, Instant createdAt) {

    enum Status {
        /** The ACS waits for the payer's code. */
        CHALLENGE,
        /** Full 3-D Secure (3DStatus 1): the order may be provisioned once. */
        AUTHENTICATED,
        /** The payer or the issuer failed the challenge (3DStatus -1). */
        FAILED,
        /** The card is not enrolled: an attempt only (3DStatus 2), which these terminals do not provision. */
        HALF,
        /** The merchant posted the same order again before this challenge was answered: the newer one counts. */
        SUPERSEDED
    }

    /** The merchant's fields, as posted; {@code purchAmount} is the string the hash covered. */
    record Order(String orderId, String secureType, String txnType, String purchAmount, BigDecimal amount, String currency,
                 String installments, String lang, String okUrl, String failUrl, String rnd, String cardHolderName) {
    }

    /** The ACS's answer, as the callback carries it. */
    record Answer(String threeDStatus, String procReturnCode, String errMsg, String eci, String cavv, String xid, String md,
                  String responseRnd, int batchNo, Instant answeredAt) {

        boolean authenticated() {
            return "1".equals(threeDStatus);
        }
    }

    /** The books' entry of this order's sale, as the issuer answered it. */
    SimulatorBooks.Entry sale(SimulatedIssuer.Authorization authorization, int batchNo, Instant at) {
        return new SimulatorBooks.Entry(order.orderId(), order.txnType(), requestGuid, authorization.approved(),
                authorization.code(), authorization.message(), authorization.authCode(), SimulatedIssuer.digits(12),
                order.amount(), order.currency(), order.installments(), card.mask(), batchNo, at);
    }

    ThreeDRequest answered(Status newStatus, Answer newAnswer) {
        return new ThreeDRequest(requestGuid, gateway, merchantNo, order, echoed, card, outcome, newStatus, wrongCodes, newAnswer,
                createdAt);
    }
}
