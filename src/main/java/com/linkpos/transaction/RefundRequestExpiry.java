package com.linkpos.transaction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * [S3] Writes down (and audits) the refund requests nobody approved within
 * {@code linkpos.refunds.approval-expires-after}. They read as EXPIRED from that moment whether or not this ran;
 * their amount no longer holds the sale's rest. Any number of instances may run it at once.
 */
@Component
class RefundRequestExpiry {

    private static final Logger log = LoggerFactory.getLogger(RefundRequestExpiry.class);
    private static final int AT_ONCE = 100;

    private final RefundRequests requests;

    RefundRequestExpiry(RefundRequests requests) {
        this.requests = requests;
    }

    @Scheduled(fixedDelayString = "${linkpos.refunds.expiry-poll:PT5M}", initialDelayString = "${linkpos.refunds.expiry-poll:PT5M}")
    void expireDue() {
        int expired;
        do {
            expired = requests.expireDue(AT_ONCE);
            if (expired > 0) {
                log.info("{} refund request(s) expired unapproved", expired);
            }
        } while (expired == AT_ONCE);
    }
}
