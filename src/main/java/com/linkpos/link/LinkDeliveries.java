package com.linkpos.link;

import java.time.Instant;
import java.util.List;

/**
 * [M6] The SMS and e-mails of a link, as its page and the API show them. The link module asks; the
 * module that sends messages answers (it depends on links, so links cannot depend on it).
 */
public interface LinkDeliveries {

    List<Delivery> ofLink(String merchantId, String linkId);

    /** One message: where it went (masked), whether it is the link itself or a notice, how it went. */
    record Delivery(String id, String kind, String channel, String recipient, String status, int attempts,
                    String lastError, Instant sentAt, Instant createdAt) {

        /** A message that carries the link to the payer (and can be sent again). */
        public boolean isLink() {
            return "LINK".equals(kind);
        }
    }
}
