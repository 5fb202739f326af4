package com.linkpos.checkout;

import com.linkpos.acquiring.CardDetails;
import com.linkpos.acquiring.CardInfo;
import com.linkpos.fraud.FraudRules;
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

    /** Who pays, as the fraud rules count attempts [S4]: the card's keyed fingerprint and the request's address. */
    record Payer(String cardFingerprint, String address) {
    }

    /** A new attempt, unless this rendering of the form was submitted before: then the earlier one. */
    Opened open(Link link, String acquirer, String nonce, CardDetails card, CardInfo info, String payerNote,
                InstallmentOffers.Offer offer, Payer payer) {
        Optional<Attempt> created = insert(link, acquirer, nonce, Attempt.Status.AWAITING_3DS, null, card, info, payerNote,
                offer, payer);
        if (created.isPresent()) {
            return new Opened(created.get(), true);
        }
        Attempt earlier = jdbc.sql("SELECT * FROM payment_attempts WHERE link_id = :link AND nonce = :nonce")
                .param("link", link.id()).param("nonce", nonce).query(Attempts::map).single();
        return new Opened(earlier, false);
    }

    /**
     * [S4] An attempt a fraud rule refused: ended (DECLINED, CARD_BLOCKED) as it begins, never sent anywhere. It
     * counts towards the limits as every attempt does; its own nonce leaves the form's free for another card.
     */
    Attempt refused(Link link, String acquirer, CardDetails card, CardInfo info, String payerNote,
                    InstallmentOffers.Offer offer, Payer payer) {
        return insert(link, acquirer, "refused-" + Ids.newSecret(), Attempt.Status.DECLINED, Attempt.Failure.CARD_BLOCKED,
                card, info, payerNote, offer, payer).orElseThrow();
    }

    /** The attempt's sale in the ledger, once it is recorded. */
    void recorded(String attemptId, String transactionId) {
        jdbc.sql("UPDATE payment_attempts SET transaction_id = :txn WHERE id = :id AND transaction_id IS NULL")
                .param("txn", transactionId).param("id", attemptId).update();
    }

    /** [S4] Attempts made since {@code since}, all but this form's own (a second submit of it is not another attempt). */
    record Velocity(FraudRules.Attempts everywhere, FraudRules.Attempts atMerchant) {
        static final Velocity NONE = new Velocity(FraudRules.Attempts.NONE, FraudRules.Attempts.NONE);
    }

    /** [S4] How many attempts the card, the address and the link made since {@code since}: at every merchant, and at the link's. */
    Velocity velocity(Link link, String nonce, Payer payer, Instant since) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE card_fingerprint = :card) AS card,
                               count(*) FILTER (WHERE payer_address = :address) AS address,
                               count(*) FILTER (WHERE link_id = :link) AS link,
                               count(*) FILTER (WHERE card_fingerprint = :card AND merchant_id = :merchant) AS card_here,
                               count(*) FILTER (WHERE payer_address = :address AND merchant_id = :merchant) AS address_here
                        FROM payment_attempts
                        WHERE created_at > :since AND NOT (link_id = :link AND nonce = :nonce)
                          AND (card_fingerprint = :card OR payer_address = :address OR link_id = :link)""")
                .param("card", payer.cardFingerprint()).param("address", payer.address()).param("link", link.id())
                .param("merchant", link.merchantId()).param("nonce", nonce).param("since", Timestamp.from(since))
                .query((rs, row) -> new Velocity(
                        new FraudRules.Attempts(rs.getLong("card"), rs.getLong("address"), rs.getLong("link")),
                        new FraudRules.Attempts(rs.getLong("card_here"), rs.getLong("address_here"), rs.getLong("link"))))
                .single();
    }

    private Optional<Attempt> insert(Link link, String acquirer, String nonce, Attempt.Status status, Attempt.Failure failure,
                                     CardDetails card, CardInfo info, String payerNote, InstallmentOffers.Offer offer,
                                     Payer payer) {
        String id = Ids.newId("pat");
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        INSERT INTO payment_attempts (id, merchant_id, link_id, order_number, nonce, status, failure, amount_minor,
                            currency, installments, gateway_order_id, acquirer, card_bin, card_last4, card_brand, card_issuer,
                            card_type, payer_note, installment_cost_minor, link_installments, pre_authorization,
                            card_fingerprint, payer_address, created_at, updated_at)
                        VALUES (:id, :merchant, :link, :orderNumber, :nonce, :status, :failure, :amount, :currency,
                            :installments, :gatewayOrder, :acquirer, :bin, :last4, :brand, :issuer, :type, :note,
                            :installmentCost, :linkInstallments, :preAuth, :fingerprint, :address, :now, :now)
                        ON CONFLICT (link_id, nonce) DO NOTHING
                        RETURNING *""")
                .param("id", id).param("merchant", link.merchantId()).param("link", link.id())
                .param("status", status.name()).param("failure", failure == null ? null : failure.name())
                .param("fingerprint", payer.cardFingerprint()).param("address", payer.address())
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
