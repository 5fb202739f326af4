package com.linkpos.banksimulator;

import com.linkpos.shared.BusinessTime;
import com.linkpos.shared.Currency;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
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
 * FailUrl (an error, a used order id, a card not enrolled). The card is read here and forgotten: only
 * the issuer's outcome and the masked card are kept.
 */
@Component
class PayForMpi {

    static final String GATEWAY = "PAYFOR";
    /** Order ids: letters, digits, '-' and '_', at most 50 (the official scripts' maxlength). */
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,50}");
    private static final Pattern INSTALLMENTS = Pattern.compile("0|[2-9]|1[0-2]");

    /** Where the bank's answer goes next. */
    sealed interface Step permits Challenge, Callback, Refused {
    }

    /** The ACS page, for the payer to type the code. */
    record Challenge(ThreeDRequest request, PayForTerminal terminal) implements Step {
    }

    /** A form the payer's browser posts at once to the merchant. */
    record Callback(String url, Map<String, String> fields) implements Step {
    }

    /** A refusal with nowhere to send it (an unknown terminal, no usable FailUrl): a page of the bank's own. */
    record Refused(PayForCode code) implements Step {
    }

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

    Step begin(Map<String, String> form, String address) {
        String mbrId = field(form, "MbrId");
        String merchantId = field(form, "MerchantID");
        String userCode = field(form, "UserCode");
        if (mbrId.isEmpty()) {
            return new Refused(PayForCode.MBR_ID_MISSING);
        }
        if (merchantId.isEmpty()) {
            return new Refused(PayForCode.MERCHANT_ID_MISSING);
        }
        if (userCode.isEmpty()) {
            return new Refused(PayForCode.USER_CODE_MISSING);
        }
        Optional<PayForTerminal> found = terminals.of(mbrId, merchantId);
        if (found.isEmpty()) {
            return new Refused(PayForCode.MERCHANT_NOT_FOUND);
        }
        PayForTerminal terminal = found.get();
        if (!terminal.userCode().equals(userCode)) {
            return new Refused(PayForCode.USER_NOT_AUTHENTICATED);
        }
        String okUrl = field(form, "OkUrl");
        String failUrl = field(form, "FailUrl");
        if (!webAddress(failUrl)) {
            return new Refused(PayForCode.FAIL_URL_INVALID);
        }
        if (!webAddress(okUrl)) {
            return new Refused(PayForCode.OK_URL_INVALID);
        }
        if (okUrl.length() > 200 || failUrl.length() > 200) {
            return new Refused(PayForCode.URL_TOO_LONG);
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
        if (!PayForHash.matches(expected, field(form, "Hash"))) {
            return refusal(terminal, posted, null, PayForCode.HASH_MISMATCH, null);
        }
        if (posted.orderId().isEmpty()) {
            return refusal(terminal, posted, null, PayForCode.ORDER_ID_REQUIRED, null);
        }
        if (!ORDER_ID.matcher(posted.orderId()).matches()) {
            return refusal(terminal, posted, null, PayForCode.WRONG_VALUE, "OrderId");
        }
        if (posted.txnType().equals("PreAuth")) {
            // the simulated terminals sell only (Auth): no pre-authorisation, hence no PostAuth either
            return refusal(terminal, posted, null, PayForCode.TXN_TYPE_NOT_ALLOWED, null);
        }
        if (!posted.txnType().equals("Auth")) {
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
        if (!luhn(pan)) {
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
    private Step enrol(PayForTerminal terminal, ThreeDRequest.Order order, MaskedCard card, IssuerOutcome outcome, Instant now) {
        books.lockOrder(GATEWAY, terminal.merchantId(), order.orderId());
        if (books.orderUsed(GATEWAY, terminal.merchantId(), order.orderId())) {
            // answered like the real bank's 2024 answer to a used order id: SHA-256, and no HashType
            ThreeDRequest.Answer answer = PayForCallback.refusal(PayForCode.DUPLICATE_ORDER, null, now);
            return new Callback(order.failUrl(), PayForCallback.fields(terminal, "0", order, card, answer,
                    PayForCallback.Sale.NONE, PayForHash.Digest.SHA256));
        }
        books.supersedeChallenges(GATEWAY, terminal.merchantId(), order.orderId());
        String requestGuid = "1" + SimulatedIssuer.digits(15);
        if (outcome.kind() == IssuerOutcome.Kind.NOT_ENROLLED) {
            // an attempt only ("half 3-D", 3DStatus 2): the issuer vouches for nothing, LinkPOS must refuse it
            ThreeDRequest.Answer answer = new ThreeDRequest.Answer("2", PayForCode.THREE_D_FAILED.code,
                    "Kart 3D Secure programına kayıtlı değil", card.attemptEci(), SimulatedIssuer.randomBase64(20),
                    SimulatedIssuer.randomBase64(20), SimulatedIssuer.randomBase64(64), PayForCallback.responseRnd(),
                    books.openBatch(GATEWAY, terminal.merchantId(), now), now);
            ThreeDRequest request = new ThreeDRequest(requestGuid, GATEWAY, terminal.merchantId(), order, card, outcome,
                    ThreeDRequest.Status.HALF, 0, answer, now);
            books.insert(request);
            return new Callback(PayForCallback.target(order, answer), PayForCallback.fields(terminal, requestGuid, order,
                    card, answer, PayForCallback.Sale.NONE, PayForHash.Digest.SHA1));
        }
        ThreeDRequest request = new ThreeDRequest(requestGuid, GATEWAY, terminal.merchantId(), order, card, outcome,
                ThreeDRequest.Status.CHALLENGE, 0, null, now);
        books.insert(request);
        return new Challenge(request, terminal);
    }

    private Step refusal(PayForTerminal terminal, ThreeDRequest.Order posted, MaskedCard card, PayForCode code, String detail) {
        ThreeDRequest.Answer answer = PayForCallback.refusal(code, detail, clock.instant());
        return new Callback(posted.failUrl(), PayForCallback.fields(terminal, "0", posted, card, answer,
                PayForCallback.Sale.NONE, PayForHash.Digest.SHA1));
    }

    private static String field(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null ? "" : value.strip();
    }

    private static boolean webAddress(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
