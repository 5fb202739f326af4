package com.linkpos.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * [S1] The login's second step: the code of the user's authenticator app, or one of the recovery codes. A wrong
 * code counts as a failed login (the same throttle as passwords, per account and per address).
 */
@Controller
class SecondStepController {

    private final org.springframework.beans.factory.ObjectProvider<SecondFactors> factors;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    SecondStepController(org.springframework.beans.factory.ObjectProvider<SecondFactors> factors, LoginThrottle throttle,
                         ApplicationEventPublisher events) {
        this.factors = factors;
        this.throttle = throttle;
        this.events = events;
    }

    @GetMapping("/login/code")
    String form(HttpServletRequest request) {
        return PendingLogin.of(request, SecondFactors.Step.CODE).isPresent() ? "platform/login-code" : "redirect:/login";
    }

    @PostMapping("/login/code")
    String submit(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
                  Model model) {
        Optional<Authentication> pending = PendingLogin.of(request, SecondFactors.Step.CODE);
        if (pending.isEmpty() || factors.getIfAvailable() == null) {
            return "redirect:/login";
        }
        String username = pending.get().getName();
        if (throttle.blocked(username, request.getRemoteAddr())) {
            return "redirect:/login?throttled";
        }
        if (factors.getObject().accepts(username, code)) {
            PendingLogin.complete(request, response, events);
            return "redirect:/";
        }
        events.publishEvent(new AuthenticationFailureBadCredentialsEvent(pending.get(),
                new BadCredentialsException("wrong second factor")));
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("wrongCode", true);
        return "platform/login-code";
    }
}
