package com.linkpos.acquiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.LinkPosTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The built-in bank simulator passes the acquirer contract, through its own 3-D Secure pages over HTTP. */
@LinkPosTest
class SimulatorAcquirerTest extends AcquirerContract {

    /** Every gateway LinkPOS has a contract test for; a new adapter fails here until its own exists. */
    static final List<String> TESTED = List.of("SIMULATOR");

    @LocalServerPort
    int port;
    @Autowired
    Acquirers acquirers;
    @Autowired
    List<AcquirerFactory> factories;

    @Override
    protected Acquirer acquirer(String merchantId) {
        return factories.stream().filter(factory -> factory.type().equals("SIMULATOR")).findFirst().orElseThrow()
                .create(merchantId, Map.of());
    }

    @Override
    protected void endOfDay(String merchantId) {
        acquirer(merchantId).endOfDay(merchantId);
    }

    @Override
    protected int port() {
        return port;
    }

    @Test
    void everyAcquirerHasItsContractTest() {
        assertThat(factories.stream().map(AcquirerFactory::type)).containsExactlyInAnyOrderElementsOf(TESTED);
    }

    @Test
    void merchantsWithoutATerminalOfTheirOwnPayThroughTheSimulator() {
        assertThat(acquirers.forMerchant(merchant).type()).isEqualTo("SIMULATOR");
    }
}
