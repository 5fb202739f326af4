package com.linkpos.failover;

import com.linkpos.support.Api;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jsoup.nodes.Element;

/**
 * Payers paying through the balancer over real HTTP, as browsers would: the hosted page, the card, the simulated
 * issuer's 3-D Secure, the result page. Half of the time a multi-use link that every payer shares; otherwise a new
 * single-use link, created through the API and paid by two payers at once. Every payment is recorded with what the
 * payer saw; an approval counts only when the result page said APPROVED with a transaction id.
 */
final class PaymentLoad implements AutoCloseable {

    /** One payment as its payer lived it: when it started and ended (System.nanoTime) and what the payer saw. */
    record Attempt(int payer, String kind, String linkId, long start, long end, String outcome, String transactionId,
                   String detail) {
        boolean approved() {
            return "APPROVED".equals(outcome);
        }
    }

    private final Api api;
    private final int port;
    private final Api.Merchant merchant;
    private final List<Api.CreatedLink> multiUse;
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Api.CreatedLink> singleUse = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService payers;
    private final ExecutorService seconds;
    private final List<CompletableFuture<Void>> loops = new ArrayList<>();
    static final String CARD = "4155650100416111";

    PaymentLoad(int port, Api.Merchant merchant, List<Api.CreatedLink> multiUse) {
        this.api = new Api(port);
        this.port = port;
        this.merchant = merchant;
        this.multiUse = multiUse;
        this.payers = Executors.newCachedThreadPool();
        this.seconds = Executors.newCachedThreadPool();
    }

    void start(int count) {
        for (int i = 0; i < count; i++) {
            int payer = i;
            loops.add(CompletableFuture.runAsync(() -> loop(payer), payers));
        }
    }

    private void loop(int payer) {
        for (long round = 0; running.get(); round++) {
            if ((round + payer) % 2 == 0) {
                Api.CreatedLink link = multiUse.get(ThreadLocalRandom.current().nextInt(multiUse.size()));
                attempts.add(pay(payer, "multi", link));
            } else {
                long start = System.nanoTime();
                Api.CreatedLink link;
                try {
                    link = api.newLink(merchant, Map.of("amount", "9.00", "usage", "SINGLE"));
                } catch (Throwable e) {
                    attempts.add(new Attempt(payer, "create", null, start, System.nanoTime(), "ERROR", null, brief(e)));
                    pause();
                    continue;
                }
                singleUse.add(link);
                // two payers at the same single-use link at once: at most one may be approved
                CompletableFuture<Attempt> other = CompletableFuture.supplyAsync(() -> pay(payer + 1000, "single", link), seconds);
                attempts.add(pay(payer, "single", link));
                attempts.add(other.join());
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One payment, from opening the page to the result page; never throws. */
    Attempt pay(int payerId, String kind, Api.CreatedLink link) {
        long start = System.nanoTime();
        Payer payer = new Payer(port);
        try {
            Page page = payer.open(link.token());
            return finish(payerId, kind, link, payer, page, start);
        } catch (Throwable e) {
            return new Attempt(payerId, kind, link.id(), start, System.nanoTime(), "ERROR", null, brief(e));
        }
    }

    /** The rest of a payment whose page is open: card, 3-D Secure, result. */
    Attempt finish(int payerId, String kind, Api.CreatedLink link, Payer payer, Page page, long start) {
        try {
            if (page.status() >= 500) {
                return new Attempt(payerId, kind, link.id(), start, System.nanoTime(), "ERROR", null, "page " + page.status());
            }
            if (page.document().selectFirst("#card-form") == null) {
                return new Attempt(payerId, kind, link.id(), start, System.nanoTime(), "NOT_PAYABLE", null,
                        "page " + page.status() + " without a card form");
            }
            Page next = payer.followAll(payer.submit(page, Payer.Card.of(CARD), null));
            for (int tries = 0; tries < 3 && next.document().selectFirst("#acs-form") != null; tries++) {
                next = payer.followAll(payer.answerChallenge(next, Payer.OTP));
            }
            Element result = next.document().selectFirst("#payment-result");
            if (result == null) {
                return new Attempt(payerId, kind, link.id(), start, System.nanoTime(), next.status() >= 500 ? "ERROR" : "NOT_PAYABLE",
                        null, "ended on " + next.status() + " " + abbreviate(next.text()));
            }
            String status = result.attr("data-status");
            String transaction = result.attr("data-transaction-id");
            if ("APPROVED".equals(status) && transaction.isBlank()) {
                return new Attempt(payerId, kind, link.id(), start, System.nanoTime(), "ERROR", null, "approved without a transaction id");
            }
            return new Attempt(payerId, kind, link.id(), start, System.nanoTime(), status, transaction.isBlank() ? null : transaction,
                    result.attr("data-reason"));
        } catch (Throwable e) {
            return new Attempt(payerId, kind, link.id(), start, System.nanoTime(), "ERROR", null, brief(e));
        }
    }

    private static String brief(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return abbreviate(e.getClass().getSimpleName() + ": " + e.getMessage() + (root == e ? "" : " / " + root));
    }

    private static String abbreviate(String text) {
        String oneLine = String.valueOf(text).replace('\n', ' ');
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    List<Api.CreatedLink> singleUseLinks() {
        return List.copyOf(singleUse);
    }

    /** Stops every payer after its current payment. */
    @Override
    public void close() {
        running.set(false);
        for (CompletableFuture<Void> loop : loops) {
            try {
                loop.get(120, TimeUnit.SECONDS);
            } catch (Exception e) {
                AutoFailoverCluster.log("payer loop: %s", e);
            }
        }
        payers.shutdownNow();
        seconds.shutdownNow();
    }
}
