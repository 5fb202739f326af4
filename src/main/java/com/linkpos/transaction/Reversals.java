package com.linkpos.transaction;

import com.linkpos.acquiring.Acquirer;
import com.linkpos.acquiring.Acquirer.BankResponse;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.Money;
import com.linkpos.shared.ProblemException;
import com.linkpos.webhook.Webhooks;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * [R3] Void (iptal) and refund (iade) of an approved sale. The sale's row stays locked from the
 * check to the bank's answer being recorded, so two refunds at once are decided one after the other
 * and can never together exceed the sale, and a void racing a refund leaves one consistent story.
 */
@Service
public class Reversals {

    private final Ledger ledger;
    private final Batches batches;
    private final Acquirer acquirer;
    private final Webhooks webhooks;

    Reversals(Ledger ledger, Batches batches, Acquirer acquirer, Webhooks webhooks) {
        this.ledger = ledger;
        this.batches = batches;
        this.acquirer = acquirer;
        this.webhooks = webhooks;
    }

    /** Voids a sale of the open batch, in full. Returns the VOID transaction (approved or declined by the bank). */
    @Transactional
    public Transaction voidSale(String merchantId, String saleId) {
        Transaction sale = reversible(merchantId, saleId);
        if (sale.batchClosed()) {
            throw new ProblemException(HttpStatus.CONFLICT, "batch_closed_use_refund", java.util.List.of());
        }
        BankResponse bank = acquirer.voidSale(merchantId, sale.hostReference());
        return announced(ledger.recordReversal(sale, TransactionType.VOID, sale.amount(), bank.approved(), bank.authCode(),
                bank.hostReference(), bank.responseCode(), bank.responseMessage()), Webhooks.TRANSACTION_VOIDED);
    }

    /** Refunds part or all (amount null: the rest) of a sale of a closed batch. */
    @Transactional
    public Transaction refund(String merchantId, String saleId, String amount) {
        Transaction sale = reversible(merchantId, saleId);
        if (!sale.batchClosed()) {
            throw new ProblemException(HttpStatus.CONFLICT, "batch_open_use_void", java.util.List.of());
        }
        Money rest = sale.refundableRest();
        Money refund;
        if (amount == null || amount.isBlank()) {
            refund = rest;
        } else {
            try {
                refund = Money.parsePositive(amount, sale.amount().currency());
            } catch (Money.InvalidAmount invalid) {
                throw ProblemException.invalid(FieldProblem.of("amount",
                        invalid.rejection().name().toLowerCase(java.util.Locale.ROOT), sale.amount().currency().minorDigits(),
                        sale.amount().currency().name()));
            }
        }
        if (refund.minor() <= 0 || refund.minor() > rest.minor()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "refund_exceeds_sale",
                    java.util.List.of(FieldProblem.of("amount", "refund_exceeds_sale", rest.toDecimalString(),
                            rest.currency().name())));
        }
        BankResponse bank = acquirer.refund(merchantId, sale.hostReference(), refund);
        return announced(ledger.recordReversal(sale, TransactionType.REFUND, refund, bank.approved(), bank.authCode(),
                bank.hostReference(), bank.responseCode(), bank.responseMessage()), Webhooks.TRANSACTION_REFUNDED);
    }

    /** An approved void or refund is an event for the merchant's webhooks, queued in this transaction. */
    private Transaction announced(Transaction reversal, String event) {
        if (reversal.approved()) {
            webhooks.publish(reversal.merchantId(), event, TransactionJson.of(reversal));
        }
        return reversal;
    }

    /** The sale, locked; only an approved, not voided SALE can be voided or refunded. */
    private Transaction reversible(String merchantId, String saleId) {
        batches.closeStale(merchantId);
        Transaction sale = ledger.lockSale(merchantId, saleId).orElseThrow(ProblemException::notFound);
        if (sale.type() != TransactionType.SALE || !sale.approved()) {
            throw new ProblemException(HttpStatus.CONFLICT, "transaction_not_refundable", java.util.List.of());
        }
        if (sale.voided()) {
            throw new ProblemException(HttpStatus.CONFLICT, "already_voided", java.util.List.of());
        }
        return sale;
    }
}
