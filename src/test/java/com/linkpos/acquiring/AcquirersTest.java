package com.linkpos.acquiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.LinkPosTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Which acquirer serves a merchant, in the whole application: every gateway it has, each with its contract test. */
@LinkPosTest
class AcquirersTest {

    /** Every gateway whose contract test exists (an AcquirerContract subclass); a new adapter fails here until it has one. */
    static final List<String> TESTED = List.of("EST", "PAYFOR");

    @Autowired
    Acquirers acquirers;
    @Autowired
    List<AcquirerFactory> factories;

    @Test
    void everyAcquirerHasItsContractTest() {
        assertThat(factories.stream().map(AcquirerFactory::type)).containsExactlyInAnyOrderElementsOf(TESTED);
    }

    @Test
    void merchantsWithoutATerminalOfTheirOwnPayThroughTheSimulatedPayForGateway() {
        assertThat(acquirers.forMerchant("mer_ANY").type()).isEqualTo("PAYFOR");
    }
}
