package com.linkpos.platform;

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
import org.springframework.boot.context.properties.ConfigurationProperties;
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

    /** {@code linkpos.login.*}: failed logins allowed within {@code window}, per account and per address. */
    @ConfigurationProperties("linkpos.login")
    record Settings(Integer maxFailuresPerAccount, Integer maxFailuresPerAddress, Duration window) {
        Settings {
            maxFailuresPerAccount = maxFailuresPerAccount == null ? 100 : maxFailuresPerAccount;
            maxFailuresPerAddress = maxFailuresPerAddress == null ? 100 : maxFailuresPerAddress;
            window = window == null ? Duration.ofHours(1) : window;
        }
    }

    LoginThrottle(JdbcClient jdbc, Clock clock, Settings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.perAccount = settings.maxFailuresPerAccount();
        this.perAddress = settings.maxFailuresPerAddress();
        this.window = settings.window();
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
