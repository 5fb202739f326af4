package com.linkpos.link;

import com.linkpos.platform.Formats;
import com.linkpos.shared.Masks;
import com.linkpos.shared.TypedAmounts;
import com.linkpos.shared.TypedTimes;
import com.linkpos.platform.WebAccess;
import com.linkpos.platform.PortalAccess;
import com.linkpos.platform.Caller;
import com.linkpos.acquiring.Acquirers;
import com.linkpos.acquiring.InstallmentPolicy;
import com.linkpos.merchant.Merchant;
import com.linkpos.merchant.Merchants;
import com.linkpos.shared.Currency;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ProblemException;
import com.linkpos.platform.QrCodes;
import com.linkpos.transaction.Ledger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
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

/** Provizyon → LinkPOS: the link list [M1], «Yeni Ekle» [L1]-[L11], pencil edit [M3], X delete [M4]. */
@Controller
@RequestMapping("/links")
class LinkPortalController implements WebAccess {

    static final int PAGE_SIZE = 20;
    /** Form field names for the API's field paths. */
    private static final Map<String, String> FORM_FIELDS = Map.of("notify.sms", "sms", "notify.email", "email",
            "openAmount", "openAmountMin", "openAmount.min", "openAmountMin", "openAmount.max", "openAmountMax");

    private final Links links;
    private final LinkUrls urls;
    private final Merchants merchants;
    private final Ledger ledger;
    private final LinkDeliveries deliveries;

    private final Acquirers acquirers;

    LinkPortalController(Links links, LinkUrls urls, Merchants merchants, Ledger ledger, LinkDeliveries deliveries,
                         Acquirers acquirers, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.acquirers = acquirers;
        this.links = links;
        this.urls = urls;
        this.merchants = merchants;
        this.ledger = ledger;
        this.deliveries = deliveries;
    }

    private final org.springframework.context.MessageSource messages;

    @Override
    public void portal(PortalAccess access) {
        access.merchantUsers("/links/**");
    }

    @GetMapping
    String list(Caller caller, @RequestParam Map<String, String> params, @RequestParam(defaultValue = "1") int page,
                Model model, Locale locale) {
        LinkQuery query = LinkQuery.fromForm(params);
        long total = links.count(caller, query);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        List<Link> rows = links.page(caller, query, (current - 1) * PAGE_SIZE, PAGE_SIZE);
        model.addAttribute("rows", rows.stream().map(this::row).toList());
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("statuses", LinkStatus.values());
        Map<String, String> criteria = query.formValues(locale);
        String exportQuery = withCriteria("/links/export", criteria);
        model.addAttribute("exportCsv", exportQuery + "&format=csv");
        model.addAttribute("exportCsvComma", exportQuery + "&format=csv&decimal=comma");
        model.addAttribute("exportXlsx", exportQuery + "&format=xlsx");
        model.addAttribute("criteria", criteria);
        model.addAttribute("pageUrl", withCriteria("/links", criteria));
        return "link/list";
    }

    private static String withCriteria(String path, Map<String, String> criteria) {
        var url = org.springframework.web.util.UriComponentsBuilder.fromPath(path);
        criteria.forEach(url::queryParam);
        return url.encode().build().toUriString();
    }

    /** What a table row shows: the link, its status now and its URL. */
    record Row(Link link, LinkStatus status, String url) {
    }

    private Row row(Link link) {
        return new Row(link, link.status(links.now()), urls.of(link));
    }

    /** «Yeni Ekle», empty or (from=) as a copy of another link: its terms, a new order number and validity. */
    @GetMapping("/new")
    String newLink(Caller caller, @RequestParam(required = false) String from, Locale locale, Model model) {
        LinkForm form = from == null ? new LinkForm() : LinkForm.copyOf(links.get(caller, from), locale);
        if (from == null) {
            form.setReminderBefore(links.defaultReminder(caller).map(java.time.Duration::toString).orElse(null));
        }
        model.addAttribute("form", form);
        return form(caller, null, model);
    }

    /** An expired link made payable again with a new end date; the URL stays the same. */
    @GetMapping("/{id}/renew")
    String renewForm(Caller caller, @PathVariable String id, Model model, Locale locale) {
        Link link = links.get(caller, id);
        model.addAttribute("row", row(link));
        model.addAttribute("validUntil", TypedTimes.format(links.now().plus(LinkRules.DEFAULT_VALIDITY), locale));
        return "link/renew";
    }

    @PostMapping("/{id}/renew")
    String renew(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "") String validUntil, Model model,
                 RedirectAttributes redirect) {
        Link link = links.get(caller, id);
        try {
            links.renew(caller, id, LinkForm.instantOf(validUntil));
            redirect.addFlashAttribute("updated", true);
            return "redirect:/links/" + id;
        } catch (ProblemException refused) {
            model.addAttribute("row", row(link));
            model.addAttribute("validUntil", validUntil);
            model.addAttribute("refusal", refused.errors().isEmpty() ? "problem." + refused.code() + ".title"
                    : refused.errors().get(0).messageKey());
            model.addAttribute("refusalArgs", refused.errors().isEmpty() ? new Object[0] : refused.errors().get(0).args());
            return "link/renew";
        }
    }

    @PostMapping
    String create(Caller caller, @ModelAttribute("form") LinkForm form, BindingResult binding, Locale locale,
                  Model model, RedirectAttributes redirect) {
        List<FieldProblem> errors = unbindable(binding);
        LinkInput input = form.toInput(locale, null, errors);
        try {
            refuseUnreadable(caller, input, null, errors);
            Link link = links.create(caller, input);
            if (form.isReminderAsDefault() && caller.isMerchantAdmin()) { // the box is an admin's only
                links.setDefaultReminder(caller, form.getReminderBefore());
            }
            redirect.addFlashAttribute("created", true);
            return "redirect:/links/" + link.id();
        } catch (ProblemException problem) {
            reject(binding, problem, locale);
            return form(caller, null, model);
        }
    }

    @GetMapping("/{id}")
    String detail(Caller caller, @PathVariable String id, Model model, Locale locale) {
        Link link = links.get(caller, id);
        Row row = row(link);
        model.addAttribute("row", row);
        model.addAttribute("qrSvg", QrCodes.svg(row.url(), messages.getMessage("detail.qr", null, locale)));
        // [X7] the link's message for WhatsApp's share address (the payer's own app sends it)
        model.addAttribute("whatsappUrl", "https://wa.me/?text=" + java.net.URLEncoder.encode(messages.getMessage(
                "detail.whatsapp.text", new Object[] {Formats.money(row.link().amount(), locale), row.link().orderNumber(),
                        row.url()}, locale), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        model.addAttribute("payments", ledger.ofLink(link.merchantId(), link.id()));
        model.addAttribute("deliveries", deliveries.ofLink(link.merchantId(), link.id()));
        // the recipients as the deliveries below show them: recognisable, not harvestable
        model.addAttribute("notifySms", link.notifySms() == null ? null : Masks.phone(link.notifySms()));
        model.addAttribute("notifyEmail", link.notifyEmail() == null ? null : Masks.email(link.notifyEmail()));
        return "link/detail";
    }

    @GetMapping("/{id}/edit")
    String edit(Caller caller, @PathVariable String id, Locale locale, Model model, RedirectAttributes redirect) {
        Link link = links.get(caller, id);
        LinkStatus status = link.status(links.now());
        if (!status.isEditable()) {
            redirect.addFlashAttribute("notEditable", "error.link_not_editable." + status.name());
            return "redirect:/links/" + id;
        }
        model.addAttribute("form", LinkForm.of(link, locale));
        return form(caller, link, model);
    }

    @PostMapping("/{id}")
    String update(Caller caller, @PathVariable String id, @ModelAttribute("form") LinkForm form, BindingResult binding,
                  Locale locale, Model model, RedirectAttributes redirect) {
        Link current = links.get(caller, id);
        try {
            links.update(caller, id, locked -> {
                List<FieldProblem> errors = unbindable(binding);
                LinkInput input = form.toInput(locale, locked, errors);
                refuseUnreadable(caller, input, locked, errors);
                return input;
            });
            redirect.addFlashAttribute("updated", true);
            return "redirect:/links/" + id;
        } catch (ProblemException problem) {
            reject(binding, problem, locale);
            return form(caller, current, model);
        }
    }

    @GetMapping("/{id}/delete")
    String confirmDelete(Caller caller, @PathVariable String id, Model model) {
        Link link = links.get(caller, id);
        model.addAttribute("row", row(link));
        return "link/delete";
    }

    @PostMapping("/{id}/delete")
    String delete(Caller caller, @PathVariable String id, RedirectAttributes redirect) {
        Link link = links.delete(caller, id);
        redirect.addFlashAttribute("deleted", link.orderNumber());
        return "redirect:/links";
    }

    /** Values the form could not bind ("abc" for a number): refused as what they are, never guessed. */
    private static List<FieldProblem> unbindable(BindingResult binding) {
        List<FieldProblem> errors = new ArrayList<>();
        binding.getFieldErrors().forEach(error -> errors.add(FieldProblem.of(error.getField(), "invalid_type")));
        return errors;
    }

    /** What the form could not even read is refused together with whatever the rules say of the rest. */
    private void refuseUnreadable(Caller caller, LinkInput input, Link current, List<FieldProblem> unreadable) {
        if (!unreadable.isEmpty()) {
            List<FieldProblem> all = new ArrayList<>(unreadable);
            links.problems(caller, input, current).stream()
                    .filter(problem -> unreadable.stream().noneMatch(u -> u.field().equals(problem.field())))
                    .forEach(all::add);
            throw ProblemException.invalid(all);
        }
    }

    private String form(Caller caller, Link current, Model model) {
        Merchant merchant = merchants.get(caller.merchantId());
        model.addAttribute("current", current);
        model.addAttribute("frozen", current != null && current.hasPayments());
        model.addAttribute("currencies", Arrays.stream(Currency.values()).filter(merchant::accepts).toList());
        model.addAttribute("installmentChoices", IntStream.rangeClosed(1, merchant.maxInstallments()).boxed().toList());
        // [A7] who may pay in installments is the merchant's gateway's to say
        model.addAttribute("programs",
                new InstallmentPolicy(acquirers.forMerchant(merchant.id()).installmentPrograms()).namedPrograms());
        model.addAttribute("maxValidityDays", links.maxValidity().toDays());
        return "link/form";
    }

    private static void reject(BindingResult binding, ProblemException problem, Locale locale) {
        if (problem.errors().isEmpty()) {
            binding.reject("problem." + problem.code() + ".title");
        }
        for (FieldProblem error : problem.errors()) {
            String field = FORM_FIELDS.getOrDefault(error.field(), error.field());
            if (binding.hasFieldErrors(field)) {
                continue; // already told: the value could not even be read
            }
            Object[] args = Formats.args(error, locale);
            if (binding.getModel().containsKey("form") && isFormField(field)) {
                binding.rejectValue(field, error.messageKey(), args, error.code());
            } else {
                binding.reject(error.messageKey(), args, error.code());
            }
        }
    }

    private static boolean isFormField(String field) {
        return List.of("orderNumber", "currency", "amount", "installments", "validFrom", "validUntil", "sms", "email",
                "usage", "description", "returnUrl", "installmentCostBorneBy", "maxPayments", "reminderBefore").contains(field);
    }
}
