package com.linkpos.acquiring;

import java.util.Map;
import java.util.Set;

/** Where the payer's browser goes to meet the bank's 3-D Secure, as a gateway asks for it. */
public sealed interface BrowserStep {

    /** A plain redirect (303) to the bank's page. */
    record Redirect(String url) implements BrowserStep {
    }

    /**
     * A form the payer's browser posts to the bank by itself (the 3-D model's form). {@code cardFields}
     * name the fields that carry card data: such a page is never cached, stored or logged.
     */
    record AutoPost(String url, Map<String, String> fields, Set<String> cardFields) implements BrowserStep {
        @Override
        public String toString() {
            return "AutoPost[" + url + "]"; // never the fields: they hold the card
        }
    }

    /** The bank's own page, fetched by LinkPOS's server because the bank accepts the form only from it (QNB M047). */
    record Html(String html) implements BrowserStep {
        @Override
        public String toString() {
            return "Html[" + html.length() + " chars]";
        }
    }

    /** The bank refused before any 3-D Secure page (no challenge possible, or a malformed request). */
    record Refused(String code, String message, String mdStatus) implements BrowserStep {
    }
}
