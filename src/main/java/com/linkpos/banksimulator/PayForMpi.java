package com.linkpos.banksimulator;

import com.linkpos.shared.Hashes;
import com.linkpos.shared.BusinessTime;
import com.linkpos.shared.Currency;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The simulated bank's 3-D server (its MPI): takes the merchant's 3DModel or 3DPay form posted to
 * Default.aspx (docs/VPOS.md A4 (2)), checks the terminal, the hash and the fields, asks the issuer
 * what it will do with the card, and answers with the ACS's challenge, or at once with a callback to
 * FailUrl (an error, a used order id, a card not enrolled); and, once the payer answered the issuer's
 * challenge, the signed callback. The card is read here and forgotten: only the issuer's outcome and
 * the masked card are kept.
 */
@Component
class PayForMpi implements ThreeDServer {

    static final String GATEWAY = "PAYFOR";
    /** Order ids: letters, digits, '-' and '_', at most 50 (the official scripts' maxlength). */
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,50}");
    private static final Pattern INSTALLMENTS = Pattern.compile("0|[2-9]|1[0-2]");

    private final PayForTerminals terminals;
    private final SimulatedIssuer issuer;
    private final SimulatorBooks books;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PayForMpi(PayForTerminals terminals, SimulatedIssuer issuer, SimulatorBooks books, TransactionTemplate transaction,
              Clock clock) {
        this.terminals = terminals;
        this.issuer = issuer;
        this.books = books;
        this.transaction = transaction;
        this.clock = clock;
    }

    ThreeDServer.Step begin(Map<String, String> form, String address) {
        String mbrId = field(form, "MbrId");
        String merchantId = field(form, "MerchantID");
        String userCode = field(form, "UserCode");
        if (mbrId.isEmpty()) {
            return refused(PayForCode.MBR_ID_MISSING);
        }
        if (merchantId.isEmpty()) {
            return refused(PayForCode.MERCHANT_ID_MISSING);
        }
        if (userCode.isEmpty()) {
            return refused(PayForCode.USER_CODE_MISSING);
        }
        Optional<PayForTerminal> found = terminals.of(mbrId, merchantId);
        if (found.isEmpty()) {
            return refused(PayForCode.MERCHANT_NOT_FOUND);
        }
        PayForTerminal terminal = found.get();
        if (!terminal.userCode().equals(userCode)) {
            return refused(PayForCode.USER_NOT_AUTHENTICATED);
        }
        String okUrl = field(form, "OkUrl");
        String failUrl = field(form, "FailUrl");
        if (!ThreeDServer.webAddress(failUrl)) {
            return refused(PayForCode.FAIL_URL_INVALID);
        }
        if (!ThreeDServer.webAddress(okUrl)) {
            return refused(PayForCode.OK_URL_INVALID);
        }
        if (okUrl.length() > 200 || failUrl.length() > 200) {
            return refused(PayForCode.URL_TOO_LONG);
        }
        // From here on the bank answers the merchant through FailUrl, signed with the terminal's key.
        ThreeDRequest.Order posted = new ThreeDRequest.Order(field(form, "OrderId"), field(form, "SecureType"),
                field(form, "TxnType"), field(form, "PurchAmount"), null, field(form, "Currency"),
                field(form, "InstallmentCount"), field(form, "Lang"), okUrl, failUrl, field(form, "Rnd"),
                field(form, "CardHolderName"));
        for (Map.Entry<String, String> entry : form.entrySet()) {
            if (entry.getValue().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                return refusal(terminal, posted, null, PayForCode.WRONG_VALUE, entry.getKey());
            }
        }
        if (!terminal.allows(address)) {
            return refusal(terminal, posted, null, PayForCode.IP_RESTRICTED, null);
        }
        if (!posted.secureType().equals("3DModel") && !posted.secureType().equals("3DPay")) {
            return refusal(terminal, posted, null, PayForCode.SECURE_TYPE_UNKNOWN, null);
        }
        String expected = PayForHash.request(mbrId, posted.orderId(), posted.purchAmount(), okUrl, failUrl, posted.txnType(),
                posted.installments(), posted.rnd(), terminal.merchantPass());
        if (!Hashes.matches(expected, field(form, "Hash"))) {
            return refusal(terminal, posted, null, PayForCode.HASH_MISMATCH, null);
        }
        if (posted.orderId().isEmpty()) {
            return refusal(terminal, posted, null, PayForCode.ORDER_ID_REQUIRED, null);
        }
        if (!ORDER_ID.matcher(posted.orderId()).matches()) {
            return refusal(terminal, posted, null, PayForCode.WRONG_VALUE, "OrderId");
        }
        if (!posted.txnType().equals("Auth") && !posted.txnType().equals("PreAuth")) {
            return refusal(terminal, posted, null, PayForCode.TXN_TYPE_UNKNOWN, null);
        }
        BigDecimal amount;
        try {
            Currency currency = PayForAmounts.currency(posted.currency());
            amount = PayForAmounts.amount(posted.purchAmount(), currency);
        } catch (PayForAmounts.Refused refused) {
            return refusal(terminal, posted, null, refused.code, null);
        }
        if (posted.installments().isEmpty()) {
            return refusal(terminal, posted, null, PayForCode.INSTALLMENT_REQUIRED, null);
        }
        if (!INSTALLMENTS.matcher(posted.installments()).matches()) {
            return refusal(terminal, posted, null, PayForCode.WRONG_VALUE, "InstallmentCount");
        }
        if (posted.cardHolderName().length() > 100 || posted.rnd().length() > 100 || posted.lang().length() > 5) {
            return refusal(terminal, posted, null, PayForCode.WRONG_VALUE,
                    posted.cardHolderName().length() > 100 ? "CardHolderName" : posted.rnd().length() > 100 ? "Rnd" : "Lang");
        }
        String pan = field(form, "Pan").replace(" ", "");
        if (!pan.matches("\\d{13,19}")) {
            return refusal(terminal, posted, null, PayForCode.PAN_LENGTH, null);
        }
        MaskedCard card = issuer.mask(pan);
        if (!SimulatedIssuer.luhn(pan)) {
            return refusal(terminal, posted, card, PayForCode.CARD_NUMBER_INVALID, null);
        }
        if (!card.brand().isAccepted()) {
            return refusal(terminal, posted, card, PayForCode.UNKNOWN_CARD_TYPE, null);
        }
        String expiry = field(form, "Expiry");
        if (!expiry.matches("(0[1-9]|1[0-2])\\d{2}")) {
            return refusal(terminal, posted, card, PayForCode.EXPIRY_INVALID, null);
        }
        String cvv = field(form, "Cvv2");
        if (cvv.isEmpty()) {
            return refusal(terminal, posted, card, PayForCode.CVV_MISSING, null);
        }
        if (!cvv.matches("\\d{3,4}")) {
            return refusal(terminal, posted, card, PayForCode.CVV_INVALID, null);
        }
        Instant now = clock.instant();
        YearMonth thisMonth = YearMonth.from(now.atZone(BusinessTime.ZONE));
        YearMonth expires = YearMonth.of(2000 + Integer.parseInt(expiry.substring(2)), Integer.parseInt(expiry.substring(0, 2)));
        IssuerOutcome outcome = issuer.outcome(pan, expires, thisMonth);
        ThreeDRequest.Order order = new ThreeDRequest.Order(posted.orderId(), posted.secureType(), posted.txnType(),
                posted.purchAmount(), amount, posted.currency(), posted.installments(),
                posted.lang().isEmpty() ? "TR" : posted.lang(), okUrl, failUrl, posted.rnd(), posted.cardHolderName());
        return transaction.execute(status -> enrol(terminal, order, card, outcome, now));
    }

    /** Opens the challenge, unless the order id was used already or the card takes no challenge. */
    private ThreeDServer.Step enrol(PayForTerminal terminal, ThreeDRequest.Order order, MaskedCard card, IssuerOutcome outcome, Instant now) {
        if (!books.openOrder(GATEWAY, terminal.merchantId(), order.orderId())) {
            // answered like the real bank's 2024 answer to a used order id: SHA-256, and no HashType
            ThreeDRequest.Answer answer = PayForCallback.refusal(PayForCode.DUPLICATE_ORDER, null, now);
            return new SimulatedAcs.Answered(order.failUrl(), PayForCallback.fields(terminal, "0", order, card, answer,
                    PayForCallback.Sale.NONE, PayForHash.Digest.SHA256));
        }
        String requestGuid = "1" + SimulatedIssuer.digits(15);
        if (outcome.kind() == IssuerOutcome.Kind.NOT_ENROLLED) {
            // an attempt only ("half 3-D", 3DStatus 2): the issuer vouches for nothing, LinkPOS must refuse it
            ThreeDRequest.Answer answer = new ThreeDRequest.Answer("2", PayForCode.THREE_D_FAILED.code,
                    "Kart 3D Secure programına kayıtlı değil", card.attemptEci(), SimulatedIssuer.randomBase64(20),
                    SimulatedIssuer.randomBase64(20), SimulatedIssuer.randomBase64(64), PayForCallback.responseRnd(),
                    books.openBatch(GATEWAY, terminal.merchantId(), now), now);
            ThreeDRequest request = new ThreeDRequest(requestGuid, GATEWAY, terminal.merchantId(), order, Map.of(), card, outcome,
                    ThreeDRequest.Status.HALF, 0, answer, now);
            books.insert(request);
            return new SimulatedAcs.Answered(PayForCallback.target(order, answer), PayForCallback.fields(terminal, requestGuid, order,
                    card, answer, PayForCallback.Sale.NONE, PayForHash.Digest.SHA1));
        }
        ThreeDRequest request = new ThreeDRequest(requestGuid, GATEWAY, terminal.merchantId(), order, Map.of(), card, outcome,
                ThreeDRequest.Status.CHALLENGE, 0, null, now);
        books.insert(request);
        return new ThreeDServer.Challenge(request, terminal.merchantName());
    }

    private static ThreeDServer.Step refused(PayForCode code) {
        return new ThreeDServer.Refused(code.code, code.message);
    }

    @Override
    public String gateway() {
        return GATEWAY;
    }

    @Override
    public Optional<String> merchantName(String merchantNo) {
        return terminals.byMerchantId(merchantNo).map(PayForTerminal::merchantName);
    }

    /** 3DModel: V033, nothing charged yet; 3DPay: the bank charges the card at once and the callback carries the sale's answer. */
    @Override
    public Authentication authenticated(ThreeDRequest request, int batchNo, Instant now) {
        boolean pays = "3DPay".equals(request.order().secureType());
        SimulatedIssuer.Authorization sale = pays ? issuer.authorize(request.outcome()) : null;
        ThreeDRequest.Answer answer = new ThreeDRequest.Answer("1",
                pays ? sale.code() : PayForCode.THREE_D_AUTHENTICATED.code,
                pays ? sale.message() : PayForCode.THREE_D_AUTHENTICATED.message, request.card().fullEci(),
                SimulatedIssuer.randomBase64(20), SimulatedIssuer.randomBase64(20), SimulatedIssuer.randomBase64(64),
                PayForCallback.responseRnd(), batchNo, now);
        return new Authentication(answer, pays ? request.sale(sale, batchNo, now) : null);
    }

    /** 3DStatus -1, V034. */
    @Override
    public ThreeDRequest.Answer failed(ThreeDRequest request, String why, Instant now) {
        return new ThreeDRequest.Answer("-1", PayForCode.THREE_D_FAILED.code,
                why == null ? PayForCode.THREE_D_FAILED.message : PayForCode.THREE_D_FAILED.message + " (" + why + ")",
                "", "", "", "", PayForCallback.responseRnd(), 0, now);
    }

    @Override
    public SimulatedAcs.Answered callback(ThreeDRequest request) {
        PayForTerminal terminal = terminals.byMerchantId(request.merchantNo()).orElseThrow();
        PayForCallback.Sale sale = "3DPay".equals(request.order().secureType())
                ? books.saleOfRequest(GATEWAY, request.requestGuid())
                        .map(booked -> new PayForCallback.Sale(booked.authCode(), booked.hostRefNum()))
                        .orElse(PayForCallback.Sale.NONE)
                : PayForCallback.Sale.NONE;
        return new SimulatedAcs.Answered(PayForCallback.target(request.order(), request.answer()), PayForCallback.fields(terminal,
                request.requestGuid(), request.order(), request.card(), request.answer(), sale, PayForHash.Digest.SHA1));
    }

    private ThreeDServer.Step refusal(PayForTerminal terminal, ThreeDRequest.Order posted, MaskedCard card, PayForCode code, String detail) {
        ThreeDRequest.Answer answer = PayForCallback.refusal(code, detail, clock.instant());
        return new SimulatedAcs.Answered(posted.failUrl(), PayForCallback.fields(terminal, "0", posted, card, answer,
                PayForCallback.Sale.NONE, PayForHash.Digest.SHA1));
    }

    private static String field(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null ? "" : value.strip();
    }
}
