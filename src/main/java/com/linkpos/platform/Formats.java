package com.linkpos.platform;

import com.linkpos.shared.BusinessTime;
import com.linkpos.shared.Money;
import com.linkpos.shared.Currency;
import com.linkpos.shared.Total;
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

    private final org.springframework.context.MessageSource messages;

    Formats(org.springframework.context.MessageSource messages) {
        this.messages = messages;
    }

    /**
     * A bank's answer as the merchant reads it: the code with LinkPOS's words for it in the page's language
     * where it has some ("51 Limit yetersiz" / "51 Insufficient funds"), else with the bank's own text.
     */
    public String response(String code, String bankText) {
        String words = responseWords(code, bankText);
        return code == null ? words : (code + " " + words).strip();
    }

    /** The words alone of {@link #response}. */
    public String responseWords(String code, String bankText) {
        String words = code == null ? null
                : messages.getMessage("response." + code, null, null, LocaleContextHolder.getLocale());
        return words != null ? words : bankText == null ? "" : bankText;
    }

    public String dateTime(Instant instant) {
        return dateTime(instant, LocaleContextHolder.getLocale());
    }

    /** Now, as {@link #dateTime(Instant)} shows a time: when a page was printed. */
    public String now() {
        return dateTime(Instant.now());
    }

    /** A business day: "01.12.2026" in Turkish, "01 Dec 2026" in English. */
    public String date(java.time.LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofPattern(isEnglish(LocaleContextHolder.getLocale()) ? "dd MMM yyyy" : "dd.MM.yyyy",
                Locale.ENGLISH).format(day);
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

    /** A sum, shown as {@link #money(Money)} shows one amount. */
    public String money(Total total) {
        return total == null ? "" : withCurrency(total.format(language(LocaleContextHolder.getLocale())), total.currency(),
                LocaleContextHolder.getLocale());
    }

    /** [X4] An open amount: "10,00 TL – 5.000,00 TL", "TRY 10.00 – TRY 5,000.00". */
    public static String moneyRange(Money from, Money to, Locale locale) {
        return money(from, locale) + " – " + money(to, locale);
    }

    /** [X4] A link's amount as its pages write it: one amount, or an open amount's range ({@code from} below {@code to}). */
    public String money(Money from, Money to) {
        return from.equals(to) ? money(to) : moneyRange(from, to, LocaleContextHolder.getLocale());
    }

    /** [X4] The digits alone, for a table whose currency has its own column: "1.250,50", or "10,00 – 5.000,00". */
    public String digits(Money from, Money to) {
        Locale locale = language(LocaleContextHolder.getLocale());
        return from.equals(to) ? to.format(locale) : from.format(locale) + " – " + to.format(locale);
    }

    /** For what is written outside a request (messages): in the language given. */
    public static String money(Money money, Locale locale) {
        return money == null ? "" : withCurrency(money.format(language(locale)), money.currency(), locale);
    }

    /** The problems whose arguments are an amount as the API writes it and its currency ("1150.50", "TRY"). */
    private static final java.util.Set<String> MONEY_PROBLEMS = java.util.Set.of("amount_too_large", "refund_exceeds_sale",
            "capture_exceeds_authorization");

    /**
     * A problem's arguments as a page writes them: the API says "1150.50 TRY", a Turkish page "1.150,50 TL"
     * (the message keeps its own words and order). Other arguments go as they are.
     */
    public static Object[] args(com.linkpos.shared.FieldProblem problem, Locale locale) {
        Object[] args = problem.args();
        if (!MONEY_PROBLEMS.contains(problem.code()) || args.length != 2) {
            return args;
        }
        try {
            Currency currency = Currency.valueOf(String.valueOf(args[1]));
            return new Object[] {com.linkpos.shared.TypedAmounts.written(new java.math.BigDecimal(String.valueOf(args[0])), locale),
                    !isEnglish(locale) && currency == Currency.TRY ? "TL" : currency.name()};
        } catch (IllegalArgumentException notAnAmount) {
            return args;
        }
    }

    private static String withCurrency(String digits, Currency currency, Locale locale) {
        if (isEnglish(locale)) {
            return currency.name() + " " + digits;
        }
        return digits + " " + (currency == Currency.TRY ? "TL" : currency.name());
    }

    private static Locale language(Locale locale) {
        return isEnglish(locale) ? Languages.ENGLISH : Languages.TURKISH;
    }

    private static boolean isEnglish(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
