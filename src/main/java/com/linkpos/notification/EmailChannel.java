package com.linkpos.notification;

import com.linkpos.platform.QrCodes;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * [N2] E-mail over SMTP (Spring Mail): HTML with plain text, the link's QR code inline, and the
 * outbox row's id as a stable Message-ID, so a retry after a crash is recognisably the same message.
 */
class EmailChannel implements Channel {

    private final JavaMailSender mail;
    private final String from;

    EmailChannel(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public String provider() {
        return "SMTP";
    }

    @Override
    public void send(Outbox.Message message, MessageTexts.Text text) throws DeliveryFailed {
        try {
            MimeMessage mime = mail.createMimeMessage();
            // Spring's sender keeps a Message-ID that is already set
            mime.setHeader("Message-ID", "<" + message.id() + "@linkpos>");
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.recipient());
            helper.setSubject(text.subject());
            boolean withQr = message.url() != null && "LINK".equals(message.kind());
            helper.setText(text.plain(), withQr ? text.html() + "<p><img src=\"cid:qr\" alt=\"QR\" width=\"180\" height=\"180\"></p>"
                    : text.html());
            if (withQr) {
                helper.addInline("qr", new ByteArrayResource(QrCodes.png(message.url(), 6)), "image/png");
            }
            mail.send(mime);
        } catch (MessagingException | MailException failure) {
            throw new DeliveryFailed("SMTP: " + failure.getMessage(), failure);
        }
    }
}
