package com.linkpos.reporting;

import com.linkpos.platform.WebAccess;
import com.linkpos.platform.PortalAccess;
import com.linkpos.platform.Caller;
import com.linkpos.platform.Formats;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.Money;
import com.linkpos.shared.ProblemException;
import com.linkpos.shared.TypedAmounts;
import com.linkpos.transaction.Ledger;
import com.linkpos.transaction.RefundApproval;
import com.linkpos.transaction.RefundOutcome;
import com.linkpos.transaction.RefundRequest;
import com.linkpos.transaction.RefundRequestStatus;
import com.linkpos.transaction.RefundRequests;
import com.linkpos.transaction.Reversals;
import com.linkpos.transaction.Transaction;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Provizyon → Provizyon İptal/İade [R3]: search as in İşlem Arama, «İptal» or «İade» beside each
 * approved sale by its batch, a detail page with «İşlem İptal» / «İşlem İade», a confirmation, and
 * the result. MERCHANT_ADMIN only (the security configuration says so for /reversals/**). [S3] Four eyes: the
 * list page sets the amount above which a refund waits and lists the refunds waiting; a sale's page shows its
 * requests, with «Onayla» for every admin but the one who asked, and «Talebi iptal et».
 */
@Controller
class ReversalPortalController implements WebAccess {

    private final TransactionSearchPage searchPage;
    private final Ledger ledger;
    private final Reversals reversals;
    private final RefundRequests requests;
    private final RefundApproval approval;

    ReversalPortalController(TransactionSearchPage searchPage, Ledger ledger, Reversals reversals, RefundRequests requests,
                             RefundApproval approval) {
        this.searchPage = searchPage;
        this.ledger = ledger;
        this.reversals = reversals;
        this.requests = requests;
        this.approval = approval;
    }

    /** Void and refund move money back: a merchant's admins only. */
    @Override
    public void portal(PortalAccess access) {
        access.merchantAdmins("/reversals/**");
    }

    @GetMapping("/reversals")
    String search(Caller caller, @RequestParam Map<String, String> params, Model model, Locale locale) {
        Map<String, String> sales = new HashMap<>(params);
        sales.putIfAbsent("type", "SALE");
        searchPage.fill(caller, sales, model, "/reversals", locale);
        fourEyes(caller, model, locale);
        return "reporting/reversals";
    }

    /** [S3] The list page's four-eyes form and the refunds waiting for a second admin. */
    private void fourEyes(Caller caller, Model model, Locale locale) {
        model.addAttribute("approvalAbove", approval.above(caller.merchantId()).orElse(null));
        if (!model.containsAttribute("typedAbove")) {
            model.addAttribute("typedAbove", approval.above(caller.merchantId()).map(above -> above.format(locale)).orElse(""));
        }
        model.addAttribute("pendingRequests", requests.page(caller.merchantId(), RefundRequestStatus.PENDING, null, 100));
        model.addAttribute("caller", caller);
    }

    /** [S3] Sets (blank: removes) the amount above which a refund waits, typed the page's way (1.000,00). */
    @PostMapping("/reversals/approval")
    String setApproval(Caller caller, @RequestParam(required = false) String above, Locale locale,
                       RedirectAttributes redirect) {
        try {
            String canonical = above == null || above.isBlank() ? null : TypedAmounts.canonical(above, locale)
                    .orElseThrow(() -> ProblemException.invalid(FieldProblem.of("above", "invalid_amount")));
            approval.set(caller.merchantId(), canonical, "above");
            redirect.addFlashAttribute("approvalSaved", true);
        } catch (ProblemException refused) {
            FieldProblem problem = refused.errors().get(0);
            redirect.addFlashAttribute("typedAbove", above);
            redirect.addFlashAttribute("aboveError", new Object[] {problem.messageKey(), Formats.args(problem, locale)});
        }
        return "redirect:/reversals";
    }

    /** [S3] A second admin approves a waiting refund: it is made at the bank now. */
    @PostMapping("/reversals/requests/{id}/approve")
    String approve(Caller caller, @PathVariable String id, RedirectAttributes redirect) {
        RefundRequest request = request(caller, id);
        return done(request.transactionId(), redirect, () -> {
            RefundOutcome approved = reversals.approveRefund(caller, id);
            redirect.addFlashAttribute("decided", approved.request());
            return approved.refund();
        });
    }

    /** [S3] Its requester or another admin cancels a waiting refund. */
    @PostMapping("/reversals/requests/{id}/cancel")
    String cancel(Caller caller, @PathVariable String id, RedirectAttributes redirect) {
        RefundRequest request = request(caller, id);
        return done(request.transactionId(), redirect, () -> {
            redirect.addFlashAttribute("decided", requests.cancel(caller, id));
            return null;
        });
    }

    private RefundRequest request(Caller caller, String id) {
        return requests.find(caller.merchantId(), id).orElseThrow(ProblemException::notFound);
    }

    @GetMapping("/reversals/{id}")
    String detail(Caller caller, @PathVariable String id, Model model) {
        Transaction sale = sale(caller, id); // yesterday's batch reads as closed: no void offered today
        model.addAttribute("t", sale);
        model.addAttribute("related", ledger.reversalsOf(caller.merchantId(), id));
        model.addAttribute("requests", requests.ofSale(caller.merchantId(), id));
        model.addAttribute("caller", caller);
        return "reporting/reversal";
    }

    @GetMapping("/reversals/{id}/void")
    String confirmVoid(Caller caller, @PathVariable String id, Model model) {
        model.addAttribute("t", sale(caller, id));
        model.addAttribute("action", "void");
        return "reporting/reversal-confirm";
    }

    /**
     * The confirmation of a refund, only for an amount that can be refunded: one that is not a number, is
     * nothing, or is more than the rest is refused here, on the sale's page with what was typed, before
     * anyone is asked «Emin misiniz?».
     */
    @GetMapping("/reversals/{id}/refund")
    String confirmRefund(Caller caller, @PathVariable String id, @RequestParam(required = false) String amount, Model model,
                         Locale locale, HttpServletResponse response) {
        Transaction sale = sale(caller, id);
        Money refund;
        try {
            String canonical = amount == null || amount.isBlank() ? null : TypedAmounts.canonical(amount, locale)
                    .orElseThrow(() -> ProblemException.invalid(FieldProblem.of("amount", "invalid_amount")));
            refund = Reversals.refundAmount(sale, canonical);
        } catch (ProblemException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("t", sale);
            model.addAttribute("related", ledger.reversalsOf(caller.merchantId(), id));
            model.addAttribute("requests", requests.ofSale(caller.merchantId(), id));
            model.addAttribute("caller", caller);
            model.addAttribute("typedAmount", amount);
            FieldProblem problem = refused.errors().get(0);
            // the rest in the page's own way of writing money ("1.000,25 TL"), not the API's "1000.25 TRY"
            model.addAttribute("amountError", new Object[] {problem.messageKey(), Formats.args(problem, locale)});
            return "reporting/reversal";
        }
        model.addAttribute("t", sale);
        model.addAttribute("action", "refund");
        model.addAttribute("amount", refund.toDecimalString()); // what the confirmation posts
        model.addAttribute("refund", refund);
        // [S3] said before «Evet», not after: this refund will wait for a second admin
        model.addAttribute("needsApproval", approval.needsApproval(caller.merchantId(), refund));
        return "reporting/reversal-confirm";
    }

    @PostMapping("/reversals/{id}/void")
    String voidSale(Caller caller, @PathVariable String id, RedirectAttributes redirect) {
        return done(id, redirect, () -> reversals.voidSale(caller.merchantId(), id));
    }

    @PostMapping("/reversals/{id}/refund")
    String refund(Caller caller, @PathVariable String id, @RequestParam(required = false) String amount,
                  RedirectAttributes redirect) {
        // the confirmation page posts the canonical amount it showed
        return done(id, redirect, () -> {
            RefundOutcome outcome = reversals.refund(caller, id, amount);
            if (outcome.waiting()) {
                redirect.addFlashAttribute("requested", outcome.request()); // [S3] waits for a second admin
            }
            return outcome.refund();
        });
    }

    /** [X6] Captures a hold for the amount typed the page's way (1.250,50 / 1,250.50); blank: all of it. */
    @PostMapping("/reversals/{id}/capture")
    String capture(Caller caller, @PathVariable String id, @RequestParam(required = false) String amount, Locale locale,
                   RedirectAttributes redirect) {
        return done(id, redirect, () -> reversals.capture(caller.merchantId(), id, amount == null || amount.isBlank() ? null
                : TypedAmounts.canonical(amount, locale)
                        .orElseThrow(() -> ProblemException.invalid(FieldProblem.of("amount", "invalid_amount")))));
    }

    /** Shows the outcome on the sale's page: the new transaction (if any), or why nothing was done. */
    private String done(String id, RedirectAttributes redirect, java.util.function.Supplier<Transaction> action) {
        try {
            Transaction reversal = action.get();
            if (reversal != null) {
                redirect.addFlashAttribute("outcome", reversal);
            }
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("refusal", refused.errors().isEmpty() ? "problem." + refused.code() + ".detail"
                    : refused.errors().get(0).messageKey());
            redirect.addFlashAttribute("refusalArgs", refused.errors().isEmpty() ? new Object[0]
                    : Formats.args(refused.errors().get(0), org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        }
        return "redirect:/reversals/" + id;
    }

    private Transaction sale(Caller caller, String id) {
        return ledger.find(caller.merchantId(), id).orElseThrow(ProblemException::notFound);
    }
}
