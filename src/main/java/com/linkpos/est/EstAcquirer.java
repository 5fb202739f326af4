package com.linkpos.est;

import com.linkpos.acquiring.Acquirer;
import com.linkpos.acquiring.BankAnswer;
import com.linkpos.acquiring.BankUnanswered;
import com.linkpos.acquiring.BrowserStep;
import com.linkpos.acquiring.CardDetails;
import com.linkpos.acquiring.Payment;
import com.linkpos.acquiring.Verdict;
import com.linkpos.acquiring.WireAmount;
import com.linkpos.shared.Ids;
import com.linkpos.shared.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One merchant's EST v3 terminal, model {@code 3d} (docs/VPOS.md B4): the card goes to the bank in the
 * 3-D form the payer's browser posts, signed with the ver3 hash; the bank's answer comes back through the
 * browser and goes on only when mdStatus is 1, its HASH is the ver3 hash of exactly what it holds under
 * the store key, and order, amount and currency are the payment's; then one {@code CC5Request} Auth
 * with the MPI's md, xid, eci and cavv. Void, Credit (refund) and ORDERSTATUS go to the same API.
 */
final class EstAcquirer implements Acquirer {

    static final String TYPE = "EST";
    /** The 3-D form's fields that carry the card: that page is never cached, stored or logged. */
    private static final Set<String> CARD_FIELDS = Set.of("pan", "Ecom_Payment_Card_ExpDate_Month",
            "Ecom_Payment_Card_ExpDate_Year", "cv2");

    private final EstTerminal terminal;
    private final EstGateway gateway;

    EstAcquirer(EstTerminal terminal, EstGateway gateway) {
        this.terminal = terminal;
        this.gateway = gateway;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> installmentPrograms() {
        return terminal.installmentPrograms();
    }

    @Override
    public BrowserStep begin3ds(Payment payment, CardDetails card) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("clientid", terminal.clientId());
        form.put("storetype", "3d");
        form.put("amount", WireAmount.of(payment.amount()));
        form.put("oid", payment.orderId());
        form.put("okUrl", payment.callbackUrl());
        form.put("failUrl", payment.callbackUrl());
        form.put("rnd", Ids.randomCode(20));
        form.put("lang", payment.language() != null && "en".equals(payment.language().getLanguage()) ? "en" : "tr");
        form.put("currency", payment.amount().currency().numericCode());
        form.put("taksit", taksit(payment.installments()));
        form.put("TranType", payment.preAuthorization() ? "PreAuth" : "Auth");
        form.put("hashAlgorithm", "ver3");
        form.put("pan", card.number());
        form.put("Ecom_Payment_Card_ExpDate_Month", String.format("%02d", card.expiry().getMonthValue()));
        form.put("Ecom_Payment_Card_ExpDate_Year", String.format("%02d", card.expiry().getYear() % 100));
        form.put("cv2", card.cvv());
        // everything posted is in the hash, the card fields too; never the API password: this form is the browser's
        form.put("hash", EstHash.ver3(form, terminal.storeKey()));
        return new BrowserStep.AutoPost(terminal.threeDGateUrl(), form, CARD_FIELDS);
    }

    @Override
    public Verdict readCallback(Payment payment, Map<String, String> posted) {
        String mdStatus = posted.get("mdStatus");
        if (!"1".equals(mdStatus)) {
            // Not authenticated: nothing is provisioned, and the hash is not needed to say no (an error before the
            // MPI carries no mdStatus, and echoes "*" for what it could not read). One of another payment says nothing.
            return payment.notAnswerOf(posted.get("oid"), posted.get("amount"), posted.get("currency"), false)
                    .<Verdict>map(Verdict.Untrusted::new)
                    .orElseGet(() -> new Verdict.NotAuthenticated(mdStatus == null || mdStatus.isBlank() ? "0" : mdStatus,
                            firstOf(posted, "ErrorCode", "ProcReturnCode"), firstOf(posted, "mdErrorMsg", "ErrMsg")));
        }
        if (!EstHash.signs(posted, terminal.storeKey())) {
            return new Verdict.Untrusted("the HASH is not the terminal's ver3 hash of the answer");
        }
        Optional<String> another = payment.notAnswerOf(posted.get("oid"), posted.get("amount"), posted.get("currency"), true);
        if (another.isPresent()) {
            return new Verdict.Untrusted(another.get());
        }
        String md = posted.get("md");
        if (md == null || md.isBlank()) {
            return new Verdict.Untrusted("no md to provision with");
        }
        Map<String, String> provision = new LinkedHashMap<>();
        provision.put("md", md);
        provision.put("xid", posted.getOrDefault("xid", ""));
        provision.put("eci", posted.getOrDefault("eci", ""));
        provision.put("cavv", posted.getOrDefault("cavv", ""));
        return new Verdict.Authenticated("1", posted.getOrDefault("eci", ""), posted.getOrDefault("cavv", ""), provision);
    }

    @Override
    public BankAnswer provision(Payment payment, Verdict.Authenticated authenticated) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("Type", payment.preAuthorization() ? "PreAuth" : "Auth");
        request.put("OrderId", payment.orderId()); // the 3-D step's own
        request.put("Total", WireAmount.of(payment.amount()));
        request.put("Currency", payment.amount().currency().numericCode());
        request.put("Taksit", taksit(payment.installments()));
        request.put("Number", authenticated.forProvision().get("md"));
        request.put("PayerTxnId", authenticated.forProvision().get("xid"));
        request.put("PayerSecurityLevel", authenticated.forProvision().get("eci"));
        request.put("PayerAuthenticationCode", authenticated.forProvision().get("cavv"));
        request.put("Mode", "P");
        return answer(gateway.api(terminal, request, Map.of()));
    }

    @Override
    public Optional<BankAnswer> inquire(Payment payment) {
        return status(payment.orderId()).map(order -> {
            String stat = order.getOrDefault("TRANS_STAT", "");
            String code = order.getOrDefault("PROC_RET_CD", "");
            if (EstCodes.STANDING.contains(stat) || EstCodes.VOIDED.equals(stat)) {
                return BankAnswer.approved(EstCodes.APPROVED, order.getOrDefault("ErrMsg", ""), order.get("AUTH_CODE"),
                        order.get("HOST_REF_NUM"));
            }
            return BankAnswer.declined(code.isBlank() ? EstCodes.GATEWAY_ERROR : code, order.getOrDefault("ErrMsg", ""),
                    blankToNull(order.get("HOST_REF_NUM")));
        });
    }

    @Override
    public BankAnswer voidSale(Order order) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("Type", "Void");
        request.put("OrderId", order.orderId());
        BankAnswer answer = answer(gateway.api(terminal, request, Map.of()));
        if (!EstCodes.NOTHING_TO_VOID.equals(answer.code())) {
            return answer;
        }
        // "nothing to void": the order's status says why (voided before, its day ended, or unknown)
        return refusedAsStatusSays(order, answer, BankAnswer.Refusal.BATCH_CLOSED_USE_REFUND);
    }

    /** A refusal named by the order's status: unknown, voided before, or else {@code otherwise}. */
    private BankAnswer refusedAsStatusSays(Order order, BankAnswer answer, BankAnswer.Refusal otherwise) {
        Optional<Map<String, String>> status = status(order.orderId());
        if (status.isEmpty()) {
            return BankAnswer.refused(BankAnswer.Refusal.NOT_FOUND, answer.code(), answer.message());
        }
        return BankAnswer.refused(EstCodes.VOIDED.equals(status.get().get("TRANS_STAT"))
                ? BankAnswer.Refusal.ALREADY_VOIDED : otherwise, answer.code(), answer.message());
    }

    /** A Credit or PostAuth of {@code amount} of the order. */
    private BankAnswer ofOrder(Order order, String type, Money amount) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("Type", type);
        request.put("OrderId", order.orderId());
        request.put("Total", WireAmount.of(amount));
        request.put("Currency", amount.currency().numericCode());
        return answer(gateway.api(terminal, request, Map.of()));
    }

    /** PostAuth of the pre-authorized order; a refusal is read from the order's status (open pre-auth or not). */
    @Override
    public BankAnswer capture(Order order, Money amount) {
        BankAnswer answer = ofOrder(order, "PostAuth", amount);
        // the gateway's refusal (99 or CORE-…), not an issuer's decline: the order's status says why
        if (answer.approved() || !EstCodes.GATEWAY_ERROR.equals(answer.code()) && !answer.code().startsWith("CORE-")) {
            return answer;
        }
        return refusedAsStatusSays(order, answer, BankAnswer.Refusal.NOT_CAPTURABLE);
    }

    @Override
    public BankAnswer refund(Order order, Money amount) {
        BankAnswer answer = ofOrder(order, "Credit", amount);
        if (answer.approved()) {
            return answer;
        }
        if (EstCodes.REFUND_BEFORE_DAY_END.equals(answer.code())) {
            return BankAnswer.refused(BankAnswer.Refusal.BATCH_OPEN_USE_VOID, answer.code(), answer.message());
        }
        if (EstCodes.EXCEEDS_SALE.contains(answer.code())) {
            return BankAnswer.refused(BankAnswer.Refusal.EXCEEDS_SALE, answer.code(), answer.message());
        }
        if (EstCodes.GATEWAY_ERROR.equals(answer.code()) || answer.code().startsWith("CORE-")) {
            // the gateway's words for why vary by bank: the order's own records say it
            Optional<Map<String, String>> status = status(order.orderId());
            if (status.isEmpty()) {
                return BankAnswer.refused(BankAnswer.Refusal.NOT_FOUND, answer.code(), answer.message());
            }
            if (EstCodes.VOIDED.equals(status.get().get("TRANS_STAT"))) {
                return BankAnswer.refused(BankAnswer.Refusal.ALREADY_VOIDED, answer.code(), answer.message());
            }
            // EST writes hundredths of the wire amount, whatever the currency's own minor unit
            long asked = new java.math.BigDecimal(WireAmount.of(amount)).movePointRight(2).longValueExact();
            if (asked > refundable(order.orderId(), status.get())) {
                return BankAnswer.refused(BankAnswer.Refusal.EXCEEDS_SALE, answer.code(), answer.message());
            }
        }
        return answer;
    }

    /** ORDERHISTORY's approved credits (VPOS.md B5), in the sale's currency. */
    @Override
    public Optional<Money> capturedAtTheBank(Order order) {
        // ORDERSTATUS of a pre-authorization: A while open, S or C once captured (CAPTURE_AMT in minor units), V released
        return status(order.orderId())
                .filter(status -> EstCodes.CAPTURED.contains(status.get("TRANS_STAT")))
                .flatMap(status -> WireAmount.parse(java.math.BigDecimal.valueOf(minor(status.get("CAPTURE_AMT")), 2)
                        .toPlainString(), order.amount().currency()));
    }

    @Override
    public Optional<Money> refundedAtTheBank(Order order) {
        return WireAmount.parse(java.math.BigDecimal.valueOf(credited(order.orderId()), 2).toPlainString(),
                order.amount().currency());
    }

    /**
     * What is left to refund of the sale, in hundredths of the wire amount: its amount less its approved
     * credits (ORDERSTATUS and ORDERHISTORY give amounts in minor units).
     */
    private long refundable(String orderId, Map<String, String> status) {
        return minor(status.get("ORIG_TRANS_AMT")) - credited(orderId);
    }

    /** The approved credits (refunds) of ORDERHISTORY, in hundredths of the wire amount; none for an order it does not know. */
    private long credited(String orderId) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("OrderId", orderId);
        Map<String, String> history = gateway.api(terminal, request, Map.of("ORDERHISTORY", "QUERY"));
        if (!EstCodes.APPROVED.equals(history.get("ProcReturnCode"))) {
            if (history.getOrDefault("ErrMsg", "").startsWith("No record found")) {
                return 0;
            }
            throw new BankUnanswered("EST ORDERHISTORY refused: " + EstCodes.codeOf(history), null);
        }
        long credited = 0;
        int count = (int) minor(history.get("TRXCOUNT"));
        for (int i = 1; i <= count; i++) {
            String[] record = history.getOrDefault("TRX" + i, "").split("\\t", -1);
            if (record.length > 9 && "C".equals(record[0]) && EstCodes.APPROVED.equals(record[9])) {
                credited += minor(record[2]);
            }
        }
        return credited;
    }

    private static long minor(String digits) {
        if (digits == null || !digits.strip().matches("\\d{1,18}")) {
            throw new BankUnanswered("an EST amount or count that is not a whole number: " + digits, null);
        }
        return Long.parseLong(digits.strip());
    }

    /** LinkPOS's end of day reaches the bank only where the terminal names a place for it (the simulator's). */
    @Override
    public void endOfDay(String merchantId) {
        if (terminal.dayEndUrl() != null) {
            gateway.dayEnd(terminal);
        }
    }

    /** ORDERSTATUS of the order: its sale's record, or empty when the bank has none. */
    private Optional<Map<String, String>> status(String orderId) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("OrderId", orderId);
        Map<String, String> answer = gateway.api(terminal, request, Map.of("ORDERSTATUS", "QUERY"));
        if (EstCodes.APPROVED.equals(answer.get("ProcReturnCode"))) {
            return Optional.of(answer);
        }
        if (answer.getOrDefault("ErrMsg", "").startsWith("No record found")) {
            return Optional.empty();
        }
        // a refusal of the query itself (credentials, the bank's error): nothing is known, ask again later
        throw new BankUnanswered("EST ORDERSTATUS refused: " + EstCodes.codeOf(answer), null);
    }

    /** A CC5Response as LinkPOS keeps it. */
    private static BankAnswer answer(Map<String, String> response) {
        String code = EstCodes.codeOf(response);
        String message = response.getOrDefault("ErrMsg", "");
        if (code.isEmpty()) {
            throw new BankUnanswered("a CC5Response without ProcReturnCode", null);
        }
        if (EstCodes.APPROVED.equals(code)) {
            return BankAnswer.approved(code, message.isEmpty() ? "Approved" : message, response.get("AuthCode"),
                    response.get("HostRefNum"));
        }
        return BankAnswer.declined(code, message, blankToNull(response.get("HostRefNum")));
    }

    /** EST's installment count: empty for a single payment. */
    private static String taksit(int installments) {
        return installments <= 1 ? "" : Integer.toString(installments);
    }

    private static String firstOf(Map<String, String> posted, String... names) {
        for (String name : names) {
            String value = posted.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
