package com.linkpos.notification;

import java.time.Clock;
import com.linkpos.shared.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers what the outbox holds: one message at a time, each in its own transaction that keeps
 * the row locked (other instances skip it) until the outcome is recorded. A failure is retried
 * with exponential backoff; after the last attempt the message is FAILED, visible on the link.
 * At-least-once: a crash between sending and recording sends again, with the same message id.
 */
@Component
class Sender {

    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    /** Messages sent in one run at most, so one run never holds the scheduler long. */
    private static final int BATCH = 50;

    private final Outbox outbox;
    private final MessageTexts texts;
    private final NotificationSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Channel email;
    private final Channel sms;

    Sender(Outbox outbox, MessageTexts texts, NotificationSettings settings, PlatformTransactionManager transactions,
           Clock clock, ObjectProvider<JavaMailSender> mail) {
        this.outbox = outbox;
        this.texts = texts;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        JavaMailSender mailSender = mail.getIfAvailable();
        this.email = mailSender == null ? new LocalOutboxChannel() : new EmailChannel(mailSender, settings.notifications().from());
        this.sms = settings.sms().url().isBlank() ? new LocalOutboxChannel() : new SmsGatewayChannel(settings.sms());
        log.info("Messages go out by e-mail through {} and by SMS through {}", email.provider(), sms.provider());
    }

    @Scheduled(fixedDelayString = "${linkpos.notifications.poll}")
    void deliverDue() {
        if (!settings.notifications().senderEnabled()) {
            return;
        }
        for (int sent = 0; sent < BATCH; sent++) {
            Boolean delivered = transactions.execute(status -> deliverOne());
            if (!Boolean.TRUE.equals(delivered)) {
                return;
            }
        }
    }

    /** Delivers the next due message; false when there is none. */
    private boolean deliverOne() {
        Optional<Outbox.Message> next = outbox.claimDue();
        if (next.isEmpty()) {
            return false;
        }
        Outbox.Message message = next.get();
        MessageTexts.Text text = texts.of(message);
        Channel channel = "SMS".equals(message.channel()) ? sms : email;
        try {
            channel.send(message, text);
            outbox.sent(message.id(), channel.provider(), text.subject(), text.plain());
        } catch (Channel.DeliveryFailed failure) {
            int attempts = message.attempts() + 1;
            Instant retryAt = attempts >= settings.notifications().maxAttempts() ? null : clock.instant().plus(backoff(attempts));
            log.warn("Message {} ({}) attempt {} failed: {}", message.id(), message.channel(), attempts, failure.getMessage());
            outbox.failed(message.id(), failure.getMessage(), retryAt);
        }
        return true;
    }

    private Duration backoff(int attempts) {
        return new Backoff(settings.notifications().retryBase(), settings.notifications().retryMax()).after(attempts);
    }
}
