package com.linkpos.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's largest request is a few kilobytes; a body announced larger than 64 KiB is refused
 * with 413 before anyone reads it.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

    static final long LIMIT = 64 * 1024;

    private final Problems problems;

    RequestSizeLimit(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > LIMIT) {
            problems.write(request, response, Problems.simple(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large"));
            return;
        }
        chain.doFilter(request, response);
    }
}
