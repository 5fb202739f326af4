package com.linkpos.link;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.shared.Currency;
import com.linkpos.shared.Money;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** [M5] Status is derived, with a fixed precedence: DELETED, USED, EXPIRED, SCHEDULED, ACTIVE. */
class LinkStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    private static Link link(Instant from, Instant until, Instant usedAt, Instant deletedAt) {
        Money amount = new Money(100, Currency.TRY);
        return new Link("lnk_X", "mer_X", "token", "SIP-1", amount, 1, from, until, LinkUsage.SINGLE, null, false,
                null, null, 0, Money.zero(Currency.TRY), 0, Money.zero(Currency.TRY), Money.zero(Currency.TRY), usedAt,
                deletedAt, NOW, NOW, null, InstallmentTerms.FIXED, null, Engagement.NONE, null, null, false);
    }

    @Test
    void activeBetweenStartAndEnd() {
        assertThat(link(NOW.minusSeconds(1), NOW.plusSeconds(1), null, null).status(NOW)).isEqualTo(LinkStatus.ACTIVE);
        assertThat(link(NOW, NOW.plusSeconds(1), null, null).status(NOW)).isEqualTo(LinkStatus.ACTIVE);
    }

    @Test
    void scheduledBeforeStartExpiredFromEnd() {
        assertThat(link(NOW.plusSeconds(1), NOW.plus(Duration.ofDays(1)), null, null).status(NOW)).isEqualTo(LinkStatus.SCHEDULED);
        assertThat(link(NOW.minusSeconds(10), NOW, null, null).status(NOW)).isEqualTo(LinkStatus.EXPIRED);
    }

    @Test
    void usedAndDeletedWin() {
        Instant past = NOW.minusSeconds(100);
        assertThat(link(past, NOW.minusSeconds(1), past, null).status(NOW)).isEqualTo(LinkStatus.USED);
        assertThat(link(past, NOW.plusSeconds(100), past, past).status(NOW)).isEqualTo(LinkStatus.DELETED);
        assertThat(link(NOW.plusSeconds(5), NOW.plusSeconds(100), null, past).status(NOW)).isEqualTo(LinkStatus.DELETED);
    }
}
