package com.linkpos.notification;

/** A way out for messages: SMTP, an SMS gateway, or the local outbox when none is configured. */
interface Channel {

    /** Thrown when a delivery did not happen and may be retried. */
    final class DeliveryFailed extends Exception {
        DeliveryFailed(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** The name recorded with a sent message. */
    String provider();

    void send(Outbox.Message message, MessageTexts.Text text) throws DeliveryFailed;
}
