package com.linkpos.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Every page's Content-Security-Policy lets forms post only to LinkPOS itself ({@code form-action
 * 'self'}). The 3-D Secure model needs one exception: a page whose form the browser posts to a bank
 * (or back from the bank simulator's ACS). Such a page names that one target here, and its own
 * policy allows exactly that origin.
 */
public final class FormTargets {

    static final String ATTRIBUTE = FormTargets.class.getName();

    private FormTargets() {
    }

    /** Lets this response's forms post to {@code url}'s origin. */
    public static void allow(HttpServletRequest request, String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null) {
            return; // a path of our own: 'self' covers it
        }
        String origin = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        @SuppressWarnings("unchecked")
        Set<String> origins = (Set<String>) request.getAttribute(ATTRIBUTE);
        if (origins == null) {
            origins = new LinkedHashSet<>();
            request.setAttribute(ATTRIBUTE, origins);
        }
        origins.add(origin);
    }

    /** The origins this response may post forms to, besides its own. */
    @SuppressWarnings("unchecked")
    static Set<String> of(HttpServletRequest request) {
        Object origins = request.getAttribute(ATTRIBUTE);
        return origins == null ? Set.of() : (Set<String>) origins;
    }
}
