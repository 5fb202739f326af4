package com.linkpos.transaction;

import com.linkpos.acquiring.Acquirer;
import com.linkpos.acquiring.Acquirers;
import com.linkpos.acquiring.BankAnswer;
import com.linkpos.platform.Caller;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.Money;
import com.linkpos.shared.ProblemException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * [R3] Void (iptal) and refund (iade) of an approved sale, through the merchant's acquirer [A5]. The
 * sale's row stays locked from the check to the bank's answer being recorded, so two refunds at once
 * are decided one after the other and can never together exceed the sale, and a void racing a refund
 * leaves one consistent story. An approved one is published ({@link SaleVoided}, {@link SaleRefunded})
 * in the same transaction.
 */
@Service
public class Reversals {

    private static final Logger log = LoggerFactory.getLogger(Reversals.class);

    private final Ledger ledger;
    private final Batches batches;
    private final Acquirers acquirers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final RefundRequests requests;
    private final RefundApproval approval;

    Reversals(Ledger ledger, Batches batches, Acquirers acquirers, ApplicationEventPublisher events,
              TransactionTemplate transaction, RefundRequests requests, RefundApproval approval) {
        this.transaction = transaction;
        this.requests = requests;
        this.approval = approval;
        this.ledger = ledger;
        this.batches = batches;
        this.acquirers = acquirers;
        this.events = events;
    }

    /**
     * Voids a sale of the open batch, in full. Returns the VOID transaction (approved or declined by the
     * bank). A refusal the bank explains is learnt and answered: a batch the bank closed already (then a
     * refund is offered), a void the bank did before while its answer was lost (recorded now).
     */
    @Transactional(noRollbackFor = ProblemException.class)
    public Transaction voidSale(String merchantId, String saleId) {
        Transaction sale = reversible(merchantId, saleId);
        if (sale.type() == TransactionType.PRE_AUTH) {
            // a capture whose answer was lost is learnt, never released behind the merchant's back [X6]
            Optional<Money> captured = ask(() -> acquirers.forMerchant(merchantId).capturedAtTheBank(orderOf(sale)));
            if (captured.isPresent()) {
                learnCapture(sale, captured.get());
                throw new ProblemException(HttpStatus.CONFLICT, "already_captured", List.of());
            }
        }
        // a hold not captured is released whatever its batch: no money moved [X6]
        if (sale.batchClosed() && sale.type() != TransactionType.PRE_AUTH) {
            throw new ProblemException(HttpStatus.CONFLICT, "batch_closed_use_refund", List.of());
        }
        BankAnswer bank = ask(() -> acquirers.forMerchant(merchantId).voidSale(orderOf(sale)));
        if (bank.refusal() == BankAnswer.Refusal.BATCH_CLOSED_USE_REFUND) {
            ledger.learnBankBatch(sale, true); // [A6] the bank's end of day came before ours
            throw new ProblemException(HttpStatus.CONFLICT, "batch_closed_use_refund", List.of());
        }
        if (bank.refusal() == BankAnswer.Refusal.ALREADY_VOIDED) {
            bank = BankAnswer.approved(bank.code(), "Voided at the bank before (its answer had not reached LinkPOS)",
                    null, null);
        }
        Transaction voided = ledger.recordReversal(sale, TransactionType.VOID, sale.amount(), bank);
        if (voided.approved()) {
            events.publishEvent(new SaleVoided(voided));
        }
        return voided;
    }

    /**
     * Refunds part or all (amount null: the rest) of a sale of a closed batch, asked by {@code caller}; above the
     * merchant's four-eyes amount [S3] nothing goes to the bank: the outcome is a PENDING refund request (its
     * amount held against the sale's rest) for a second admin to approve ({@link #approveRefund}). The bank is
     * asked first how much it has paid back: a refund it made while its answer was lost (a timeout, a 502 to the
     * merchant) is recorded then, and is the answer when it is the one asked again; otherwise the merchant hears
     * of it before anything more is paid back. A partial refund is repeatable at the bank, so nothing else
     * could tell a retry from a second refund. That question is asked before the sale is locked and
     * outside any transaction: no database connection waits on the bank for it, and a refund recorded
     * meanwhile only makes the ledger's total larger, never the bank's look larger than it is.
     */
    public RefundOutcome refund(Caller caller, String saleId, String amount) {
        return refund(caller, saleId, amount, null);
    }

    /**
     * [S3] A second admin approves a refund request: the refund is made as {@link #refund} makes one (the same
     * checks, now, and the bank), and the request is APPROVED with it; declined by the bank or refused (the sale
     * voided, the rest refunded meanwhile) it is FAILED with the reason, and the refusal is the answer. A bank that
     * does not answer leaves it PENDING. Under the sale's and then the request's row lock: two admins approving
     * at once make one refund, the second hears {@code refund_request_not_pending}.
     */
    public RefundOutcome approveRefund(Caller approver, String requestId) {
        RefundRequest asked = requests.find(approver.merchantId(), requestId).orElseThrow(ProblemException::notFound);
        FourEyes.checkApprover(approver, asked);
        return refund(approver, asked.transactionId(), asked.amount().toDecimalString(), asked.id());
    }

    private RefundOutcome refund(Caller caller, String saleId, String amount, String requestId) {
        String merchantId = caller.merchantId();
        Optional<Money> atTheBank = ledger.find(merchantId, saleId)
                .filter(sale -> sale.type().isSale() && sale.approved() && !sale.voided() && sale.batchClosed())
                .flatMap(sale -> ask(() -> acquirers.forMerchant(merchantId).refundedAtTheBank(orderOf(sale))));
        // a refusal is an answer that keeps what it learnt (a batch, a lost refund): its transaction commits too
        Outcome outcome = transaction.execute(status -> {
            try {
                return new Outcome(refund(caller, saleId, amount, atTheBank, requestId), null);
            } catch (ProblemException refused) {
                if (requestId != null && failsTheRequest(refused)) {
                    requests.failed(merchantId, requestId, caller, refused.code(), null);
                }
                return new Outcome(null, refused);
            }
        });
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.refund();
    }

    /**
     * Whether a refusal at approval is the request's end: yes when the refund cannot be made as asked (the
     * sale voided, the rest refunded meanwhile, a refund learnt, the bank not answering); no when the request was
     * not PENDING (decided by someone else).
     */
    private static boolean failsTheRequest(ProblemException refused) {
        // a bank that did not answer (502) fails it too: the refund may have been made, and a request left
        // PENDING could be approved again and pay twice; a new request asks the bank first what it paid back
        return (refused.status() == HttpStatus.CONFLICT || refused.status() == HttpStatus.UNPROCESSABLE_CONTENT
                || refused.status() == HttpStatus.BAD_GATEWAY)
                && !"refund_request_not_pending".equals(refused.code());
    }

    /**
     * [X6] Captures {@code amount} (a decimal string; blank: all of it) of an open pre-authorization, once:
     * the CAPTURE is the money, voided or refunded as a sale is; what was held and not captured is released.
     */
    @Transactional(noRollbackFor = ProblemException.class)
    public Transaction capture(String merchantId, String preAuthorizationId, String amount) {
        batches.closeStale(merchantId);
        Transaction hold = ledger.lockSale(merchantId, preAuthorizationId).orElseThrow(ProblemException::notFound);
        if (hold.type() != TransactionType.PRE_AUTH || !hold.approved()) {
            throw new ProblemException(HttpStatus.CONFLICT, "transaction_not_capturable", List.of());
        }
        if (hold.voided()) {
            throw new ProblemException(HttpStatus.CONFLICT, "already_voided", List.of());
        }
        if (hold.captured().minor() > 0) {
            throw new ProblemException(HttpStatus.CONFLICT, "already_captured", List.of());
        }
        Money capture = captureAmount(hold, amount);
        BankAnswer bank = ask(() -> acquirers.forMerchant(merchantId).capture(orderOf(hold), capture));
        if (bank.refusal() == BankAnswer.Refusal.ALREADY_VOIDED) {
            throw new ProblemException(HttpStatus.CONFLICT, "already_voided", List.of());
        }
        if (bank.refusal() == BankAnswer.Refusal.NOT_CAPTURABLE || bank.refusal() == BankAnswer.Refusal.NOT_FOUND) {
            // closed before? then by a capture whose answer was lost: it is recorded now, and is the answer if it
            // was this one
            Optional<Money> before = ask(() -> acquirers.forMerchant(merchantId).capturedAtTheBank(orderOf(hold)));
            if (before.isPresent()) {
                Transaction learnt = learnCapture(hold, before.get());
                if (before.get().equals(capture)) {
                    return learnt;
                }
                throw new ProblemException(HttpStatus.CONFLICT, "already_captured", List.of());
            }
            throw new ProblemException(HttpStatus.CONFLICT, "transaction_not_capturable", List.of());
        }
        if (bank.refusal() == BankAnswer.Refusal.EXCEEDS_SALE) {
            throw exceeds(hold.amount(), "capture_exceeds_authorization");
        }
        Transaction captured = ledger.recordReversal(hold, TransactionType.CAPTURE, capture, bank);
        if (captured.approved()) {
            events.publishEvent(new HoldCaptured(captured,
                    new Money(hold.amount().minor() - capture.minor(), capture.currency())));
        }
        return captured;
    }

    /** [X6] Records the capture the bank made while its answer was lost. */
    private Transaction learnCapture(Transaction hold, Money captured) {
        Transaction learnt = ledger.recordReversal(hold, TransactionType.CAPTURE, captured, BankAnswer.approved("00",
                "Captured at the bank before (its answer had not reached LinkPOS)", null, null));
        events.publishEvent(new HoldCaptured(learnt, new Money(hold.amount().minor() - captured.minor(), captured.currency())));
        return learnt;
    }

    /** [X6] What a capture takes: {@code typed}, or when blank all that is held; never more than the hold. */
    static Money captureAmount(Transaction hold, String typed) {
        return upTo(hold.amount(), typed, "capture_exceeds_authorization");
    }

    /** What a refund came to in its transaction: the REFUND transaction and its request, or the refusal. */
    private record Outcome(RefundOutcome refund, ProblemException refusal) {
    }

    /** A refund, or the approval of request {@code requestId}, in its transaction. */
    private RefundOutcome refund(Caller caller, String saleId, String amount, Optional<Money> atTheBank, String requestId) {
        String merchantId = caller.merchantId();
        Transaction sale = reversible(merchantId, saleId);
        RefundRequest approving = requestId == null ? null : requests.lockPending(merchantId, requestId);
        if (sale.type() == TransactionType.PRE_AUTH) {
            throw new ProblemException(HttpStatus.CONFLICT, "transaction_not_refundable", List.of()); // a hold is released
        }
        if (!sale.batchClosed()) {
            throw new ProblemException(HttpStatus.CONFLICT, "batch_open_use_void", List.of());
        }
        // [S3] what pending requests hold is not there to refund: together they never exceed the sale
        Money refund = refundAmount(sale, requests.pendingOf(sale, requestId), amount);
        if (atTheBank.isPresent() && atTheBank.get().minor() > sale.refunded().minor()) {
            Money lost = new Money(atTheBank.get().minor() - sale.refunded().minor(), refund.currency());
            Transaction learnt = ledger.recordReversal(sale, TransactionType.REFUND, lost, BankAnswer.approved("00",
                    "Refunded at the bank before (its answer had not reached LinkPOS)", null, null));
            events.publishEvent(new SaleRefunded(learnt));
            if (lost.minor() == refund.minor()) {
                return made(learnt, approving, caller);
            }
            throw new ProblemException(HttpStatus.CONFLICT, "refund_made_before", List.of());
        }
        if (approving == null && FourEyes.needsApproval(approval.above(merchantId).orElse(null), refund)) {
            return new RefundOutcome(null, requests.create(sale, refund, caller)); // not to the bank: a second admin first
        }
        Acquirer acquirer = acquirers.forMerchant(merchantId);
        BankAnswer bank = ask(() -> acquirer.refund(orderOf(sale), refund));
        if (bank.refusal() == BankAnswer.Refusal.BATCH_OPEN_USE_VOID) {
            ledger.learnBankBatch(sale, false); // [A6] our end of day came before the bank's
            throw new ProblemException(HttpStatus.CONFLICT, "batch_open_use_void", List.of());
        }
        if (bank.refusal() == BankAnswer.Refusal.EXCEEDS_SALE) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "refund_exceeds_sale", List.of(
                    FieldProblem.of("amount", "refund_exceeds_sale", sale.refundableRest().toDecimalString(),
                            sale.refundableRest().currency().name())));
        }
        if (bank.refusal() == BankAnswer.Refusal.ALREADY_VOIDED) {
            throw new ProblemException(HttpStatus.CONFLICT, "already_voided", List.of());
        }
        Transaction refunded = ledger.recordReversal(sale, TransactionType.REFUND, refund, bank);
        if (refunded.approved()) {
            events.publishEvent(new SaleRefunded(refunded));
        }
        return made(refunded, approving, caller);
    }

    /** A REFUND recorded; the request it was the approval of decided by it (APPROVED, or FAILED: declined). */
    private RefundOutcome made(Transaction refund, RefundRequest approving, Caller approver) {
        if (approving == null) {
            return new RefundOutcome(refund, null);
        }
        if (refund.approved()) {
            return new RefundOutcome(refund, requests.approved(approving, refund, approver));
        }
        requests.failed(approving.merchantId(), approving.id(), approver, "declined", refund);
        return new RefundOutcome(refund, requests.find(approving.merchantId(), approving.id()).orElseThrow());
    }

    /**
     * The bank's answer; a bank that does not answer (a timeout, a page that is not its protocol) is the
     * merchant's to hear in plain words, with nothing recorded: asked again, the bank tells what happened.
     */
    private static <T> T ask(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException unanswered) {
            log.warn("The bank gave no answer to a void or refund: {}", unanswered.toString());
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "gateway_unavailable", List.of());
        }
    }

    /**
     * [R3] How much a refund of {@code sale} pays back: {@code typed} (a decimal string), or when blank
     * the whole refundable rest; more than the rest, or nothing, is refused.
     */
    public static Money refundAmount(Transaction sale, String typed) {
        return upTo(sale.refundableRest(), typed, "refund_exceeds_sale");
    }

    /** [S3] The same, of the rest less what pending refund requests hold of it. */
    static Money refundAmount(Transaction sale, Money held, String typed) {
        Money rest = sale.refundableRest();
        return upTo(new Money(Math.max(0, rest.minor() - held.minor()), rest.currency()), typed, "refund_exceeds_sale");
    }

    /**
     * An amount typed as the API writes one (blank: {@code most}), positive and at most {@code most}; more is
     * refused as {@code code} naming {@code most}.
     */
    private static Money upTo(Money most, String typed, String code) {
        if (typed == null || typed.isBlank()) {
            if (most.minor() <= 0) {
                throw exceeds(most, code);
            }
            return most;
        }
        Money amount;
        try {
            amount = Money.parsePositive(typed, most.currency());
        } catch (Money.InvalidAmount invalid) {
            throw ProblemException.invalid(FieldProblem.of("amount", invalid.rejection().name().toLowerCase(java.util.Locale.ROOT),
                    most.currency().minorDigits(), most.currency().name()));
        }
        if (amount.minor() > most.minor()) {
            throw exceeds(most, code);
        }
        return amount;
    }

    private static ProblemException exceeds(Money most, String code) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code,
                List.of(FieldProblem.of("amount", code, most.toDecimalString(), most.currency().name())));
    }

    private static Acquirer.Order orderOf(Transaction sale) {
        return new Acquirer.Order(sale.merchantId(), sale.gatewayOrderId(), sale.hostReference(), sale.amount());
    }

    /**
     * The sale, locked; only an approved, not voided SALE or CAPTURE can be voided or refunded, and a PRE_AUTH
     * not captured released (voided) [X6].
     */
    private Transaction reversible(String merchantId, String saleId) {
        batches.closeStale(merchantId);
        Transaction sale = ledger.lockSale(merchantId, saleId).orElseThrow(ProblemException::notFound);
        boolean hold = sale.type() == TransactionType.PRE_AUTH;
        if (!(sale.type().isSale() || hold) || !sale.approved()) {
            throw new ProblemException(HttpStatus.CONFLICT, "transaction_not_refundable", List.of());
        }
        if (sale.voided()) {
            throw new ProblemException(HttpStatus.CONFLICT, "already_voided", List.of());
        }
        if (hold && sale.captured().minor() > 0) {
            throw new ProblemException(HttpStatus.CONFLICT, "already_captured", List.of()); // its CAPTURE is reversed instead
        }
        return sale;
    }
}
