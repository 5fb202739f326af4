package com.linkpos.merchant;

import com.linkpos.fraud.FraudRuleBook;
import com.linkpos.fraud.FraudRules;
import com.linkpos.pricing.PricingTable;
import com.linkpos.pricing.PricingTerms;
import com.linkpos.pricing.Rate;
import com.linkpos.pricing.TermsInput;
import com.linkpos.shared.TypedAmounts;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import com.linkpos.platform.WebAccess;
import com.linkpos.platform.PortalAccess;
import com.linkpos.merchant.Merchants.MerchantTerms;
import com.linkpos.acquiring.Acquirers;
import com.linkpos.shared.Currency;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ProblemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * [B1] The bank operator's pages: onboard a merchant with its first admin, grant currencies and installments,
 * set its gateway, rates, second factor and fraud rules [S4].
 */
@Controller
@RequestMapping("/bank/merchants")
class BankPortalController implements WebAccess {

    private final Merchants merchants;
    private final MerchantTerminals terminals;
    private final Acquirers acquirers;
    private final JsonMapper json;
    private final MerchantAudit audit;
    private final PricingTable pricing;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BankPortalController.class);
    private final TwoFactor twoFactor;

    private final FraudRuleBook fraudRules;

    BankPortalController(Merchants merchants, MerchantTerminals terminals, Acquirers acquirers, JsonMapper json,
                         PricingTable pricing, TwoFactor twoFactor, FraudRuleBook fraudRules,
                         MerchantAudit audit) {
        this.twoFactor = twoFactor;
        this.audit = audit;
        this.fraudRules = fraudRules;
        this.merchants = merchants;
        this.terminals = terminals;
        this.acquirers = acquirers;
        this.json = json;
        this.pricing = pricing;
    }

    @Override
    public void portal(PortalAccess access) {
        access.bank("/bank/merchants/**");
    }

    /** The merchant form: settings, and on creation the first admin user. */
    public static class MerchantForm {
        private String name;
        private String email;
        private List<String> foreignCurrencies = new ArrayList<>();
        private Integer maxInstallments = 1;
        private boolean notifyOnPayment = true;
        private String adminUsername;
        private String adminPassword;

        static MerchantForm of(Merchant merchant) {
            MerchantForm form = new MerchantForm();
            form.name = merchant.name();
            form.email = merchant.email();
            form.foreignCurrencies = merchant.foreignCurrencies().stream().map(Enum::name).toList();
            form.maxInstallments = merchant.maxInstallments();
            form.notifyOnPayment = merchant.notifyOnPayment();
            return form;
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public List<String> getForeignCurrencies() { return foreignCurrencies; }
        public void setForeignCurrencies(List<String> foreignCurrencies) { this.foreignCurrencies = foreignCurrencies; }
        public Integer getMaxInstallments() { return maxInstallments; }
        public void setMaxInstallments(Integer maxInstallments) { this.maxInstallments = maxInstallments; }
        public boolean isNotifyOnPayment() { return notifyOnPayment; }
        public void setNotifyOnPayment(boolean notifyOnPayment) { this.notifyOnPayment = notifyOnPayment; }
        public String getAdminUsername() { return adminUsername; }
        public void setAdminUsername(String adminUsername) { this.adminUsername = adminUsername; }
        public String getAdminPassword() { return adminPassword; }
        public void setAdminPassword(String adminPassword) { this.adminPassword = adminPassword; }
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("merchants", merchants.all());
        model.addAttribute("form", new MerchantForm());
        return page(model, null);
    }

    @PostMapping
    String create(@ModelAttribute("form") MerchantForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        List<FieldProblem> errors = unbindable(binding, form);
        MerchantTerms terms = MerchantTerms.validate(form.name, form.email, form.foreignCurrencies,
                form.maxInstallments, form.notifyOnPayment, errors);
        Users.validate(form.adminUsername, form.adminPassword, errors);
        try {
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            Merchant merchant = audit.creating(() -> merchants.create(terms, form.adminUsername, form.adminPassword));
            redirect.addFlashAttribute("saved", merchant.name());
            return "redirect:/bank/merchants";
        } catch (ProblemException problem) {
            reject(binding, problem);
            model.addAttribute("merchants", merchants.all());
            return page(model, null);
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String id, Model model) {
        Merchant merchant = merchants.get(id);
        model.addAttribute("form", MerchantForm.of(merchant));
        return page(model, merchant);
    }

    /**
     * [A1][A2] The merchant's bank gateway: one form per gateway LinkPOS has; a secret left empty keeps
     * the stored one (the page never shows a secret, not even its length).
     */
    @PostMapping("/{id}/terminal")
    String configureTerminal(@PathVariable String id, @RequestParam Map<String, String> params, Model model,
                             RedirectAttributes redirect) {
        Merchant merchant = merchants.get(id);
        Map<String, String> given = new LinkedHashMap<>(params);
        given.remove("_csrf");
        try {
            audit.changing(id, () -> terminals.configure(id, given));
        } catch (ProblemException refused) {
            model.addAttribute("form", MerchantForm.of(merchant));
            model.addAttribute("terminalErrors", refused.errors());
            model.addAttribute("terminalTried", given.get("type"));
            return page(model, merchant);
        }
        redirect.addFlashAttribute("saved", merchant.name());
        return "redirect:/bank/merchants/" + id;
    }

    /** A bank the form offers for a gateway, and the settings it fills in (JSON, for the page's script). */
    record PresetChoice(String id, String name, String settings) {
    }

    /**
     * [T2][T3] The merchant's rates as the bank's page sends them: one field per count and kind
     * ({@code vadeFarki.3}, {@code commission.foreign}, {@code valueDays.1}), rates written the page's way
     * (2,80 in Turkish). The whole table replaces the terms; an empty field sets nothing for its count.
     */
    @PostMapping("/{id}/pricing")
    String savePricing(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
                       RedirectAttributes redirect) {
        Merchant merchant = merchants.get(id);
        Map<String, Map<String, String>> given = new LinkedHashMap<>();
        for (String kind : List.of("vadeFarki", "commission", "valueDays")) {
            given.put(kind, new LinkedHashMap<>());
        }
        params.forEach((name, value) -> {
            int dot = name.indexOf('.');
            Map<String, String> kind = dot < 0 ? null : given.get(name.substring(0, dot));
            if (kind != null && value != null && !value.isBlank()) {
                String typed = value.strip();
                kind.put(name.substring(dot + 1), name.startsWith("valueDays")
                        ? typed : TypedAmounts.canonical(typed, locale).orElse(typed));
            }
        });
        List<FieldProblem> errors = new ArrayList<>();
        PricingTerms terms = TermsInput.patched(PricingTerms.NONE, given.get("vadeFarki"), given.get("commission"),
                given.get("valueDays"), errors);
        if (!errors.isEmpty()) {
            model.addAttribute("form", MerchantForm.of(merchant));
            model.addAttribute("pricingErrors", errors);
            Map<String, String> typed = new LinkedHashMap<>(params);
            typed.remove("_csrf");
            model.addAttribute("pricingValues", typed);
            return page(model, merchant);
        }
        audit.changing(id, () -> pricing.replace(id, terms));
        redirect.addFlashAttribute("saved", merchant.name());
        return "redirect:/bank/merchants/" + id;
    }

    /** The merchant's terms as the pricing form shows them, rates written the page's way. */
    private Map<String, String> pricingValues(String merchantId, Locale locale) {
        PricingTerms terms = pricing.of(merchantId);
        Map<String, String> values = new LinkedHashMap<>();
        terms.vadeFarki().forEach((n, rate) -> values.put("vadeFarki." + n, written(rate, locale)));
        terms.commission().forEach((n, rate) -> values.put("commission." + n, written(rate, locale)));
        if (terms.foreignCardCommission() != null) {
            values.put("commission.foreign", written(terms.foreignCardCommission(), locale));
        }
        terms.valueDays().forEach((n, days) -> values.put("valueDays." + n, String.valueOf(days)));
        return values;
    }

    private static String written(Rate rate, Locale locale) {
        return TypedAmounts.written(new java.math.BigDecimal(rate.toDecimalString()), locale);
    }

    /**
     * [S4] The merchant's fraud rules as the bank's page sends them (fields named as in the API, lists
     * comma-separated, an empty limit none): the whole set replaces the merchant's rules.
     */
    @PostMapping("/{id}/fraud-rules")
    String saveFraudRules(@PathVariable String id, @RequestParam Map<String, String> params, Model model,
                          RedirectAttributes redirect) {
        Merchant merchant = merchants.get(id);
        List<FieldProblem> errors = new ArrayList<>();
        FraudRules rules = FraudRules.fromForm(params, errors);
        if (!errors.isEmpty()) {
            model.addAttribute("form", MerchantForm.of(merchant));
            model.addAttribute("fraudErrors", errors);
            Map<String, String> typed = new LinkedHashMap<>(params);
            typed.remove("_csrf");
            model.addAttribute("fraudValues", typed);
            return page(model, merchant);
        }
        audit.changing(id, () -> fraudRules.replace(id, rules));
        redirect.addFlashAttribute("saved", merchant.name());
        return "redirect:/bank/merchants/" + id;
    }

    /** [S1] The bank requires (or no longer requires) a second factor of the merchant's users. */
    @PostMapping("/{id}/two-factor")
    String requireTwoFactor(@PathVariable String id, @RequestParam(defaultValue = "false") boolean required,
                            RedirectAttributes redirect) {
        Merchant merchant = merchants.get(id);
        audit.changing(id, () -> twoFactor.require(id, required));
        redirect.addFlashAttribute("saved", merchant.name());
        return "redirect:/bank/merchants/" + id;
    }

    /** [S1] A user who lost the phone and the recovery codes: the second factor is removed; the next login enrols again. */
    @PostMapping("/{id}/users/{userId}/two-factor/reset")
    String resetTwoFactor(@PathVariable String id, @PathVariable String userId, RedirectAttributes redirect) {
        Merchant merchant = merchants.get(id);
        if (!twoFactor.reset(id, userId)) {
            throw ProblemException.notFound();
        }
        log.info("The bank reset the second factor of user {} of merchant {}", userId, id);
        redirect.addFlashAttribute("saved", merchant.name());
        return "redirect:/bank/merchants/" + id;
    }

    @PostMapping("/{id}/terminal/remove")
    String removeTerminal(@PathVariable String id, RedirectAttributes redirect) {
        Merchant merchant = merchants.get(id);
        audit.changing(id, () -> terminals.remove(id));
        redirect.addFlashAttribute("saved", merchant.name());
        return "redirect:/bank/merchants/" + id;
    }

    @PostMapping("/{id}")
    String update(@PathVariable String id, @ModelAttribute("form") MerchantForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        Merchant merchant = merchants.get(id);
        List<FieldProblem> errors = unbindable(binding, form);
        MerchantTerms terms = MerchantTerms.validate(form.name, form.email, form.foreignCurrencies,
                form.maxInstallments, form.notifyOnPayment, errors);
        if (!errors.isEmpty()) {
            reject(binding, ProblemException.invalid(errors));
            return page(model, merchant);
        }
        audit.changing(id, () -> merchants.update(id, terms));
        redirect.addFlashAttribute("saved", terms.name());
        return "redirect:/bank/merchants";
    }

    /** What the form could not bind, and a maximum left empty: both said, neither guessed. */
    private static List<FieldProblem> unbindable(BindingResult binding, MerchantForm form) {
        List<FieldProblem> errors = new ArrayList<>();
        binding.getFieldErrors().forEach(error -> errors.add(FieldProblem.of(error.getField(), "invalid_type")));
        if (form.maxInstallments == null && binding.getFieldError("maxInstallments") == null) {
            errors.add(FieldProblem.of("maxInstallments", "required"));
        }
        return errors;
    }

    private String page(Model model, Merchant editing) {
        model.addAttribute("editing", editing);
        if (editing != null && !model.containsAttribute("fraudValues")) {
            model.addAttribute("fraudValues", fraudRules.of(editing.id()).written());
        }
        if (editing != null && !model.containsAttribute("pricingValues")) {
            model.addAttribute("pricingValues", pricingValues(editing.id(), LocaleContextHolder.getLocale()));
        }
        if (editing != null) {
            model.addAttribute("terminal", terminals.shown(editing.id()).orElse(Map.of()));
            model.addAttribute("gateways", new TreeMap<>(acquirers.gateways()));
            Map<String, List<PresetChoice>> presets = new TreeMap<>();
            acquirers.gateways().forEach((type, gateway) -> presets.put(type, gateway.presets().stream()
                    .map(preset -> new PresetChoice(preset.id(), preset.name(),
                            json.writeValueAsString(terminals.presetSettings(type, preset))))
                    .toList()));
            model.addAttribute("presets", presets);
            model.addAttribute("twoFactorRequired", twoFactor.required(editing.id()));
            model.addAttribute("twoFactorUsers", twoFactor.users(editing.id()));
        }
        model.addAttribute("foreignChoices", Arrays.stream(Currency.values()).filter(Currency::isForeign).toList());
        return "merchant/merchants";
    }

    private static void reject(BindingResult binding, ProblemException problem) {
        for (FieldProblem error : problem.errors()) {
            String field = switch (error.field()) {
                case "admin.username" -> "adminUsername";
                case "admin.password" -> "adminPassword";
                default -> error.field();
            };
            if (!binding.hasFieldErrors(field)) {
                binding.rejectValue(field, error.messageKey(), error.args(), error.code());
            }
        }
    }
}
