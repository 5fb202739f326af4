package com.linkpos.notification;

import com.linkpos.audit.AuditTrail;
import com.linkpos.audit.Changes;

import com.linkpos.shared.ProblemException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * [N1][M6] The messages of links and merchants: queued, never sent, by what causes them, in its
 * database transaction ({@link LinkMessages}, {@link PaymentNotices}), so a message exists exactly when
 * the change that asked for it was committed; {@link Sender} delivers them afterwards. Here: the
 * deliveries as merchants see them, and sending one again.
 */
@Service
public class Notifications {

    private final Outbox outbox;

    private final AuditTrail audit;

    Notifications(Outbox outbox, AuditTrail audit) {
        this.audit = audit;
        this.outbox = outbox;
    }

    /** [M6] Sends a message again, to the same address, as a new message; returns the link it is about. */
    @Transactional
    public String resend(String merchantId, String notificationId) {
        Outbox.Message message = outbox.find(merchantId, notificationId).orElseThrow(ProblemException::notFound);
        outbox.queue(message.kind(), message.channel(), message.recipient(), message.language(),
                new LinkMessage(message.merchantId(), message.linkId(), message.merchantName(), message.orderNumber(),
                        message.amountFrom(), message.amount(), message.validUntil(), message.url()));
        audit.record("notification.resent", merchantId, notificationId, Changes.none().set("channel", message.channel())
                .set("to", com.linkpos.shared.Masks.of(message.channel(), message.recipient())));
        return message.linkId();
    }

    public List<Delivery> ofMerchant(String merchantId, int limit) {
        return outbox.ofMerchant(merchantId, limit);
    }
}
