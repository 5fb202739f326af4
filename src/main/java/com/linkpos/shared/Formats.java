package com.linkpos.shared;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How templates show money and time to people: in the user's language, in Istanbul time.
 * Used in templates as {@code @fmt}.
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter TURKISH = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("dd MMM yyyy, HH:mm", Locale.ENGLISH);

    public String dateTime(Instant instant) {
        return dateTime(instant, LocaleContextHolder.getLocale());
    }

    /** "1.250,50 TL" in Turkish, "TRY 1,250.50" in English. */
    public String money(Money money) {
        return money(money, LocaleContextHolder.getLocale());
    }

    /** For what is written outside a request (messages): in the language given. */
    public static String dateTime(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return (isEnglish(locale) ? ENGLISH : TURKISH).format(instant.atZone(BusinessTime.ZONE));
    }

    /** For what is written outside a request (messages): in the language given. */
    public static String money(Money money, Locale locale) {
        if (money == null) {
            return "";
        }
        if (isEnglish(locale)) {
            return money.currency().name() + " " + money.format(Languages.ENGLISH);
        }
        String symbol = money.currency() == Currency.TRY ? "TL" : money.currency().name();
        return money.format(Languages.TURKISH) + " " + symbol;
    }

    private static boolean isEnglish(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
