package com.linkpos.est;

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
 * The EST module on its own (with the acquiring port, the platform, and PayFor for LinkPOS's default terminal) passes the acquirer
 * contract against the bank simulator's EST v3 gateway, over HTTP, on the public Asseco test terminal of
 * API.md: the same adapter, fields and ver3 hashes a real EST bank gets.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES,
        extraIncludes = {"acquiring", "banksimulator", "platform", "payfor"}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class EstContractTest extends AcquirerContract {

    @LocalServerPort
    int port;
    @Autowired
    EstFactory est;

    @Override
    protected Acquirer acquirer(String merchantId) {
        String simulator = "http://localhost:" + port + "/simulator/est";
        return est.create(merchantId, Map.of("gatewayUrl", simulator, "clientId", "190100000", "username", "ZIRAATAPI",
                "password", "ZIRAAT19", "storeKey", "123456", "dayEndUrl", simulator + "/dayend"));
    }

    @Override
    protected void endOfDay(String merchantId) {
        acquirer(merchantId).endOfDay(merchantId);
    }

    @Override
    protected int port() {
        return port;
    }
}
