package com.linkpos.link;

import com.linkpos.shared.Money;
import java.time.Instant;
import java.util.List;

/**
 * [L11][N1] A link is to go out by SMS and/or e-mail: made with recipients, or sent again. Published
 * in the transaction that saves the link, so the messages are queued with it or not at all; each
 * message already has its id, which the caller may answer with. {@code amountFrom}: the least of an open
 * amount [X4] (whose most is {@code amount}), null for a link of one amount.
 */
public record LinkToBeSent(String merchantId, String linkId, String merchantName, String orderNumber, Money amountFrom, Money amount,
                           Instant validUntil, String url, List<Recipient> recipients, boolean reminder) {

    public enum Channel { SMS, EMAIL }

    /** One message: its id, its channel, and where it goes (an E.164 number or an e-mail address). */
    public record Recipient(String messageId, Channel channel, String address) {
    }
}
