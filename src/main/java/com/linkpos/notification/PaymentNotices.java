package com.linkpos.notification;

import com.linkpos.checkout.PaymentApproved;
import com.linkpos.merchant.Merchant;
import com.linkpos.merchant.Merchants;
import com.linkpos.transaction.Transaction;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * [R5] The merchant hears of each payment by e-mail (the bank's setting «Ödeme alındığında e-posta
 * gönder»): queued in the transaction that records the payment, by a plain {@code @EventListener}.
 */
@Component
class PaymentNotices {

    private final Merchants merchants;
    private final Outbox outbox;

    PaymentNotices(Merchants merchants, Outbox outbox) {
        this.merchants = merchants;
        this.outbox = outbox;
    }

    @EventListener
    void paymentApproved(PaymentApproved event) {
        Transaction sale = event.sale();
        Merchant merchant = merchants.get(sale.merchantId());
        if (merchant.notifyOnPayment() && merchant.email() != null) {
            outbox.queue("PAYMENT_RECEIVED", "EMAIL", merchant.email(), "tr", new LinkMessage(merchant.id(), sale.linkId(),
                    merchant.name(), sale.orderNumber(), null, sale.amount(), null, null));
        }
    }
}
