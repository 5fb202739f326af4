package com.linkpos.notification;

import com.linkpos.link.LinkToBeSent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * [L11][N1] A link to be sent becomes its messages, queued inside the transaction that saved the link
 * (a plain {@code @EventListener}): Turkish, or English for a foreign-currency link.
 */
@Component
class LinkMessages {

    private final Outbox outbox;

    LinkMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void linkToBeSent(LinkToBeSent link) {
        String language = link.amount().currency().isForeign() ? "en" : "tr";
        LinkMessage message = new LinkMessage(link.merchantId(), link.linkId(), link.merchantName(), link.orderNumber(),
                link.amountFrom(), link.amount(), link.validUntil(), link.url());
        link.recipients().forEach(recipient -> outbox.queue(recipient.messageId(), link.reminder() ? "REMINDER" : "LINK",
                recipient.channel().name(),
                recipient.address(), language, message));
    }
}
