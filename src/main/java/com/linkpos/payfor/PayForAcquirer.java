package com.linkpos.payfor;

import com.linkpos.acquiring.Acquirer;
import com.linkpos.acquiring.BankAnswer;
import com.linkpos.acquiring.BrowserStep;
import com.linkpos.acquiring.CardDetails;
import com.linkpos.acquiring.Payment;
import com.linkpos.acquiring.Verdict;
import com.linkpos.acquiring.WireAmount;
import com.linkpos.shared.Hashes;
import com.linkpos.shared.Ids;
import com.linkpos.shared.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One merchant's PayFor terminal, 3DModel (docs/VPOS.md A4): the card goes to the bank in the 3-D form
 * (posted by the payer's browser, or by LinkPOS's server where the bank wants it from there); the
 * bank's answer comes back through the browser and is trusted only when 3DStatus is 1, its
 * ResponseHash is the terminal's, and order, amount and currency are the payment's; then one
 * 3DModelPayment on XMLGate. Void, refund, order inquiry and batch close go to XMLGate too.
 */
final class PayForAcquirer implements Acquirer {

    static final String TYPE = "PAYFOR";
    /** The 3-D form's fields that carry the card: that page is never cached, stored or logged. */
    private static final Set<String> CARD_FIELDS = Set.of("Pan", "Expiry", "Cvv2", "CardHolderName");

    private final PayForTerminal terminal;
    private final PayForGateway gateway;

    PayForAcquirer(PayForTerminal terminal, PayForGateway gateway) {
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
        String amount = WireAmount.of(payment.amount());
        String installments = payment.installments() <= 1 ? "0" : Integer.toString(payment.installments());
        String rnd = Ids.randomCode(20);
        String callback = payment.callbackUrl();
        String txnType = payment.preAuthorization() ? "PreAuth" : "Auth";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MbrId", terminal.mbrId());
        form.put("MerchantID", terminal.merchantId());
        form.put("UserCode", terminal.userCode()); // never UserPass: this form is the browser's
        form.put("OrderId", payment.orderId());
        form.put("SecureType", "3DModel");
        form.put("TxnType", txnType);
        form.put("PurchAmount", amount);
        form.put("Currency", payment.amount().currency().numericCode());
        form.put("InstallmentCount", installments);
        form.put("OkUrl", callback);
        form.put("FailUrl", callback);
        form.put("Lang", payment.language() != null && "en".equals(payment.language().getLanguage()) ? "EN" : "TR");
        form.put("Rnd", rnd);
        form.put("Hash", PayForHash.request(terminal.mbrId(), payment.orderId(), amount, callback, callback, txnType,
                installments, rnd, terminal.merchantPass()));
        form.put("MOTO", "0");
        form.put("Pan", card.number());
        form.put("Expiry", String.format("%02d%02d", card.expiry().getMonthValue(), card.expiry().getYear() % 100));
        form.put("Cvv2", card.cvv());
        form.put("CardHolderName", card.holder());
        if (terminal.threeDFromServer()) {
            return new BrowserStep.Html(gateway.form(terminal.gatewayUrl(), form));
        }
        return new BrowserStep.AutoPost(terminal.gatewayUrl() + "/Gateway/Default.aspx", form, CARD_FIELDS);
    }

    @Override
    public Verdict readCallback(Payment payment, Map<String, String> posted) {
        String status = posted.get("3DStatus");
        if (!"1".equals(status)) {
            // Failed 3-D answers are not hash-checked: some come with another digest (VPOS A3.2); nothing is provisioned.
            // One that names another payment still says nothing of this one.
            return payment.notAnswerOf(posted.get("OrderId"), posted.get("PurchAmount"), posted.get("Currency"), false)
                    .<Verdict>map(Verdict.Untrusted::new)
                    .orElseGet(() -> new Verdict.NotAuthenticated(mdStatus(status), posted.getOrDefault("ProcReturnCode", ""),
                            posted.getOrDefault("ErrMsg", "")));
        }
        Optional<String> expected = PayForHash.response(terminal.merchantId(), terminal.merchantPass(),
                posted.get("OrderId"), posted.get("AuthCode"), posted.get("ProcReturnCode"), status,
                posted.get("ResponseRnd"), terminal.userCode(), posted.get("HashType"), posted.get("ResponseHash"));
        if (expected.isEmpty() || !Hashes.matches(expected.get(), posted.get("ResponseHash"))) {
            return new Verdict.Untrusted("the ResponseHash is not the terminal's");
        }
        Optional<String> another = payment.notAnswerOf(posted.get("OrderId"), posted.get("PurchAmount"),
                posted.get("Currency"), true);
        if (another.isPresent()) {
            return new Verdict.Untrusted(another.get());
        }
        String guid = posted.get("RequestGuid");
        if (guid == null || guid.isBlank() || guid.equals("0")) {
            return new Verdict.Untrusted("no RequestGuid to provision with");
        }
        return new Verdict.Authenticated("1", posted.getOrDefault("Eci", ""), posted.getOrDefault("PayerAuthenticationCode", ""),
                Map.of("RequestGuid", guid));
    }

    /** PayFor's 3DStatus in the MPI's mdStatus words: -1 (failed) is 0; 2-4 (attempts only) are kept. */
    private static String mdStatus(String threeDStatus) {
        return threeDStatus != null && threeDStatus.matches("[2-8]") ? threeDStatus : "0";
    }

    @Override
    public BankAnswer provision(Payment payment, Verdict.Authenticated authenticated) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("RequestGuid", authenticated.forProvision().get("RequestGuid"));
        request.put("UserCode", terminal.userCode());
        request.put("UserPass", terminal.userPass());
        request.put("OrderId", payment.orderId()); // the 3-D step's own: another gives V036
        request.put("SecureType", "3DModelPayment");
        return answer(gateway.xml(terminal.gatewayUrl(), request), code -> null);
    }

    @Override
    public Optional<BankAnswer> inquire(Payment payment) {
        Map<String, String> order = orderInquiry(payment.orderId());
        if (PayForCodes.NOT_FOUND.equals(order.get("ProcReturnCode"))) {
            return Optional.empty();
        }
        return Optional.of(answer(order, code -> null));
    }

    /** OrderInquiry shows the order's latest sale: a PostAuth once the pre-authorization was closed. */
    @Override
    public Optional<Money> capturedAtTheBank(Order order) {
        Map<String, String> found = orderInquiry(order.orderId());
        return "PostAuth".equals(found.get("TxnType")) && PayForCodes.APPROVED.equals(found.get("ProcReturnCode"))
                ? WireAmount.parse(found.getOrDefault("PurchAmount", ""), order.amount().currency()) : Optional.empty();
    }

    /** OrderInquiry's {@code RefundedAmount}, a decimal (VPOS.md A5). */
    @Override
    public Optional<Money> refundedAtTheBank(Order order) {
        Map<String, String> found = orderInquiry(order.orderId());
        if (PayForCodes.NOT_FOUND.equals(found.get("ProcReturnCode"))) {
            return Optional.of(Money.zero(order.amount().currency()));
        }
        String refunded = found.get("RefundedAmount");
        return refunded == null || refunded.isBlank() ? Optional.empty()
                : WireAmount.parse(refunded, order.amount().currency());
    }

    private Map<String, String> orderInquiry(String orderId) {
        Map<String, String> request = account();
        request.put("OrgOrderId", orderId);
        request.put("SecureType", "Inquiry");
        request.put("TxnType", "OrderInquiry");
        request.put("Lang", "TR");
        return gateway.xml(terminal.gatewayUrl(), request);
    }

    @Override
    public BankAnswer voidSale(Order order) {
        Map<String, String> request = account();
        request.put("OrgOrderId", order.orderId());
        request.put("SecureType", "NonSecure");
        request.put("TxnType", "Void");
        request.put("Currency", order.amount().currency().numericCode());
        request.put("Lang", "TR");
        return answer(gateway.xml(terminal.gatewayUrl(), request), PayForCodes::ofVoid);
    }

    @Override
    public BankAnswer refund(Order order, Money amount) {
        return ofOrder(order, "Refund", amount, PayForCodes::ofRefund);
    }

    /** A Refund or PostAuth of {@code amount} of the order, on XMLGate. */
    private BankAnswer ofOrder(Order order, String txnType, Money amount, Function<String, BankAnswer.Refusal> refusals) {
        Map<String, String> request = account();
        request.put("OrgOrderId", order.orderId());
        request.put("SecureType", "NonSecure");
        request.put("TxnType", txnType);
        request.put("PurchAmount", WireAmount.of(amount));
        request.put("Currency", amount.currency().numericCode());
        request.put("Lang", "TR");
        return answer(gateway.xml(terminal.gatewayUrl(), request), refusals);
    }

    /** PostAuth closes the pre-authorization for the amount captured (VPOS.md A5: V016, V025, V026, V027 refuse). */
    @Override
    public BankAnswer capture(Order order, Money amount) {
        return ofOrder(order, "PostAuth", amount, PayForCodes::ofCapture);
    }

    /** The simulator's batch closes at LinkPOS's end of day; a real QNB terminal closes its own [A6]. */
    @Override
    public void endOfDay(String merchantId) {
        if (terminal.batchClose()) {
            Map<String, String> request = account();
            request.put("SecureType", "NonSecure");
            request.put("TxnType", "BatchClose");
            request.put("Currency", "949");
            request.put("Lang", "TR");
            gateway.xml(terminal.gatewayUrl(), request);
        }
    }

    private Map<String, String> account() {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("MerchantId", terminal.merchantId());
        request.put("UserCode", terminal.userCode());
        request.put("UserPass", terminal.userPass());
        request.put("MbrId", terminal.mbrId());
        return request;
    }

    /** A PayforResponse as LinkPOS keeps it: "00" approves; {@code refusals} names what a refusal means. */
    private static BankAnswer answer(Map<String, String> response, Function<String, BankAnswer.Refusal> refusals) {
        String code = response.getOrDefault("ProcReturnCode", "");
        String message = response.getOrDefault("ErrMsg", "");
        if (PayForCodes.APPROVED.equals(code)) {
            return BankAnswer.approved(code, message.isEmpty() ? "Onaylandı" : message, response.get("AuthCode"),
                    response.get("HostRefNum"));
        }
        if (code.isEmpty()) {
            throw new com.linkpos.acquiring.BankUnanswered("a PayforResponse without ProcReturnCode", null);
        }
        BankAnswer.Refusal refusal = refusals.apply(code);
        return refusal != null ? BankAnswer.refused(refusal, code, message)
                : BankAnswer.declined(code, message, blankToNull(response.get("HostRefNum")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
