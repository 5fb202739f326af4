package com.linkpos.link;

import java.time.Instant;

/** Filters of the link list [M1]: all optional. {@code orderNumber} matches as a prefix. */
record LinkQuery(LinkStatus status, String orderNumber, Instant createdFrom, Instant createdTo) {

    static LinkQuery all() {
        return new LinkQuery(null, null, null, null);
    }
}
