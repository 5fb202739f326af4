package com.linkpos.checkout;

import com.linkpos.acquiring.Acquirer;
import com.linkpos.acquiring.Acquirers;
import com.linkpos.acquiring.BankAnswer;
import com.linkpos.acquiring.BrowserStep;
import com.linkpos.acquiring.CardDetails;
import com.linkpos.acquiring.CardInfo;
import com.linkpos.acquiring.InstallmentPolicy;
import com.linkpos.acquiring.Payment;
import com.linkpos.acquiring.Verdict;
import com.linkpos.fraud.CardFingerprints;
import com.linkpos.fraud.FraudRefusals;
import com.linkpos.fraud.FraudRuleBook;
import com.linkpos.fraud.FraudRules;
import com.linkpos.link.Link;
import com.linkpos.pricing.CostBearer;
import com.linkpos.pricing.PricingTable;
import com.linkpos.pricing.PricingTerms;
import com.linkpos.link.Links;
import com.linkpos.link.PaymentClaim;
import com.linkpos.shared.FieldProblem;
import com.linkpos.transaction.Batches;
import com.linkpos.transaction.Ledger;
import com.linkpos.transaction.Transaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A payment from card form to the bank's answer [P1]-[P7]: check the card, screen it by the fraud rules
 * [S4], hand it to the merchant's acquirer for 3-D Secure, and on the bank's authenticated answer claim the link, provision and
 * record the sale. Every step is guarded in the database, so a double submit, a refresh or a replayed
 * answer never provisions twice, and a single-use link is paid at most once. What happened is
 * published ({@link PaymentApproved}, {@link PaymentDeclined}, {@link LinkUsed}) in the transaction
 * that records it; webhooks and messages react to that, not to calls from here.
 */
@Service
class Checkout {

    private static final Logger log = LoggerFactory.getLogger(Checkout.class);
    private static final Duration POLL = Duration.ofMillis(50);
    /** [S4] The window of the fraud rules' limits ("attempts per hour"). */
    private static final Duration VELOCITY_WINDOW = Duration.ofHours(1);
    /** [S4] The code of a card a fraud rule refused: the payment page's and the refused sale's. */
    static final String CARD_BLOCKED = "card_blocked";

    private final Links links;
    private final Acquirers acquirers;
    private final Ledger ledger;
    private final Batches batches;
    private final Attempts attempts;
    private final UnwantedApprovals unwanted;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final CheckoutSettings settings;
    private final PricingTable pricing;
    private final FraudRuleBook fraudRules;
    private final CardFingerprints fingerprints;
    private final FraudRefusals refusals;
    private final PaymentOutcomes outcomes;
    private final Clock clock;

    Checkout(Links links, Acquirers acquirers, Ledger ledger, Batches batches, Attempts attempts, UnwantedApprovals unwanted,
             ApplicationEventPublisher events, PlatformTransactionManager transactions, CheckoutSettings settings,
             PricingTable pricing, FraudRuleBook fraudRules, CardFingerprints fingerprints, FraudRefusals refusals,
             PaymentOutcomes outcomes, Clock clock) {
        this.outcomes = outcomes;
        this.pricing = pricing;
        this.fraudRules = fraudRules;
        this.fingerprints = fingerprints;
        this.refusals = refusals;
        this.clock = clock;
        this.links = links;
        this.acquirers = acquirers;
        this.ledger = ledger;
        this.batches = batches;
        this.attempts = attempts;
        this.unwanted = unwanted;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.settings = settings;
    }

    /** Where the web layer puts the bank's answer for an attempt: an absolute URL under /pay/. */
    interface Callbacks {
        String of(Link link, String attemptId);
    }

    /** What became of a card form's submission. */
    sealed interface Started permits ToBank, Refused, Finished {
    }

    /** The payer's browser goes to the bank's 3-D Secure, as {@code step} says. */
    record ToBank(String attemptId, BrowserStep step) implements Started {
    }

    /** Back to the form with these problems; nothing was sent anywhere. */
    record Refused(List<FieldProblem> errors) implements Started {
    }

    /** The attempt is over (or a second submit waits on the first): the result page tells. */
    record Finished(String attemptId) implements Started {
    }

    /**
     * {@code amount}: what the payer pays of the link (its amount, or what the payer typed for an open amount [X4]);
     * {@code payerAddress}: where the card form came from, as the fraud rules count it [S4].
     */
    Started start(Link link, com.linkpos.shared.Money amount, String merchantName, CardDetails card, Integer chosenInstallments,
                  String nonce, String payerNote, String payerAddress, Locale language, Callbacks callbacks) {
        Acquirer acquirer = acquirers.forMerchant(link.merchantId());
        CardInfo info = acquirers.lookup(card.number());
        if (!info.brand().isAccepted()) {
            return new Refused(List.of(FieldProblem.of("cardNumber", "card_brand_not_accepted")));
        }
        InstallmentPolicy policy = new InstallmentPolicy(acquirer.installmentPrograms());
        if (!link.installmentTerms().payerChooses()) {
            Optional<FieldProblem> installments = policy.problem(link.installments(), info);
            if (installments.isPresent()) {
                return new Refused(List.of(installments.get()));
            }
        }
        // [T1] the count the payer chose among the card's offers (a fixed link has one); none chosen yet: the
        // page shows the card's offers and asks (without JavaScript, this is how the payer first sees them)
        int count = link.installmentTerms().payerChooses() ? (chosenInstallments == null ? 0 : chosenInstallments)
                : link.installments();
        Optional<InstallmentOffers.Offer> offer = InstallmentOffers.of(link, amount, termsFor(link), policy, info)
                .stream().filter(o -> o.count() == count).findFirst();
        if (offer.isEmpty()) {
            return new Refused(List.of(FieldProblem.of("installments",
                    chosenInstallments == null ? "choose_installments" : "installments_not_offered")));
        }
        Attempts.Payer payer = new Attempts.Payer(fingerprints.of(card.number()), payerAddress);
        Optional<FraudRules.Rule> refusal = screen(link, nonce, card, info, payer);
        if (refusal.isPresent()) {
            refuse(link, acquirer, card, info, payerNote, offer.get(), payer, refusal.get());
            return new Refused(List.of(FieldProblem.of("cardNumber", CARD_BLOCKED)));
        }
        Attempts.Opened opened = attempts.open(link, acquirer.type(), nonce, card, info, payerNote, offer.get(), payer);
        Attempt attempt = opened.attempt();
        if (opened.created()) {
            links.countAttempt(link);
        }
        if (!opened.created() && (attempt.status() != Attempt.Status.AWAITING_3DS || !sameCard(attempt, card))) {
            return new Finished(attempt.id());
        }
        // A second submission of one form (a double click) carries the card again: the bank is asked again for the
        // same order, which replaces its unanswered challenge, so whichever page the browser shows last works.
        BrowserStep step;
        try {
            step = acquirer.begin3ds(attempt.payment(merchantName, language, callbacks.of(link, attempt.id())), card);
        } catch (RuntimeException unreachable) {
            log.error("Attempt {} could not reach the bank's 3-D Secure", attempt.id(), unreachable);
            attempts.move(attempt.id(), Attempt.Status.AWAITING_3DS, Attempt.Status.FAILED, Attempt.Failure.BANK_ERROR,
                    null, null, null);
            return new Finished(attempt.id());
        }
        if (step instanceof BrowserStep.Refused refused) {
            // [P3] LinkPOS takes full 3-D Secure only: a card that cannot be authenticated is not charged.
            declined(attempt, refused.mdStatus(), null, refused.code(), refused.message(),
                    "2".equals(refused.mdStatus()) ? Attempt.Failure.NOT_ENROLLED : Attempt.Failure.DECLINED_BY_BANK);
            return new Finished(attempt.id());
        }
        return new ToBank(attempt.id(), step);
    }

    /**
     * [S4] The rule, the bank's or the merchant's, that refuses this card at this link, if one does. Attempts are
     * counted only where a limit needs them.
     */
    private Optional<FraudRules.Rule> screen(Link link, String nonce, CardDetails card, CardInfo info, Attempts.Payer payer) {
        FraudRuleBook.Both rules = fraudRules.forPayment(link.merchantId());
        Attempts.Velocity made = rules.countsAttempts()
                ? attempts.velocity(link, nonce, payer, clock.instant().minus(VELOCITY_WINDOW)) : Attempts.Velocity.NONE;
        return rules.verdict(new FraudRules.Card(card.number(), info.country(), info.program()), made.everywhere(),
                made.atMerchant());
    }

    /**
     * [S4] A refused card is recorded as the attempt it was, declined before 3-D Secure: a DECLINED sale of
     * response code {@code card_blocked} naming the rule, with no batch and no settlement, so İşlem Arama shows
     * it and no total counts it. The link is neither claimed nor counted as attempted, and nothing is published:
     * the payment never reached the bank (a card-testing run would otherwise flood the merchant's webhooks).
     */
    private void refuse(Link link, Acquirer acquirer, CardDetails card, CardInfo info, String payerNote,
                        InstallmentOffers.Offer offer, Attempts.Payer payer, FraudRules.Rule rule) {
        transactions.executeWithoutResult(status -> {
            Attempt attempt = attempts.refused(link, acquirer.type(), card, info, payerNote, offer, payer);
            Transaction sale = ledger.recordSale(attempt.sale(false, null, null, CARD_BLOCKED,
                    "Refused by the fraud rule " + rule.tag(), null, null));
            attempts.recorded(attempt.id(), sale.id());
        });
        refusals.count(rule);
        log.info("A card was refused at link {} by the fraud rule {}", link.id(), rule.tag());
    }

    /**
     * [T1] The ways the payer may pay the link with the card of {@code digits} (its BIN is enough), or with
     * any card while it is not known ({@code digits} null).
     */
    List<InstallmentOffers.Offer> offers(Link link, String digits) {
        // only what the offers depend on is read: the gateway's programs for a payer's choice of a known card
        InstallmentPolicy policy = link.installmentTerms().payerChooses() && digits != null
                ? new InstallmentPolicy(acquirers.forMerchant(link.merchantId()).installmentPrograms()) : null;
        return InstallmentOffers.of(link, link.amount(), termsFor(link), policy, digits == null ? null : acquirers.lookup(digits));
    }

    /** The bank's vade farkı rates, read only where the payer bears the vade farkı (the merchant's is never charged). */
    private PricingTerms termsFor(Link link) {
        return link.installmentTerms().costBorneBy() == CostBearer.PAYER ? pricing.of(link.merchantId()) : PricingTerms.NONE;
    }

    private static boolean sameCard(Attempt attempt, CardDetails card) {
        String number = card.number();
        return number.startsWith(attempt.cardBin()) && number.endsWith(attempt.cardLast4());
    }

    /**
     * The bank's answer, posted back by the payer's browser; the attempt ends here (the result page
     * reads how). An answer that is not the bank's throws {@link InvalidBankAnswer} and changes
     * nothing; a replayed one finds the attempt moved on and changes nothing either.
     */
    void complete(Link link, Attempt attempt, Map<String, String> posted) {
        Acquirer acquirer = acquirers.forMerchant(attempt.merchantId());
        Payment payment = attempt.payment(null, null, null);
        Verdict verdict = acquirer.readCallback(payment, posted);
        if (verdict instanceof Verdict.Untrusted untrusted) {
            throw new InvalidBankAnswer(untrusted.reason());
        }
        if (attempt.status() != Attempt.Status.AWAITING_3DS) {
            return;
        }
        if (verdict instanceof Verdict.NotAuthenticated failed) {
            // [P3] full authentication only: mdStatus 2-4 say the card or its issuer is not enrolled
            boolean notEnrolled = List.of("2", "3", "4").contains(failed.mdStatus());
            declined(attempt, failed.mdStatus(), null, failed.code(),
                    failed.message() == null || failed.message().isBlank() ? "3-D Secure authentication failed" : failed.message(),
                    notEnrolled ? Attempt.Failure.NOT_ENROLLED : Attempt.Failure.THREE_DS_FAILED);
            return;
        }
        Verdict.Authenticated authenticated = (Verdict.Authenticated) verdict;
        if (!attempts.move(attempt.id(), Attempt.Status.AWAITING_3DS, Attempt.Status.AUTHORIZING)) {
            return;
        }
        PaymentClaim claim = claim(attempt);
        if (claim != PaymentClaim.CLAIMED) {
            attempts.move(attempt.id(), Attempt.Status.AUTHORIZING, Attempt.Status.FAILED, switch (claim) {
                case USED -> Attempt.Failure.ALREADY_PAID;
                case UNAVAILABLE -> Attempt.Failure.LINK_UNAVAILABLE;
                case CHANGED -> Attempt.Failure.LINK_CHANGED;
                default -> Attempt.Failure.BUSY;
            }, authenticated.mdStatus(), authenticated.eci(), null);
            return;
        }
        provision(link, acquirer, payment, attempt, authenticated);
    }

    /** A payment that ends before any money moved (3-D Secure failed, not enrolled): a declined sale, in one transaction. */
    private void declined(Attempt attempt, String mdStatus, String eci, String code, String message, Attempt.Failure failure) {
        boolean recorded = Boolean.TRUE.equals(transactions.execute(status -> {
            Transaction sale = ledger.recordSale(attempt.sale(false, null, null, code == null || code.isEmpty() ? null : code,
                    message, mdStatus, eci));
            if (attempts.move(attempt.id(), Attempt.Status.AWAITING_3DS, Attempt.Status.DECLINED, failure, mdStatus, eci,
                    sale.id())) {
                events.publishEvent(new PaymentDeclined(sale));
                return true;
            }
            status.setRollbackOnly(); // a replay got here first
            return false;
        }));
        if (recorded) {
            outcomes.count(attempt.acquirer(), false);
        }
    }

    /** Claims the link, waiting while another attempt is being authorized: its outcome decides ours. */
    private PaymentClaim claim(Attempt attempt) {
        Instant giveUp = Instant.now().plus(settings.waitForOtherAttempt());
        PaymentClaim claim = claimOnce(attempt);
        while (claim == PaymentClaim.HELD_BY_ANOTHER && Instant.now().isBefore(giveUp)) {
            sleep();
            claim = claimOnce(attempt);
        }
        return claim;
    }

    /** One try: the link still asks for what the attempt pays (amount, count, and a hold or a sale). */
    private PaymentClaim claimOnce(Attempt attempt) {
        return links.claimForPayment(attempt.linkId(), attempt.id(), attempt.baseAmount(), attempt.linkInstallments(),
                attempt.preAuthorization(), settings.claimTtl());
    }

    private void provision(Link link, Acquirer acquirer, Payment payment, Attempt attempt, Verdict.Authenticated authenticated) {
        String md = authenticated.mdStatus();
        String eci = authenticated.eci();
        Optional<BankAnswer> answered = provisionOnce(acquirer, payment, attempt, authenticated);
        if (answered.isEmpty()) {
            return; // the bank's answer is unknown: recovery asks again and settles it
        }
        BankAnswer answer = answered.get();
        boolean recorded = Boolean.TRUE.equals(transactions.execute(status -> {
            Links.RecordedPayment counted = answer.approved()
                    ? links.recordPayment(link.id(), attempt.id(), attempt.amount()) : null;
            if (counted == Links.RecordedPayment.NOT_RECORDED) {
                status.setRollbackOnly();
                return false;
            }
            Transaction sale = ledger.recordSale(attempt.sale(answer.approved(), answer.authCode(), answer.hostReference(),
                    answer.code(), answer.message(), md, eci));
            if (!answer.approved()) {
                links.releaseClaim(link.id(), attempt.id());
            }
            attempts.move(attempt.id(), Attempt.Status.AUTHORIZING,
                    answer.approved() ? Attempt.Status.APPROVED : Attempt.Status.DECLINED,
                    answer.approved() ? null : Attempt.Failure.DECLINED_BY_BANK, md, eci, sale.id());
            events.publishEvent(answer.approved() ? new PaymentApproved(sale) : new PaymentDeclined(sale));
            if (counted == Links.RecordedPayment.RECORDED_AND_USED) {
                events.publishEvent(new LinkUsed(link.merchantId(), link.id(), link.orderNumber(), sale.id()));
            }
            return true;
        }));
        if (recorded) {
            outcomes.count(attempt.acquirer(), answer.approved());
        } else {
            // The claim lapsed while the bank was answering and another attempt may have paid: take ours back.
            log.warn("Attempt {} lost its claim on link {} during authorization; voiding", attempt.id(), link.id());
            unwanted.undo(acquirer, attempt, answer, md, eci, Attempt.Failure.ALREADY_PAID);
        }
    }

    /**
     * The provision, and if its answer is lost on the way (a timeout, a broken connection, a page that is
     * not the bank's protocol), the bank's order inquiry for it [A4]: never a second provision. Empty when
     * the inquiry cannot tell either: "not found" may only mean the provision is still on its way to the
     * bank. The attempt then stays authorizing, its claim on the link is let go, and {@link Recovery} asks
     * again once no provision can still be under way.
     */
    private Optional<BankAnswer> provisionOnce(Acquirer acquirer, Payment payment, Attempt attempt,
                                               Verdict.Authenticated authenticated) {
        batches.closeStale(attempt.merchantId());
        try {
            return Optional.of(acquirer.provision(payment, authenticated));
        } catch (RuntimeException lost) {
            log.warn("The provision of attempt {} got no answer ({}); asking the bank", attempt.id(), lost.toString());
        }
        try {
            Optional<BankAnswer> known = acquirer.inquire(payment);
            if (known.isPresent()) {
                return known;
            }
            log.warn("Attempt {}: the bank does not know its provision yet; recovery will ask again", attempt.id());
        } catch (RuntimeException unreachable) {
            log.error("Attempt {}: the bank answers neither provision nor inquiry; recovery will settle it", attempt.id(),
                    unreachable);
        }
        links.releaseClaim(attempt.linkId(), attempt.id());
        return Optional.empty();
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The bank's answer cannot be trusted: a bad signature, or another order, amount or currency. */
    static final class InvalidBankAnswer extends RuntimeException {
        InvalidBankAnswer(String reason) {
            super(reason, null, false, false);
        }
    }
}
