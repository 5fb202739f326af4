package com.linkpos.link;

import com.linkpos.pricing.CostBearer;
import com.linkpos.merchant.Merchant;
import com.linkpos.shared.Currency;
import com.linkpos.shared.EmailAddresses;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.Money;
import com.linkpos.shared.ProblemException;
import com.linkpos.shared.FreeText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The rules of a link's terms [L1]-[L10], [M3], the same for the portal and the API.
 * All problems of one request are collected, so a form shows every wrong field at once.
 */
@Component
class LinkRules {

    static final int DESCRIPTION_LIMIT = 500;
    /** [X5] The largest cap of a multi-use link. */
    static final int MAX_PAYMENTS = 1_000_000;
    static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);
    static final Pattern ORDER_NUMBER = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** {@code linkpos.links.*}: the longest a link may be valid [L6]. */
    @ConfigurationProperties("linkpos.links")
    record Settings(Duration maxValidity) {
        Settings {
            maxValidity = maxValidity == null ? Duration.ofDays(180) : maxValidity;
        }
    }

    private final Duration maxValidity;

    @Autowired
    LinkRules(Settings settings) {
        this(settings.maxValidity());
    }

    /** The rules alone, without Spring (LinkRulesTest). */
    LinkRules(Duration maxValidity) {
        this.maxValidity = maxValidity;
    }

    Duration maxValidity() {
        return maxValidity;
    }

    /** Checks the terms of a new link ({@code current} null) or of an edit of {@code current}. */
    LinkTerms check(LinkInput input, Merchant merchant, Instant now, Link current) {
        List<FieldProblem> errors = new ArrayList<>();

        String orderNumber = blankToNull(input.orderNumber());
        if (current != null) {
            if (orderNumber != null && !orderNumber.equals(current.orderNumber())) {
                errors.add(FieldProblem.of("orderNumber", "order_number_immutable"));
            }
            orderNumber = current.orderNumber();
        } else if (orderNumber != null && !ORDER_NUMBER.matcher(orderNumber).matches()) {
            errors.add(FieldProblem.of("orderNumber", "invalid_order_number"));
        }

        Currency currency = Currency.TRY;
        String currencyCode = blankToNull(input.currency());
        if (currencyCode != null) {
            currency = Currency.fromCode(currencyCode).orElse(null);
            if (currency == null) {
                errors.add(FieldProblem.of("currency", "unknown_currency", currencyCode));
            } else if (!merchant.accepts(currency)) {
                errors.add(FieldProblem.of("currency", "currency_not_permitted", currency.name()));
            }
        }

        Money amount = null;
        OpenAmount openAmount = null;
        boolean open = blankToNull(input.openAmountMin()) != null || blankToNull(input.openAmountMax()) != null;
        if (open) {
            // [X4] the payer types the amount: TRY only, one payment, between a least and a most
            if (blankToNull(input.amount()) != null) {
                errors.add(FieldProblem.of("openAmount", "open_amount_with_amount"));
            } else if (currency != null && currency != Currency.TRY) {
                errors.add(FieldProblem.of("currency", "open_amount_only_try"));
            } else {
                Money min = amount("openAmount.min", input.openAmountMin(), Currency.TRY, errors);
                Money max = amount("openAmount.max", input.openAmountMax(), Currency.TRY, errors);
                if (min != null && max != null && min.minor() > max.minor()) {
                    errors.add(FieldProblem.of("openAmount.max", "invalid_open_amount"));
                } else if (min != null && max != null) {
                    openAmount = new OpenAmount(min, max);
                    amount = max;
                }
            }
        } else if (currency != null) {
            amount = amount("amount", input.amount(), currency, errors);
        }

        int installments = input.installments() == null ? 1 : input.installments();
        if (installments < 1 || installments > Merchant.INSTALLMENT_LIMIT) {
            errors.add(FieldProblem.of("installments", "installments_out_of_range", Merchant.INSTALLMENT_LIMIT));
        } else if (installments > 1 && currency != null && currency.isForeign()) {
            errors.add(FieldProblem.of("installments", "installments_only_try"));
        } else if (installments > merchant.maxInstallments()) {
            errors.add(FieldProblem.of("installments", "installments_not_permitted", merchant.maxInstallments()));
        }
        boolean preAuthorization = Boolean.TRUE.equals(input.preAuthorization());
        // monthly amounts need an amount known before the card, and a hold is captured in one piece
        if ((open || preAuthorization) && (installments > 1 || Boolean.TRUE.equals(input.payerChoosesInstallments()))) {
            errors.add(FieldProblem.of("installments", open ? "open_amount_single_payment" : "pre_authorization_single_payment"));
        }

        LinkUsage usage = named(LinkUsage.class, input.usage(), LinkUsage.SINGLE, "usage", "invalid_usage", errors);
        Integer maxPayments = input.maxPayments();
        if (maxPayments != null && usage != LinkUsage.MULTI) {
            errors.add(FieldProblem.of("maxPayments", "max_payments_multi_only"));
        } else if (maxPayments != null && (maxPayments < 1 || maxPayments > MAX_PAYMENTS)) {
            errors.add(FieldProblem.of("maxPayments", "invalid_max_payments", MAX_PAYMENTS));
        }

        String description = FreeText.check("description", input.description(), DESCRIPTION_LIMIT, errors);
        Recipients recipients = recipients(input.sms(), input.email(), "notify.", errors);
        String sms = recipients.sms();
        String email = recipients.email();

        String returnUrl = blankToNull(input.returnUrl());
        if (returnUrl != null) {
            returnUrl = returnUrl.strip();
            if (!isWebAddress(returnUrl)) {
                errors.add(FieldProblem.of("returnUrl", "invalid_return_url"));
            }
        }

        java.time.Duration reminderBefore = null;
        try {
            reminderBefore = reminder(input.reminderBefore());
        } catch (ProblemException invalid) {
            errors.addAll(invalid.errors());
        }
        CostBearer costBorneBy = named(CostBearer.class, input.installmentCostBorneBy(), CostBearer.MERCHANT,
                "installmentCostBorneBy", "invalid_installment_cost_bearer", errors);
        InstallmentTerms installmentTerms = new InstallmentTerms(Boolean.TRUE.equals(input.payerChoosesInstallments()),
                costBorneBy);

        Instant validFrom = input.validFrom() != null ? input.validFrom() : now;
        Instant validUntil = input.validUntil() != null ? input.validUntil() : validFrom.plus(DEFAULT_VALIDITY);
        boolean validityUnchanged = current != null && validFrom.equals(current.validFrom())
                && validUntil.equals(current.validUntil());
        if (!validityUnchanged) {
            // A past end is named as such: with a blank start ("from now") it is also "before the start",
            // but that start is one the merchant never typed.
            if (!validUntil.isAfter(now)) {
                errors.add(FieldProblem.withMessage("validUntil", "invalid_validity_period", "error.validity.endInPast"));
            } else if (!validUntil.isAfter(validFrom)) {
                errors.add(FieldProblem.withMessage("validUntil", "invalid_validity_period", "error.validity.endBeforeStart"));
            } else if (Duration.between(validFrom, validUntil).compareTo(maxValidity) > 0) {
                errors.add(FieldProblem.withMessage("validUntil", "invalid_validity_period", "error.validity.tooLong",
                        maxValidity.toDays()));
            }
        }

        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // [X5] a cap is never set at or below the payments the link has taken: it would be used at once
        if (current != null && maxPayments != null && !Objects.equals(maxPayments, current.maxPayments())
                && maxPayments <= current.paymentCount() + current.voidedCount()) {
            throw ProblemException.conflict("link_payment_limit_reached",
                    FieldProblem.of("maxPayments", "link_payment_limit_reached", current.paymentCount() + current.voidedCount()));
        }
        String frozen = current != null && current.hasPayments()
                ? changedTermOfPayment(current, amount, openAmount, installments, usage, preAuthorization) : null;
        if (frozen != null) {
            throw ProblemException.conflict("link_frozen_after_payment", FieldProblem.of(frozen, "link_frozen_after_payment"));
        }
        return new LinkTerms(orderNumber, amount, installments, validFrom, validUntil, usage, description,
                Boolean.TRUE.equals(input.payerNoteEnabled()), sms, email, returnUrl, installmentTerms, maxPayments,
                reminderBefore, openAmount, preAuthorization);
    }

    /** A positive amount of {@code currency} written as the API writes one; null (and a problem of {@code field}) otherwise. */
    private static Money amount(String field, String decimal, Currency currency, List<FieldProblem> errors) {
        if (blankToNull(decimal) == null) {
            errors.add(FieldProblem.of(field, "required"));
            return null;
        }
        try {
            return Money.parsePositive(decimal, currency);
        } catch (Money.InvalidAmount invalid) {
            String code = invalid.rejection().name().toLowerCase(Locale.ROOT);
            errors.add(invalid.rejection() == Money.Rejection.AMOUNT_TOO_LARGE
                    ? FieldProblem.of(field, code, Money.largest(currency).toDecimalString(), currency.name())
                    : FieldProblem.of(field, code, currency.minorDigits(), currency.name()));
            return null;
        }
    }

    /**
     * [X2] A reminder's time before expiry, ISO-8601 ({@code PT24H}): null when blank or zero (no reminder); refused
     * when unreadable, negative, or not shorter than the longest validity.
     */
    Duration reminder(String iso) {
        if (blankToNull(iso) == null) {
            return null;
        }
        Duration reminder;
        try {
            reminder = Duration.parse(iso.strip().toUpperCase(Locale.ROOT));
        } catch (java.time.format.DateTimeParseException unreadable) {
            throw ProblemException.invalid(FieldProblem.of("reminderBefore", "invalid_reminder"));
        }
        if (reminder.isNegative() || reminder.compareTo(maxValidity) >= 0) {
            throw ProblemException.invalid(FieldProblem.of("reminderBefore", "invalid_reminder"));
        }
        return reminder.isZero() ? null : reminder;
    }

    /** [M3] The first of what was paid for that the edit changes (the field the merchant is told of), or null. */
    private static String changedTermOfPayment(Link current, Money amount, OpenAmount openAmount, int installments,
                                               LinkUsage usage, boolean preAuthorization) {
        if (amount.currency() != current.amount().currency()) {
            return "currency";
        }
        if (!Objects.equals(openAmount, current.openAmount())) {
            return "openAmount";
        }
        if (!amount.equals(current.amount())) {
            return "amount";
        }
        if (installments != current.installments()) {
            return "installments";
        }
        if (usage != current.usage()) {
            return "usage";
        }
        return preAuthorization != current.preAuthorization() ? "preAuthorization" : null;
    }

    /** An absolute http(s) address a browser can be sent to, with no user info and no control characters. */
    static boolean isWebAddress(String text) {
        if (text.length() > 2048 || FreeText.hasHiddenCharacters(text) || text.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(text);
            return uri.getHost() != null && uri.getUserInfo() == null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException unreadable) {
            return false;
        }
    }

    /** Where a link's SMS and e-mail go: a Turkish mobile as E.164 and an e-mail address, each optional. */
    record Recipients(String sms, String email) {
    }

    /** The recipients as typed, checked; problems go to {@code errors} under {@code fieldPrefix + "sms"/"email"}. */
    static Recipients recipients(String sms, String email, String fieldPrefix, List<FieldProblem> errors) {
        String e164 = null;
        if (blankToNull(sms) != null) {
            e164 = TurkishMobile.toE164(sms).orElse(null);
            if (e164 == null) {
                errors.add(FieldProblem.of(fieldPrefix + "sms", "sms_number_not_turkish_mobile"));
            }
        }
        String address = blankToNull(email) == null ? null : email.strip();
        if (address != null && !EmailAddresses.isValid(address)) {
            errors.add(FieldProblem.of(fieldPrefix + "email", "invalid_email"));
        }
        return new Recipients(e164, address);
    }

    /** The constant {@code text} names in any case; {@code none} when it is blank; an unknown one is refused as {@code code}. */
    private static <E extends Enum<E>> E named(Class<E> type, String text, E none, String field, String code,
                                               List<FieldProblem> errors) {
        if (blankToNull(text) == null) {
            return none;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            errors.add(FieldProblem.of(field, code));
            return none;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
