package com.linkpos.merchant;

import com.linkpos.platform.Caller;
import com.linkpos.platform.PendingLogin;
import com.linkpos.platform.QrCodes;
import com.linkpos.platform.SecondFactors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * [S1] Enrolment of a second factor: a new secret as a QR code (and as text to type), confirmed by a code of it;
 * then the ten recovery codes, shown once. A signed-in user enrols from «İki adımlı giriş»; a user the bank
 * requires to have one enrols in the middle of the login ({@code /login/enrol}), and is signed in by it.
 */
@Controller
class TwoFactorController {

    /** The secret being enrolled lives in the session only until it is confirmed. */
    private static final String SECRET = TwoFactorController.class.getName() + ".secret";

    private final TwoFactor twoFactor;

    private final org.springframework.context.ApplicationEventPublisher events;

    TwoFactorController(TwoFactor twoFactor, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.twoFactor = twoFactor;
    }

    @GetMapping("/account/two-factor")
    String page(Caller caller, HttpServletRequest request, Model model) {
        boolean enrolled = twoFactor.status(caller.name()).map(TwoFactor.Status::enrolled).orElse(false);
        model.addAttribute("enrolled", enrolled);
        return enrolled ? "merchant/two-factor" : enrolment(caller.name(), request, model, "/account/two-factor");
    }

    @PostMapping("/account/two-factor")
    String confirm(Caller caller, @RequestParam(defaultValue = "") String code, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        return confirmed(caller.name(), code, request, response, model, "/account/two-factor");
    }

    @GetMapping("/login/enrol")
    String loginEnrolment(HttpServletRequest request, Model model) {
        Optional<String> pending = PendingLogin.of(request, SecondFactors.Step.ENROL).map(authentication -> authentication.getName());
        return pending.isEmpty() ? "redirect:/login" : enrolment(pending.get(), request, model, "/login/enrol");
    }

    @PostMapping("/login/enrol")
    String loginConfirm(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
                        HttpServletResponse response, Model model) {
        Optional<String> pending = PendingLogin.of(request, SecondFactors.Step.ENROL).map(authentication -> authentication.getName());
        return pending.isEmpty() ? "redirect:/login" : confirmed(pending.get(), code, request, response, model, "/login/enrol");
    }

    private String enrolment(String username, HttpServletRequest request, Model model, String action) {
        HttpSession session = request.getSession();
        String secret = (String) session.getAttribute(SECRET);
        if (secret == null) {
            secret = Totp.base32(Totp.newSecret()); // nothing is stored until a code of it confirms it
            session.setAttribute(SECRET, secret);
        }
        model.addAttribute("enrolled", false);
        model.addAttribute("action", action);
        model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("qrSvg", QrCodes.svg(Totp.uri(username, Totp.fromBase32(secret)), "LinkPOS"));
        return "merchant/two-factor";
    }

    private String confirmed(String username, String code, HttpServletRequest request, HttpServletResponse response,
                             Model model, String action) {
        String secret = (String) request.getSession().getAttribute(SECRET);
        Optional<List<String>> codes = secret == null ? Optional.empty()
                : twoFactor.enrol(username, Totp.fromBase32(secret), code);
        if (codes.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("wrongCode", true);
            return enrolment(username, request, model, action);
        }
        request.getSession().removeAttribute(SECRET);
        if (PendingLogin.of(request, SecondFactors.Step.ENROL).isPresent()) {
            PendingLogin.complete(request, response, events);
        }
        model.addAttribute("recoveryCodes", codes.get());
        return "merchant/two-factor-codes";
    }
}
