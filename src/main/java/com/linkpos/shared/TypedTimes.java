package com.linkpos.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Dates and times as people type them into the portal's text fields, in Istanbul time, the same
 * whatever the browser's own language: on Turkish pages {@code gg.aa.yyyy ss:dd} ("01.12.2026 14:30"),
 * on English pages {@code yyyy-mm-dd hh:mm}. Either is read on any page, as is the HTML form's own
 * {@code 2026-12-01T14:30}; nothing else is guessed.
 */
public final class TypedTimes {

    private static final DateTimeFormatter TURKISH_TIME = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm");
    private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final DateTimeFormatter TURKISH_DAY = DateTimeFormatter.ofPattern("dd.MM.uuuu");
    private static final List<DateTimeFormatter> TIMES = List.of(strict("d.M.uuuu H:mm"), strict("uuuu-M-d H:mm"),
            strict("uuuu-M-d'T'H:mm"), strict("d.M.uuuu"), strict("uuuu-M-d"));
    private static final List<DateTimeFormatter> DAYS = List.of(strict("d.M.uuuu"), strict("uuuu-M-d"));

    private TypedTimes() {
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    /** How a time field of this page's language shows {@code instant} (Istanbul). */
    public static String format(Instant instant, Locale locale) {
        return instant == null ? null : (english(locale) ? ENGLISH_TIME : TURKISH_TIME).format(instant.atZone(BusinessTime.ZONE));
    }

    /** How a day field of this page's language shows {@code day}. */
    public static String format(LocalDate day, Locale locale) {
        return day == null ? null : english(locale) ? day.toString() : TURKISH_DAY.format(day);
    }

    /** The typed time, to the minute (a day alone is its midnight); empty when it is none of the ways above. */
    public static Optional<LocalDateTime> time(String typed) {
        String text = normalized(typed);
        for (DateTimeFormatter format : TIMES) {
            try {
                java.time.temporal.TemporalAccessor parsed = format.parseBest(text, LocalDateTime::from, LocalDate::from);
                return Optional.of(parsed instanceof LocalDate day ? day.atStartOfDay() : (LocalDateTime) parsed);
            } catch (DateTimeParseException notThisWay) {
                // the next way
            }
        }
        return Optional.empty();
    }

    /** The typed day; empty when it is neither way. */
    public static Optional<LocalDate> day(String typed) {
        String text = normalized(typed);
        for (DateTimeFormatter format : DAYS) {
            try {
                return Optional.of(LocalDate.parse(text, format));
            } catch (DateTimeParseException notThisWay) {
                // the next way
            }
        }
        return Optional.empty();
    }

    /** The placeholder of a time field: what to type. */
    public static String hint(Locale locale) {
        return english(locale) ? "yyyy-mm-dd hh:mm" : "gg.aa.yyyy ss:dd";
    }

    private static String normalized(String typed) {
        return typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** What a database timestamp holds (and any business needs). */
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * A list filter's time: an ISO instant or offset time; or a day (yyyy-MM-dd or as the Turkish portal types it,
     * in Istanbul), whose end is the next midnight when {@code endOfDay}. Null when blank; when unreadable, null
     * and an {@code invalid_date} error for {@code field}.
     */
    public static Instant instant(String text, boolean endOfDay, String field, List<FieldProblem> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                LocalDate day = day(value).orElseThrow(() -> new DateTimeParseException("not a day", value, 0));
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(BusinessTime.ZONE).toInstant();
            }
            Instant instant = java.time.OffsetDateTime.parse(value).toInstant();
            if (instant.isBefore(FIRST) || instant.isAfter(LAST)) { // beyond what a database timestamp holds
                throw new DateTimeParseException("out of range", value, 0);
            }
            return instant;
        } catch (DateTimeParseException unreadable) {
            errors.add(FieldProblem.of(field, "invalid_date"));
            return null;
        }
    }
}
