package com.linkpos.link;

import com.linkpos.platform.Caller;
import com.linkpos.merchant.Merchant;
import com.linkpos.merchant.Merchants;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.Ids;
import com.linkpos.shared.ProblemException;
import com.linkpos.shared.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, editing, deleting and finding a merchant's payment links. Every method takes the
 * {@link Caller} and touches only its merchant's links: another merchant's link is "not found".
 */
@Service
public class Links {

    private static final int ORDER_NUMBER_ATTEMPTS = 5;

    private final LinkTable table;
    private final LinkRules rules;
    private final Merchants merchants;
    private final LinkUrls urls;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LinkDefaults defaults;
    private final LinkAudit audit;

    Links(LinkTable table, LinkRules rules, Merchants merchants, LinkUrls urls, ApplicationEventPublisher events, Clock clock,
          LinkDefaults defaults, LinkAudit audit) {
        this.defaults = defaults;
        this.audit = audit;
        this.table = table;
        this.rules = rules;
        this.merchants = merchants;
        this.urls = urls;
        this.events = events;
        this.clock = clock;
    }

    /** [L11] Saves a new link with an unguessable token; a blank order number gets a generated one [L1]. */
    @Transactional
    Link create(Caller caller, LinkInput asked) {
        Merchant merchant = merchants.get(merchantOf(caller));
        Instant now = clock.instant();
        // [X2] a link that does not say gets the merchant's default reminder
        LinkInput input = asked.reminderBefore() != null && !asked.reminderBefore().isBlank() ? asked
                : asked.withReminderBefore(defaults.reminderBefore(merchant.id())
                        // a default saved under a longer validity than today's is not forced on a link that never asked
                        .filter(reminder -> reminder.compareTo(rules.maxValidity()) < 0)
                        .map(Duration::toString).orElse(null));
        LinkTerms terms = checkNew(input, merchant, now);
        String id = Ids.newId("lnk");
        Optional<Link> inserted;
        if (terms.orderNumber() != null) {
            inserted = table.insert(id, merchant.id(), Ids.newSecret(), terms.orderNumber(), terms, now);
            if (inserted.isEmpty()) {
                throw ProblemException.invalid(FieldProblem.of("orderNumber", "order_number_taken", terms.orderNumber()));
            }
        } else {
            int attempt = 0;
            while ((inserted = table.insert(id, merchant.id(), Ids.newSecret(), "LP-" + Ids.randomCode(10), terms, now)).isEmpty()) {
                if (++attempt >= ORDER_NUMBER_ATTEMPTS) {
                    throw new IllegalStateException("could not generate a free order number");
                }
            }
        }
        Link link = inserted.get();
        audit.created(caller, link);
        send(link, merchant, terms.sms(), terms.email());
        return link;
    }

    /** Sends the link again, to new or the same recipients (already checked); returns the message ids. */
    @Transactional
    List<String> notify(Caller caller, String id, String smsE164, String email) {
        Link link = get(caller, id);
        LinkStatus status = link.status(clock.instant());
        if (!status.isPayable() && status != LinkStatus.SCHEDULED) {
            throw notEditable(status);
        }
        audit.sent(link, smsE164, email);
        return send(link, merchants.get(link.merchantId()), smsE164, email);
    }

    /** [X2] The most links one transaction reminds; the job asks again while a batch comes back full. */
    static final int REMINDERS_AT_ONCE = 100;

    /**
     * [X2] Sends the reminders due now, each link's once, to the recipients it was sent to; in one
     * transaction with the links taken, so a reminder is queued exactly when its link is marked reminded.
     */
    @org.springframework.transaction.annotation.Transactional
    public int sendDueReminders() {
        List<Link> due = table.takeDueReminders(clock.instant(), REMINDERS_AT_ONCE);
        due.forEach(link -> send(link, merchants.get(link.merchantId()), link.notifySms(), link.notifyEmail(), true));
        return due.size();
    }

    /** [L11][N1] The SMS / e-mail leave through the outbox, queued in this same transaction; returns their ids. */
    private List<String> send(Link link, Merchant merchant, String smsE164, String email) {
        return send(link, merchant, smsE164, email, false);
    }

    private List<String> send(Link link, Merchant merchant, String smsE164, String email, boolean reminder) {
        List<LinkToBeSent.Recipient> recipients = new java.util.ArrayList<>();
        if (smsE164 != null) {
            recipients.add(new LinkToBeSent.Recipient(Ids.newId("ntf"), LinkToBeSent.Channel.SMS, smsE164));
        }
        if (email != null) {
            recipients.add(new LinkToBeSent.Recipient(Ids.newId("ntf"), LinkToBeSent.Channel.EMAIL, email));
        }
        if (!recipients.isEmpty()) {
            events.publishEvent(new LinkToBeSent(link.merchantId(), link.id(), merchant.name(), link.orderNumber(),
                    link.openAmount() == null ? null : link.openAmount().min(), link.amount(), link.validUntil(),
                    urls.of(link), List.copyOf(recipients), reminder));
        }
        return recipients.stream().map(LinkToBeSent.Recipient::messageId).toList();
    }

    /**
     * The rules. A taken order number is reported by the insert's ON CONFLICT when everything else is
     * valid; only when the rules already refuse the input is it looked up, so all problems come together.
     */
    private LinkTerms checkNew(LinkInput input, Merchant merchant, Instant now) {
        try {
            return rules.check(input, merchant, now, null);
        } catch (ProblemException invalid) {
            String orderNumber = input.orderNumber() == null ? "" : input.orderNumber().strip();
            if (!LinkRules.ORDER_NUMBER.matcher(orderNumber).matches() || !table.hasOrderNumber(merchant.id(), orderNumber)) {
                throw invalid;
            }
            List<FieldProblem> all = new java.util.ArrayList<>(List.of(FieldProblem.of("orderNumber", "order_number_taken", orderNumber)));
            invalid.errors().stream().filter(e -> !e.field().equals("orderNumber")).forEach(all::add);
            throw ProblemException.invalid(all);
        }
    }

    /** [X2] The reminder the merchant's new links get when they ask for none; empty: none. */
    Optional<Duration> defaultReminder(Caller caller) {
        return defaults.reminderBefore(merchantOf(caller));
    }

    /** [X2] Sets it (a merchant admin's choice; {@code iso} blank or PT0S: none), checked as a link's reminder is. */
    @Transactional
    Optional<Duration> setDefaultReminder(Caller caller, String iso) {
        if (!caller.isMerchantAdmin()) {
            throw new ProblemException(org.springframework.http.HttpStatus.FORBIDDEN, "forbidden", List.of());
        }
        Duration reminder = rules.reminder(iso);
        audit.defaultsUpdated(merchantOf(caller), defaults.reminderBefore(merchantOf(caller)).orElse(null), reminder);
        defaults.setReminderBefore(merchantOf(caller), reminder);
        return Optional.ofNullable(reminder);
    }

    /** [M3] Edits a link in place: same URL, same order number; paid terms stay frozen. */
    @Transactional
    Link update(Caller caller, String id, Function<Link, LinkInput> edit) {
        String merchantId = merchantOf(caller);
        LinkTable.ClaimState locked = table.findForUpdate(merchantId, id).orElseThrow(ProblemException::notFound);
        Link current = locked.link();
        Instant now = clock.instant();
        LinkStatus status = current.status(now);
        if (!status.isEditable()) {
            throw notEditable(status);
        }
        // The edit is applied to the row as locked, so two edits at once cannot undo each other.
        LinkInput input = edit.apply(current);
        LinkTerms terms = rules.check(input, merchants.get(merchantId), now, current);
        boolean termsOfPaymentChange = !terms.amount().equals(current.amount()) || terms.installments() != current.installments()
                || !java.util.Objects.equals(terms.openAmount(), current.openAmount())
                || terms.preAuthorization() != current.preAuthorization();
        if (termsOfPaymentChange && locked.heldByAnother(null, now)) {
            // A payer is being authorized for the current terms right now.
            throw ProblemException.conflict("link_frozen_after_payment",
                    FieldProblem.withMessage("amount", "link_frozen_after_payment", "error.link_payment_in_progress"));
        }
        Link updated = table.update(merchantId, id, terms, now);
        audit.updated(current, updated);
        return updated;
    }

    private static ProblemException notEditable(LinkStatus status) {
        return ProblemException.conflict("link_not_editable", FieldProblem.withMessage("status", "link_not_editable",
                "error.link_not_editable." + status.name()));
    }

    /** Checks terms without saving anything: lets a form show every problem at once. */
    List<FieldProblem> problems(Caller caller, LinkInput input, Link current) {
        try {
            Merchant merchant = merchants.get(merchantOf(caller));
            if (current == null) {
                checkNew(input, merchant, clock.instant());
            } else {
                rules.check(input, merchant, clock.instant(), current);
            }
            return List.of();
        } catch (ProblemException problem) {
            return problem.errors();
        }
    }

    /** Gives a link a new validity from now until {@code validUntil}: what renewing an expired link means. */
    @Transactional
    Link renew(Caller caller, String id, Instant validUntil) {
        Instant now = clock.instant();
        return update(caller, id, current -> LinkInput.of(current)
                .withValidity(now.isBefore(current.validFrom()) ? current.validFrom() : now, validUntil));
    }

    /** [M4] Deleting is immediate and final; repeating it is harmless. The order number stays taken. */
    @Transactional
    Link delete(Caller caller, String id) {
        String merchantId = merchantOf(caller);
        boolean deleted = table.markDeleted(merchantId, id, clock.instant());
        Link link = table.find(merchantId, id).orElseThrow(ProblemException::notFound);
        if (deleted) {
            audit.deleted(link);
        }
        return link;
    }

    public Link get(Caller caller, String id) {
        return table.find(merchantOf(caller), id).orElseThrow(ProblemException::notFound);
    }

    /** Tries of a claim that keeps being released and taken between our update and our read. */
    private static final int CLAIM_TRIES = 3;

    /**
     * [P6] Claims the link for an attempt about to be authorized. A claim lasts {@code ttl} at most:
     * one that outlives its attempt (a crash) lapses by itself.
     */
    public PaymentClaim claimForPayment(String linkId, String attemptId, Money amount, int installments,
                                        boolean preAuthorization, Duration ttl) {
        for (int tries = 0; tries < CLAIM_TRIES; tries++) {
            Instant now = clock.instant();
            if (table.claim(linkId, attemptId, amount, installments, preAuthorization, now, now.plus(ttl))) {
                return PaymentClaim.CLAIMED;
            }
            // Why not? Read once, so the answer is consistent with itself.
            LinkTable.ClaimState state = table.claimState(linkId).orElseThrow();
            LinkStatus status = state.link().status(now);
            if (status == LinkStatus.USED || (status == LinkStatus.ACTIVE && !state.link().canCollect(amount))) {
                return PaymentClaim.USED;
            }
            if (status != LinkStatus.ACTIVE) {
                return PaymentClaim.UNAVAILABLE;
            }
            if (!state.link().asksFor(amount) || state.link().installments() != installments
                    || state.link().preAuthorization() != preAuthorization) {
                return PaymentClaim.CHANGED;
            }
            if (state.heldByAnother(attemptId, now)) {
                return PaymentClaim.HELD_BY_ANOTHER;
            }
            // The claim was released between our update and our read: try again.
        }
        return PaymentClaim.HELD_BY_ANOTHER;
    }

    /** What counting an approved payment on its link came to. */
    public enum RecordedPayment {
        RECORDED,
        /** Recorded, and the link takes no more payments (single use, or its total is full). */
        RECORDED_AND_USED,
        /** Not recorded: the attempt no longer held its claim, or the link's total is full. */
        NOT_RECORDED
    }

    /** Counts an approved payment on the link. */
    public RecordedPayment recordPayment(String linkId, String attemptId, Money amount) {
        return table.recordPayment(linkId, attemptId, amount, clock.instant())
                .map(used -> used ? RecordedPayment.RECORDED_AND_USED : RecordedPayment.RECORDED)
                .orElse(RecordedPayment.NOT_RECORDED);
    }

    /** Lets the next attempt try: this one did not end in a payment. */
    public void releaseClaim(String linkId, String attemptId) {
        table.releaseClaim(linkId, attemptId);
    }

    /** For the payment page: the link behind a token, whoever asks. */
    /** [X3] The payment page of the link was viewed, by a person or by a known link scanner. */
    public void countView(Link link, boolean scanner) {
        table.countView(link.id(), scanner, clock.instant());
    }

    /** [X3] A payment attempt of the link reached the bank. */
    public void countAttempt(Link link) {
        table.countAttempt(link.id());
    }

    public Optional<Link> findByToken(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return table.findByToken(token);
    }

    List<Link> page(Caller caller, LinkQuery query, String afterId, int limit) {
        return table.page(merchantOf(caller), query, clock.instant(), afterId, limit);
    }

    List<Link> page(Caller caller, LinkQuery query, int offset, int limit) {
        return table.page(merchantOf(caller), query, clock.instant(), offset, limit);
    }

    long count(Caller caller, LinkQuery query) {
        return table.count(merchantOf(caller), query, clock.instant());
    }

    java.time.Duration maxValidity() {
        return rules.maxValidity();
    }

    Instant now() {
        return clock.instant();
    }

    private static String merchantOf(Caller caller) {
        if (caller == null || caller.merchantId() == null) {
            throw ProblemException.notFound();
        }
        return caller.merchantId();
    }
}
