package com.linkpos.checkout;

/** A payment used the link up (single use, or its total is full): published with the payment. */
public record LinkUsed(String merchantId, String linkId, String orderNumber, String transactionId) {
}
