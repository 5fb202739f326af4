package com.linkpos.checkout;

import com.linkpos.platform.WebAccess;
import com.linkpos.acquiring.Acquirers;
import com.linkpos.acquiring.BrowserStep;
import com.linkpos.acquiring.CardDetails;
import com.linkpos.acquiring.InstallmentPolicy;
import com.linkpos.link.Link;
import com.linkpos.link.LinkStatus;
import com.linkpos.link.LinkUsage;
import com.linkpos.link.Links;
import com.linkpos.link.OpenAmount;
import com.linkpos.platform.Formats;
import com.linkpos.shared.Money;
import com.linkpos.shared.TypedAmounts;
import com.linkpos.merchant.Merchants;
import com.linkpos.platform.FormTargets;
import com.linkpos.platform.PublicAddress;
import com.linkpos.shared.BusinessTime;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.Ids;
import com.linkpos.transaction.Ledger;
import com.linkpos.transaction.ReceiptPdf;
import com.linkpos.transaction.Transaction;
import com.linkpos.shared.FreeText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The hosted payment page [P1]-[P5]: the link and a card form, the way to the issuer's 3-D Secure
 * page and back, and the result with a receipt. Opening the page changes nothing (an e-mail scanner
 * may open it); a link that cannot be paid says why and takes no card data.
 */
@Controller
class PaymentPageController implements WebAccess {

    static final int PAYER_NOTE_LIMIT = 250;

    private final Links links;
    private final PublicAddress address;
    private final Merchants merchants;
    private final Checkout checkout;
    private final Attempts attempts;
    private final Ledger ledger;
    private final Acquirers acquirers;
    private final MessageSource messages;
    private final Clock clock;
    private final ReceiptPdf receipts;

    PaymentPageController(Links links, PublicAddress address, Merchants merchants, Checkout checkout, Attempts attempts,
                          Ledger ledger, Acquirers acquirers, MessageSource messages, Clock clock, ReceiptPdf receipts) {
        this.receipts = receipts;
        this.links = links;
        this.acquirers = acquirers;
        this.address = address;
        this.merchants = merchants;
        this.checkout = checkout;
        this.attempts = attempts;
        this.ledger = ledger;
        this.messages = messages;
        this.clock = clock;
    }

    /** The payer's pages need no login; the bank's answer comes without a CSRF token (trusted by its signature). */
    @Override
    public List<String> openPages() {
        return List.of("/pay/**");
    }

    @Override
    public List<String> crossSitePosts() {
        return List.of("/pay/*/3ds/*");
    }

    @GetMapping("/pay/{token}")
    Object page(@PathVariable String token, @CookieValue(name = PAID, required = false) String paidAttempt, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        Optional<Link> link = links.findByToken(token);
        link.ifPresent(found -> links.countView(found, LinkScanners.isScanner(request)));
        // The payer who paid this link comes back (Back, a bookmark): the receipt, never an invitation to pay again.
        Optional<Attempt> paid = paidAttempt == null ? Optional.empty()
                : attemptOf(link, paidAttempt).filter(attempt -> attempt.status() == Attempt.Status.APPROVED);
        if (paid.isPresent() && (link.get().usage() == LinkUsage.SINGLE || !link.get().status(clock.instant()).isPayable())) {
            return seeOther(resultPath(link.get(), paid.get().id()));
        }
        model.addAttribute("paidResult", paid.map(attempt -> resultPath(link.get(), attempt.id())).orElse(null));
        String unavailable = unavailable(link, model, response);
        if (unavailable != null) {
            return unavailable;
        }
        CardForm form = new CardForm();
        form.setNonce(Ids.newSecret());
        model.addAttribute("card", form);
        offers(link.get(), null, model);
        return "checkout/pay";
    }

    @PostMapping("/pay/{token}")
    Object pay(@PathVariable String token, @ModelAttribute("card") CardForm form, BindingResult binding, Model model,
               Locale locale, HttpServletRequest request, HttpServletResponse response) {
        Optional<Link> found = links.findByToken(token);
        String unavailable = unavailable(found, model, response);
        if (unavailable != null) {
            return unavailable;
        }
        Link link = found.get();
        List<FieldProblem> errors = new ArrayList<>();
        Money amount = amount(link, form, locale, errors);
        String note = payerNote(link, form, errors);
        CardDetails card = CardChecks.check(form, YearMonth.now(clock.withZone(BusinessTime.ZONE)), errors);
        form.forgetCard();
        if (form.getNonce() == null || form.getNonce().isBlank() || form.getNonce().length() > 64) {
            form.setNonce(Ids.newSecret());
        }
        if (errors.isEmpty()) {
            Checkout.Started started = checkout.start(link, amount, (String) model.getAttribute("merchantName"), card,
                    form.chosenInstallments(), form.getNonce(), note, request.getRemoteAddr(), locale, this::callbackUrl);
            if (started instanceof Checkout.ToBank toBank) {
                return toBank(toBank.step(), model, request, response);
            }
            if (started instanceof Checkout.Finished finished) {
                return seeOther(resultPath(link, finished.attemptId()));
            }
            errors.addAll(((Checkout.Refused) started).errors());
        }
        errors.forEach(error -> binding.rejectValue(error.field(), error.messageKey(), error.args(), error.code()));
        model.addAttribute("errorCode", errors.get(0).code());
        offers(link, form.getCardBin(), model);
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return "checkout/pay";
    }

    /**
     * [T1] The installment offers of the card whose first digits are {@code bin}, as the payment page shows
     * them: its script asks here as the number is typed (the page works without it: after a first submit).
     */
    @GetMapping("/pay/{token}/installments")
    String installments(@PathVariable String token, @RequestParam(required = false) String bin, Model model,
                        HttpServletResponse response) {
        Optional<Link> found = links.findByToken(token);
        if (unavailable(found, model, response) != null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "checkout/offers :: noOffers";
        }
        String digits = bin == null ? "" : bin.strip();
        offers(found.get(), digits.matches("\\d{6,8}") ? digits : null, model);
        model.addAttribute("card", new CardForm());
        return "checkout/offers :: offers";
    }

    /** What the page says of installments: the offers, and whether they are the card's (its BIN known). */
    private void offers(Link link, String bin, Model model) {
        model.addAttribute("offers", checkout.offers(link, bin));
        model.addAttribute("cardKnown", bin != null);
    }

    /** The payer's way to the bank's 3-D Secure page, as the gateway wants it; a page with the card is never cached. */
    private Object toBank(BrowserStep step, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (step instanceof BrowserStep.Redirect redirect) {
            return seeOther(redirect.url());
        }
        response.setHeader("Cache-Control", "no-store");
        if (step instanceof BrowserStep.AutoPost post) {
            FormTargets.allow(request, post.url());
            model.addAttribute("action", post.url());
            model.addAttribute("fields", post.fields());
            return "checkout/to-bank";
        }
        // The bank's own page (fetched by our server, QNB's IP rule) runs its own scripts and forms.
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
                .header("Content-Security-Policy", "frame-ancestors 'none'; base-uri 'none'")
                .body(((BrowserStep.Html) step).html());
    }

    /** Where the bank sends the payer back: absolute, under /pay/, and reachable without a session or CSRF token. */
    private String callbackUrl(Link link, String attemptId) {
        return address.base() + "/pay/" + link.token() + "/3ds/" + attemptId;
    }

    /** The cookie that remembers, for this link's page only, which payment this browser made. */
    static final String PAID = "linkpos_paid";

    private void rememberPayment(Link link, Attempt attempt, HttpServletResponse response) {
        response.addHeader("Set-Cookie", org.springframework.http.ResponseCookie.from(PAID, attempt.id())
                .path("/pay/" + link.token()).httpOnly(true).secure(address.base().startsWith("https:"))
                .sameSite("Lax").maxAge(java.time.Duration.ofDays(30)).build().toString());
    }

    private static String resultPath(Link link, String attemptId) {
        return "/pay/" + link.token() + "/result/" + attemptId;
    }

    /**
     * The bank's 3-D Secure answer, posted by the payer's browser (API.md): trusted only through the
     * gateway's signature, answered by a redirect to the result. No session, no CSRF token: a bank's
     * cross-site POST carries neither.
     */
    @PostMapping("/pay/{token}/3ds/{attemptId}")
    Object returnFromBank(@PathVariable String token, @PathVariable String attemptId,
                          @RequestParam Map<String, String> answer, Model model, HttpServletResponse response) {
        Optional<Link> link = links.findByToken(token);
        Optional<Attempt> attempt = attemptOf(link, attemptId);
        if (attempt.isEmpty()) {
            return notFound(model, response);
        }
        try {
            checkout.complete(link.get(), attempt.get(), answer);
        } catch (Checkout.InvalidBankAnswer untrusted) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("link", link.get());
            return "checkout/invalid-answer";
        }
        return seeOther(resultPath(link.get(), attemptId));
    }

    /** [X7] The payer's receipt as PDF: of an approved payment only, found as its result page is. */
    @GetMapping("/pay/{token}/result/{attemptId}/receipt.pdf")
    Object receiptPdf(@PathVariable String token, @PathVariable String attemptId, Model model, Locale locale,
                      HttpServletResponse response) {
        Optional<Link> link = links.findByToken(token);
        Optional<Transaction> sale = attemptOf(link, attemptId).filter(attempt -> attempt.transactionId() != null)
                .flatMap(attempt -> ledger.find(attempt.merchantId(), attempt.transactionId()));
        Optional<ResponseEntity<byte[]>> pdf = sale.flatMap(found ->
                receipts.answer(found, merchants.get(found.merchantId()).name(), locale));
        return pdf.isPresent() ? pdf.get() : notFound(model, response);
    }

    @GetMapping("/pay/{token}/result/{attemptId}")
    String result(@PathVariable String token, @PathVariable String attemptId, Model model, Locale locale,
                  HttpServletResponse response) {
        Optional<Link> link = links.findByToken(token);
        Optional<Attempt> attempt = attemptOf(link, attemptId);
        if (attempt.isEmpty()) {
            return notFound(model, response);
        }
        Transaction transaction = attempt.get().transactionId() == null ? null
                : ledger.find(attempt.get().merchantId(), attempt.get().transactionId()).orElse(null);
        model.addAttribute("link", link.get());
        model.addAttribute("merchantName", merchants.get(link.get().merchantId()).name());
        model.addAttribute("attempt", attempt.get());
        model.addAttribute("transaction", transaction);
        model.addAttribute("status", switch (attempt.get().status()) {
            case APPROVED -> "APPROVED";
            case DECLINED, FAILED -> "DECLINED";
            default -> "PENDING";
        });
        model.addAttribute("reasonKey", reasonKey(link.get(), attempt.get(), transaction, locale));
        model.addAttribute("returnUrl", link.get().returnUrl() == null ? null
                : org.springframework.web.util.UriComponentsBuilder.fromUriString(link.get().returnUrl())
                        .queryParam("linkpos_status", model.getAttribute("status"))
                        .queryParam("linkpos_order", link.get().orderNumber())
                        .queryParam("linkpos_transaction", transaction == null ? "" : transaction.id())
                        .encode().build().toUriString());
        // not while the bank's answer is awaited: a second payment could be a second charge
        if (attempt.get().status() == Attempt.Status.APPROVED) {
            rememberPayment(link.get(), attempt.get(), response);
        }
        model.addAttribute("canRetry", attempt.get().status() != Attempt.Status.APPROVED
                && attempt.get().status() != Attempt.Status.AUTHORIZING
                && link.get().status(clock.instant()) == LinkStatus.ACTIVE);
        return "checkout/result";
    }

    /**
     * [X4] What the payer pays: the link's amount, or with an open amount what the payer typed, in the page's
     * language (1.250,50 / 1,250.50), within the link's least and most.
     */
    private static Money amount(Link link, CardForm form, Locale locale, List<FieldProblem> errors) {
        OpenAmount open = link.openAmount();
        if (open == null) {
            return link.amount();
        }
        if (form.getAmount() == null || form.getAmount().isBlank()) {
            errors.add(FieldProblem.of("amount", "required"));
            return null;
        }
        Optional<String> decimal = TypedAmounts.canonical(form.getAmount(), locale);
        if (decimal.isEmpty()) {
            errors.add(FieldProblem.of("amount", "invalid_amount"));
            return null;
        }
        Money amount;
        try {
            amount = Money.parsePositive(decimal.get(), open.min().currency());
        } catch (Money.InvalidAmount zeroOrFractionsOfKurus) {
            amount = null;
        }
        if (amount == null || !open.allows(amount)) {
            errors.add(FieldProblem.of("amount", "amount_out_of_range",
                    Formats.money(open.min(), locale), Formats.money(open.max(), locale)));
            return null;
        }
        return amount;
    }

    private static String payerNote(Link link, CardForm form, List<FieldProblem> errors) {
        return link.payerNoteEnabled() ? FreeText.check("payerNote", form.getPayerNote(), PAYER_NOTE_LIMIT, errors) : null;
    }

    /** The plain-words reason of a failure: the bank's code where we know it, else the kind of failure. */
    private String reasonKey(Link link, Attempt attempt, Transaction transaction, Locale locale) {
        if (attempt.status() == Attempt.Status.AUTHORIZING) {
            return "result.reason.AUTHORIZING";
        }
        if (attempt.failure() == null) {
            return null;
        }
        if (transaction != null && transaction.responseCode() != null) {
            // the bank's own code in plain words: LinkPOS's words for the common ones, else the bank codes' table
            for (String key : List.of("result.reason.code." + transaction.responseCode(), "bank.code." + transaction.responseCode())) {
                if (attempt.failure() != Attempt.Failure.THREE_DS_FAILED && messages.getMessage(key, null, null, locale) != null) {
                    return key;
                }
            }
        }
        if (attempt.failure() == Attempt.Failure.ALREADY_PAID && link.usage() == LinkUsage.MULTI) {
            return "result.reason.ALREADY_PAID.MULTI";
        }
        return "result.reason." + attempt.failure().name();
    }

    /** The attempt, only if it belongs to the link of this token: another link's token finds nothing. */
    private Optional<Attempt> attemptOf(Optional<Link> link, String attemptId) {
        if (link.isEmpty() || attemptId.length() > 40) {
            return Optional.empty();
        }
        return attempts.find(attemptId).filter(attempt -> attempt.linkId().equals(link.get().id()));
    }

    /** The page of a link that cannot be paid, or null when it can. */
    private String unavailable(Optional<Link> found, Model model, HttpServletResponse response) {
        if (found.isEmpty()) {
            return notFound(model, response);
        }
        Link link = found.get();
        model.addAttribute("link", link);
        model.addAttribute("merchantName", merchants.get(link.merchantId()).name());
        if (link.installments() > 1) {
            // [A7] the programs of the merchant's own gateway, named before the payer types a card
            model.addAttribute("programs",
                    new InstallmentPolicy(acquirers.forMerchant(link.merchantId()).installmentPrograms()).namedPrograms());
        }
        LinkStatus status = link.status(clock.instant());
        if (!status.isPayable()) {
            model.addAttribute("reason", status.name());
            // a used multi-use link is one whose collected total is full [L3]
            model.addAttribute("reasonKey", "unavailable." + status.name()
                    + (status == LinkStatus.USED && link.usage() == LinkUsage.MULTI ? ".MULTI" : ""));
            return "checkout/unavailable";
        }
        return null;
    }

    private static String notFound(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("reason", "NOT_FOUND");
        model.addAttribute("reasonKey", "unavailable.NOT_FOUND");
        return "checkout/unavailable";
    }

    private static View seeOther(String url) {
        RedirectView redirect = new RedirectView(url, true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return redirect;
    }
}
