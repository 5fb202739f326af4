package com.linkpos.link;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public URL of a link's payment page. With {@code linkpos.public-base-url} set (production:
 * the address payers reach), that; otherwise the address the current request came to.
 */
@Component
public class LinkUrls {

    private final String baseUrl;
    private final String fallbackBaseUrl;

    LinkUrls(@Value("${linkpos.public-base-url:}") String baseUrl, @Value("${server.port:8080}") int port) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.fallbackBaseUrl = "http://localhost:" + port;
    }

    public String of(Link link) {
        return base() + "/pay/" + link.token();
    }

    /** Where payment pages are: resolve it while a request is at hand (an export streams later, without one). */
    public String base() {
        if (!baseUrl.isEmpty()) {
            return baseUrl;
        }
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes() == null) {
            return fallbackBaseUrl; // no request at hand (start-up, a scheduled job)
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
