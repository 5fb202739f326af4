package com.linkpos.banksimulator;

import com.linkpos.acquiring.CardBrand;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The simulated bank's books (the {@code simulator_} tables): 3-D Secure requests, transactions and
 * end-of-day batches, per gateway and merchant number. Everything a later request needs is here, so
 * any LinkPOS instance can serve it. Callers hold the transaction; the rules live with them.
 */
@Component
class SimulatorBooks {

    private final JdbcClient jdbc;

    SimulatorBooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- 3-D Secure requests

    /** Serialises everything done to one order until the transaction ends (two posts of one order at once). */
    void lockOrder(String gateway, String merchantNo, String orderId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .param("key", "simulator:" + gateway + ":" + merchantNo + ":" + orderId).query().listOfRows();
    }

    /**
     * A new 3-D form for an order: locked until the transaction ends, refused (false) when the order's 3-D
     * step already ended (answered either way) or it was provisioned; else a challenge still waiting for it
     * is replaced, so that a merchant server that retries a lost answer is not refused.
     */
    boolean openOrder(String gateway, String merchantNo, String orderId) {
        lockOrder(gateway, merchantNo, orderId);
        if (orderUsed(gateway, merchantNo, orderId)) {
            return false;
        }
        supersedeChallenges(gateway, merchantNo, orderId);
        return true;
    }

    private boolean orderUsed(String gateway, String merchantNo, String orderId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM simulator_3ds_requests WHERE gateway = :gateway AND merchant_no = :merchant
                                          AND order_id = :order AND status NOT IN ('CHALLENGE', 'SUPERSEDED'))
                            OR EXISTS (SELECT 1 FROM simulator_transactions WHERE gateway = :gateway AND merchant_no = :merchant
                                          AND order_id = :order)""")
                .param("gateway", gateway).param("merchant", merchantNo).param("order", orderId)
                .query(Boolean.class).single();
    }

    private void supersedeChallenges(String gateway, String merchantNo, String orderId) {
        jdbc.sql("""
                        UPDATE simulator_3ds_requests SET status = 'SUPERSEDED'
                        WHERE gateway = :gateway AND merchant_no = :merchant AND order_id = :order AND status = 'CHALLENGE'""")
                .param("gateway", gateway).param("merchant", merchantNo).param("order", orderId).update();
    }

    void insert(ThreeDRequest request) {
        ThreeDRequest.Order order = request.order();
        jdbc.sql("""
                        INSERT INTO simulator_3ds_requests (request_guid, gateway, merchant_no, order_id, secure_type, txn_type,
                            purch_amount, amount, currency, installments, lang, ok_url, fail_url, rnd, card_holder_name,
                            card_mask, card_bin, card_brand, card_issuer, outcome, status, created_at, echoed)
                        VALUES (:guid, :gateway, :merchant, :order, :secureType, :txnType, :purchAmount, :amount, :currency,
                            :installments, :lang, :okUrl, :failUrl, :rnd, :holder, :mask, :bin, :brand, :issuer, :outcome,
                            :status, :created, :echoed)""")
                .param("guid", request.requestGuid()).param("gateway", request.gateway())
                .param("merchant", request.merchantNo()).param("order", order.orderId())
                .param("secureType", order.secureType()).param("txnType", order.txnType())
                .param("purchAmount", order.purchAmount()).param("amount", order.amount())
                .param("currency", order.currency()).param("installments", order.installments())
                .param("lang", order.lang()).param("okUrl", order.okUrl()).param("failUrl", order.failUrl())
                .param("rnd", order.rnd()).param("holder", order.cardHolderName())
                .param("mask", request.card().mask()).param("bin", request.card().bin())
                .param("brand", request.card().brand().name()).param("issuer", request.card().issuer())
                .param("outcome", request.outcome().toString())
                // an answer that comes with the request (a card not enrolled) is written as any answer is
                .param("status", (request.answer() == null ? request.status() : ThreeDRequest.Status.CHALLENGE).name())
                .param("created", Timestamp.from(request.createdAt()))
                .param("echoed", FormText.write(request.echoed()))
                .update();
        if (request.answer() != null) {
            answer(request.requestGuid(), ThreeDRequest.Status.CHALLENGE, request.status(), request.answer());
        }
    }

    Optional<ThreeDRequest> find(String gateway, String requestGuid) {
        return jdbc.sql("SELECT * FROM simulator_3ds_requests WHERE request_guid = :guid AND gateway = :gateway")
                .param("guid", requestGuid).param("gateway", gateway)
                .query(SimulatorBooks::threeDRequest).optional();
    }

    /** The 3-D request whose MPI token (EST's md) this is. */
    Optional<ThreeDRequest> findByMd(String gateway, String md) {
        return jdbc.sql("SELECT * FROM simulator_3ds_requests WHERE gateway = :gateway AND md = :md")
                .param("gateway", gateway).param("md", md)
                .query(SimulatorBooks::threeDRequest).optional();
    }

    /** Answers the challenge, if it still waits for one: only one answer ever counts. */
    boolean answer(String requestGuid, ThreeDRequest.Status from, ThreeDRequest.Status to, ThreeDRequest.Answer answer) {
        return jdbc.sql("""
                        UPDATE simulator_3ds_requests SET status = :to, three_ds_status = :status, proc_return_code = :code,
                            err_msg = :message, eci = :eci, cavv = :cavv, xid = :xid, md = :md, response_rnd = :rnd,
                            batch_no = :batch, answered_at = :at
                        WHERE request_guid = :guid AND status = :from""")
                .param("to", to.name()).param("status", answer.threeDStatus()).param("code", answer.procReturnCode())
                .param("message", answer.errMsg()).param("eci", answer.eci()).param("cavv", answer.cavv())
                .param("xid", answer.xid()).param("md", answer.md()).param("rnd", answer.responseRnd())
                .param("batch", answer.batchNo()).param("at", Timestamp.from(answer.answeredAt()))
                .param("guid", requestGuid).param("from", from.name())
                .update() == 1;
    }

    /** Counts a wrong code against a waiting challenge; the count so far, or empty when it no longer waits. */
    Optional<Integer> countWrongCode(String requestGuid) {
        return jdbc.sql("""
                        UPDATE simulator_3ds_requests SET wrong_codes = wrong_codes + 1
                        WHERE request_guid = :guid AND status = 'CHALLENGE' RETURNING wrong_codes""")
                .param("guid", requestGuid).query(Integer.class).optional();
    }

    private static ThreeDRequest threeDRequest(ResultSet rs, int row) throws SQLException {
        ThreeDRequest.Order order = new ThreeDRequest.Order(rs.getString("order_id"), rs.getString("secure_type"),
                rs.getString("txn_type"), rs.getString("purch_amount"), rs.getBigDecimal("amount"), rs.getString("currency"),
                rs.getString("installments"), rs.getString("lang"), rs.getString("ok_url"), rs.getString("fail_url"),
                rs.getString("rnd"), rs.getString("card_holder_name"));
        MaskedCard card = new MaskedCard(rs.getString("card_mask"), rs.getString("card_bin"),
                CardBrand.valueOf(rs.getString("card_brand")), rs.getString("card_issuer"));
        Timestamp answeredAt = rs.getTimestamp("answered_at");
        ThreeDRequest.Answer answer = answeredAt == null ? null : new ThreeDRequest.Answer(rs.getString("three_ds_status"),
                rs.getString("proc_return_code"), rs.getString("err_msg"), rs.getString("eci"), rs.getString("cavv"),
                rs.getString("xid"), rs.getString("md"), rs.getString("response_rnd"), rs.getInt("batch_no"),
                answeredAt.toInstant());
        return new ThreeDRequest(rs.getString("request_guid"), rs.getString("gateway"), rs.getString("merchant_no"), order,
                FormText.read(rs.getString("echoed")), card, IssuerOutcome.parse(rs.getString("outcome")), ThreeDRequest.Status.valueOf(rs.getString("status")),
                rs.getInt("wrong_codes"), answer, rs.getTimestamp("created_at").toInstant());
    }

    // --- batches

    /** The terminal's open batch, opened if there is none. */
    int openBatch(String gateway, String merchantNo, Instant now) {
        for (int tries = 0; ; tries++) {
            jdbc.sql("""
                            INSERT INTO simulator_batches (gateway, merchant_no, batch_no, opened_at)
                            SELECT :gateway, :merchant, COALESCE(MAX(batch_no), 0) + 1, :now FROM simulator_batches
                            WHERE gateway = :gateway AND merchant_no = :merchant
                            ON CONFLICT DO NOTHING""")
                    .param("gateway", gateway).param("merchant", merchantNo).param("now", Timestamp.from(now)).update();
            Optional<Integer> open = jdbc.sql("""
                            SELECT batch_no FROM simulator_batches
                            WHERE gateway = :gateway AND merchant_no = :merchant AND closed_at IS NULL""")
                    .param("gateway", gateway).param("merchant", merchantNo).query(Integer.class).optional();
            if (open.isPresent() || tries == 3) {
                return open.orElseThrow(() -> new IllegalStateException("no open batch for " + merchantNo));
            }
            // a batch close came in between: open the next one
        }
    }

    /** End of day: closes the open batch; its number, or empty when none was open. */
    Optional<Integer> closeBatch(String gateway, String merchantNo, Instant now) {
        return jdbc.sql("""
                        UPDATE simulator_batches SET closed_at = :now
                        WHERE gateway = :gateway AND merchant_no = :merchant AND closed_at IS NULL RETURNING batch_no""")
                .param("gateway", gateway).param("merchant", merchantNo).param("now", Timestamp.from(now))
                .query(Integer.class).optional();
    }

    // --- transactions

    /** A transaction in the books, with whether its batch is closed. */
    record Booked(long id, String orderId, String txnType, String requestGuid, boolean approved, String procReturnCode,
                  String errMsg, String authCode, String hostRefNum, BigDecimal amount, String currency, String installments,
                  String cardMask, int batchNo, Instant batchClosedAt, Instant voidedAt, BigDecimal refundedAmount,
                  Instant createdAt) {

        boolean batchClosed() {
            return batchClosedAt != null;
        }

        boolean voided() {
            return voidedAt != null;
        }

        boolean sale() {
            return txnType.equals("Auth") || txnType.equals("PreAuth");
        }
    }

    /** What to record; the books add the id and the batch's state. */
    record Entry(String orderId, String txnType, String requestGuid, boolean approved, String procReturnCode, String errMsg,
                 String authCode, String hostRefNum, BigDecimal amount, String currency, String installments, String cardMask,
                 int batchNo, Instant at) {
    }

    /** Records a transaction; a second sale of one order is refused by the database (empty). */
    Optional<Long> record(String gateway, String merchantNo, Entry entry) {
        return jdbc.sql("""
                        INSERT INTO simulator_transactions (gateway, merchant_no, order_id, txn_type, request_guid, approved,
                            proc_return_code, err_msg, auth_code, host_ref_num, amount, currency, installments, card_mask,
                            batch_no, created_at)
                        VALUES (:gateway, :merchant, :order, :type, :guid, :approved, :code, :message, :auth, :host, :amount,
                            :currency, :installments, :mask, :batch, :at)
                        ON CONFLICT DO NOTHING RETURNING id""")
                .param("gateway", gateway).param("merchant", merchantNo).param("order", entry.orderId())
                .param("type", entry.txnType()).param("guid", entry.requestGuid()).param("approved", entry.approved())
                .param("code", entry.procReturnCode()).param("message", entry.errMsg()).param("auth", entry.authCode())
                .param("host", entry.hostRefNum()).param("amount", entry.amount()).param("currency", entry.currency())
                .param("installments", entry.installments()).param("mask", entry.cardMask()).param("batch", entry.batchNo())
                .param("at", Timestamp.from(entry.at()))
                .query(Long.class).optional();
    }

    private static final String BOOKED = """
            SELECT t.*, b.closed_at AS batch_closed_at FROM simulator_transactions t
            JOIN simulator_batches b ON b.gateway = t.gateway AND b.merchant_no = t.merchant_no AND b.batch_no = t.batch_no
            """;

    /**
     * The order's sale, locked until the transaction ends together with its batch (a void and the end of
     * day cannot pass each other). A pre-authorization that was captured is its PostAuth from then on:
     * what a void or a refund reverses, and what the order's inquiry shows [X6].
     */
    Optional<Booked> saleForUpdate(String gateway, String merchantNo, String orderId) {
        return jdbc.sql(BOOKED + """
                        WHERE t.gateway = :gateway AND t.merchant_no = :merchant AND t.order_id = :order
                          AND t.txn_type IN ('Auth', 'PreAuth', 'PostAuth')
                        ORDER BY t.id DESC LIMIT 1 FOR UPDATE OF t FOR SHARE OF b""")
                .param("gateway", gateway).param("merchant", merchantNo).param("order", orderId)
                .query(SimulatorBooks::booked).optional();
    }

    Optional<Booked> sale(String gateway, String merchantNo, String orderId) {
        return jdbc.sql(BOOKED + """
                        WHERE t.gateway = :gateway AND t.merchant_no = :merchant AND t.order_id = :order
                          AND t.txn_type IN ('Auth', 'PreAuth', 'PostAuth') ORDER BY t.id DESC LIMIT 1""")
                .param("gateway", gateway).param("merchant", merchantNo).param("order", orderId)
                .query(SimulatorBooks::booked).optional();
    }

    /** Why a PostAuth of this order's sale cannot close it, if it cannot [X6]; {@code at most} 115 % of the hold. */
    enum CaptureRefusal { NOT_A_PRE_AUTHORIZATION, CLOSED_BEFORE, VOIDED, EXCEEDS }

    static Optional<CaptureRefusal> captureRefusal(Booked sale, BigDecimal amount) {
        if (sale.txnType().equals("PostAuth")) {
            return Optional.of(CaptureRefusal.CLOSED_BEFORE);
        }
        if (!sale.txnType().equals("PreAuth")) {
            return Optional.of(CaptureRefusal.NOT_A_PRE_AUTHORIZATION);
        }
        if (sale.voided()) {
            return Optional.of(CaptureRefusal.VOIDED);
        }
        // VPOS.md A5 (V027): the amount may differ from the hold by up to 15 %
        if (amount.signum() <= 0 || amount.compareTo(sale.amount().multiply(new BigDecimal("1.15"))) > 0) {
            return Optional.of(CaptureRefusal.EXCEEDS);
        }
        return Optional.empty();
    }

    /** Books the PostAuth that closes a pre-authorization: in today's batch, with its own references. */
    Entry capture(String gateway, String merchantNo, Booked preAuthorization, BigDecimal amount, Instant now) {
        int batch = openBatch(gateway, merchantNo, now);
        Entry capture = new Entry(preAuthorization.orderId(), "PostAuth", null, true, "00", "", preAuthorization.authCode(),
                SimulatedIssuer.digits(12), amount, preAuthorization.currency(), preAuthorization.installments(),
                preAuthorization.cardMask(), batch, now);
        record(gateway, merchantNo, capture).orElseThrow();
        return capture;
    }

    Optional<Booked> saleOfRequest(String gateway, String requestGuid) {
        return jdbc.sql(BOOKED + " WHERE t.gateway = :gateway AND t.request_guid = :guid AND t.txn_type IN ('Auth', 'PreAuth')")
                .param("gateway", gateway).param("guid", requestGuid)
                .query(SimulatorBooks::booked).optional();
    }

    /** Every transaction of an order, oldest first. */
    List<Booked> history(String gateway, String merchantNo, String orderId) {
        return jdbc.sql(BOOKED + " WHERE t.gateway = :gateway AND t.merchant_no = :merchant AND t.order_id = :order ORDER BY t.id")
                .param("gateway", gateway).param("merchant", merchantNo).param("order", orderId)
                .query(SimulatorBooks::booked).list();
    }

    /** Every transaction of a terminal in [from, to), oldest first. */
    List<Booked> history(String gateway, String merchantNo, Instant from, Instant to) {
        return jdbc.sql(BOOKED + """
                        WHERE t.gateway = :gateway AND t.merchant_no = :merchant AND t.created_at >= :from AND t.created_at < :to
                        ORDER BY t.id""")
                .param("gateway", gateway).param("merchant", merchantNo)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(SimulatorBooks::booked).list();
    }

    void markVoided(long id, Instant at) {
        jdbc.sql("UPDATE simulator_transactions SET voided_at = :at WHERE id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    void addRefund(long id, BigDecimal amount) {
        jdbc.sql("UPDATE simulator_transactions SET refunded_amount = refunded_amount + :amount WHERE id = :id")
                .param("amount", amount).param("id", id).update();
    }

    private static Booked booked(ResultSet rs, int row) throws SQLException {
        return new Booked(rs.getLong("id"), rs.getString("order_id"), rs.getString("txn_type"), rs.getString("request_guid"),
                rs.getBoolean("approved"), rs.getString("proc_return_code"), rs.getString("err_msg"), rs.getString("auth_code"),
                rs.getString("host_ref_num"), rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("installments"),
                rs.getString("card_mask"), rs.getInt("batch_no"), instant(rs, "batch_closed_at"), instant(rs, "voided_at"),
                rs.getBigDecimal("refunded_amount"), rs.getTimestamp("created_at").toInstant());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
