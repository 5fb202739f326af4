package com.linkpos.banksimulator;

import com.linkpos.acquiring.Acquirer;
import com.linkpos.acquiring.AcquirerContract;
import com.linkpos.support.TestDatabase;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The bank simulator module on its own (with the acquiring port and the platform it needs) passes the
 * acquirer contract, through its own 3-D Secure pages over HTTP.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform",
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class SimulatorModuleTest extends AcquirerContract {

    @LocalServerPort
    int port;
    @Autowired
    SimulatorAcquirer simulator;

    @Override
    protected Acquirer acquirer(String merchantId) {
        return simulator.create(merchantId, Map.of());
    }

    @Override
    protected void endOfDay(String merchantId) {
        simulator.endOfDay(merchantId);
    }

    @Override
    protected int port() {
        return port;
    }
}
