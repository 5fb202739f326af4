package com.linkpos.acquiring;

import com.linkpos.shared.Hashes;
import com.linkpos.shared.Ids;
import com.linkpos.shared.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A faithful stand-in for the bank [B2]: BIN lookup from its table, enrolment and an ACS challenge
 * page ({@link AcsController}), authorization with the test cards' outcomes, void and refund that
 * refuse what a real bank refuses, and the end-of-day batch. It keeps its own books, so it refuses
 * to void or refund anything it never approved.
 */
@Component
class BankSimulator implements Acquirer {

    static final String OTP = "123456";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, String> MESSAGES = Map.of(
            "00", "Approved", "05", "Do not honour", "12", "Invalid transaction", "13", "Invalid amount",
            "51", "Insufficient funds", "54", "Expired card", "96", "System malfunction");

    private final BinTable bins;
    private final TestCards testCards;
    private final AcsSessions sessions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration delay;
    private final byte[] secret;

    BankSimulator(BinTable bins, TestCards testCards, AcsSessions sessions, JdbcClient jdbc, Clock clock,
                  @Value("${linkpos.simulator.delay:5ms}") Duration delay,
                  @Value("${linkpos.simulator.secret:}") String secret) {
        this.bins = bins;
        this.testCards = testCards;
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.delay = delay;
        // The ACS signs its answers; without a configured secret each start makes its own.
        this.secret = secret.isBlank() ? Ids.newSecret().getBytes(StandardCharsets.US_ASCII)
                : secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public CardInfo lookup(String cardNumber) {
        return bins.lookup(cardNumber).orElseGet(() -> new CardInfo(cardNumber.substring(0, Math.min(6, cardNumber.length())),
                CardBrand.fromNumber(cardNumber), null, null, CardInfo.CardType.CREDIT, null));
    }

    @Override
    public Enrollment enroll(EnrollmentRequest request) {
        pause();
        TestCards.Outcome outcome = testCards.of(request.card().number());
        String xid = Ids.newSecret();
        if (outcome instanceof TestCards.NotEnrolled) {
            return new Enrollment(false, xid, null, "2");
        }
        sessions.open(xid, request, lookup(request.card().number()), outcome);
        return new Enrollment(true, xid, "/acs/" + xid, null);
    }

    /** The ACS's verdict on a code the payer typed; answering again gives the same verdict. */
    Map<String, String> answerChallenge(AcsSessions.Session session, String otp) {
        ThreeDSecureResult result = session.result;
        if (result == null) {
            boolean authenticated = !(session.outcome instanceof TestCards.ThreeDSecureFails) && OTP.equals(otp);
            String eci = authenticated ? (session.card.brand() == CardBrand.MASTERCARD ? "02" : "05") : "";
            String cavv = authenticated ? randomBase64(20) : "";
            result = new ThreeDSecureResult(session.xid, session.request.reference(), authenticated ? "1" : "0", eci, cavv);
            session.result = result;
        }
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("xid", result.xid());
        answer.put("ref", result.reference());
        answer.put("mdStatus", result.mdStatus());
        answer.put("eci", result.eci());
        answer.put("cavv", result.cavv());
        answer.put("sig", sign(answer));
        return answer;
    }

    @Override
    public ThreeDSecureResult readAcsAnswer(Map<String, String> answer) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : new String[] {"xid", "ref", "mdStatus", "eci", "cavv"}) {
            String value = answer.get(name);
            if (value == null) {
                throw new InvalidAcsAnswer("missing " + name);
            }
            fields.put(name, value);
        }
        String signature = answer.getOrDefault("sig", "");
        if (!MessageDigest.isEqual(sign(fields).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidAcsAnswer("bad signature");
        }
        return new ThreeDSecureResult(fields.get("xid"), fields.get("ref"), fields.get("mdStatus"), fields.get("eci"),
                fields.get("cavv"));
    }

    @Override
    public BankResponse authorize(AuthorizationRequest request) {
        pause();
        Optional<AcsSessions.Session> found = sessions.take(request.xid());
        BankResponse response;
        if (found.isEmpty() || found.get().result == null || !found.get().result.authenticated()
                || !found.get().result.cavv().equals(request.cavv())
                || !found.get().request.reference().equals(request.reference())) {
            response = decline("12");
        } else if (!found.get().request.amount().equals(request.amount())) {
            response = decline("13");
        } else if (found.get().outcome instanceof TestCards.Decline decline) {
            response = decline(decline.responseCode());
        } else {
            response = new BankResponse(true, "00", MESSAGES.get("00"), digits(6), hostReference());
        }
        record(request, response);
        return response;
    }

    @Override
    public Optional<BankResponse> inquire(String merchantId, String reference) {
        return jdbc.sql("""
                        SELECT * FROM bank_simulator_authorizations WHERE merchant_id = :merchant AND reference = :reference
                        ORDER BY created_at DESC LIMIT 1""")
                .param("merchant", merchantId).param("reference", reference)
                .query((rs, row) -> new BankResponse(rs.getBoolean("approved"), rs.getString("response_code"),
                        MESSAGES.getOrDefault(rs.getString("response_code"), "Declined"), rs.getString("auth_code"),
                        rs.getString("host_reference")))
                .optional();
    }

    @Override
    @Transactional
    public BankResponse voidSale(String merchantId, String hostReference) {
        pause();
        Optional<Map<String, Object>> sale = approvedSale(merchantId, hostReference);
        if (sale.isEmpty() || Boolean.TRUE.equals(sale.get().get("voided"))) {
            return decline("12");
        }
        if (Boolean.TRUE.equals(sale.get().get("batch_closed")) || ((Number) sale.get().get("refunded_minor")).longValue() > 0) {
            return new BankResponse(false, "12", "Batch closed: refund instead", null, hostReference);
        }
        jdbc.sql("UPDATE bank_simulator_authorizations SET voided = TRUE WHERE host_reference = :ref")
                .param("ref", hostReference).update();
        return new BankResponse(true, "00", MESSAGES.get("00"), digits(6), hostReference());
    }

    @Override
    @Transactional
    public BankResponse refund(String merchantId, String hostReference, Money amount) {
        pause();
        Optional<Map<String, Object>> sale = approvedSale(merchantId, hostReference);
        if (sale.isEmpty() || Boolean.TRUE.equals(sale.get().get("voided"))) {
            return decline("12");
        }
        if (!Boolean.TRUE.equals(sale.get().get("batch_closed"))) {
            return new BankResponse(false, "12", "Batch open: void instead", null, hostReference);
        }
        long rest = ((Number) sale.get().get("amount_minor")).longValue() - ((Number) sale.get().get("refunded_minor")).longValue();
        if (amount.minor() <= 0 || amount.minor() > rest
                || !amount.currency().name().equals(((String) sale.get().get("currency")).trim())) {
            return decline("13");
        }
        jdbc.sql("UPDATE bank_simulator_authorizations SET refunded_minor = refunded_minor + :amount WHERE host_reference = :ref")
                .param("amount", amount.minor()).param("ref", hostReference).update();
        return new BankResponse(true, "00", MESSAGES.get("00"), digits(6), hostReference());
    }

    @Override
    public void closeBatch(String merchantId) {
        jdbc.sql("UPDATE bank_simulator_authorizations SET batch_closed = TRUE WHERE merchant_id = :merchant AND NOT batch_closed")
                .param("merchant", merchantId).update();
    }

    private Optional<Map<String, Object>> approvedSale(String merchantId, String hostReference) {
        return jdbc.sql("""
                        SELECT * FROM bank_simulator_authorizations
                        WHERE host_reference = :ref AND merchant_id = :merchant AND approved FOR UPDATE""")
                .param("ref", hostReference).param("merchant", merchantId).query().listOfRows().stream().findFirst();
    }

    private void record(AuthorizationRequest request, BankResponse response) {
        jdbc.sql("""
                        INSERT INTO bank_simulator_authorizations (host_reference, merchant_id, reference, order_number, xid,
                            approved, response_code, auth_code, amount_minor, currency, installments, created_at)
                        VALUES (:host, :merchant, :reference, :order, :xid, :approved, :code, :auth, :amount, :currency,
                            :installments, :now)""")
                .param("host", response.hostReference()).param("merchant", request.merchantId())
                .param("reference", request.reference()).param("order", request.orderNumber()).param("xid", request.xid())
                .param("approved", response.approved()).param("code", response.responseCode())
                .param("auth", response.authCode()).param("amount", request.amount().minor())
                .param("currency", request.amount().currency().name()).param("installments", request.installments())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private BankResponse decline(String code) {
        return new BankResponse(false, code, MESSAGES.getOrDefault(code, "Declined"), null, hostReference());
    }

    private String sign(Map<String, String> fields) {
        return Hashes.hmacSha256Hex(secret, String.join("|", fields.values()));
    }

    private void pause() {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String hostReference() {
        return digits(12);
    }

    private static String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(RANDOM.nextInt(10));
        }
        return out.toString();
    }

    private static String randomBase64(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }
}
