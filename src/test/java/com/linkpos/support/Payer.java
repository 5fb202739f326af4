package com.linkpos.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.PortalSession.Page;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * A cardholder in a browser over real HTTP: opens the link, fills the card form, answers the
 * issuer's 3-D Secure page and reads the result, following redirects as a browser does.
 */
public final class Payer {

    public static final String OTP = "123456";
    private final PortalSession browser;

    public Payer(int port) {
        this.browser = new PortalSession(port);
    }

    public PortalSession browser() {
        return browser;
    }

    public record Card(String number, String expiry, String cvv, String holder) {
        public static Card of(String number) {
            return new Card(number, "12/30", "123", "Ayşe Yılmaz");
        }
    }

    /** The outcome as the result page tells it. */
    public record Result(String status, String transactionId, String reason, Page page) {
        public boolean approved() {
            return "APPROVED".equals(status);
        }
    }

    public Page open(String token) {
        return browser.get("/pay/" + token);
    }

    /** Submits the card form of the page last opened; answers where the page sends the payer. */
    public Page submit(Page form, Card card, String payerNote) {
        return submit(form, card, payerNote, null);
    }

    /** The same, choosing {@code installments} where the link lets the payer choose (null: none chosen). */
    public Page submit(Page form, Card card, String payerNote, Integer installments) {
        return submit(form, card, payerNote, installments, null);
    }

    /** The same, typing {@code amount} where the link leaves the amount to the payer [X4] (null: nothing typed). */
    public Page submit(Page form, Card card, String payerNote, Integer installments, String amount) {
        Element cardForm = form.document().selectFirst("#card-form");
        assertThat(cardForm).as("card form on %s", form.text()).isNotNull();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("nonce", cardForm.selectFirst("input[name=nonce]").val());
        fields.put("cardHolder", card.holder());
        fields.put("cardNumber", card.number());
        fields.put("expiry", card.expiry());
        fields.put("cvv", card.cvv());
        if (payerNote != null) {
            fields.put("payerNote", payerNote);
        }
        if (installments != null) {
            fields.put("installments", String.valueOf(installments));
        }
        if (amount != null) {
            fields.put("amount", amount);
        }
        return browser.postWithToken(cardForm.attr("action"), fields,
                cardForm.selectFirst("input[name=_csrf]").val());
    }

    /** On the ACS page: types the code; returns the ACS's answer, the form that posts it back to LinkPOS (not yet posted). */
    public Page answerChallenge(Page acs, String otp) {
        Element form = acs.document().selectFirst("#acs-form");
        assertThat(form).as("ACS form on %s", acs.text()).isNotNull();
        // a bank's page names its own absolute address (the simulated PayFor gateway's does)
        return browser.postWithToken(browser.relative(form.attr("action")), Map.of("otp", otp),
                form.selectFirst("input[name=_csrf]").val());
    }

    public Page follow(Page redirect) {
        assertThat(redirect.location()).as("a redirect: %s", redirect.text()).isNotNull();
        return browser.get(browser.relative(redirect.location()));
    }

    /** A form a page posts by itself (3-D Secure: to the bank, and back from it): where to, and with what. */
    public record AutoPost(String action, Map<String, String> fields) {
        public AutoPost with(String field, String value) {
            Map<String, String> changed = new LinkedHashMap<>(fields);
            changed.put(field, value);
            return new AutoPost(action, changed);
        }
    }

    /** The self-posting form of a page, or null when it has none. */
    public static AutoPost autoPost(Page page) {
        Element form = page.document().selectFirst("form[data-autosubmit]");
        if (form == null) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.val()));
        return new AutoPost(form.attr("action"), fields);
    }

    /** Posts such a form as the browser does: no CSRF token of ours goes with it (it may go to a bank). */
    public Page post(AutoPost form) {
        return browser.postWithToken(browser.relative(form.action()), form.fields(), null);
    }

    /** Follows redirects and self-posting forms to their end, as a browser with JavaScript does. */
    public Page followAll(Page page) {
        for (int hops = 0; hops < 8; hops++) {
            if (page.location() != null) {
                page = follow(page);
            } else if (autoPost(page) != null) {
                page = post(autoPost(page));
            } else {
                return page;
            }
        }
        return page;
    }

    /**
     * The whole journey: page, card, 3-D Secure, result. A wrong code is typed again while the bank asks
     * for one (it gives three tries).
     */
    public Result pay(String token, Card card, String otp, String payerNote) {
        return pay(token, card, otp, payerNote, null);
    }

    /** The journey with {@code installments} chosen, where the link lets the payer choose. */
    public Result pay(String token, Card card, int installments) {
        return pay(token, card, OTP, null, installments);
    }

    private Result pay(String token, Card card, String otp, String payerNote, Integer installments) {
        return through3ds(submit(open(token), card, payerNote, installments), otp);
    }

    /** [X4] The journey on a page opened in its own way ({@code /pay/…?lang=en}), typing {@code amount}. */
    public Result payTyping(String pagePath, Card card, String amount) {
        return through3ds(submit(browser.get(pagePath), card, null, null, amount), OTP);
    }

    private Result through3ds(Page afterSubmit, String otp) {
        Page next = followAll(afterSubmit);
        for (int tries = 0; tries < 3 && next.document().selectFirst("#acs-form") != null; tries++) {
            next = followAll(answerChallenge(next, otp));
        }
        return result(next);
    }

    public Result pay(String token, Card card) {
        return pay(token, card, OTP, null);
    }

    /** Pays with this card number and note; the test fails unless the outcome is the one expected. Returns the transaction id. */
    public String pay(String token, String cardNumber, String payerNote, boolean expectApproved) {
        Result result = pay(token, Card.of(cardNumber), OTP, payerNote);
        assertThat(result.approved()).as("payment with %s: %s", cardNumber, result.page().text()).isEqualTo(expectApproved);
        return result.transactionId();
    }

    public static Result result(Page page) {
        Element result = page.document().selectFirst("#payment-result");
        assertThat(result).as("result page: %s", page.text()).isNotNull();
        return new Result(result.attr("data-status"), result.attr("data-transaction-id"), result.attr("data-reason"), page);
    }

    /**
     * {@code payers} payers at one link, each with the next of {@code cards}: all through 3-D Secure first, then
     * all sent back to LinkPOS at the same instant. Their results, once every one has one.
     */
    public static java.util.List<Result> returnAtOnce(int port, String token, java.util.List<String> cards, int payers)
            throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(payers);
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(payers);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Result>> outcomes = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < payers; i++) {
                String card = cards.get(i % cards.size());
                outcomes.add(pool.submit(() -> {
                    Payer payer = new Payer(port);
                    Page acs = payer.followAll(payer.submit(payer.open(token), Card.of(card), null));
                    Page back = payer.answerChallenge(acs, OTP);
                    ready.countDown();
                    go.await();
                    return result(payer.followAll(back));
                }));
            }
            assertThat(ready.await(60, java.util.concurrent.TimeUnit.SECONDS)).as("every payer through 3-D Secure").isTrue();
            go.countDown();
            java.util.List<Result> results = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Result> outcome : outcomes) {
                results.add(outcome.get(90, java.util.concurrent.TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
