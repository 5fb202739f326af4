package com.linkpos.checkout;

import com.linkpos.acquiring.Acquirer;
import com.linkpos.acquiring.Acquirer.BankResponse;
import com.linkpos.acquiring.Acquirer.ThreeDSecureResult;
import com.linkpos.acquiring.CardDetails;
import com.linkpos.acquiring.CardInfo;
import com.linkpos.link.Link;
import com.linkpos.link.Links;
import com.linkpos.link.PaymentClaim;
import com.linkpos.merchant.Merchant;
import com.linkpos.merchant.Merchants;
import com.linkpos.notification.LinkMessage;
import com.linkpos.notification.Notifications;
import com.linkpos.shared.FieldProblem;
import com.linkpos.transaction.Batches;
import com.linkpos.transaction.Ledger;
import com.linkpos.transaction.Transaction;
import com.linkpos.transaction.TransactionJson;
import com.linkpos.webhook.Webhooks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A payment from card form to the bank's answer [P1]-[P7]: check the card, hand it to the bank for
 * 3-D Secure, and on the ACS's authenticated answer claim the link, authorize and record the sale.
 * Every step is guarded in the database, so a double submit, a refresh or a replayed ACS answer
 * never authorizes twice, and a single-use link is paid at most once.
 */
@Service
class Checkout {

    private static final Logger log = LoggerFactory.getLogger(Checkout.class);
    private static final Duration POLL = Duration.ofMillis(50);

    private final Links links;
    private final Merchants merchants;
    private final Acquirer acquirer;
    private final Ledger ledger;
    private final Batches batches;
    private final Attempts attempts;
    private final Notifications notifications;
    private final Webhooks webhooks;
    private final TransactionTemplate transactions;
    private final Duration claimTtl;
    private final Duration waitForOtherAttempt;

    Checkout(Links links, Merchants merchants, Acquirer acquirer, Ledger ledger, Batches batches, Attempts attempts,
             Notifications notifications, Webhooks webhooks, TransactionTemplate transactions,
             @Value("${linkpos.checkout.claim-ttl:2m}") Duration claimTtl,
             @Value("${linkpos.checkout.wait-for-other-attempt:15s}") Duration waitForOtherAttempt) {
        this.links = links;
        this.merchants = merchants;
        this.acquirer = acquirer;
        this.ledger = ledger;
        this.batches = batches;
        this.attempts = attempts;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.transactions = transactions;
        this.claimTtl = claimTtl;
        this.waitForOtherAttempt = waitForOtherAttempt;
    }

    /** Where the payer goes after submitting the card form. */
    sealed interface Next permits Redirect, Refused {
    }

    /** To the ACS, or to the result page. */
    record Redirect(String url) implements Next {
    }

    /** Back to the form with these problems; nothing was sent anywhere. */
    record Refused(List<FieldProblem> errors) implements Next {
    }

    /** [P4] Installments are for credit cards of the programs the bank names, decided by BIN before 3-D Secure. */
    FieldProblem installmentProblem(Link link, CardInfo card) {
        return link.installments() > 1 && !card.allowsInstallments()
                ? FieldProblem.of("cardNumber", "card_installments_not_allowed", link.installments()) : null;
    }

    Next start(Link link, CardDetails card, String nonce, String payerNote) {
        CardInfo info = acquirer.lookup(card.number());
        if (!info.brand().isAccepted()) {
            return new Refused(List.of(FieldProblem.of("cardNumber", "card_brand_not_accepted")));
        }
        FieldProblem installments = installmentProblem(link, info);
        if (installments != null) {
            return new Refused(List.of(installments));
        }
        Attempts.Opened opened = attempts.open(link, nonce, card, info, payerNote);
        Attempt attempt = opened.attempt();
        if (!opened.created()) {
            return whereIs(link, attempt.id());
        }
        Acquirer.Enrollment enrollment = acquirer.enroll(new Acquirer.EnrollmentRequest(link.merchantId(),
                merchants.get(link.merchantId()).name(), link.orderNumber(), attempt.id(), card, link.amount(),
                link.installments(), "/pay/" + link.token() + "/3ds/" + attempt.id()));
        if (!enrollment.enrolled()) {
            // [P3] LinkPOS takes full 3-D Secure only: a card that cannot be authenticated is not charged.
            transactions.executeWithoutResult(status -> {
                Transaction sale = ledger.recordSale(attempt.sale(link.orderNumber(), false, null, null, null,
                        "Card not enrolled in 3-D Secure", enrollment.mdStatus(), null));
                attempts.finish(attempt.id(), Attempt.Status.DECLINED, Attempt.Failure.NOT_ENROLLED, enrollment.mdStatus(),
                        null, sale.id());
                webhooks.publish(link.merchantId(), Webhooks.PAYMENT_FAILED, TransactionJson.of(sale));
            });
            return resultOf(link, attempt.id());
        }
        attempts.enrolled(attempt.id(), enrollment.xid());
        return new Redirect(enrollment.acsUrl());
    }

    /** A second submission of one form goes where the first one went, once it has got somewhere. */
    private Next whereIs(Link link, String attemptId) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(5));
        Attempt attempt = attempts.find(attemptId).orElseThrow();
        while (attempt.status() == Attempt.Status.AWAITING_3DS && attempt.xid() == null && Instant.now().isBefore(giveUp)) {
            sleep();
            attempt = attempts.find(attemptId).orElseThrow();
        }
        if (attempt.status() == Attempt.Status.AWAITING_3DS && attempt.xid() != null) {
            return new Redirect("/acs/" + attempt.xid());
        }
        return resultOf(link, attemptId);
    }

    /**
     * The payer is back from the ACS; the attempt ends here (the result page reads how). A replayed or
     * refreshed answer finds the attempt no longer awaiting 3-D Secure and changes nothing.
     */
    void complete(Link link, Attempt attempt, Map<String, String> acsAnswer) {
        ThreeDSecureResult result = acquirer.readAcsAnswer(acsAnswer);
        if (!result.xid().equals(attempt.xid()) || !result.reference().equals(attempt.id())) {
            throw new Acquirer.InvalidAcsAnswer("answer of another attempt");
        }
        if (attempt.status() != Attempt.Status.AWAITING_3DS) {
            return;
        }
        if (!result.authenticated()) {
            transactions.executeWithoutResult(status -> {
                if (attempts.transition(attempt.id(), Attempt.Status.AWAITING_3DS, Attempt.Status.DECLINED)) {
                    Transaction sale = ledger.recordSale(attempt.sale(link.orderNumber(), false, null, null, null,
                            "3-D Secure authentication failed", result.mdStatus(), result.eci()));
                    attempts.finish(attempt.id(), Attempt.Status.DECLINED, Attempt.Failure.THREE_DS_FAILED,
                            result.mdStatus(), result.eci(), sale.id());
                    webhooks.publish(link.merchantId(), Webhooks.PAYMENT_FAILED, TransactionJson.of(sale));
                }
            });
            return;
        }
        if (!attempts.transition(attempt.id(), Attempt.Status.AWAITING_3DS, Attempt.Status.AUTHORIZING)) {
            return;
        }
        PaymentClaim claim = claim(attempt);
        if (claim != PaymentClaim.CLAIMED) {
            Attempt.Failure failure = switch (claim) {
                case USED -> Attempt.Failure.ALREADY_PAID;
                case UNAVAILABLE -> Attempt.Failure.LINK_UNAVAILABLE;
                case CHANGED -> Attempt.Failure.LINK_CHANGED;
                default -> Attempt.Failure.BUSY;
            };
            attempts.finish(attempt.id(), Attempt.Status.FAILED, failure, result.mdStatus(), result.eci(), null);
            return;
        }
        authorize(link, attempt, result);
    }

    /** Claims the link, waiting while another attempt is being authorized: its outcome decides ours. */
    private PaymentClaim claim(Attempt attempt) {
        Instant giveUp = Instant.now().plus(waitForOtherAttempt);
        PaymentClaim claim = links.claimForPayment(attempt.linkId(), attempt.id(), attempt.amount(),
                attempt.installments(), claimTtl);
        while (claim == PaymentClaim.HELD_BY_ANOTHER && Instant.now().isBefore(giveUp)) {
            sleep();
            claim = links.claimForPayment(attempt.linkId(), attempt.id(), attempt.amount(), attempt.installments(), claimTtl);
        }
        return claim;
    }

    private void authorize(Link link, Attempt attempt, ThreeDSecureResult result) {
        BankResponse response;
        try {
            batches.closeStale(link.merchantId());
            response = acquirer.authorize(new Acquirer.AuthorizationRequest(link.merchantId(), result.xid(), attempt.id(),
                    link.orderNumber(), attempt.amount(), attempt.installments(), result.cavv(), result.eci()));
        } catch (RuntimeException unreachable) {
            log.error("Authorization of attempt {} failed to reach the bank", attempt.id(), unreachable);
            links.releaseClaim(link.id(), attempt.id());
            attempts.finish(attempt.id(), Attempt.Status.FAILED, Attempt.Failure.BANK_ERROR, result.mdStatus(), result.eci(), null);
            return;
        }
        boolean recorded = Boolean.TRUE.equals(transactions.execute(status -> {
            Links.RecordedPayment counted = response.approved()
                    ? links.recordPayment(link.id(), attempt.id(), attempt.amount()) : null;
            if (counted == Links.RecordedPayment.NOT_RECORDED) {
                status.setRollbackOnly();
                return false;
            }
            Transaction sale = ledger.recordSale(attempt.sale(link.orderNumber(), response.approved(), response.authCode(),
                    response.hostReference(), response.responseCode(), response.responseMessage(), result.mdStatus(),
                    result.eci()));
            if (!response.approved()) {
                links.releaseClaim(link.id(), attempt.id());
            }
            attempts.finish(attempt.id(), response.approved() ? Attempt.Status.APPROVED : Attempt.Status.DECLINED,
                    response.approved() ? null : Attempt.Failure.DECLINED_BY_BANK, result.mdStatus(), result.eci(), sale.id());
            if (response.approved()) {
                tellMerchant(link, attempt);
                webhooks.publish(link.merchantId(), Webhooks.PAYMENT_SUCCEEDED, TransactionJson.of(sale));
                if (counted == Links.RecordedPayment.RECORDED_AND_USED) {
                    webhooks.publish(link.merchantId(), Webhooks.LINK_USED, Map.of("linkId", link.id(),
                            "orderNumber", link.orderNumber(), "transactionId", sale.id()));
                }
            } else {
                webhooks.publish(link.merchantId(), Webhooks.PAYMENT_FAILED, TransactionJson.of(sale));
            }
            return true;
        }));
        if (!recorded) {
            // The claim lapsed while the bank was answering and another attempt may have paid: take ours back.
            log.warn("Attempt {} lost its claim on link {} during authorization; voiding", attempt.id(), link.id());
            BankResponse voided = acquirer.voidSale(link.merchantId(), response.hostReference());
            Transaction sale = ledger.recordSale(attempt.sale(link.orderNumber(), true, response.authCode(), response.hostReference(),
                    response.responseCode(), response.responseMessage(), result.mdStatus(), result.eci()));
            ledger.recordVoid(sale, voided.approved(), voided.authCode(), voided.hostReference(), voided.responseCode(),
                    voided.responseMessage());
            attempts.finish(attempt.id(), Attempt.Status.FAILED, Attempt.Failure.ALREADY_PAID, result.mdStatus(),
                    result.eci(), sale.id());
        }
    }

    /** [R5] The merchant's e-mail about the payment, queued with the payment itself. */
    private void tellMerchant(Link link, Attempt attempt) {
        Merchant merchant = merchants.get(link.merchantId());
        if (merchant.notifyOnPayment() && merchant.email() != null) {
            notifications.queuePaymentReceived(new LinkMessage(merchant.id(), link.id(), merchant.name(), link.orderNumber(),
                    attempt.amount(), null, null), merchant.email());
        }
    }

    Next resultOf(Link link, String attemptId) {
        return new Redirect("/pay/" + link.token() + "/result/" + attemptId);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
