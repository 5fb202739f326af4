package com.linkpos.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.checkout.Attempt.Status;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An attempt's states and the only moves between them [P6]: a finished attempt never moves again. */
class AttemptStatusTest {

    @Test
    void theMovesAnAttemptMayMake() {
        assertThat(next(Status.AWAITING_3DS)).containsExactlyInAnyOrder(Status.AUTHORIZING, Status.DECLINED, Status.FAILED);
        assertThat(next(Status.AUTHORIZING)).containsExactlyInAnyOrder(Status.APPROVED, Status.DECLINED, Status.FAILED);
        for (Status end : EnumSet.of(Status.APPROVED, Status.DECLINED, Status.FAILED)) {
            assertThat(end.isFinal()).isTrue();
            assertThat(next(end)).as("%s is final", end).isEmpty();
        }
        assertThat(Status.AWAITING_3DS.canMoveTo(Status.APPROVED)).as("no approval without authorizing").isFalse();
        assertThat(Status.AUTHORIZING.canMoveTo(Status.AWAITING_3DS)).as("never back").isFalse();
    }

    @Test
    void theBanksOrderIdIsTwentyLettersAndDigitsOfTheAttemptsId() {
        String orderId = Attempts.gatewayOrderId("pat_01M8PZ5ZKQ3APBR3R83FXKVYSJ");
        assertThat(orderId).isEqualTo("01M8PZ5ZKQ3APBR3R83F").matches("[A-Za-z0-9]{20}");
    }

    private static Set<Status> next(Status from) {
        Set<Status> next = EnumSet.noneOf(Status.class);
        for (Status to : Status.values()) {
            if (from.canMoveTo(to)) {
                next.add(to);
            }
        }
        return next;
    }
}
