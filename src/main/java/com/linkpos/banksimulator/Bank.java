package com.linkpos.banksimulator;

import com.linkpos.acquiring.BankAnswer;
import com.linkpos.acquiring.CardBrand;
import com.linkpos.acquiring.CardDetails;
import com.linkpos.acquiring.CardInfo;
import com.linkpos.acquiring.Payment;
import com.linkpos.shared.Hashes;
import com.linkpos.shared.Ids;
import com.linkpos.shared.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The simulated bank [B2][A8]: 3-D Secure enrolment and its ACS's signed verdicts, provision with
 * the test cards' outcomes, void and refund that refuse what a real bank refuses, and the end-of-day
 * batch. It keeps its own books ({@code bank_simulator_authorizations}), so it refuses to void or
 * refund anything it never approved.
 */
@Component
class Bank {

    static final String OTP = "123456";
    /** The fields of the ACS's answer, in the order they are signed. */
    static final String[] ANSWER = {"xid", "oid", "amount", "currency", "mdStatus", "eci", "cavv"};
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, String> MESSAGES = Map.of(
            "00", "Approved", "05", "Do not honour", "12", "Invalid transaction", "13", "Invalid amount",
            "51", "Insufficient funds", "54", "Expired card", "96", "System malfunction");

    private final TestCards testCards;
    private final AcsSessions sessions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SimulatorSettings settings;
    private final byte[] secret;

    Bank(TestCards testCards, AcsSessions sessions, JdbcClient jdbc, Clock clock, SimulatorSettings settings) {
        this.testCards = testCards;
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        // The ACS signs its answers; without a configured secret each start makes its own.
        this.secret = settings.secret().isBlank() ? Ids.newSecret().getBytes(StandardCharsets.US_ASCII)
                : settings.secret().getBytes(StandardCharsets.UTF_8);
    }

    /** A 3-D Secure session for the card, or empty when the card is not enrolled (mdStatus 2). */
    Optional<String> enroll(Payment payment, CardDetails card, CardInfo info) {
        pause();
        TestCards.Outcome outcome = testCards.of(card.number());
        if (outcome instanceof TestCards.NotEnrolled) {
            return Optional.empty();
        }
        String xid = Ids.newSecret();
        sessions.open(xid, payment, card, info, outcome);
        return Optional.of(xid);
    }

    /** The ACS's verdict on a code the payer typed, signed; answering again gives the same verdict. */
    Map<String, String> answerChallenge(AcsSessions.Session session, String otp) {
        Map<String, String> answer = session.answer;
        if (answer == null) {
            boolean authenticated = !(session.outcome instanceof TestCards.ThreeDSecureFails) && OTP.equals(otp);
            answer = new LinkedHashMap<>();
            answer.put("xid", session.xid);
            answer.put("oid", session.payment.orderId());
            answer.put("amount", session.payment.amount().toDecimalString());
            answer.put("currency", session.payment.amount().currency().name());
            answer.put("mdStatus", authenticated ? "1" : "0");
            answer.put("eci", authenticated ? (session.info.brand() == CardBrand.MASTERCARD ? "02" : "05") : "");
            answer.put("cavv", authenticated ? randomBase64(20) : "");
            answer.put("sig", sign(answer));
            session.answer = Map.copyOf(answer);
        }
        return answer;
    }

    /** Whether the answer is one this bank's ACS signed. */
    boolean signed(Map<String, String> answer) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : ANSWER) {
            String value = answer.get(name);
            if (value == null) {
                return false;
            }
            fields.put(name, value);
        }
        return MessageDigest.isEqual(sign(fields).getBytes(StandardCharsets.US_ASCII),
                answer.getOrDefault("sig", "").getBytes(StandardCharsets.US_ASCII));
    }

    /** Charges the card the ACS authenticated, once; the bank forgets the card after. */
    BankAnswer provision(String merchantId, String xid, String orderId, Money amount, int installments, String cavv) {
        pause();
        Optional<AcsSessions.Session> found = sessions.take(xid);
        BankAnswer answer;
        if (found.isEmpty() || found.get().answer == null || !"1".equals(found.get().answer.get("mdStatus"))
                || !found.get().answer.get("cavv").equals(cavv) || !found.get().payment.orderId().equals(orderId)) {
            answer = decline("12");
        } else if (!found.get().payment.amount().equals(amount)) {
            answer = decline("13");
        } else if (found.get().outcome instanceof TestCards.Decline decline) {
            answer = decline(decline.responseCode());
        } else {
            answer = BankAnswer.approved("00", MESSAGES.get("00"), digits(6), digits(12));
        }
        record(merchantId, xid, orderId, amount, installments, answer);
        return answer;
    }

    Optional<BankAnswer> inquire(String merchantId, String orderId) {
        return jdbc.sql("""
                        SELECT * FROM bank_simulator_authorizations WHERE merchant_id = :merchant AND reference = :order
                        ORDER BY created_at DESC LIMIT 1""")
                .param("merchant", merchantId).param("order", orderId)
                .query((rs, row) -> new BankAnswer(rs.getBoolean("approved"), rs.getString("response_code"),
                        MESSAGES.getOrDefault(rs.getString("response_code"), "Declined"), rs.getString("auth_code"),
                        rs.getString("host_reference"), null))
                .optional();
    }

    @Transactional
    BankAnswer voidSale(String merchantId, String hostReference) {
        pause();
        Optional<Map<String, Object>> sale = approvedSale(merchantId, hostReference);
        if (sale.isEmpty()) {
            return BankAnswer.refused(BankAnswer.Refusal.NOT_FOUND, "12", "No such sale");
        }
        if (Boolean.TRUE.equals(sale.get().get("voided"))) {
            return BankAnswer.refused(BankAnswer.Refusal.ALREADY_VOIDED, "12", "Already voided");
        }
        if (Boolean.TRUE.equals(sale.get().get("batch_closed")) || ((Number) sale.get().get("refunded_minor")).longValue() > 0) {
            return BankAnswer.refused(BankAnswer.Refusal.BATCH_CLOSED_USE_REFUND, "12", "Batch closed: refund instead");
        }
        jdbc.sql("UPDATE bank_simulator_authorizations SET voided = TRUE WHERE host_reference = :ref")
                .param("ref", hostReference).update();
        return BankAnswer.approved("00", MESSAGES.get("00"), digits(6), digits(12));
    }

    @Transactional
    BankAnswer refund(String merchantId, String hostReference, Money amount) {
        pause();
        Optional<Map<String, Object>> sale = approvedSale(merchantId, hostReference);
        if (sale.isEmpty()) {
            return BankAnswer.refused(BankAnswer.Refusal.NOT_FOUND, "12", "No such sale");
        }
        if (Boolean.TRUE.equals(sale.get().get("voided"))) {
            return BankAnswer.refused(BankAnswer.Refusal.ALREADY_VOIDED, "12", "Voided");
        }
        if (!Boolean.TRUE.equals(sale.get().get("batch_closed"))) {
            return BankAnswer.refused(BankAnswer.Refusal.BATCH_OPEN_USE_VOID, "12", "Batch open: void instead");
        }
        long rest = ((Number) sale.get().get("amount_minor")).longValue() - ((Number) sale.get().get("refunded_minor")).longValue();
        if (!amount.currency().name().equals(((String) sale.get().get("currency")).trim()) || amount.minor() <= 0) {
            return decline("13");
        }
        if (amount.minor() > rest) {
            return BankAnswer.refused(BankAnswer.Refusal.EXCEEDS_SALE, "13", "More than the sale");
        }
        jdbc.sql("UPDATE bank_simulator_authorizations SET refunded_minor = refunded_minor + :amount WHERE host_reference = :ref")
                .param("amount", amount.minor()).param("ref", hostReference).update();
        return BankAnswer.approved("00", MESSAGES.get("00"), digits(6), digits(12));
    }

    void closeBatch(String merchantId) {
        jdbc.sql("UPDATE bank_simulator_authorizations SET batch_closed = TRUE WHERE merchant_id = :merchant AND NOT batch_closed")
                .param("merchant", merchantId).update();
    }

    private Optional<Map<String, Object>> approvedSale(String merchantId, String hostReference) {
        return jdbc.sql("""
                        SELECT * FROM bank_simulator_authorizations
                        WHERE host_reference = :ref AND merchant_id = :merchant AND approved FOR UPDATE""")
                .param("ref", hostReference).param("merchant", merchantId).query().listOfRows().stream().findFirst();
    }

    private void record(String merchantId, String xid, String orderId, Money amount, int installments, BankAnswer answer) {
        jdbc.sql("""
                        INSERT INTO bank_simulator_authorizations (host_reference, merchant_id, reference, order_number, xid,
                            approved, response_code, auth_code, amount_minor, currency, installments, created_at)
                        VALUES (:host, :merchant, :order, :order, :xid, :approved, :code, :auth, :amount, :currency,
                            :installments, :now)""")
                .param("host", answer.hostReference()).param("merchant", merchantId).param("order", orderId)
                .param("xid", xid).param("approved", answer.approved()).param("code", answer.code())
                .param("auth", answer.authCode()).param("amount", amount.minor())
                .param("currency", amount.currency().name()).param("installments", installments)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private static BankAnswer decline(String code) {
        return BankAnswer.declined(code, MESSAGES.getOrDefault(code, "Declined"), digits(12));
    }

    private String sign(Map<String, String> fields) {
        StringBuilder signed = new StringBuilder();
        for (String name : ANSWER) {
            signed.append(fields.get(name)).append('|');
        }
        return Hashes.hmacSha256Hex(secret, signed.toString());
    }

    private void pause() {
        if (!settings.delay().isZero()) {
            try {
                Thread.sleep(settings.delay().toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
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
