package com.linkpos.notification;

import com.linkpos.shared.ProblemException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * [N1] Messages are queued, never sent, by the code that causes them: in its database transaction,
 * so a message exists exactly when the change that asked for it was committed. {@link Sender}
 * delivers them afterwards.
 */
@Service
public class Notifications {

    private final Outbox outbox;

    Notifications(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * [L11] The link to the payer by SMS and/or e-mail (either may be null): Turkish, or English
     * for a foreign-currency link.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> queueLink(LinkMessage link, String smsE164, String email) {
        String language = link.amount().currency().isForeign() ? "en" : "tr";
        List<String> ids = new java.util.ArrayList<>();
        if (smsE164 != null) {
            ids.add(outbox.queue("LINK", "SMS", smsE164, language, link));
        }
        if (email != null) {
            ids.add(outbox.queue("LINK", "EMAIL", email, language, link));
        }
        return ids;
    }

    /** [M6] Sends a message again, to the same address, as a new message; returns the link it is about. */
    @Transactional
    public String resend(String merchantId, String notificationId) {
        Outbox.Message message = outbox.find(merchantId, notificationId).orElseThrow(ProblemException::notFound);
        outbox.queue(message.kind(), message.channel(), message.recipient(), message.language(),
                new LinkMessage(message.merchantId(), message.linkId(), message.merchantName(), message.orderNumber(),
                        message.amount(), message.validUntil(), message.url()));
        return message.linkId();
    }

    public List<Delivery> ofLink(String merchantId, String linkId) {
        return outbox.ofLink(merchantId, linkId);
    }

    public List<Delivery> ofMerchant(String merchantId, int limit) {
        return outbox.ofMerchant(merchantId, limit);
    }
}
