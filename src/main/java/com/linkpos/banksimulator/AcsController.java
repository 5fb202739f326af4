package com.linkpos.banksimulator;

import com.linkpos.platform.WebAccess;
import java.util.List;
import com.linkpos.platform.FormTargets;
import com.linkpos.shared.Money;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * phone (here always 123456), and the browser posts the ACS's signed verdict back to LinkPOS's
 * callback, as a bank's does.
 */
@Controller
class AcsController implements WebAccess {

    static final String PATH = "/simulator/acs/";

    private final AcsSessions sessions;
    private final Bank bank;

    AcsController(AcsSessions sessions, Bank bank) {
        this.sessions = sessions;
        this.bank = bank;
    }

    /**
     * The simulated bank's pages, like any bank's, are open to the payer's browser; what is posted to it
     * comes from other sites' pages and servers (a merchant's), so no CSRF token of LinkPOS's goes with it.
     */
    @Override
    public List<String> openPages() {
        return List.of("/simulator/**");
    }

    @Override
    public List<String> crossSitePosts() {
        return List.of("/simulator/**");
    }

    /** What the ACS page shows. */
    record Challenge(String xid, String issuer, String merchantName, Money amount, String maskedCard) {
    }

    @GetMapping(PATH + "{xid}")
    String challenge(@PathVariable String xid, Model model, HttpServletResponse response) {
        Optional<AcsSessions.Session> session = sessions.find(xid);
        if (session.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "banksimulator/expired";
        }
        AcsSessions.Session found = session.get();
        model.addAttribute("challenge", new Challenge(found.xid,
                found.info.issuer() != null ? found.info.issuer() : found.info.brand().name(),
                found.payment.merchantName(), found.payment.amount(), found.card.masked()));
        model.addAttribute("otpHint", Bank.OTP);
        return "banksimulator/acs";
    }

    /** The verdict goes back to LinkPOS as the browser's POST to the payment's callback, with the ACS's signature. */
    @PostMapping(PATH + "{xid}")
    String answer(@PathVariable String xid, @RequestParam(defaultValue = "") String otp, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        Optional<AcsSessions.Session> session = sessions.find(xid);
        if (session.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "banksimulator/expired";
        }
        Map<String, String> answer = bank.answerChallenge(session.get(), otp.strip());
        String callback = session.get().payment.callbackUrl();
        FormTargets.allow(request, callback);
        model.addAttribute("action", callback);
        model.addAttribute("fields", answer);
        return "banksimulator/return";
    }
}
