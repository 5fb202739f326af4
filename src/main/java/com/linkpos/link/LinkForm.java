package com.linkpos.link;

import com.linkpos.shared.BusinessTime;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.TypedAmounts;
import com.linkpos.shared.TypedTimes;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The «Yeni Ekle» / edit form with the guide's 13 fields, as typed: amounts in the user's way of
 * writing numbers (1.250,50 in Turkish), dates as local Istanbul time.
 */
public class LinkForm {


    private String orderNumber;
    private String currency = "TRY";
    private String amount;
    private Integer installments = 1;
    private String validFrom;
    private String validUntil;
    private boolean smsEnabled;
    private String sms;
    private boolean emailEnabled;
    private String email;
    private String usage = "SINGLE";
    private String description;
    private boolean payerNoteEnabled;
    private String returnUrl;
    private boolean payerChoosesInstallments;
    private String installmentCostBorneBy = "MERCHANT";
    private Integer maxPayments;
    private String reminderBefore;
    /** [X4] The payer types the amount, from this least to this most (the amount field stays empty). */
    private String openAmountMin;
    private String openAmountMax;
    /** [X6] Payments are holds, captured later. */
    private boolean preAuthorization;
    /** [X2] The reminder chosen becomes the merchant's default for new links (an admin's choice). */
    private boolean reminderAsDefault;

    static LinkForm of(Link link, Locale locale) {
        LinkForm form = new LinkForm();
        form.orderNumber = link.orderNumber();
        form.currency = link.amount().currency().name();
        form.amount = link.openAmount() == null ? link.amount().format(locale) : null;
        form.openAmountMin = link.openAmount() == null ? null : link.openAmount().min().format(locale);
        form.openAmountMax = link.openAmount() == null ? null : link.openAmount().max().format(locale);
        form.preAuthorization = link.preAuthorization();
        form.installments = link.installments();
        form.validFrom = TypedTimes.format(link.validFrom(), locale);
        form.validUntil = TypedTimes.format(link.validUntil(), locale);
        form.smsEnabled = link.notifySms() != null;
        form.sms = link.notifySms();
        form.emailEnabled = link.notifyEmail() != null;
        form.email = link.notifyEmail();
        form.usage = link.usage().name();
        form.description = link.description();
        form.payerNoteEnabled = link.payerNoteEnabled();
        form.returnUrl = link.returnUrl();
        form.payerChoosesInstallments = link.installmentTerms().payerChooses();
        form.installmentCostBorneBy = link.installmentTerms().costBorneBy().name();
        form.maxPayments = link.maxPayments();
        form.reminderBefore = link.reminderBefore() == null ? null : link.reminderBefore().toString();
        return form;
    }

    /** The terms of {@code link} for a new one: no order number, fresh validity, no messages. */
    static LinkForm copyOf(Link link, Locale locale) {
        LinkForm form = of(link, locale);
        form.orderNumber = null;
        form.validFrom = null;
        form.validUntil = null;
        form.smsEnabled = false;
        form.sms = null;
        form.emailEnabled = false;
        form.email = null;
        return form;
    }

    /** A typed local Istanbul time, or a refusal naming the field. */
    static Instant instantOf(String typed) {
        java.util.List<FieldProblem> errors = new java.util.ArrayList<>();
        Instant instant = instant("validUntil", typed, null, errors);
        if (!errors.isEmpty() || instant == null) {
            throw com.linkpos.shared.ProblemException.invalid(errors.isEmpty()
                    ? java.util.List.of(FieldProblem.of("validUntil", "required")) : errors);
        }
        return instant;
    }


    /**
     * The form as link input; what cannot even be read (a date, an amount) is added to {@code errors}.
     * Dates shown unchanged from {@code current} keep their exact instant (the form has minute precision).
     */
    LinkInput toInput(Locale locale, Link current, List<FieldProblem> errors) {
        Instant from = instant("validFrom", validFrom, current == null ? null : current.validFrom(), errors);
        Instant until = instant("validUntil", validUntil, current == null ? null : current.validUntil(), errors);
        // A ticked box with nothing to send to is a mistake, not a wish to send nothing.
        if (smsEnabled && (sms == null || sms.isBlank())) {
            errors.add(FieldProblem.of("notify.sms", "required"));
        }
        if (emailEnabled && (email == null || email.isBlank())) {
            errors.add(FieldProblem.of("notify.email", "required"));
        }
        return new LinkInput(orderNumber, canonical("amount", amount, locale, errors), currency, installments, from, until,
                usage, description, payerNoteEnabled, smsEnabled ? sms : null, emailEnabled ? email : null, returnUrl,
                payerChoosesInstallments, installmentCostBorneBy, maxPayments, reminderBefore,
                canonical("openAmount.min", openAmountMin, locale, errors),
                canonical("openAmount.max", openAmountMax, locale, errors), preAuthorization);
    }

    /** An amount typed the page's way (1.250,50 / 1,250.50) as the API writes it; null when blank or unreadable. */
    private static String canonical(String field, String typed, Locale locale, List<FieldProblem> errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String canonical = TypedAmounts.canonical(typed, locale).orElse(null);
        if (canonical == null) {
            errors.add(FieldProblem.of(field, "invalid_amount"));
        }
        return canonical;
    }

    private static Instant instant(String field, String typed, Instant current, List<FieldProblem> errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        java.util.Optional<java.time.LocalDateTime> local = TypedTimes.time(typed);
        if (local.isEmpty()) {
            errors.add(FieldProblem.of(field, "invalid_date"));
            return null;
        }
        Instant instant = local.get().atZone(BusinessTime.ZONE).toInstant();
        // shown unchanged: the exact instant stays (the field has minute precision)
        if (current != null && instant.equals(current.truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
            return current;
        }
        return instant;
    }

    public String getOrderNumber() { return orderNumber; }
    public void setOrderNumber(String orderNumber) { this.orderNumber = orderNumber; }
    public boolean isReminderAsDefault() { return reminderAsDefault; }
    public void setReminderAsDefault(boolean reminderAsDefault) { this.reminderAsDefault = reminderAsDefault; }
    public String getOpenAmountMin() { return openAmountMin; }
    public void setOpenAmountMin(String openAmountMin) { this.openAmountMin = openAmountMin; }
    public String getOpenAmountMax() { return openAmountMax; }
    public void setOpenAmountMax(String openAmountMax) { this.openAmountMax = openAmountMax; }
    public boolean isPreAuthorization() { return preAuthorization; }
    public void setPreAuthorization(boolean preAuthorization) { this.preAuthorization = preAuthorization; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
    public Integer getInstallments() { return installments; }
    public void setInstallments(Integer installments) { this.installments = installments; }
    public String getValidFrom() { return validFrom; }
    public void setValidFrom(String validFrom) { this.validFrom = validFrom; }
    public String getValidUntil() { return validUntil; }
    public void setValidUntil(String validUntil) { this.validUntil = validUntil; }
    public boolean isSmsEnabled() { return smsEnabled; }
    public void setSmsEnabled(boolean smsEnabled) { this.smsEnabled = smsEnabled; }
    public String getSms() { return sms; }
    public void setSms(String sms) { this.sms = sms; }
    public boolean isEmailEnabled() { return emailEnabled; }
    public void setEmailEnabled(boolean emailEnabled) { this.emailEnabled = emailEnabled; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getUsage() { return usage; }
    public void setUsage(String usage) { this.usage = usage; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public boolean isPayerNoteEnabled() { return payerNoteEnabled; }
    public void setPayerNoteEnabled(boolean payerNoteEnabled) { this.payerNoteEnabled = payerNoteEnabled; }
    public String getReturnUrl() { return returnUrl; }
    public boolean isPayerChoosesInstallments() { return payerChoosesInstallments; }
    public void setPayerChoosesInstallments(boolean payerChoosesInstallments) { this.payerChoosesInstallments = payerChoosesInstallments; }
    public String getInstallmentCostBorneBy() { return installmentCostBorneBy; }
    public Integer getMaxPayments() { return maxPayments; }
    public void setMaxPayments(Integer maxPayments) { this.maxPayments = maxPayments; }
    public String getReminderBefore() { return reminderBefore; }
    public void setReminderBefore(String reminderBefore) { this.reminderBefore = reminderBefore; }
    public void setInstallmentCostBorneBy(String installmentCostBorneBy) { this.installmentCostBorneBy = installmentCostBorneBy; }
    public void setReturnUrl(String returnUrl) { this.returnUrl = returnUrl; }
}
