package com.linkpos.transaction;

import com.linkpos.audit.AuditTrail;
import com.linkpos.audit.Changes;

import com.linkpos.acquiring.BankAnswer;
import com.linkpos.acquiring.BinTable;
import com.linkpos.pricing.Charge;
import com.linkpos.pricing.PricingTable;
import com.linkpos.pricing.PricingTerms;
import com.linkpos.pricing.Settlement;
import com.linkpos.shared.BusinessTime;
import com.linkpos.shared.Currency;
import com.linkpos.shared.Ids;
import com.linkpos.shared.Money;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The ledger of SALE, VOID and REFUND transactions. Entries are appended; the one thing that changes
 * on an entry is a sale's running totals ({@code voided}, {@code refunded_minor}), brought up to date
 * with each approved void or refund of it, under the sale's row lock.
 */
@Service
public class Ledger {

    /**
     * Every read of a transaction also tells whether its batch is closed (alias {@code t} for the
     * transaction): as the bank said when it told (its end of day is its own [A6]), else closed by our
     * end of day, or opened on a business day that has passed, which the next transaction or end of
     * day closes for good (a read never writes).
     */
    static final String SELECT = """
            SELECT t.*, COALESCE(t.bank_batch_closed,
                    b.closed_at IS NOT NULL OR b.business_day < (CURRENT_TIMESTAMP AT TIME ZONE 'Europe/Istanbul')::date)
                AS batch_closed FROM transactions t
            LEFT JOIN batches b ON b.merchant_id = t.merchant_id AND b.batch_number = t.batch_number""";

    private final JdbcClient jdbc;
    private final Batches batches;
    private final Clock clock;
    private final PricingTable pricing;
    private final BinTable bins;
    private final AuditTrail audit;

    Ledger(JdbcClient jdbc, Batches batches, Clock clock, PricingTable pricing, BinTable bins, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
        this.pricing = pricing;
        this.bins = bins;
    }

    /** What the bank answered to a sale, as the ledger keeps it. */
    public record Sale(String merchantId, String linkId, String attemptId, String orderNumber, String gatewayOrderId, Money amount,
                       int installments, Transaction.Card card, boolean approved, String authCode, String hostReference,
                       String responseCode, String responseMessage, String mdStatus, String eci, String payerNote,
                       Money installmentCost, TransactionType type) {
    }

    /**
     * Appends a sale (or a pre-authorization [X6]); one per payment attempt (the database refuses a second).
     * A hold is not money: it has no batch and no settlement; its capture has both.
     */
    public Transaction recordSale(Sale sale) {
        String id = Ids.newId("txn");
        Integer batch = sale.approved() && sale.type() == TransactionType.SALE ? batches.openBatchNumber(sale.merchantId()) : null;
        Instant now = clock.instant();
        Settlement settlement = sale.approved() && sale.type() == TransactionType.SALE
                ? settlementOf(sale.merchantId(), sale.amount(), sale.installments(), sale.card().bin(), now) : null;
        return jdbc.sql("""
                        INSERT INTO transactions (id, merchant_id, link_id, attempt_id, type, status, order_number,
                            gateway_order_id, amount_minor, currency, installments, card_bin, card_last4, card_brand, card_issuer, card_type,
                            auth_code, host_reference, response_code, response_message, md_status, eci, payer_note,
                            batch_number, created_at, installment_cost_minor, commission_minor, commission_tax_minor,
                            net_minor, value_date)
                        VALUES (:id, :merchant, :link, :attempt, :type, :status, :order, :gatewayOrder, :amount, :currency,
                            :installments,
                            :bin, :last4, :brand, :issuer, :cardType, :auth, :host, :code, :message, :md, :eci, :note,
                            :batch, :now, :installmentCost, :commission, :commissionTax, :net, :valueDate)
                        RETURNING *, EXISTS (SELECT 1 FROM batches b WHERE b.merchant_id = transactions.merchant_id
                            AND b.batch_number = transactions.batch_number AND b.closed_at IS NOT NULL) AS batch_closed""")
                .param("id", id).param("merchant", sale.merchantId()).param("link", sale.linkId())
                .param("attempt", sale.attemptId()).param("type", sale.type().name())
                .param("status", (sale.approved() ? TransactionStatus.APPROVED : TransactionStatus.DECLINED).name())
                .param("order", sale.orderNumber()).param("gatewayOrder", sale.gatewayOrderId())
                .param("amount", sale.amount().minor())
                .param("currency", sale.amount().currency().name()).param("installments", sale.installments())
                .param("bin", sale.card().bin()).param("last4", sale.card().last4()).param("brand", sale.card().brand())
                .param("issuer", sale.card().issuer()).param("cardType", sale.card().type())
                .param("auth", sale.authCode()).param("host", sale.hostReference()).param("code", sale.responseCode())
                .param("message", sale.responseMessage()).param("md", sale.mdStatus()).param("eci", sale.eci())
                .param("note", sale.payerNote()).param("batch", batch).param("now", Timestamp.from(now))
                .param("installmentCost", sale.installmentCost().minor())
                .param("commission", settlement == null ? null : settlement.commission().minor())
                .param("commissionTax", settlement == null ? null : settlement.commissionTax().minor())
                .param("net", settlement == null ? null : settlement.net().minor())
                .param("valueDate", settlement == null ? null : Date.valueOf(settlement.valueDate()))
                .query(rows()).single();
    }

    /**
     * [T3] What an approved sale brings the merchant under the bank's terms of this moment: the
     * commission of its installment count (of cards issued abroad, where the bank set one), BSMV, the
     * net, credited its value days after the Istanbul day of the sale.
     */
    private Settlement settlementOf(String merchantId, Money amount, int installments, String bin, Instant now) {
        PricingTerms terms = pricing.of(merchantId);
        String country = bin == null ? null : bins.lookup(bin).country();
        boolean foreignCard = country != null && !"TR".equals(country);
        return Settlement.ofSale(amount, terms.commission(installments, foreignCard),
                terms.valueDays(installments), LocalDate.ofInstant(now, BusinessTime.ZONE));
    }

    /** Appends the void of a sale, as the bank answered it; an approved void marks the sale voided. */
    public Transaction recordVoid(Transaction sale, BankAnswer bank) {
        return recordReversal(sale, TransactionType.VOID, sale.amount(), bank);
    }

    /**
     * Appends a VOID or REFUND of {@code sale}, or the CAPTURE of a pre-authorization [X6], linked to it, and
     * when approved brings the sale up to date (voided, refunded so far, or captured). The caller holds the
     * sale's row lock ({@link #lockSale}).
     */
    Transaction recordReversal(Transaction sale, TransactionType type, Money amount, BankAnswer bank) {
        boolean approved = bank.approved();
        String id = Ids.newId("txn");
        // the release of a hold moves no money either: no batch [X6]
        boolean release = type == TransactionType.VOID && sale.type() == TransactionType.PRE_AUTH;
        Integer batch = approved && !release ? batches.openBatchNumber(sale.merchantId()) : null;
        Instant now = clock.instant();
        // [T2][T3] a refund gives back its share of the vade farkı and is taken from the merchant's credit that
        // day; a void needs neither: the voided sale no longer counts
        Money installmentCost = Money.zero(amount.currency());
        Settlement settlement = null;
        if (approved && type == TransactionType.REFUND) {
            installmentCost = new Charge(sale.baseAmount(), sale.installmentCost())
                    .installmentCostOf(amount, sale.refunded(), installmentCostRefunded(sale));
            settlement = Settlement.ofRefund(amount, LocalDate.ofInstant(now, BusinessTime.ZONE));
        }
        if (approved && type == TransactionType.CAPTURE) {
            // the capture is the money: settled as a sale of its amount under the terms of this moment
            settlement = settlementOf(sale.merchantId(), amount, sale.installments(),
                    sale.card() == null ? null : sale.card().bin(), now);
        }
        jdbc.sql("""
                        INSERT INTO transactions (id, merchant_id, link_id, type, status, order_number, gateway_order_id,
                            amount_minor, currency, installments, card_bin, card_last4, card_brand, card_issuer, card_type,
                            auth_code, host_reference, response_code, response_message, original_transaction_id,
                            batch_number, created_at, installment_cost_minor, commission_minor, commission_tax_minor,
                            net_minor, value_date)
                        SELECT :id, merchant_id, link_id, :type, :status, order_number, gateway_order_id, :amount, currency,
                            installments, card_bin, card_last4, card_brand, card_issuer, card_type, :auth, :host, :code,
                            :message, id, :batch, :now, :installmentCost, :commission, :commissionTax, :net, :valueDate
                        FROM transactions WHERE id = :sale AND merchant_id = :merchant""")
                .param("id", id).param("type", type.name())
                .param("status", (approved ? TransactionStatus.APPROVED : TransactionStatus.DECLINED).name())
                .param("amount", amount.minor()).param("auth", bank.authCode()).param("host", bank.hostReference())
                .param("code", bank.code()).param("message", bank.message()).param("batch", batch)
                .param("now", Timestamp.from(now)).param("sale", sale.id()).param("merchant", sale.merchantId())
                .param("installmentCost", installmentCost.minor())
                .param("commission", settlement == null ? null : settlement.commission().minor())
                .param("commissionTax", settlement == null ? null : settlement.commissionTax().minor())
                .param("net", settlement == null ? null : settlement.net().minor())
                .param("valueDate", settlement == null ? null : Date.valueOf(settlement.valueDate()))
                .update();
        if (approved) {
            jdbc.sql("""
                            UPDATE transactions SET voided = voided OR :void, refunded_minor = refunded_minor + :refund,
                                   captured_minor = captured_minor + :capture
                            WHERE id = :sale AND merchant_id = :merchant""")
                    .param("void", type == TransactionType.VOID)
                    .param("refund", type == TransactionType.REFUND ? amount.minor() : 0L)
                    .param("capture", type == TransactionType.CAPTURE ? amount.minor() : 0L)
                    .param("sale", sale.id()).param("merchant", sale.merchantId()).update();
        }
        // [S2] declined ones too: someone asked the bank to move money back
        audit.record(switch (type) {
            case VOID -> "transaction.voided";
            case REFUND -> "transaction.refunded";
            default -> "transaction.captured";
        }, sale.merchantId(), sale.id(), Changes.none().set("transactionId", id)
                .set("amount", amount.toDecimalString()).set("currency", amount.currency().name())
                .set("status", approved ? TransactionStatus.APPROVED : TransactionStatus.DECLINED).set("responseCode", bank.code()));
        return find(sale.merchantId(), id).orElseThrow();
    }

    /** The vade farkı the sale's approved refunds gave back so far. */
    private Money installmentCostRefunded(Transaction sale) {
        long minor = jdbc.sql("""
                        SELECT COALESCE(SUM(installment_cost_minor), 0) FROM transactions
                        WHERE merchant_id = :merchant AND original_transaction_id = :sale AND type = 'REFUND' AND status = 'APPROVED'""")
                .param("merchant", sale.merchantId()).param("sale", sale.id()).query(Long.class).single();
        return new Money(minor, sale.amount().currency());
    }

    /** [A6] The bank said where the sale's batch is: a refusal of a void (closed) or a refund (open). */
    void learnBankBatch(Transaction sale, boolean closed) {
        jdbc.sql("UPDATE transactions SET bank_batch_closed = :closed WHERE id = :id AND merchant_id = :merchant")
                .param("closed", closed).param("id", sale.id()).param("merchant", sale.merchantId()).update();
    }

    /** Reads a transaction and locks its row until the end of the transaction. */
    Optional<Transaction> lockSale(String merchantId, String id) {
        return jdbc.sql(SELECT + " WHERE t.merchant_id = :merchant AND t.id = :id FOR UPDATE OF t")
                .param("merchant", merchantId).param("id", id).query(rows()).optional();
    }

    public Optional<Transaction> find(String merchantId, String id) {
        return jdbc.sql(SELECT + " WHERE t.merchant_id = :merchant AND t.id = :id")
                .param("merchant", merchantId).param("id", id).query(rows()).optional();
    }

    /** The voids and refunds of a sale, oldest first. */
    public List<Transaction> reversalsOf(String merchantId, String saleId) {
        return jdbc.sql(SELECT + " WHERE t.merchant_id = :merchant AND t.original_transaction_id = :sale ORDER BY t.id")
                .param("merchant", merchantId).param("sale", saleId).query(rows()).list();
    }

    /** A link's transactions, newest first [M6]. */
    public List<Transaction> ofLink(String merchantId, String linkId) {
        return jdbc.sql(SELECT + " WHERE t.merchant_id = :merchant AND t.link_id = :link ORDER BY t.id DESC")
                .param("merchant", merchantId).param("link", linkId).query(rows()).list();
    }

    /**
     * Reads rows of {@link #SELECT}. A new one per query: it looks the columns up by name on the first
     * row and by position after that (a lookup per column and row was a sixth of an export's CPU).
     */
    static RowMapper<Transaction> rows() {
        return new Rows();
    }

    private static final class Rows implements RowMapper<Transaction> {

        private static final String[] NAMES = {"id", "merchant_id", "link_id", "attempt_id", "type", "status",
                "order_number", "amount_minor", "currency", "installments", "card_bin", "card_last4", "card_brand",
                "card_issuer", "card_type", "auth_code", "host_reference", "response_code", "response_message",
                "md_status", "eci", "payer_note", "original_transaction_id", "refunded_minor", "voided", "batch_number",
                "batch_closed", "created_at", "gateway_order_id", "installment_cost_minor", "commission_minor",
                "commission_tax_minor", "net_minor", "value_date", "captured_minor"};
        private int[] at;

        @Override
        public Transaction mapRow(ResultSet rs, int row) throws SQLException {
            if (at == null) {
                at = new int[NAMES.length];
                for (int i = 0; i < NAMES.length; i++) {
                    at[i] = rs.findColumn(NAMES[i]);
                }
            }
            Currency currency = Currency.valueOf(rs.getString(at[8]).trim());
            String bin = rs.getString(at[10]);
            return new Transaction(rs.getString(at[0]), rs.getString(at[1]), rs.getString(at[2]), rs.getString(at[3]),
                    TransactionType.valueOf(rs.getString(at[4])), TransactionStatus.valueOf(rs.getString(at[5])),
                    rs.getString(at[6]), rs.getString(at[28]), new Money(rs.getLong(at[7]), currency), rs.getInt(at[9]),
                    bin == null ? null : new Transaction.Card(bin, rs.getString(at[11]), rs.getString(at[12]),
                            rs.getString(at[13]), rs.getString(at[14])),
                    rs.getString(at[15]), rs.getString(at[16]), rs.getString(at[17]), rs.getString(at[18]),
                    rs.getString(at[19]), rs.getString(at[20]), rs.getString(at[21]), rs.getString(at[22]),
                    new Money(rs.getLong(at[23]), currency), rs.getBoolean(at[24]), (Integer) rs.getObject(at[25]),
                    rs.getBoolean(at[26]), rs.getObject(at[27], OffsetDateTime.class).toInstant(),
                    new Money(rs.getLong(at[29]), currency), settlement(rs, currency), new Money(rs.getLong(at[34]), currency));
        }

        private Settlement settlement(ResultSet rs, Currency currency) throws SQLException {
            java.sql.Date valueDate = rs.getDate(at[33]);
            return valueDate == null ? null : new Settlement(new Money(rs.getLong(at[30]), currency),
                    new Money(rs.getLong(at[31]), currency), new Money(rs.getLong(at[32]), currency), valueDate.toLocalDate());
        }
    }
}
