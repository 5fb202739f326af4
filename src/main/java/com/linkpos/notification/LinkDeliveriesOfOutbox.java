package com.linkpos.notification;

import com.linkpos.link.LinkDeliveries;
import java.util.List;
import org.springframework.stereotype.Component;

/** [M6] A link's messages, as the link's page and the links API show them (the link module's question). */
@Component
class LinkDeliveriesOfOutbox implements LinkDeliveries {

    private final Outbox outbox;

    LinkDeliveriesOfOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public List<LinkDeliveries.Delivery> ofLink(String merchantId, String linkId) {
        return outbox.ofLink(merchantId, linkId).stream().map(delivery -> new LinkDeliveries.Delivery(delivery.id(),
                delivery.kind(), delivery.channel(), delivery.recipient(), delivery.status(), delivery.attempts(),
                delivery.lastError(), delivery.sentAt(), delivery.createdAt())).toList();
    }
}
