package com.linkpos.merchant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles password guessing (ASVS V2.2.1): each failed login is recorded (in the database, so
 * every instance counts the same); past the limit within the window, per account or per address,
 * a login is not even tried and the page says to wait.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;

    LoginThrottle(JdbcClient jdbc, Clock clock,
                  @Value("${linkpos.login.max-failures-per-account:100}") int perAccount,
                  @Value("${linkpos.login.max-failures-per-address:100}") int perAddress,
                  @Value("${linkpos.login.window:1h}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        jdbc.sql("INSERT INTO login_failures (username, address, at) VALUES (:username, :address, :at)")
                .param("username", normalize(event.getAuthentication().getName())).param("address", String.valueOf(address))
                .param("at", Timestamp.from(clock.instant())).update();
    }

    boolean blocked(String username, String address) {
        Timestamp since = Timestamp.from(clock.instant().minus(window));
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM login_failures WHERE username = :username AND at > :since) >= :perAccount
                            OR (SELECT count(*) FROM login_failures WHERE address = :address AND at > :since) >= :perAddress""")
                .param("username", normalize(username)).param("address", address).param("since", since)
                .param("perAccount", perAccount).param("perAddress", perAddress)
                .query(Boolean.class).single();
    }

    @Scheduled(fixedDelay = 3_600_000)
    void forgetOld() {
        Instant before = clock.instant().minus(window.multipliedBy(2));
        jdbc.sql("DELETE FROM login_failures WHERE at < :before").param("before", Timestamp.from(before)).update();
    }

    private static String normalize(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    /** Stands before the login form's processing: a throttled login goes back to the page, untried. */
    static final class Gate extends OncePerRequestFilter {

        private final LoginThrottle throttle;

        Gate(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI()));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (throttle.blocked(request.getParameter("username"), request.getRemoteAddr())) {
                response.sendRedirect(request.getContextPath() + "/login?throttled");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
