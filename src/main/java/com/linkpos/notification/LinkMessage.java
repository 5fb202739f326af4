package com.linkpos.notification;

import com.linkpos.shared.Money;
import java.time.Instant;

/**
 * What a message about a link says: who asks for how much, until when, and where to pay. {@code amountFrom}:
 * the least of an open amount [X4] whose most is {@code amount}; null for one amount.
 */
public record LinkMessage(String merchantId, String linkId, String merchantName, String orderNumber, Money amountFrom,
                          Money amount,
                          Instant validUntil, String url) {
}
