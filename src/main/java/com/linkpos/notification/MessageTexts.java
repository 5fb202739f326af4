package com.linkpos.notification;

import com.linkpos.platform.Formats;
import com.linkpos.platform.Languages;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The words of each message, from the message bundles, in the message's language. */
@Component
class MessageTexts {

    /** What a message says, as plain text and (for e-mail) HTML. */
    record Text(String subject, String plain, String html) {
    }

    private final MessageSource messages;

    MessageTexts(MessageSource messages) {
        this.messages = messages;
    }

    Text of(Outbox.Message message) {
        Locale locale = Languages.fromTag(message.language());
        String amount = message.amountFrom() == null ? Formats.money(message.amount(), locale)
                : Formats.moneyRange(message.amountFrom(), message.amount(), locale);
        String until = Formats.dateTime(message.validUntil(), locale);
        Object[] args = {message.merchantName(), amount, until, message.url(), message.orderNumber()};
        String prefix = switch (message.kind()) {
            case "PAYMENT_RECEIVED" -> "message.paid.";
            case "REMINDER" -> "message.reminder.";
            default -> "message.link.";
        };
        String subject = messages.getMessage(prefix + "subject", args, locale);
        String plain = messages.getMessage(prefix + ("SMS".equals(message.channel()) ? "sms" : "text"), args, locale);
        Object[] escaped = {HtmlUtils.htmlEscape(message.merchantName()), HtmlUtils.htmlEscape(amount),
                HtmlUtils.htmlEscape(until), HtmlUtils.htmlEscape(String.valueOf(message.url())),
                HtmlUtils.htmlEscape(String.valueOf(message.orderNumber()))};
        String html = messages.getMessage(prefix + "html", escaped, locale);
        return new Text(subject, plain, html);
    }
}
