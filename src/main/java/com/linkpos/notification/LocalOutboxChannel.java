package com.linkpos.notification;

/**
 * [N2] With no SMTP server or SMS gateway configured (the embedded default), a message is "sent"
 * by keeping it, words and all, for the merchant's sent-messages page: a demo works offline.
 */
class LocalOutboxChannel implements Channel {

    @Override
    public String provider() {
        return "LOCAL_OUTBOX";
    }

    @Override
    public void send(Outbox.Message message, MessageTexts.Text text) {
        // Nothing leaves: the sender records the text with the message.
    }
}
