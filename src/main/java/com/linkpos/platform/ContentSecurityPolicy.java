package com.linkpos.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

/**
 * Every page's Content-Security-Policy: scripts, styles and images from LinkPOS only, no framing,
 * forms posted to LinkPOS only, except the one bank origin a 3-D Secure page names ({@link FormTargets}).
 * Written when the response is committed, after the controller had its say; a page that set its own
 * policy (the bank's own HTML, QNB's IP rule) keeps it.
 */
public final class ContentSecurityPolicy implements HeaderWriter {

    private static final String HEADER = "Content-Security-Policy";
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'";

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (response.containsHeader(HEADER)) {
            return;
        }
        StringBuilder policy = new StringBuilder(POLICY);
        FormTargets.of(request).forEach(origin -> policy.append(' ').append(origin));
        response.setHeader(HEADER, policy.toString());
    }
}
