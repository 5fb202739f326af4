package com.linkpos.acquiring;

import com.linkpos.shared.Money;
import java.util.Map;
import java.util.Optional;
import java.util.List;

/**
 * A bank's virtual POS gateway, for one merchant's terminal [B2][A1]-[A7]. Every Turkish gateway
 * LinkPOS speaks follows the "3-D model" (docs/VPOS.md, part C): the card goes to the bank's 3-D
 * Secure page ({@link #begin3ds}), the bank's answer comes back through the payer's browser as a
 * POST that is trusted only by the gateway's signature ({@link #readCallback}, no I/O), and then one
 * server-to-server provision charges the card ({@link #provision}). Void, refund and the order
 * inquiry (for an answer that was lost) go to the same gateway.
 *
 * <p>An adapter is a module of its own with an {@link AcquirerFactory}; {@link Acquirers} gives each
 * merchant the acquirer its terminal is set up with.
 */
public interface Acquirer {

    /** The gateway's type, as the bank sets it per merchant: SIMULATOR, PAYFOR, EST. */
    String type();

    /** [A7] The issuer programs whose credit cards may pay in installments on this gateway (data, not code). */
    List<String> installmentPrograms();

    /**
     * Hands the card to the bank for 3-D Secure: where the payer's browser goes next. The card lives
     * no longer than this call and the step it returns [P7].
     */
    BrowserStep begin3ds(Payment payment, CardDetails card);

    /**
     * The bank's answer, as the payer's browser posted it back: 3-D status first, then the gateway's
     * signature, then order, amount and currency must be the payment's. Decides only; changes nothing.
     */
    Verdict readCallback(Payment payment, Map<String, String> posted);

    /** The one provision of an authenticated payment [A4]. */
    BankAnswer provision(Payment payment, Verdict.Authenticated authenticated);

    /**
     * What the bank answered to this payment's provision, if it ever got one: for an attempt whose
     * answer was lost (a crash, a timeout) [A4].
     */
    Optional<BankAnswer> inquire(Payment payment);

    /**
     * Cancels an approved sale of the open batch, in full [A5]; of a pre-authorization not captured, releases
     * the hold, whatever its batch [X6].
     */
    BankAnswer voidSale(Order order);

    /** [X6] Captures (PostAuth) {@code amount}, at most the held amount, of an approved pre-authorization. */
    BankAnswer capture(Order order, Money amount);

    /**
     * [X6] What the bank captured of this pre-authorization by its own records; empty while it is not captured.
     * Asked when a capture or a release is refused, so that a capture whose answer was lost is learnt, never
     * lost or released behind the merchant's back.
     */
    Optional<Money> capturedAtTheBank(Order order);

    /** Pays back part or all of an approved sale of a closed batch [A5]. */
    BankAnswer refund(Order order, Money amount);

    /**
     * How much of the sale the bank has paid back so far, by its own records (nothing for a sale it does
     * not know); empty when its answer does not say. Asked before each refund, so that a refund whose
     * answer was lost is learnt from the bank and never paid twice [A5].
     */
    Optional<Money> refundedAtTheBank(Order order);

    /**
     * LinkPOS's end of day reached the bank [A6]: a real gateway closes its batches by itself and
     * ignores this; the simulator closes its own.
     */
    default void endOfDay(String merchantId) {
    }

    /** A sale at the bank: the order id LinkPOS gave it and the bank's reference for it. */
    record Order(String merchantId, String orderId, String hostReference, Money amount) {
    }
}
