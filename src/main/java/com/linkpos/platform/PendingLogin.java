package com.linkpos.platform;

import org.springframework.context.ApplicationEventPublisher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * [S1] A login whose password was right and whose second factor is still to come: the session holds the
 * authentication aside, unauthenticated, until the code (or the enrolment) completes it. Nothing of the
 * portal opens before that: the user is not signed in.
 */
public final class PendingLogin {

    private static final String ATTRIBUTE = PendingLogin.class.getName();
    /** Which second step the login was sent to: a user with a factor may not enrol a new one instead of it. */
    private static final String STEP = PendingLogin.class.getName() + ".step";
    private static final SecurityContextRepository CONTEXTS = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    private PendingLogin() {
    }

    /** After the password: signed in at once, or held aside and sent to the second step. */
    static AuthenticationSuccessHandler handler(SecondFactors factors, ApplicationEventPublisher events) {
        return (request, response, authentication) -> {
            SecondFactors.Step step = factors.afterPassword(authentication.getName());
            if (step == SecondFactors.Step.NONE) {
                signedIn(authentication, events);
                response.sendRedirect(request.getContextPath() + "/");
                return;
            }
            SecurityContextHolder.clearContext();
            CONTEXTS.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
            request.getSession().setAttribute(ATTRIBUTE, authentication);
            request.getSession().setAttribute(STEP, step.name());
            response.sendRedirect(request.getContextPath() + (step == SecondFactors.Step.CODE ? "/login/code" : "/login/enrol"));
        };
    }

    /** The login waiting in this browser's session for the second step {@code step}, if any. */
    public static Optional<Authentication> of(HttpServletRequest request, SecondFactors.Step step) {
        HttpSession session = request.getSession(false);
        return session == null || !step.name().equals(session.getAttribute(STEP)) ? Optional.empty()
                : Optional.ofNullable((Authentication) session.getAttribute(ATTRIBUTE));
    }

    /** The second factor is done: the user is signed in, in a new session id (no fixation across the step). */
    public static void complete(HttpServletRequest request, HttpServletResponse response, ApplicationEventPublisher events) {
        Authentication authentication = (Authentication) request.getSession().getAttribute(ATTRIBUTE);
        request.getSession().removeAttribute(ATTRIBUTE);
        request.getSession().removeAttribute(STEP);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        CONTEXTS.saveContext(context, request, response);
        signedIn(authentication, events);
    }

    private static void signedIn(Authentication authentication, ApplicationEventPublisher events) {
        if (authentication.getPrincipal() instanceof CallerPrincipal principal) {
            events.publishEvent(new SignedIn(principal.caller()));
        }
    }
}
