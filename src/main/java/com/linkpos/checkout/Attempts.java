package com.linkpos.checkout;

import com.linkpos.acquiring.CardDetails;
import com.linkpos.acquiring.CardInfo;
import com.linkpos.link.Link;
import com.linkpos.shared.Currency;
import com.linkpos.shared.Ids;
import com.linkpos.shared.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payment_attempts table. State changes are conditional updates: each move happens once. */
@Repository
class Attempts {

    private final JdbcClient jdbc;
    private final Clock clock;

    Attempts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The attempt of a form submission, and whether this submission created it. */
    record Opened(Attempt attempt, boolean created) {
    }

    /** A new attempt, unless this rendering of the form was submitted before: then the earlier one. */
    Opened open(Link link, String acquirer, String nonce, CardDetails card, CardInfo info, String payerNote,
                InstallmentOffers.Offer offer) {
        String id = Ids.newId("pat");
        Timestamp now = Timestamp.from(clock.instant());
        Optional<Attempt> created = jdbc.sql("""
                        INSERT INTO payment_attempts (id, merchant_id, link_id, order_number, nonce, status, amount_minor,
                            currency, installments, gateway_order_id, acquirer, card_bin, card_last4, card_brand, card_issuer,
                            card_type, payer_note, installment_cost_minor, link_installments, pre_authorization, created_at, updated_at)
                        VALUES (:id, :merchant, :link, :orderNumber, :nonce, 'AWAITING_3DS', :amount, :currency,
                            :installments, :gatewayOrder, :acquirer, :bin, :last4, :brand, :issuer, :type, :note,
                            :installmentCost, :linkInstallments, :preAuth, :now, :now)
                        ON CONFLICT (link_id, nonce) DO NOTHING
                        RETURNING *""")
                .param("id", id).param("merchant", link.merchantId()).param("link", link.id())
                .param("orderNumber", link.orderNumber()).param("nonce", nonce)
                .param("amount", offer.charge().charged().minor()).param("currency", link.amount().currency().name())
                .param("installments", offer.count()).param("gatewayOrder", gatewayOrderId(id))
                .param("installmentCost", offer.charge().installmentCost().minor())
                .param("linkInstallments", link.installments()).param("preAuth", link.preAuthorization())
                .param("acquirer", acquirer).param("bin", card.bin()).param("last4", card.last4())
                .param("brand", info.brand().name()).param("issuer", info.issuer())
                .param("type", info.type() == null ? null : info.type().name()).param("note", payerNote)
                .param("now", now)
                .query(Attempts::map).optional();
        if (created.isPresent()) {
            return new Opened(created.get(), true);
        }
        Attempt earlier = jdbc.sql("SELECT * FROM payment_attempts WHERE link_id = :link AND nonce = :nonce")
                .param("link", link.id()).param("nonce", nonce).query(Attempts::map).single();
        return new Opened(earlier, false);
    }

    /**
     * The attempt's order id at the bank: 20 characters of its id (its millisecond and 50 random bits),
     * within what every gateway takes (PayFor OrderId, EST oid), unique by a database constraint.
     */
    static String gatewayOrderId(String attemptId) {
        return attemptId.substring("pat_".length(), "pat_".length() + 20);
    }

    Optional<Attempt> find(String id) {
        return jdbc.sql("SELECT * FROM payment_attempts WHERE id = :id").param("id", id).query(Attempts::map).optional();
    }

    /** The oldest attempt left AUTHORIZING since before {@code before}, locked (SKIP LOCKED) until the transaction ends. */
    Optional<Attempt> lockStuck(Instant before) {
        return jdbc.sql("""
                        SELECT * FROM payment_attempts WHERE status = 'AUTHORIZING' AND updated_at < :before
                        ORDER BY updated_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param("before", Timestamp.from(before)).query(Attempts::map).optional();
    }

    /** Moves the attempt on, only from the state it is expected in; false if someone else moved it first. */
    boolean move(String id, Attempt.Status from, Attempt.Status to) {
        return move(id, from, to, null, null, null, null);
    }

    /** A move that ends the attempt, with why it failed (if it did), the 3-D Secure result and its transaction. */
    boolean move(String id, Attempt.Status from, Attempt.Status to, Attempt.Failure failure, String mdStatus, String eci,
                 String transactionId) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("an attempt never moves from " + from + " to " + to);
        }
        return jdbc.sql("""
                        UPDATE payment_attempts SET status = :to, failure = :failure,
                               md_status = COALESCE(:md, md_status), eci = COALESCE(:eci, eci),
                               transaction_id = COALESCE(:txn, transaction_id), updated_at = :now
                        WHERE id = :id AND status = :from""")
                .param("to", to.name()).param("from", from.name()).param("failure", failure == null ? null : failure.name())
                .param("md", mdStatus).param("eci", eci).param("txn", transactionId)
                .param("now", Timestamp.from(clock.instant())).param("id", id)
                .update() == 1;
    }

    private static Attempt map(ResultSet rs, int row) throws SQLException {
        String failure = rs.getString("failure");
        return new Attempt(rs.getString("id"), rs.getString("merchant_id"), rs.getString("link_id"),
                rs.getString("order_number"), Attempt.Status.valueOf(rs.getString("status")),
                failure == null ? null : Attempt.Failure.valueOf(failure),
                new Money(rs.getLong("amount_minor"), Currency.valueOf(rs.getString("currency").trim())),
                rs.getInt("installments"), rs.getString("gateway_order_id"), rs.getString("acquirer"),
                rs.getString("card_bin"), rs.getString("card_last4"), rs.getString("card_brand"), rs.getString("card_issuer"),
                rs.getString("card_type"), rs.getString("payer_note"),
                rs.getString("transaction_id"),
                new Money(rs.getLong("installment_cost_minor"), Currency.valueOf(rs.getString("currency").trim())),
                // an attempt from before V21 was opened under its own count
                rs.getObject("link_installments") == null ? rs.getInt("installments") : rs.getInt("link_installments"),
                rs.getBoolean("pre_authorization"));
    }
}
