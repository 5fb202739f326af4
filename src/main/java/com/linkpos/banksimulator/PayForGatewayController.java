package com.linkpos.banksimulator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
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
class PayForGatewayController {

    static final String PATH = "/simulator/payfor";
    private static final String ACS = PATH + "/acs/";

    private final PayForMpi mpi;
    private final SimulatedAcs acs;
    private final PayForApi api;
    private final SimulatorPages pages;

    PayForGatewayController(PayForMpi mpi, SimulatedAcs acs, PayForApi api, SimulatorPages pages) {
        this.mpi = mpi;
        this.acs = acs;
        this.api = api;
        this.pages = pages;
    }


    /** The 3-D form (3DModel, 3DPay) from the payer's browser or the merchant's server; or an API call as a form. */
    @PostMapping(PATH + "/Gateway/Default.aspx")
    String form(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        byte[] body = GatewayRequestBody.of(request);
        if (body == null) {
            return write(response, HttpStatus.CONTENT_TOO_LARGE, text(PayForAnswer.wrong(PayForCode.WRONG_VALUE, "body too large", "")));
        }
        Optional<Map<String, String>> posted = PostedForm.read(body, request.getContentType());
        if (posted.isEmpty()) {
            return write(response, HttpStatus.OK, text(PayForAnswer.wrong(PayForCode.WRONG_VALUE, "form", "")));
        }
        Map<String, String> form = posted.get();
        String secureType = form.getOrDefault("SecureType", "").strip();
        if (secureType.equals("3DModel") || secureType.equals("3DPay")) {
            return pages.step(mpi.begin(form, request.getRemoteAddr()), ACS, request, response, model);
        }
        PayForAnswer answer = api.answer(form, request.getRemoteAddr());
        // a report has rows, which no flat Key=Value text can hold: it comes as the same XML as XMLGate's
        return write(response, HttpStatus.OK, answer.isHistory() ? xml(answer) : text(answer));
    }

    @PostMapping(PATH + "/Gateway/XMLGate.aspx")
    ResponseEntity<byte[]> xmlGate(HttpServletRequest request) {
        byte[] body = GatewayRequestBody.of(request);
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
        return pages.state(acs.open(mpi, requestGuid), ACS, request, response, model);
    }

    @PostMapping(ACS + "{requestGuid}")
    String answer(@PathVariable String requestGuid, @RequestParam(defaultValue = "") String otp, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        return pages.result(acs.answer(mpi, requestGuid, otp.strip()), ACS, request, response, model);
    }

    private static ResponseEntity<byte[]> xml(PayForAnswer answer) {
        return ResponseEntity.ok().header("Content-Type", "text/xml; charset=utf-8")
                .body(PayForWire.xml(answer).getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<byte[]> text(PayForAnswer answer) {
        return ResponseEntity.ok().header("Content-Type", "text/plain; charset=utf-8")
                .body(PayForWire.keyValue(answer).getBytes(StandardCharsets.UTF_8));
    }

    private static String write(HttpServletResponse response, HttpStatus status, ResponseEntity<byte[]> answer) throws IOException {
        return SimulatorPages.write(response, status, answer.getHeaders().getFirst("Content-Type"), answer.getBody());
    }
}
