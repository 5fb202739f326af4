package com.linkpos.transaction;

import com.linkpos.audit.Actor;
import com.linkpos.audit.AuditTrail;
import com.linkpos.merchant.KeyHolders;
import com.linkpos.audit.Changes;
import com.linkpos.platform.Caller;
import com.linkpos.shared.Currency;
import com.linkpos.shared.Ids;
import com.linkpos.shared.Money;
import com.linkpos.shared.ProblemException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * [S3] Refund requests: refunds above the merchant's four-eyes amount, kept until a second admin approves
 * them ({@link Reversals#approveRefund}), someone cancels them, or they expire
 * ({@code linkpos.refunds.approval-expires-after}). Every change of status is conditional on the request being
 * PENDING, and is audited in its own transaction. A PENDING request past its expiry reads as EXPIRED at once;
 * {@link RefundRequestExpiry} writes it down.
 */
@Service
public class RefundRequests {

    /** Every read shows a request past its expiry as EXPIRED, whether or not the job has written it yet. */
    private static final String SELECT = """
            SELECT r.*, CASE WHEN r.status = 'PENDING' AND r.expires_at <= :now THEN 'EXPIRED' ELSE r.status END AS shown_status
            FROM refund_requests r""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration expiresAfter;
    private final KeyHolders keyHolders;

    RefundRequests(JdbcClient jdbc, AuditTrail audit, Clock clock,
                   @Value("${linkpos.refunds.approval-expires-after:PT72H}") Duration expiresAfter, KeyHolders keyHolders) {
        this.keyHolders = keyHolders;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.expiresAfter = expiresAfter;
    }

    public Optional<RefundRequest> find(String merchantId, String id) {
        return jdbc.sql(SELECT + " WHERE r.merchant_id = :merchant AND r.id = :id")
                .param("now", now()).param("merchant", merchantId).param("id", id).query(RefundRequestRows::map).optional();
    }

    /** A page of the merchant's requests, newest first, after {@code afterId}; of one status when given. */
    public List<RefundRequest> page(String merchantId, RefundRequestStatus status, String afterId, int limit) {
        String shown = "CASE WHEN r.status = 'PENDING' AND r.expires_at <= :now THEN 'EXPIRED' ELSE r.status END";
        return jdbc.sql(SELECT + " WHERE r.merchant_id = :merchant"
                        + (status == null ? "" : " AND " + shown + " = :status")
                        + (afterId == null ? "" : " AND r.id < :after")
                        + " ORDER BY r.id DESC LIMIT :limit")
                .param("now", now()).param("merchant", merchantId).param("status", status == null ? null : status.name())
                .param("after", afterId).param("limit", limit).query(RefundRequestRows::map).list();
    }

    /** The requests of a sale, newest first (its page shows them). */
    public List<RefundRequest> ofSale(String merchantId, String saleId) {
        return jdbc.sql(SELECT + " WHERE r.merchant_id = :merchant AND r.transaction_id = :sale ORDER BY r.id DESC")
                .param("now", now()).param("merchant", merchantId).param("sale", saleId).query(RefundRequestRows::map).list();
    }

    /**
     * What the sale's pending requests hold of its refundable rest, but {@code except} (the one being approved,
     * whose own amount is the refund). The caller holds the sale's row lock, under which requests are made.
     */
    Money pendingOf(Transaction sale, String except) {
        long minor = jdbc.sql("""
                        SELECT COALESCE(SUM(amount_minor), 0) FROM refund_requests
                        WHERE merchant_id = :merchant AND transaction_id = :sale AND status = 'PENDING'
                          AND expires_at > :now AND id <> :except""")
                .param("merchant", sale.merchantId()).param("sale", sale.id()).param("now", now()).param("except", except == null ? "" : except)
                .query(Long.class).single();
        return new Money(minor, sale.amount().currency());
    }

    /** Stores a PENDING request for {@code amount} of {@code sale}, asked by {@code caller}; audited. */
    RefundRequest create(Transaction sale, Money amount, Caller caller) {
        String id = Ids.newId("rfq");
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO refund_requests (id, merchant_id, transaction_id, amount_minor, currency, requested_by,
                            requested_for, requested_at, expires_at, status)
                        VALUES (:id, :merchant, :sale, :amount, :currency, :by, :for, :now, :expires, 'PENDING')""")
                .param("id", id).param("merchant", sale.merchantId()).param("sale", sale.id())
                .param("amount", amount.minor()).param("currency", amount.currency().name()).param("by", caller.name())
                .param("for", keyHolders.personBehind(caller).orElse(null))
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(expiresAfter))).update();
        audit.record("refund.requested", sale.merchantId(), sale.id(), Changes.none().set("refundRequestId", id)
                .set("amount", amount.toDecimalString()).set("currency", amount.currency().name())
                .set("status", RefundRequestStatus.PENDING));
        return find(sale.merchantId(), id).orElseThrow();
    }

    /**
     * The request, locked until the end of the transaction, if it can still be decided; else 409
     * {@code refund_request_not_pending} (decided by someone else meanwhile, cancelled or expired). The caller
     * locked the request's sale first: the order every path takes.
     */
    RefundRequest lockPending(String merchantId, String id) {
        RefundRequest request = jdbc.sql(SELECT + " WHERE r.merchant_id = :merchant AND r.id = :id FOR UPDATE OF r")
                .param("now", now()).param("merchant", merchantId).param("id", id).query(RefundRequestRows::map).optional()
                .orElseThrow(ProblemException::notFound);
        if (!request.pending()) {
            throw notPending();
        }
        return request;
    }

    /** The refund was made at the bank (or learnt made): APPROVED by {@code approver}. */
    RefundRequest approved(RefundRequest request, Transaction refund, Caller approver) {
        // decided under the lock lockPending took while it could still be approved: the bank's time may have run
        // past its expiry, the refund is made all the same
        jdbc.sql("""
                        UPDATE refund_requests SET status = 'APPROVED', decided_by = :by, decided_at = :now,
                            refund_transaction_id = :refund
                        WHERE merchant_id = :merchant AND id = :id AND status = 'PENDING'""")
                .param("by", approver.name()).param("now", now()).param("refund", refund.id())
                .param("merchant", request.merchantId()).param("id", request.id()).update();
        audit.record("refund.approved", request.merchantId(), request.transactionId(), Changes.none()
                .set("refundRequestId", request.id()).change("status", request.status(), RefundRequestStatus.APPROVED)
                .set("refundTransactionId", refund.id()).set("amount", refund.amount().toDecimalString()));
        return find(request.merchantId(), request.id()).orElseThrow();
    }

    /**
     * An approval that made no refund: the bank declined it ({@code refund} the DECLINED transaction, code
     * {@code declined}) or it was refused ({@code code}, a refund's problem code). Only a request still PENDING
     * fails; one decided meanwhile keeps its decision.
     */
    void failed(String merchantId, String id, Caller approver, String code, Transaction refund) {
        Optional<RefundRequest> request = find(merchantId, id);
        if (request.isPresent() && decide(request.get(), RefundRequestStatus.FAILED, approver.name(), code,
                refund == null ? null : refund.id())) {
            audit.record("refund.failed", merchantId, request.get().transactionId(), Changes.none()
                    .set("refundRequestId", id).change("status", RefundRequestStatus.PENDING, RefundRequestStatus.FAILED)
                    .set("failureCode", code).set("refundTransactionId", refund == null ? null : refund.id()));
        }
    }

    /** Cancels a PENDING request: its requester, or any merchant admin. */
    @Transactional
    public RefundRequest cancel(Caller caller, String id) {
        RefundRequest request = find(caller.merchantId(), id).orElseThrow(ProblemException::notFound);
        if (!FourEyes.mayCancel(caller, request)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", List.of());
        }
        if (!decide(request, RefundRequestStatus.CANCELLED, caller.name(), null, null)) {
            throw notPending();
        }
        audit.record("refund.cancelled", request.merchantId(), request.transactionId(), Changes.none()
                .set("refundRequestId", id).change("status", RefundRequestStatus.PENDING, RefundRequestStatus.CANCELLED)
                .set("amount", request.amount().toDecimalString()));
        return find(caller.merchantId(), id).orElseThrow();
    }

    /**
     * Writes down the requests that expired (at most {@code most}), each audited as LinkPOS's own act. Safe on
     * several instances at once: the rows are taken with SKIP LOCKED, and each change is conditional on PENDING.
     */
    @Transactional
    public int expireDue(int most) {
        List<RefundRequest> expired = jdbc.sql("""
                        UPDATE refund_requests SET status = 'EXPIRED', decided_at = expires_at
                        WHERE id IN (SELECT id FROM refund_requests WHERE status = 'PENDING' AND expires_at <= :now
                                     ORDER BY expires_at LIMIT :most FOR UPDATE SKIP LOCKED)
                          AND status = 'PENDING'
                        RETURNING *, status AS shown_status""")
                .param("now", now()).param("most", most).query(RefundRequestRows::map).list();
        for (RefundRequest request : expired) {
            audit.record(Actor.system("refund-request-expiry"), "refund.expired", request.merchantId(),
                    request.transactionId(), Changes.none().set("refundRequestId", request.id())
                            .change("status", RefundRequestStatus.PENDING, RefundRequestStatus.EXPIRED)
                            .set("amount", request.amount().toDecimalString()));
        }
        return expired.size();
    }

    /** Decides a request that is still PENDING and not past its expiry; whether it was. */
    private boolean decide(RefundRequest request, RefundRequestStatus status, String by, String failureCode,
                           String refundTransactionId) {
        return jdbc.sql("""
                        UPDATE refund_requests SET status = :status, decided_by = :by, decided_at = :now,
                            failure_code = :failure, refund_transaction_id = :refund
                        WHERE merchant_id = :merchant AND id = :id AND status = 'PENDING' AND expires_at > :now""")
                .param("status", status.name()).param("by", by).param("now", now()).param("failure", failureCode)
                .param("refund", refundTransactionId).param("merchant", request.merchantId()).param("id", request.id())
                .update() == 1;
    }

    private static ProblemException notPending() {
        return new ProblemException(HttpStatus.CONFLICT, "refund_request_not_pending", List.of());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /** Reads rows of {@link #SELECT}: the status is the shown one. */
    private static final class RefundRequestRows {

        static RefundRequest map(ResultSet rs, int row) throws SQLException {
            Currency currency = Currency.fromCode(rs.getString("currency")).orElseThrow();
            Timestamp decided = rs.getTimestamp("decided_at");
            return new RefundRequest(rs.getString("id"), rs.getString("merchant_id"), rs.getString("transaction_id"),
                    new Money(rs.getLong("amount_minor"), currency), rs.getString("requested_by"),
                    rs.getString("requested_for"), rs.getTimestamp("requested_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                    RefundRequestStatus.valueOf(rs.getString("shown_status")), rs.getString("decided_by"),
                    decided == null ? null : decided.toInstant(), rs.getString("failure_code"),
                    rs.getString("refund_transaction_id"));
        }
    }
}
