package com.linkpos.checkout;

import com.linkpos.acquiring.CardBrand;
import com.linkpos.acquiring.CardDetails;
import com.linkpos.shared.FieldProblem;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** [P2] Everything checked before a card goes anywhere: Luhn, expiry, CVV, holder, accepted brand. */
final class CardChecks {

    private static final Pattern EXPIRY = Pattern.compile("(\\d{1,2})\\s*/\\s*(\\d{2}|\\d{4})");
    private static final Pattern CVV = Pattern.compile("\\d{3}");
    private static final Pattern HOLDER = Pattern.compile("[\\p{L}][\\p{L} .'-]{1,63}");

    private CardChecks() {
    }

    /** The card, or null with the reasons added to {@code errors}. */
    static CardDetails check(CardForm form, YearMonth thisMonth, List<FieldProblem> errors) {
        String holder = form.getCardHolder() == null ? "" : form.getCardHolder().strip().replaceAll("\\s+", " ");
        if (holder.isEmpty()) {
            errors.add(FieldProblem.of("cardHolder", "required"));
        } else if (!HOLDER.matcher(holder).matches()) {
            errors.add(FieldProblem.of("cardHolder", "card_holder_invalid"));
        }

        String number = digitsOf(form.getCardNumber());
        if (number.isEmpty()) {
            errors.add(FieldProblem.of("cardNumber", "required"));
        } else if (number.length() < 12 || number.length() > 19 || !luhn(number)) {
            errors.add(FieldProblem.of("cardNumber", "card_number_invalid"));
        } else if (!CardBrand.fromNumber(number).isAccepted()) {
            errors.add(FieldProblem.of("cardNumber", "card_brand_not_accepted"));
        }

        YearMonth expiry = null;
        Matcher matcher = EXPIRY.matcher(form.getExpiry() == null ? "" : form.getExpiry().strip());
        if (form.getExpiry() == null || form.getExpiry().isBlank()) {
            errors.add(FieldProblem.of("expiry", "required"));
        } else if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < 1 || Integer.parseInt(matcher.group(1)) > 12) {
            errors.add(FieldProblem.of("expiry", "card_expiry_invalid"));
        } else {
            int year = Integer.parseInt(matcher.group(2));
            expiry = YearMonth.of(year < 100 ? 2000 + year : year, Integer.parseInt(matcher.group(1)));
            if (expiry.isBefore(thisMonth)) {
                errors.add(FieldProblem.of("expiry", "card_expired"));
            } else if (expiry.isAfter(thisMonth.plusYears(20))) {
                errors.add(FieldProblem.of("expiry", "card_expiry_invalid"));
            }
        }

        String cvv = form.getCvv() == null ? "" : form.getCvv().strip();
        if (cvv.isEmpty()) {
            errors.add(FieldProblem.of("cvv", "required"));
        } else if (!CVV.matcher(cvv).matches()) {
            errors.add(FieldProblem.of("cvv", "card_cvv_invalid"));
        }
        return errors.isEmpty() ? new CardDetails(holder, number, expiry, cvv) : null;
    }

    /** The digits of a card number as typed with spaces or dashes; anything else makes it invalid. */
    static String digitsOf(String typed) {
        if (typed == null) {
            return "";
        }
        String compact = typed.replaceAll("[\\s-]", "");
        return compact.chars().allMatch(Character::isDigit) && compact.chars().allMatch(c -> c < 128) ? compact : "x";
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
