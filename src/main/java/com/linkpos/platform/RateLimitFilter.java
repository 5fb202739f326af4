package com.linkpos.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * 429 with Retry-After when a caller goes too fast: each API key on the API; on the payment page,
 * card submissions and 3-D Secure answers per payer address and per link, which is what card
 * testing (many cards tried on one link, or from one address) looks like.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 20)
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final Problems problems;

    RateLimitFilter(RateLimits limits, Problems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        long wait = 0;
        if (path.startsWith("/api/")) {
            var caller = Caller.current();
            if (caller.isPresent() && !caller.get().isBank()) { // the bank's own systems are not limited
                wait = limits.take("api:" + caller.get().name(), limits.settings().api());
            }
        } else if ("POST".equals(request.getMethod()) && path.startsWith("/pay/")) {
            // the payment page's POSTs (API.md's /pay/{token}): per payer address and per link; a bank's
            // own pages (the simulator's) are the bank's to limit
            wait = Math.max(limits.take("payer:" + request.getRemoteAddr(), limits.settings().paymentPerAddress()),
                    path.startsWith("/pay/") ? limits.take("link:" + linkToken(path), limits.settings().paymentPerLink()) : 0);
        }
        if (wait > 0) {
            response.setHeader("Retry-After", Long.toString(wait));
            if (path.startsWith("/api/")) {
                problems.write(request, response, Problems.simple(HttpStatus.TOO_MANY_REQUESTS, "rate_limited"));
            } else {
                response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static String linkToken(String path) {
        String rest = path.substring("/pay/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
