package com.linkpos.banksimulator;

import com.linkpos.platform.FormTargets;
import com.linkpos.platform.PublicAddress;
import com.linkpos.platform.WebAccess;
import com.linkpos.shared.Currency;
import com.linkpos.shared.Total;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The simulated bank as a wire-compatible PayFor gateway at {@code {base}/simulator/payfor}, with the
 * real one's paths: {@code Gateway/Default.aspx} takes the merchant's 3-D form (and the API as
 * {@code Key=Value;;} text), {@code Gateway/XMLGate.aspx} the XML API; the issuer's 3-D Secure page
 * is at {@code acs/{RequestGuid}}. LinkPOS reaches it over HTTP only, as it reaches QNB's.
 */
@Controller
class PayForGatewayController implements WebAccess {

    static final String PATH = "/simulator/payfor";
    private static final String ACS = PATH + "/acs/";

    private final PayForMpi mpi;
    private final PayForAcs acs;
    private final PayForApi api;
    private final PublicAddress address;

    PayForGatewayController(PayForMpi mpi, PayForAcs acs, PayForApi api, PublicAddress address) {
        this.mpi = mpi;
        this.acs = acs;
        this.api = api;
        this.address = address;
    }

    /**
     * Like any bank's, the simulated gateway's pages are open to the payer's browser, and what is posted
     * to it comes from other sites' pages and servers (a merchant's): no CSRF token of LinkPOS's goes
     * with it; the merchant's hash and API password are what count.
     */
    @Override
    public List<String> openPages() {
        return List.of(PATH + "/**");
    }

    @Override
    public List<String> crossSitePosts() {
        return List.of(PATH + "/**");
    }

    /** The 3-D form (3DModel, 3DPay) from the payer's browser or the merchant's server; or an API call as a form. */
    @PostMapping(PATH + "/Gateway/Default.aspx")
    String form(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        byte[] body = PayForRequestBody.of(request);
        if (body == null) {
            return write(response, HttpStatus.CONTENT_TOO_LARGE, text(PayForAnswer.wrong(PayForCode.WRONG_VALUE, "body too large", "")));
        }
        Map<String, String> form;
        try {
            form = PayForWire.form(body, request.getContentType());
        } catch (PayForWire.Unreadable unreadable) {
            return write(response, HttpStatus.OK, text(PayForAnswer.wrong(PayForCode.WRONG_VALUE, "form", "")));
        }
        String secureType = form.getOrDefault("SecureType", "").strip();
        if (secureType.equals("3DModel") || secureType.equals("3DPay")) {
            return threeD(mpi.begin(form, request.getRemoteAddr()), request, response, model);
        }
        PayForAnswer answer = api.answer(form, request.getRemoteAddr());
        // a report has rows, which no flat Key=Value text can hold: it comes as the same XML as XMLGate's
        return write(response, HttpStatus.OK, answer.isHistory() ? xml(answer) : text(answer));
    }

    @PostMapping(PATH + "/Gateway/XMLGate.aspx")
    ResponseEntity<byte[]> xmlGate(HttpServletRequest request) {
        byte[] body = PayForRequestBody.of(request);
        if (body == null) {
            return xml(PayForAnswer.wrong(PayForCode.WRONG_VALUE, "body too large", ""));
        }
        if (new String(body, StandardCharsets.ISO_8859_1).isBlank()) {
            return xml(PayForAnswer.of(PayForCode.REQUEST_EMPTY, ""));
        }
        try {
            return xml(api.answer(PayForWire.request(body), request.getRemoteAddr()));
        } catch (PayForWire.Unreadable unreadable) {
            return xml(PayForAnswer.wrong(PayForCode.WRONG_VALUE, "XML okunamadı", ""));
        }
    }

    @GetMapping(ACS + "{requestGuid}")
    String challenge(@PathVariable String requestGuid, HttpServletRequest request, HttpServletResponse response, Model model) {
        return acs.open(requestGuid).map(state -> state instanceof PayForAcs.Waiting waiting
                        ? acsPage(waiting.request(), waiting.terminal(), null, request, response, model)
                        : callback((PayForAcs.Answered) state, request, response, model))
                .orElseGet(() -> expired(response, model));
    }

    @PostMapping(ACS + "{requestGuid}")
    String answer(@PathVariable String requestGuid, @RequestParam(defaultValue = "") String otp, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        return acs.answer(requestGuid, otp.strip()).map(result -> result instanceof PayForAcs.Retry retry
                        ? acsPage(retry.request(), retry.terminal(), retry.triesLeft(), request, response, model)
                        : callback((PayForAcs.Answered) result, request, response, model))
                .orElseGet(() -> expired(response, model));
    }

    private String threeD(PayForMpi.Step step, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (step instanceof PayForMpi.Challenge challenge) {
            return acsPage(challenge.request(), challenge.terminal(), null, request, response, model);
        }
        if (step instanceof PayForMpi.Callback callback) {
            return callback(new PayForAcs.Answered(callback.url(), callback.fields()), request, response, model);
        }
        PayForCode code = ((PayForMpi.Refused) step).code();
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        page(response, model);
        model.addAttribute("code", code.code);
        model.addAttribute("message", code.message);
        return "banksimulator/payfor-refused";
    }

    /** What the ACS page shows: absolute addresses, since LinkPOS may hand this HTML to the browser from its own URL. */
    record AcsPage(String action, String issuer, String merchantName, Total amount, String maskedCard,
                   String otpHint, Integer triesLeft) {
    }

    private String acsPage(ThreeDRequest challenge, PayForTerminal terminal, Integer triesLeft, HttpServletRequest request,
                           HttpServletResponse response, Model model) {
        page(response, model);
        Currency currency = PayForAmounts.knownCurrency(challenge.order().currency()).orElseThrow();
        MaskedCard card = challenge.card();
        String action = address.base() + ACS + challenge.requestGuid();
        // the public address may be another origin than the one this page was fetched from (a proxy, LinkPOS's own URL)
        FormTargets.allow(request, action);
        model.addAttribute("page", new AcsPage(action, card.issuer() != null ? card.issuer() : card.brand().name(),
                terminal.merchantName(),
                new Total(challenge.order().amount().movePointRight(currency.minorDigits()).toBigIntegerExact(), currency),
                card.mask(), PayForAcs.OTP, triesLeft));
        return "banksimulator/payfor-acs";
    }

    /** The answer goes to the merchant as the payer's browser's POST, in UTF-8 so that Turkish names arrive whole. */
    private String callback(PayForAcs.Answered answered, HttpServletRequest request, HttpServletResponse response, Model model) {
        page(response, model);
        FormTargets.allow(request, answered.url());
        model.addAttribute("action", answered.url());
        model.addAttribute("fields", answered.fields());
        return "banksimulator/payfor-callback";
    }

    private String expired(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        page(response, model);
        return "banksimulator/payfor-expired";
    }

    private void page(HttpServletResponse response, Model model) {
        response.setContentType("text/html;charset=UTF-8");
        // the bank's answers are for one payer at one moment: never kept by a cache on the way
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("base", address.base());
    }

    private static ResponseEntity<byte[]> xml(PayForAnswer answer) {
        return ResponseEntity.ok().header("Content-Type", "text/xml; charset=utf-8")
                .body(PayForWire.xml(answer).getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<byte[]> text(PayForAnswer answer) {
        return ResponseEntity.ok().header("Content-Type", "text/plain; charset=utf-8")
                .body(PayForWire.keyValue(answer).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes an API answer where the same handler may also render a page; no view follows. */
    private static String write(HttpServletResponse response, HttpStatus status, ResponseEntity<byte[]> answer) throws IOException {
        response.setStatus(status.value());
        response.setContentType(answer.getHeaders().getFirst("Content-Type"));
        response.getOutputStream().write(answer.getBody());
        return null;
    }
}
