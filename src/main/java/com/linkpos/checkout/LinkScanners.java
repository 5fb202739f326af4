package com.linkpos.checkout;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/**
 * [X3] Requests that are not a payer looking at the page: HEAD (a link checker), and the agents of link
 * previews and mail security scanners, which open every link a message carries. Their views are counted
 * apart. A plain HTTP library is not among them: an integrator's program may be a payer's browser.
 */
final class LinkScanners {

    private static final List<String> AGENTS = List.of("bot", "crawler", "spider", "preview", "facebookexternalhit",
            "whatsapp", "telegram", "slack", "discord", "skypeuripreview", "linkedin", "embedly", "bitlybot",
            "google-safety", "safebrowsing", "mimecast", "proofpoint", "barracuda", "urldefense", "messagelabs");

    private LinkScanners() {
    }

    static boolean isScanner(HttpServletRequest request) {
        if ("HEAD".equals(request.getMethod())) {
            return true;
        }
        String agent = request.getHeader("User-Agent");
        if (agent == null) {
            return false;
        }
        String lower = agent.toLowerCase(Locale.ROOT);
        return AGENTS.stream().anyMatch(lower::contains);
    }
}
