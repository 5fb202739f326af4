package com.linkpos.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.shared.Currency;
import com.linkpos.shared.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The words of messages: Turkish or English, and markup in a merchant's name stays text in the HTML e-mail. */
class MessageTextsTest {

    private final MessageTexts texts;

    MessageTextsTest() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasename("messages");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        texts = new MessageTexts(bundles);
    }

    private static Outbox.Message message(String channel, String language, String merchant, Money amount) {
        return new Outbox.Message("ntf_X", "mer_X", "lnk_X", "LINK", channel, "to", language, merchant, "SİP-1", null, amount,
                Instant.parse("2026-11-28T09:00:00Z"), "https://pay.example/pay/abc?x=1&y=2", 0);
    }

    @Test
    void turkishSmsWithTurkishCharactersAndTheUrl() {
        MessageTexts.Text sms = texts.of(message("SMS", "tr", "Çağdaş Işık Gıda", new Money(125050, Currency.TRY)));
        assertThat(sms.plain()).isEqualTo("Çağdaş Işık Gıda sizden 1.250,50 TL ödeme bekliyor. Son ödeme: 28.11.2026 12:00. "
                + "Ödemek için: https://pay.example/pay/abc?x=1&y=2");
    }

    @Test
    void englishForForeignCurrencies() {
        MessageTexts.Text email = texts.of(message("EMAIL", "en", "Acme", new Money(48000, Currency.USD)));
        assertThat(email.subject()).isEqualTo("Payment link from Acme: USD 480.00");
        assertThat(email.plain()).contains("valid until 28 Nov 2026, 12:00");
    }

    @Test
    void markupInTheHtmlEmailIsText() {
        MessageTexts.Text email = texts.of(message("EMAIL", "tr", "<script>alert(1)</script>", new Money(100, Currency.TRY)));
        assertThat(email.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("href=\"https://pay.example/pay/abc?x=1&amp;y=2\"");
    }
}
