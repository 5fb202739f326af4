package com.linkpos.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/** The pages modules declare open to everyone ({@link WebAccess#openPages}): the payer's and the bank's. */
@Component
class OpenPages {

    private final List<RequestMatcher> pages;

    OpenPages(List<WebAccess> modules) {
        this.pages = modules.stream().flatMap(module -> module.openPages().stream())
                .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern)).toList();
    }

    boolean contains(HttpServletRequest request) {
        return pages.stream().anyMatch(page -> page.matches(request));
    }
}
