package com.linkpos.banksimulator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the raw bytes of what is posted to a simulated gateway, before anything reads the body as
 * parameters: the servlet container would decode a form in one fixed charset, while the banks take
 * UTF-8 and ISO-8859-9 alike ({@link PostedForm}), and an XML API's body is XML, not a form.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class GatewayRequestBody extends OncePerRequestFilter {

    /** The largest body read: a 3-D form or an API request is a few hundred bytes. */
    static final int LIMIT = 64 * 1024;
    private static final String BYTES = GatewayRequestBody.class.getName() + ".bytes";

    /** The body as posted, or null when it was larger than {@link #LIMIT}. */
    static byte[] of(HttpServletRequest request) {
        return (byte[]) request.getAttribute(BYTES);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"POST".equals(request.getMethod())
                || !path.startsWith(PayForGatewayController.PATH + "/Gateway/") && !path.startsWith(EstGatewayController.PATH + "/fim/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(LIMIT + 1);
            request.setAttribute(BYTES, body.length > LIMIT ? null : body);
        }
        chain.doFilter(request, response);
    }
}
