package com.linkpos.banksimulator;

import com.linkpos.shared.Hashes;
import com.linkpos.shared.BusinessTime;
import com.linkpos.shared.Currency;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The simulated EST v3 gateway's 3-D server: takes the merchant's {@code 3d} or {@code 3d_pay} form
 * posted to est3Dgate (docs/VPOS.md B4 (2)), checks the terminal, the ver3 hash and the fields, asks the
 * issuer what it will do with the card, and answers with the ACS's challenge, or at once through failUrl
 * (an error, a used order id, a card not enrolled: mdStatus 2). Its callback (B4 (3)) repeats every field
 * the merchant posted but the card's, adds the MPI's (mdStatus, md, xid, eci, cavv, …), and is signed with
 * the ver3 hash over all of them. The card is read here and forgotten.
 */
@Component
class EstMpi implements ThreeDServer {

    static final String GATEWAY = "EST";
    /** Never echoed, never kept: the card. */
    private static final Set<String> CARD_FIELDS = Set.of("PAN", "CV2", "ECOM_PAYMENT_CARD_EXPDATE_MONTH",
            "ECOM_PAYMENT_CARD_EXPDATE_YEAR");
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern INSTALLMENTS = Pattern.compile("|[2-9]|1[0-2]");
    private static final DateTimeFormatter TRX_DATE = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss").withZone(BusinessTime.ZONE);

    private final EstTerminals terminals;
    private final SimulatedIssuer issuer;
    private final SimulatorBooks books;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EstMpi(EstTerminals terminals, SimulatedIssuer issuer, SimulatorBooks books, TransactionTemplate transaction, Clock clock) {
        this.terminals = terminals;
        this.issuer = issuer;
        this.books = books;
        this.transaction = transaction;
        this.clock = clock;
    }

    ThreeDServer.Step begin(Map<String, String> form, String clientIp) {
        String okUrl = field(form, "okUrl");
        String failUrl = field(form, "failUrl");
        if (!ThreeDServer.webAddress(failUrl) || !ThreeDServer.webAddress(okUrl)) {
            return new ThreeDServer.Refused("99", "okUrl ve failUrl geçerli bir adres olmalıdır");
        }
        Map<String, String> echoed = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            String upper = name.toUpperCase(Locale.US);
            if (!CARD_FIELDS.contains(upper) && !upper.equals("HASH")) {
                echoed.put(name, value);
            }
        });
        Optional<EstTerminal> found = terminals.byClientId(field(form, "clientid"));
        if (found.isEmpty()) {
            // a merchant the bank does not know gets an unsigned error, with what it could not read as "*"
            Map<String, String> fields = new LinkedHashMap<>(echoed);
            fields.put("clientid", "*");
            fields.put("currency", "*");
            fields.put("ProcReturnCode", "99");
            fields.put("ErrMsg", "Üye işyeri bulunamadı");
            fields.put("Response", "Error");
            return new SimulatedAcs.Answered(failUrl, fields);
        }
        EstTerminal terminal = found.get();
        if (!"ver3".equals(field(form, "hashAlgorithm"))) {
            return error(terminal, echoed, failUrl, null, "hashAlgorithm ver3 olmalıdır");
        }
        String presented = form.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("hash"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (!Hashes.matches(EstHash.ver3(form, terminal.storeKey()), presented)) {
            // no challenge: the merchant learns it through failUrl, mdStatus 0
            Map<String, String> fields = new LinkedHashMap<>(echoed);
            fields.put("mdStatus", "0");
            fields.put("mdErrorMsg", "Hash değeri doğrulanamadı");
            fields.put("ErrMsg", "Hash değeri doğrulanamadı");
            fields.put("Response", "Error");
            return signed(terminal, fields, failUrl);
        }
        String storeType = field(form, "storetype");
        if (!storeType.equals("3d") && !storeType.equals("3d_pay")) {
            return error(terminal, echoed, failUrl, "3D-1007", "Isyeri kullanim tipi desteklenmiyor");
        }
        String tranType = form.containsKey("TranType") ? field(form, "TranType") : field(form, "islemtipi");
        if (!tranType.equals("Auth") && !tranType.equals("PreAuth")) {
            return error(terminal, echoed, failUrl, null, "İşlem tipi bu üye işyeri için geçersiz: " + tranType);
        }
        String orderId = field(form, "oid");
        if (!ORDER_ID.matcher(orderId).matches()) {
            return error(terminal, echoed, failUrl, null, "Sipariş numarası (oid) geçersiz");
        }
        BigDecimal amount;
        try {
            Currency currency = PayForAmounts.currency(field(form, "currency"));
            amount = PayForAmounts.amount(field(form, "amount"), currency);
        } catch (PayForAmounts.Refused refused) {
            return error(terminal, echoed, failUrl, null, "Tutar veya para birimi geçersiz");
        }
        String taksit = field(form, "taksit");
        if (!INSTALLMENTS.matcher(taksit).matches()) {
            return error(terminal, echoed, failUrl, "CORE-2603", "Taksit tablosu icin gecersiz deger");
        }
        String pan = field(form, "pan").replace(" ", "");
        if (!pan.matches("\\d{13,19}") || !SimulatedIssuer.luhn(pan)) {
            return error(terminal, echoed, failUrl, "CORE-2012", "Kart numarası geçersiz");
        }
        MaskedCard card = issuer.mask(pan);
        if (!card.brand().isAccepted()) {
            return error(terminal, echoed, failUrl, "CORE-2012", "Bu kart tipi kabul edilmiyor");
        }
        String month = field(form, "Ecom_Payment_Card_ExpDate_Month");
        String year = field(form, "Ecom_Payment_Card_ExpDate_Year");
        if (!month.matches("0[1-9]|1[0-2]") || !year.matches("\\d{2}|\\d{4}")) {
            return error(terminal, echoed, failUrl, null, "Son kullanma tarihi geçersiz");
        }
        if (!field(form, "cv2").matches("\\d{3,4}")) {
            return error(terminal, echoed, failUrl, "ISO8583-82", "CVV Hatasi veya girilen CVV gecersiz.");
        }
        Instant now = clock.instant();
        YearMonth expires = YearMonth.of(year.length() == 2 ? 2000 + Integer.parseInt(year) : Integer.parseInt(year),
                Integer.parseInt(month));
        IssuerOutcome outcome = issuer.outcome(pan, expires, YearMonth.from(now.atZone(BusinessTime.ZONE)));
        ThreeDRequest.Order order = new ThreeDRequest.Order(orderId, storeType, tranType, field(form, "amount"), amount,
                field(form, "currency"), taksit, field(form, "lang"), okUrl, failUrl, field(form, "rnd"), field(form, "firmaadi"));
        echoed.put("clientIp", clientIp);
        return transaction.execute(status -> enrol(terminal, order, echoed, card, outcome, now));
    }

    /** Opens the challenge, unless the order id was used already or the card takes no challenge. */
    private ThreeDServer.Step enrol(EstTerminal terminal, ThreeDRequest.Order order, Map<String, String> echoed, MaskedCard card,
                                    IssuerOutcome outcome, Instant now) {
        if (!books.openOrder(GATEWAY, terminal.clientId(), order.orderId())) {
            return error(terminal, echoed, order.failUrl(), null, "Bu sipariş numarası daha önce kullanılmış");
        }
        String requestGuid = "E" + SimulatedIssuer.digits(15);
        if (outcome.kind() == IssuerOutcome.Kind.NOT_ENROLLED) {
            // mdStatus 2: the card holder is not enrolled; the issuer vouches for nothing and LinkPOS refuses it
            ThreeDRequest.Answer answer = new ThreeDRequest.Answer("2", "", "N-status/Not enrolled", card.attemptEci(),
                    SimulatedIssuer.randomBase64(20), SimulatedIssuer.randomBase64(20), md(terminal, card), "",
                    books.openBatch(GATEWAY, terminal.clientId(), now), now);
            ThreeDRequest request = new ThreeDRequest(requestGuid, GATEWAY, terminal.clientId(), order, echoed, card, outcome,
                    ThreeDRequest.Status.HALF, 0, answer, now);
            books.insert(request);
            return callback(request);
        }
        ThreeDRequest request = new ThreeDRequest(requestGuid, GATEWAY, terminal.clientId(), order, echoed, card, outcome,
                ThreeDRequest.Status.CHALLENGE, 0, null, now);
        books.insert(request);
        return new ThreeDServer.Challenge(request, terminal.merchantName());
    }

    @Override
    public String gateway() {
        return GATEWAY;
    }

    @Override
    public Optional<String> merchantName(String clientId) {
        return terminals.byClientId(clientId).map(EstTerminal::merchantName);
    }

    /** 3d: mdStatus 1 and the MPI's data to provision with; 3d_pay: the bank also charges the card at once. */
    @Override
    public Authentication authenticated(ThreeDRequest request, int batchNo, Instant now) {
        EstTerminal terminal = terminals.byClientId(request.merchantNo()).orElseThrow();
        boolean pays = "3d_pay".equals(request.order().secureType());
        SimulatedIssuer.Authorization sale = pays ? issuer.authorize(request.outcome()) : null;
        ThreeDRequest.Answer answer = new ThreeDRequest.Answer("1", pays ? sale.code() : "",
                "Y-status/Challenge authentication via ACS: " + request.card().brand().name(), request.card().fullEci(),
                SimulatedIssuer.randomBase64(20), SimulatedIssuer.randomBase64(20), md(terminal, request.card()), "", batchNo, now);
        return new Authentication(answer, pays ? request.sale(sale, batchNo, now) : null);
    }

    /** mdStatus 0: authentication failed. */
    @Override
    public ThreeDRequest.Answer failed(ThreeDRequest request, String why, Instant now) {
        return new ThreeDRequest.Answer("0", "", why == null ? "Not authenticated" : "Not authenticated (" + why + ")",
                "", "", "", "", "", 0, now);
    }

    @Override
    public SimulatedAcs.Answered callback(ThreeDRequest request) {
        EstTerminal terminal = terminals.byClientId(request.merchantNo()).orElseThrow();
        ThreeDRequest.Answer answer = request.answer();
        MaskedCard card = request.card();
        Map<String, String> fields = new LinkedHashMap<>(request.echoed());
        fields.put("TRANID", "");
        fields.put("PAResSyntaxOK", "true");
        fields.put("PAResVerified", Boolean.toString(answer.authenticated()));
        fields.put("merchantID", terminal.clientId());
        fields.put("maskedCreditCard", card.mask());
        fields.put("MaskedPan", card.mask());
        fields.put("merchantName", terminal.merchantName());
        fields.put("ACQBIN", card.bin());
        fields.put("sID", "1");
        fields.put("md", answer.md());
        fields.put("mdErrorMsg", answer.errMsg());
        fields.put("cavv", answer.cavv());
        fields.put("xid", answer.xid());
        fields.put("eci", answer.eci());
        fields.put("mdStatus", answer.threeDStatus());
        fields.put("txstatus", answer.authenticated() ? "Y" : "N");
        fields.put("version", "2.0");
        fields.put("dsId", "1");
        fields.put("digest", "digest");
        fields.put("callbackCall", "true");
        boolean approved = answer.authenticated();
        if ("3d_pay".equals(request.order().secureType()) && answer.authenticated()) {
            SimulatorBooks.Booked sale = books.saleOfRequest(GATEWAY, request.requestGuid()).orElseThrow();
            approved = sale.approved();
            fields.put("ReturnOid", request.order().orderId());
            fields.put("ProcReturnCode", sale.procReturnCode());
            fields.put("Response", sale.approved() ? "Approved" : "Declined");
            fields.put("AuthCode", sale.authCode());
            fields.put("HostRefNum", sale.hostRefNum());
            fields.put("TransId", EstApi.transId(sale));
            fields.put("ErrMsg", sale.approved() ? "" : sale.errMsg());
            fields.put("SettleId", Integer.toString(sale.batchNo()));
            fields.put("EXTRA_TRXDATE", TRX_DATE.format(sale.createdAt()));
            fields.put("EXTRA_CARDBRAND", card.brand().name());
            fields.put("EXTRA_CARDISSUER", card.issuer() == null ? "" : card.issuer());
        }
        return signed(terminal, fields, approved ? request.order().okUrl() : request.order().failUrl());
    }

    /**
     * An error before any challenge: no mdStatus, the text, and the gateway's code where the real one is
     * known (docs/VPOS.md B6); else only EST's general error, ProcReturnCode 99. Signed.
     */
    private ThreeDServer.Step error(EstTerminal terminal, Map<String, String> echoed, String failUrl, String code, String message) {
        Map<String, String> fields = new LinkedHashMap<>(echoed);
        if (code != null) {
            fields.put("ErrorCode", code);
        }
        fields.put("ProcReturnCode", "99");
        fields.put("ErrMsg", message);
        fields.put("Response", "Error");
        return signed(terminal, fields, failUrl);
    }

    private static SimulatedAcs.Answered signed(EstTerminal terminal, Map<String, String> fields, String url) {
        fields.remove("HASH");
        fields.put("HASH", EstHash.ver3(fields, terminal.storeKey()));
        return new SimulatedAcs.Answered(url, fields);
    }

    /** The MPI's token for the provision, shaped as the real one ({@code 435508:9F1C…:4372:##190100000}). */
    private static String md(EstTerminal terminal, MaskedCard card) {
        return card.bin() + ":" + SimulatedIssuer.randomHex(32) + ":" + SimulatedIssuer.digits(4) + ":##" + terminal.clientId();
    }

    private static String field(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null ? "" : value.strip();
    }
}
