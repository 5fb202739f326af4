package com.linkpos.acquiring;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;


/**
 * The simulated issuer's 3-D Secure page (ACS): the payer types the one-time code sent to their
 * phone (here always 123456), and is sent back to LinkPOS with the ACS's signed verdict.
 */
@Controller
class AcsController {

    private final AcsSessions sessions;
    private final BankSimulator simulator;

    AcsController(AcsSessions sessions, BankSimulator simulator) {
        this.sessions = sessions;
        this.simulator = simulator;
    }

    /** What the ACS page shows. */
    record Challenge(String xid, String issuer, String merchantName, com.linkpos.shared.Money amount, String maskedCard) {
    }

    @GetMapping("/acs/{xid}")
    String challenge(@PathVariable String xid, Model model, HttpServletResponse response) {
        Optional<AcsSessions.Session> session = sessions.find(xid);
        if (session.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "acquiring/expired";
        }
        AcsSessions.Session found = session.get();
        model.addAttribute("challenge", new Challenge(found.xid,
                found.card.issuer() != null ? found.card.issuer() : found.card.brand().name(),
                found.request.merchantName(), found.request.amount(), found.request.card().masked()));
        model.addAttribute("otpHint", BankSimulator.OTP);
        return "acquiring/acs";
    }

    @PostMapping("/acs/{xid}")
    String answer(@PathVariable String xid, @RequestParam(defaultValue = "") String otp, HttpServletResponse response) {
        Optional<AcsSessions.Session> session = sessions.find(xid);
        if (session.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "acquiring/expired";
        }
        Map<String, String> answer = simulator.answerChallenge(session.get(), otp.strip());
        StringBuilder back = new StringBuilder(session.get().request.returnUrl());
        answer.forEach((name, value) -> back.append(back.indexOf("?") < 0 ? '?' : '&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return "redirect:" + back;
    }
}
