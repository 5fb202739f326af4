package com.linkpos.link;

import com.linkpos.pricing.CostBearer;
import com.linkpos.shared.Currency;
import com.linkpos.shared.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The links table. Every merchant-facing query carries the merchant id. */
@Repository
class LinkTable {

    private final JdbcClient jdbc;

    /**
     * [X5] The links one attempt at a time claims: single use, and a multi-use link with a cap, so that
     * concurrent payers can never pass the cap (each waits for the one before, whose outcome decides).
     */
    private static final String ONE_AT_A_TIME = "usage = 'SINGLE' OR max_payments IS NOT NULL";

    LinkTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new link as stored, or empty when the merchant already has a link with this order number. */
    Optional<Link> insert(String id, String merchantId, String token, String orderNumber, LinkTerms terms, Instant now) {
        return jdbc.sql("""
                        INSERT INTO links (id, merchant_id, token, order_number, amount_minor, currency, installments,
                                           valid_from, valid_until, usage, description, payer_note_enabled,
                                           notify_sms, notify_email, return_url, payer_chooses_installments,
                                           installment_cost_borne_by, max_payments, reminder_before_seconds,
                                           open_amount_min_minor, pre_authorization, created_at, updated_at)
                        VALUES (:id, :merchant, :token, :orderNumber, :amount, :currency, :installments,
                                :validFrom, :validUntil, :usage, :description, :payerNote, :sms, :email, :returnUrl,
                                :payerChooses, :costBorneBy, :maxPayments, :reminder, :openMin, :preAuth, :now, :now)
                        ON CONFLICT (merchant_id, order_number) DO NOTHING
                        RETURNING *""")
                .param("id", id).param("merchant", merchantId).param("token", token).param("orderNumber", orderNumber)
                .param("amount", terms.amount().minor()).param("currency", terms.amount().currency().name())
                .param("installments", terms.installments())
                .param("validFrom", Timestamp.from(terms.validFrom())).param("validUntil", Timestamp.from(terms.validUntil()))
                .param("usage", terms.usage().name()).param("description", terms.description())
                .param("payerNote", terms.payerNoteEnabled()).param("sms", terms.sms()).param("email", terms.email())
                .param("returnUrl", terms.returnUrl()).param("now", Timestamp.from(now))
                .param("payerChooses", terms.installmentTerms().payerChooses())
                .param("costBorneBy", terms.installmentTerms().costBorneBy().name())
                .param("maxPayments", terms.maxPayments())
                .param("reminder", terms.reminderBefore() == null ? null : terms.reminderBefore().toSeconds())
                .param("openMin", terms.openAmount() == null ? null : terms.openAmount().min().minor())
                .param("preAuth", terms.preAuthorization())
                .query(LinkTable::map).optional();
    }

    boolean hasOrderNumber(String merchantId, String orderNumber) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM links WHERE merchant_id = :merchant AND order_number = :orderNumber)")
                .param("merchant", merchantId).param("orderNumber", orderNumber).query(Boolean.class).single();
    }

    /** The link with its new terms, as stored. */
    Link update(String merchantId, String id, LinkTerms terms, Instant now) {
        return jdbc.sql("""
                        UPDATE links SET amount_minor = :amount, currency = :currency, installments = :installments,
                               valid_from = :validFrom, valid_until = :validUntil, usage = :usage,
                               description = :description, payer_note_enabled = :payerNote,
                               notify_sms = :sms, notify_email = :email, return_url = :returnUrl,
                               payer_chooses_installments = :payerChooses, installment_cost_borne_by = :costBorneBy,
                               max_payments = :maxPayments, reminder_before_seconds = :reminder,
                               open_amount_min_minor = :openMin, pre_authorization = :preAuth,
                               reminded_at = CASE WHEN valid_until = :validUntil
                                                   AND reminder_before_seconds IS NOT DISTINCT FROM CAST(:reminder AS BIGINT)
                                                  THEN reminded_at END,
                               updated_at = :now
                        WHERE merchant_id = :merchant AND id = :id
                        RETURNING *""")
                .param("amount", terms.amount().minor()).param("currency", terms.amount().currency().name())
                .param("installments", terms.installments())
                .param("validFrom", Timestamp.from(terms.validFrom())).param("validUntil", Timestamp.from(terms.validUntil()))
                .param("usage", terms.usage().name()).param("description", terms.description())
                .param("payerNote", terms.payerNoteEnabled()).param("sms", terms.sms()).param("email", terms.email())
                .param("returnUrl", terms.returnUrl())
                .param("payerChooses", terms.installmentTerms().payerChooses())
                .param("costBorneBy", terms.installmentTerms().costBorneBy().name())
                .param("maxPayments", terms.maxPayments())
                .param("reminder", terms.reminderBefore() == null ? null : terms.reminderBefore().toSeconds())
                .param("openMin", terms.openAmount() == null ? null : terms.openAmount().min().minor())
                .param("preAuth", terms.preAuthorization())
                .param("now", Timestamp.from(now)).param("merchant", merchantId).param("id", id)
                .query(LinkTable::map).single();
    }

    /**
     * Takes the link for one attempt: the row changes only if the link is payable now, still asks
     * for what the payer saw (its amount, or with an open amount [X4] a range that holds the payer's), and (single use) is neither paid nor held by a live claim of another
     * attempt. The database decides, so two attempts can never both hold it.
     */
    boolean claim(String id, String attemptId, Money amount, int installments, boolean preAuthorization, Instant now,
                  Instant until) {
        return jdbc.sql("""
                        UPDATE links SET claimed_by = CASE WHEN %1$s THEN CAST(:attempt AS text) END,
                                         claimed_until = CASE WHEN %1$s THEN CAST(:until AS timestamptz) END
                        WHERE id = :id AND deleted_at IS NULL AND used_at IS NULL
                          AND valid_from <= :now AND valid_until > :now
                          AND (amount_minor = :amount OR open_amount_min_minor <= :amount AND :amount <= amount_minor)
                          AND currency = :currency AND installments = :installments AND pre_authorization = :preAuth
                          AND collected_minor <= 9223372036854775807 - :amount
                          AND (max_payments IS NULL OR payment_count < max_payments)
                          AND (NOT (%1$s) OR claimed_by IS NULL OR claimed_until <= :now OR claimed_by = :attempt)""".formatted(ONE_AT_A_TIME))
                .param("id", id).param("attempt", attemptId).param("until", Timestamp.from(until))
                .param("now", Timestamp.from(now)).param("amount", amount.minor())
                .param("currency", amount.currency().name()).param("installments", installments)
                .param("preAuth", preAuthorization)
                .update() == 1;
    }

    /** A link with its claim, read together; {@code heldByAnother(null, now)}: held by any attempt. */
    record ClaimState(Link link, String claimedBy, Instant claimedUntil) {
        boolean heldByAnother(String attemptId, Instant now) {
            return claimedBy != null && !claimedBy.equals(attemptId) && claimedUntil.isAfter(now);
        }
    }

    Optional<ClaimState> claimState(String id) {
        return jdbc.sql("SELECT * FROM links WHERE id = :id").param("id", id)
                .query(LinkTable::claimState).optional();
    }

    private static ClaimState claimState(ResultSet rs, int row) throws SQLException {
        return new ClaimState(map(rs, row), rs.getString("claimed_by"), instant(rs, "claimed_until"));
    }

    /**
     * Counts an approved payment; a single-use link becomes USED, and so does a multi-use link whose
     * collected total could not take one more payment of its (frozen) amount, or that reached its
     * {@code max_payments} [X5]. Empty if the attempt
     * lost its claim, or (multi use) the total would pass the largest storable amount; otherwise
     * whether the link is used up now.
     */
    Optional<Boolean> recordPayment(String id, String attemptId, Money amount, Instant now) {
        return jdbc.sql("""
                        UPDATE links SET payment_count = payment_count + 1, collected_minor = collected_minor + :amount,
                                         used_at = CASE WHEN usage = 'SINGLE'
                                                          OR collected_minor + :amount > 9223372036854775807 - :amount
                                                          OR payment_count + 1 >= max_payments
                                                        THEN :now ELSE used_at END,
                                         last_paid_at = :now,
                                         claimed_by = NULL, claimed_until = NULL, updated_at = :now
                        WHERE id = :id AND (NOT (%s) OR claimed_by = :attempt)
                          AND collected_minor <= 9223372036854775807 - :amount
                        RETURNING used_at IS NOT NULL""".formatted(ONE_AT_A_TIME))
                .param("id", id).param("attempt", attemptId).param("amount", amount.minor())
                .param("now", Timestamp.from(now))
                .query(Boolean.class).optional();
    }

    /**
     * [X2] Takes the links whose reminder is due now: payable, not paid, not reminded yet, and within their
     * reminder's time before expiry; each is marked reminded as it is taken, so it is reminded once, by
     * one instance.
     */
    List<Link> takeDueReminders(Instant now, int most) {
        return jdbc.sql("""
                        UPDATE links SET reminded_at = :now
                        WHERE id IN (SELECT id FROM links
                                     WHERE reminder_before_seconds IS NOT NULL AND reminded_at IS NULL
                                       AND deleted_at IS NULL AND used_at IS NULL AND payment_count = 0
                                       AND valid_from <= :now AND valid_until > :now
                                       AND valid_until - make_interval(secs => reminder_before_seconds) <= :now
                                       AND (notify_sms IS NOT NULL OR notify_email IS NOT NULL)
                                     ORDER BY valid_until LIMIT :most FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .param("now", Timestamp.from(now)).param("most", most).query(LinkTable::map).list();
    }

    /** [X3] One view of the link's payment page: a person's, or a known scanner's (counted apart). */
    void countView(String id, boolean scanner, Instant now) {
        jdbc.sql(scanner ? "UPDATE links SET scanner_views = scanner_views + 1 WHERE id = :id" : """
                        UPDATE links SET views = views + 1, first_viewed_at = COALESCE(first_viewed_at, :now),
                                         last_viewed_at = :now
                        WHERE id = :id""")
                .param("id", id).param("now", Timestamp.from(now)).update();
    }

    /** [X3] A payment attempt of the link reached the bank. */
    void countAttempt(String id) {
        jdbc.sql("UPDATE links SET attempts = attempts + 1 WHERE id = :id").param("id", id).update();
    }

    void releaseClaim(String id, String attemptId) {
        jdbc.sql("UPDATE links SET claimed_by = NULL, claimed_until = NULL WHERE id = :id AND claimed_by = :attempt")
                .param("id", id).param("attempt", attemptId).update();
    }

    /** Whether it was deleted now (not before). */
    boolean markDeleted(String merchantId, String id, Instant now) {
        return jdbc.sql("""
                        UPDATE links SET deleted_at = :now, updated_at = :now
                        WHERE merchant_id = :merchant AND id = :id AND deleted_at IS NULL""")
                .param("now", Timestamp.from(now)).param("merchant", merchantId).param("id", id)
                .update() == 1;
    }

    Optional<Link> find(String merchantId, String id) {
        return jdbc.sql("SELECT * FROM links WHERE merchant_id = :merchant AND id = :id")
                .param("merchant", merchantId).param("id", id).query(LinkTable::map).optional();
    }

    /** The link with its claim, its row locked until the transaction ends, so an edit and a payment cannot interleave. */
    Optional<ClaimState> findForUpdate(String merchantId, String id) {
        return jdbc.sql("SELECT * FROM links WHERE merchant_id = :merchant AND id = :id FOR UPDATE")
                .param("merchant", merchantId).param("id", id).query(LinkTable::claimState).optional();
    }

    Optional<Link> findByToken(String token) {
        return jdbc.sql("SELECT * FROM links WHERE token = :token").param("token", token)
                .query(LinkTable::map).optional();
    }

    /** Keyset page, newest first: ids sort by creation time, so the last id seen is the cursor. */
    List<Link> page(String merchantId, LinkQuery query, Instant now, String afterId, int limit) {
        return jdbc.sql("SELECT * FROM links WHERE merchant_id = :merchant" + where(query)
                        + (afterId != null ? " AND id < :after" : "") + " ORDER BY id DESC LIMIT :limit")
                .params(params(merchantId, query, now)).param("after", afterId).param("limit", limit)
                .query(LinkTable::map).list();
    }

    /** Numbered page for the portal's table. */
    List<Link> page(String merchantId, LinkQuery query, Instant now, int offset, int limit) {
        return jdbc.sql("SELECT * FROM links WHERE merchant_id = :merchant" + where(query)
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(params(merchantId, query, now)).param("offset", offset).param("limit", limit)
                .query(LinkTable::map).list();
    }

    long count(String merchantId, LinkQuery query, Instant now) {
        return jdbc.sql("SELECT count(*) FROM links WHERE merchant_id = :merchant" + where(query))
                .params(params(merchantId, query, now)).query(Long.class).single();
    }

    private static String where(LinkQuery query) {
        return query.where(new java.util.HashMap<>());
    }

    private static java.util.Map<String, Object> params(String merchantId, LinkQuery query, Instant now) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("merchant", merchantId);
        params.put("now", Timestamp.from(now));
        query.where(params);
        return params;
    }

    /** [M7] One of the link's sales was voided: it no longer counts as paid or collected. */
    void countVoid(String merchantId, String id, Money amount) {
        jdbc.sql("""
                        UPDATE links SET voided_count = voided_count + 1, voided_minor = voided_minor + :amount
                        WHERE id = :id AND merchant_id = :merchant""")
                .param("amount", amount.minor()).param("id", id).param("merchant", merchantId).update();
    }

    /** [X6] What a pre-authorization held and its capture did not take no longer counts as collected. */
    void countRelease(String merchantId, String id, Money released) {
        jdbc.sql("UPDATE links SET collected_minor = collected_minor - :amount WHERE id = :id AND merchant_id = :merchant")
                .param("amount", released.minor()).param("id", id).param("merchant", merchantId).update();
    }

    /** [M7] Part or all of one of the link's sales was paid back. */
    void countRefund(String merchantId, String id, Money amount) {
        jdbc.sql("UPDATE links SET refunded_minor = refunded_minor + :amount WHERE id = :id AND merchant_id = :merchant")
                .param("amount", amount.minor()).param("id", id).param("merchant", merchantId).update();
    }

    private static Link map(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.valueOf(rs.getString("currency").trim());
        return new Link(rs.getString("id"), rs.getString("merchant_id"), rs.getString("token"),
                rs.getString("order_number"), new Money(rs.getLong("amount_minor"), currency),
                rs.getInt("installments"), instant(rs, "valid_from"), instant(rs, "valid_until"),
                LinkUsage.valueOf(rs.getString("usage")), rs.getString("description"),
                rs.getBoolean("payer_note_enabled"), rs.getString("notify_sms"), rs.getString("notify_email"),
                rs.getInt("payment_count") - rs.getInt("voided_count"),
                new Money(rs.getLong("collected_minor") - rs.getLong("voided_minor"), currency),
                rs.getInt("voided_count"), new Money(rs.getLong("voided_minor"), currency),
                new Money(rs.getLong("refunded_minor"), currency),
                instant(rs, "used_at"), instant(rs, "deleted_at"), instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getString("return_url"), new InstallmentTerms(rs.getBoolean("payer_chooses_installments"),
                        CostBearer.valueOf(rs.getString("installment_cost_borne_by"))),
                (Integer) rs.getObject("max_payments"),
                new Engagement(rs.getInt("views"), rs.getInt("scanner_views"), instant(rs, "first_viewed_at"),
                        instant(rs, "last_viewed_at"), rs.getInt("attempts")),
                rs.getObject("reminder_before_seconds") == null ? null
                        : java.time.Duration.ofSeconds(rs.getLong("reminder_before_seconds")),
                rs.getObject("open_amount_min_minor") == null ? null
                        : new OpenAmount(new Money(rs.getLong("open_amount_min_minor"), currency),
                                new Money(rs.getLong("amount_minor"), currency)),
                rs.getBoolean("pre_authorization"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
