package com.linkpos.banksimulator;

import com.linkpos.acquiring.BinTable;
import com.linkpos.acquiring.CardInfo;
import com.linkpos.platform.FormTargets;
import com.linkpos.platform.PublicAddress;
import com.linkpos.shared.Currency;
import com.linkpos.shared.Total;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The simulated bank's pages, the same behind every gateway: the issuer's challenge, the self-posting
 * form that carries the answer to the merchant, a challenge that is gone, and the gateway's own error
 * page. They name everything by absolute address: LinkPOS may fetch this HTML server-side and hand it
 * to the browser from its own URL (QNB's IP rule, M047).
 */
@Component
class SimulatorPages {

    /** What the ACS page shows. */
    record AcsPage(String action, String issuer, String merchantName, Total amount, String maskedCard,
                   String otpHint, Integer triesLeft) {
    }

    private final PublicAddress address;
    private final BinTable bins;

    SimulatorPages(PublicAddress address, BinTable bins) {
        this.address = address;
        this.bins = bins;
    }

    /** Where a 3-D form led: the challenge page (answered at {@code acsPath}{request id}), the callback, or the refusal. */
    String step(ThreeDServer.Step step, String acsPath, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (step instanceof ThreeDServer.Challenge challenge) {
            return challenge(challenge.request(), challenge.merchantName(), null, acsPath, request, response, model);
        }
        if (step instanceof SimulatedAcs.Answered answered) {
            return callback(answered, request, response, model);
        }
        ThreeDServer.Refused refused = (ThreeDServer.Refused) step;
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        page(response, model);
        model.addAttribute("code", refused.code());
        model.addAttribute("message", refused.message());
        return "banksimulator/refused";
    }

    /** A challenge as it stands: its page, or the answer once there is one; the expired page when it is unknown. */
    String state(Optional<SimulatedAcs.State> state, String acsPath, HttpServletRequest request, HttpServletResponse response,
                 Model model) {
        return state.map(found -> found instanceof SimulatedAcs.Waiting waiting
                        ? challenge(waiting.request(), waiting.merchantName(), null, acsPath, request, response, model)
                        : callback((SimulatedAcs.Answered) found, request, response, model))
                .orElseGet(() -> expired(response, model));
    }

    /** What the payer's code led to: the page again with a warning, or the answer. */
    String result(Optional<SimulatedAcs.Result> result, String acsPath, HttpServletRequest request, HttpServletResponse response,
                  Model model) {
        return result.map(found -> found instanceof SimulatedAcs.Retry retry
                        ? challenge(retry.request(), retry.merchantName(), retry.triesLeft(), acsPath, request, response, model)
                        : callback((SimulatedAcs.Answered) found, request, response, model))
                .orElseGet(() -> expired(response, model));
    }

    private String challenge(ThreeDRequest challenge, String merchantName, Integer triesLeft, String acsPath,
                             HttpServletRequest request, HttpServletResponse response, Model model) {
        page(response, model);
        Currency currency = PayForAmounts.knownCurrency(challenge.order().currency()).orElseThrow();
        MaskedCard card = challenge.card();
        String action = address.base() + acsPath + challenge.requestGuid();
        // the public address may be another origin than the one this page was fetched from (a proxy, LinkPOS's own URL)
        FormTargets.allow(request, action);
        model.addAttribute("page", new AcsPage(action, issuerBrand(card), merchantName,
                new Total(challenge.order().amount().movePointRight(currency.minorDigits()).toBigIntegerExact(), currency),
                card.mask(), SimulatedAcs.OTP, triesLeft));
        return "banksimulator/acs";
    }

    /**
     * The name the payer knows the card by, on the issuer's page: the card program where the bank issues under
     * a brand of its own (Enpara.com, not QNB Finansbank), else the issuing bank, else the scheme.
     */
    private String issuerBrand(MaskedCard card) {
        CardInfo info = bins.lookup(card.bin());
        if (info.program() != null && !info.program().isBlank()) {
            return info.program();
        }
        return card.issuer() != null ? card.issuer() : card.brand().name();
    }

    /** The answer goes to the merchant as the payer's browser's POST, in UTF-8 so that Turkish names arrive whole. */
    private String callback(SimulatedAcs.Answered answered, HttpServletRequest request, HttpServletResponse response, Model model) {
        page(response, model);
        FormTargets.allow(request, answered.url());
        model.addAttribute("action", answered.url());
        model.addAttribute("fields", answered.fields());
        return "banksimulator/callback";
    }

    private String expired(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        page(response, model);
        return "banksimulator/expired";
    }

    private void page(HttpServletResponse response, Model model) {
        response.setContentType("text/html;charset=UTF-8");
        // the bank's answers are for one payer at one moment: never kept by a cache on the way
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("base", address.base());
    }

    /** Writes an API answer where the same handler may also render a page; no view follows. */
    static String write(HttpServletResponse response, HttpStatus status, String contentType, byte[] body) throws IOException {
        response.setStatus(status.value());
        response.setContentType(contentType);
        response.getOutputStream().write(body);
        return null;
    }
}
