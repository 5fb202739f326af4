package com.linkpos.link;

import java.time.Instant;

/**
 * [X3] How payers met a link: views of its payment page (first and last), the views of known link
 * scanners (mail and chat previews, security scanners, HEAD requests) counted apart, and payment
 * attempts that reached the bank.
 */
public record Engagement(int views, int scannerViews, Instant firstViewedAt, Instant lastViewedAt, int attempts)
        implements java.io.Serializable {

    public static final Engagement NONE = new Engagement(0, 0, null, null, 0);
}
