package com.linkpos.transaction;

import com.linkpos.shared.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * [X6] A hold the merchant neither captured nor released within {@code linkpos.pre-authorization.release-after}
 * (7 days unless set) is released at the bank, as the merchant's release would: the payer's money is never held
 * longer than the merchant was told. Safe on every instance: each release locks its hold, and a hold released
 * (or captured) meanwhile is skipped.
 */
@Component
class HoldReleases {

    private static final Logger log = LoggerFactory.getLogger(HoldReleases.class);
    private static final int AT_ONCE = 100;

    private final JdbcClient jdbc;
    private final Reversals reversals;
    private final Clock clock;
    private final Duration releaseAfter;

    HoldReleases(JdbcClient jdbc, Reversals reversals, Clock clock,
                 @Value("${linkpos.pre-authorization.release-after:P7D}") Duration releaseAfter) {
        this.jdbc = jdbc;
        this.reversals = reversals;
        this.clock = clock;
        this.releaseAfter = releaseAfter;
    }

    private record Hold(String merchantId, String id) {
    }

    /** Releases the holds that are due; how many it released. */
    @Scheduled(fixedDelayString = "${linkpos.pre-authorization.poll:PT10M}", initialDelayString = "${linkpos.pre-authorization.poll:PT10M}")
    int releaseDue() {
        List<Hold> due = jdbc.sql("""
                        SELECT merchant_id, id FROM transactions
                        WHERE type = 'PRE_AUTH' AND status = 'APPROVED' AND NOT voided AND captured_minor = 0
                          AND created_at < :before
                        ORDER BY created_at LIMIT :most""")
                .param("before", Timestamp.from(clock.instant().minus(releaseAfter))).param("most", AT_ONCE)
                .query((rs, row) -> new Hold(rs.getString("merchant_id"), rs.getString("id"))).list();
        int released = 0;
        for (Hold hold : due) {
            try {
                if (reversals.voidSale(hold.merchantId(), hold.id()).approved()) {
                    released++;
                }
            } catch (ProblemException meanwhile) {
                // captured or released by the merchant, or by another instance, since it was read; or the bank
                // did not answer: the next round tries again
                log.info("Hold {} not released now: {}", hold.id(), meanwhile.code());
            }
        }
        if (released > 0) {
            log.info("Released {} pre-authorization(s) held longer than {}", released, releaseAfter);
        }
        return released;
    }
}
