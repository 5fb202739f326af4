package com.linkpos.webhook;

import com.linkpos.checkout.LinkUsed;
import com.linkpos.checkout.PaymentApproved;
import com.linkpos.checkout.PaymentDeclined;
import com.linkpos.transaction.HoldCaptured;
import com.linkpos.transaction.SaleRefunded;
import com.linkpos.transaction.SaleVoided;
import com.linkpos.transaction.TransactionJson;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * [R5] What happened elsewhere, as the merchant's webhook events (API.md). The listeners run inside
 * the transaction that published the event (a plain {@code @EventListener}, not one after commit):
 * the deliveries are queued with the payment, void or refund, or not at all.
 */
@Component
class WebhookEvents {

    private final Webhooks webhooks;

    WebhookEvents(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @EventListener
    void paymentApproved(PaymentApproved event) {
        webhooks.publish(event.sale().merchantId(), Webhooks.PAYMENT_SUCCEEDED, TransactionJson.of(event.sale()));
    }

    @EventListener
    void paymentDeclined(PaymentDeclined event) {
        webhooks.publish(event.sale().merchantId(), Webhooks.PAYMENT_FAILED, TransactionJson.of(event.sale()));
    }

    @EventListener
    void linkUsed(LinkUsed event) {
        webhooks.publish(event.merchantId(), Webhooks.LINK_USED, Map.of("linkId", event.linkId(),
                "orderNumber", event.orderNumber(), "transactionId", event.transactionId()));
    }

    @EventListener
    void saleVoided(SaleVoided event) {
        webhooks.publish(event.voided().merchantId(), Webhooks.TRANSACTION_VOIDED, TransactionJson.of(event.voided()));
    }

    @EventListener
    void holdCaptured(HoldCaptured event) {
        webhooks.publish(event.capture().merchantId(), Webhooks.TRANSACTION_CAPTURED, TransactionJson.of(event.capture()));
    }

    @EventListener
    void saleRefunded(SaleRefunded event) {
        webhooks.publish(event.refund().merchantId(), Webhooks.TRANSACTION_REFUNDED, TransactionJson.of(event.refund()));
    }
}
