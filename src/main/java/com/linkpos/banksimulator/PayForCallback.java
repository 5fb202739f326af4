package com.linkpos.banksimulator;

import com.linkpos.shared.BusinessTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields the simulated bank posts back through the payer's browser to OkUrl or FailUrl
 * (docs/VPOS.md A4 (3)): a subset of the real callback's, in its order, signed with A3.2.
 */
final class PayForCallback {

    static final DateTimeFormatter TRANSACTION_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(BusinessTime.ZONE);

    /** What the callback tells of a sale the bank made at once (3DPay); empty for 3DModel. */
    record Sale(String authCode, String hostRefNum) {
        static final Sale NONE = new Sale("", "");
    }

    private PayForCallback() {
    }

    /** OkUrl when the step succeeded (3DModel: authenticated; 3DPay: paid), FailUrl otherwise. */
    static String target(ThreeDRequest.Order order, ThreeDRequest.Answer answer) {
        boolean succeeded = answer.authenticated()
                && (!"3DPay".equals(order.secureType()) || PayForCode.APPROVED.code.equals(answer.procReturnCode()));
        return succeeded ? order.okUrl() : order.failUrl();
    }

    static Map<String, String> fields(PayForTerminal terminal, String requestGuid, ThreeDRequest.Order order, MaskedCard card,
                                      ThreeDRequest.Answer answer, Sale sale, PayForHash.Digest digest) {
        boolean authenticated = answer.authenticated();
        boolean paid = PayForCode.APPROVED.code.equals(answer.procReturnCode());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("RequestGuid", requestGuid);
        fields.put("TransactionDate", TRANSACTION_DATE.format(answer.answeredAt()));
        fields.put("MbrId", terminal.mbrId());
        fields.put("MerchantID", terminal.merchantId());
        fields.put("OrderId", order.orderId());
        fields.put("SecureType", order.secureType());
        fields.put("PurchAmount", order.purchAmount());
        fields.put("Exponent", "2");
        fields.put("Currency", order.currency());
        fields.put("Description", "");
        fields.put("OkUrl", order.okUrl());
        fields.put("FailUrl", order.failUrl());
        fields.put("PayerTxnId", answer.xid());
        fields.put("PayerAuthenticationCode", answer.cavv());
        fields.put("Eci", answer.eci());
        fields.put("MD", answer.md());
        fields.put("TerminalID", terminal.terminalId());
        fields.put("TxnType", order.txnType());
        fields.put("OrgOrderId", "");
        fields.put("CardType", card == null ? "" : card.cardType());
        fields.put("Lang", order.lang());
        fields.put("InstallmentCount", order.installments());
        fields.put("Rnd", order.rnd());
        fields.put("AlphaCode", PayForAmounts.alphaCode(order.currency()));
        fields.put("MrcCountryCode", "792");
        fields.put("MrcName", terminal.merchantName());
        fields.put("CardHolderName", order.cardHolderName());
        fields.put("IrcDet", "");
        fields.put("IrcCode", "");
        fields.put("TxnStatus", authenticated ? "Y" : "N");
        fields.put("ErrMsg", answer.errMsg());
        fields.put("D3Stat", authenticated ? "Y" : "N");
        fields.put("3DStatus", answer.threeDStatus());
        // as the real gateway: a 3DModel authentication moved no money yet, so it says Failed (VPOS.md C3 9)
        fields.put("TxnResult", paid ? "Success" : "Failed");
        fields.put("AuthCode", sale.authCode());
        fields.put("HostRefNum", sale.hostRefNum());
        fields.put("ProcReturnCode", answer.procReturnCode());
        fields.put("BatchNo", answer.batchNo() == 0 ? "" : Integer.toString(answer.batchNo()));
        fields.put("CardMask", card == null ? "" : card.mask());
        fields.put("DsBrand", card == null ? "" : card.cardType());
        fields.put("ResponseRnd", answer.responseRnd());
        fields.put("ResponseHash", PayForHash.response(digest, terminal, order.orderId(), sale.authCode(),
                answer.procReturnCode(), answer.threeDStatus(), answer.responseRnd()));
        if (digest == PayForHash.Digest.SHA1) {
            // the one SHA-256 answer seen from the real bank (a duplicate order) came without HashType
            fields.put("HashType", digest.hashType);
        }
        return fields;
    }

    /** {@code PF} + 18 digits, as the real gateway's. */
    static String responseRnd() {
        return "PF" + SimulatedIssuer.digits(18);
    }

    /** The answer of a refusal before any challenge (3DStatus 0: no authentication was tried). */
    static ThreeDRequest.Answer refusal(PayForCode code, String detail, Instant at) {
        return new ThreeDRequest.Answer("0", code.code, detail == null ? code.message : code.message + ": " + detail,
                "", "", "", "", responseRnd(), 0, at);
    }
}
