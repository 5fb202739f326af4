package com.linkpos.notification;

import com.linkpos.shared.Masks;
import com.linkpos.shared.Currency;
import com.linkpos.shared.Ids;
import com.linkpos.shared.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notifications table: queued rows, the sender's claims and the outcome of each attempt. */
@Repository
class Outbox {

    /** A row as the sender needs it. */
    record Message(String id, String merchantId, String linkId, String kind, String channel, String recipient,
                   String language, String merchantName, String orderNumber, Money amountFrom, Money amount, Instant validUntil,
                   String url, int attempts) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String queue(String kind, String channel, String recipient, String language, LinkMessage about) {
        return queue(Ids.newId("ntf"), kind, channel, recipient, language, about);
    }

    /** Queues a message whose id was given when it was asked for (the link module answers with it). */
    String queue(String id, String kind, String channel, String recipient, String language, LinkMessage about) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO notifications (id, merchant_id, link_id, kind, channel, recipient, language, merchant_name,
                            order_number, amount_from_minor, amount_minor, currency, valid_until, link_url, status, next_attempt_at, created_at)
                        VALUES (:id, :merchant, :link, :kind, :channel, :recipient, :language, :merchantName, :order,
                            :amountFrom, :amount, :currency, :validUntil, :url, 'PENDING', :now, :now)""")
                .param("id", id).param("merchant", about.merchantId()).param("link", about.linkId()).param("kind", kind)
                .param("channel", channel).param("recipient", recipient).param("language", language)
                .param("merchantName", about.merchantName()).param("order", about.orderNumber())
                .param("amountFrom", about.amountFrom() == null ? null : about.amountFrom().minor())
                .param("amount", about.amount().minor()).param("currency", about.amount().currency().name())
                .param("validUntil", about.validUntil() == null ? null : Timestamp.from(about.validUntil()))
                .param("url", about.url()).param("now", now)
                .update();
        return id;
    }

    /**
     * The next due message, locked for this transaction; another instance's sender skips it
     * (SKIP LOCKED), so each message is in one sender's hands at a time.
     */
    Optional<Message> claimDue() {
        return jdbc.sql("""
                        SELECT * FROM notifications WHERE status = 'PENDING' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param("now", Timestamp.from(clock.instant())).query(Outbox::message).optional();
    }

    void sent(String id, String provider, String subject, String body) {
        jdbc.sql("""
                        UPDATE notifications SET status = 'SENT', attempts = attempts + 1, provider = :provider,
                               subject = :subject, body = :body, sent_at = :now, last_error = NULL WHERE id = :id""")
                .param("provider", provider).param("subject", subject).param("body", body)
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    void failed(String id, String error, Instant retryAt) {
        jdbc.sql("""
                        UPDATE notifications SET attempts = attempts + 1, last_error = :error,
                               status = CASE WHEN CAST(:retryAt AS timestamptz) IS NULL THEN 'FAILED' ELSE 'PENDING' END,
                               next_attempt_at = COALESCE(CAST(:retryAt AS timestamptz), next_attempt_at)
                        WHERE id = :id""")
                .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("retryAt", retryAt == null ? null : Timestamp.from(retryAt)).param("id", id).update();
    }

    List<Delivery> ofLink(String merchantId, String linkId) {
        return jdbc.sql("SELECT * FROM notifications WHERE merchant_id = :merchant AND link_id = :link ORDER BY id DESC")
                .param("merchant", merchantId).param("link", linkId).query(Outbox::delivery).list();
    }

    List<Delivery> ofMerchant(String merchantId, int limit) {
        return jdbc.sql("SELECT * FROM notifications WHERE merchant_id = :merchant ORDER BY id DESC LIMIT :limit")
                .param("merchant", merchantId).param("limit", limit).query(Outbox::delivery).list();
    }

    Optional<Message> find(String merchantId, String id) {
        return jdbc.sql("SELECT * FROM notifications WHERE merchant_id = :merchant AND id = :id")
                .param("merchant", merchantId).param("id", id).query(Outbox::message).optional();
    }

    private static Message message(ResultSet rs, int row) throws SQLException {
        Timestamp validUntil = rs.getTimestamp("valid_until");
        return new Message(rs.getString("id"), rs.getString("merchant_id"), rs.getString("link_id"), rs.getString("kind"),
                rs.getString("channel"), rs.getString("recipient"), rs.getString("language"),
                rs.getString("merchant_name"), rs.getString("order_number"),
                rs.getObject("amount_from_minor") == null ? null
                        : new Money(rs.getLong("amount_from_minor"), Currency.valueOf(rs.getString("currency").trim())),
                new Money(rs.getLong("amount_minor"), Currency.valueOf(rs.getString("currency").trim())),
                validUntil == null ? null : validUntil.toInstant(), rs.getString("link_url"), rs.getInt("attempts"));
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new Delivery(rs.getString("id"), rs.getString("link_id"), rs.getString("kind"), rs.getString("channel"),
                Masks.of(rs.getString("channel"), rs.getString("recipient")), rs.getString("status"), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getString("provider"), rs.getString("subject"), rs.getString("body"),
                sentAt == null ? null : sentAt.toInstant(), rs.getTimestamp("created_at").toInstant());
    }
}
