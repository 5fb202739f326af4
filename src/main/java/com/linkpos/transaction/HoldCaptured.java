package com.linkpos.transaction;

import com.linkpos.shared.Money;

/**
 * [X6] An approved CAPTURE of a pre-authorization, published in the transaction that records it; {@code released}:
 * what was held and not captured (zero when all of it was).
 */
public record HoldCaptured(Transaction capture, Money released) {
}
