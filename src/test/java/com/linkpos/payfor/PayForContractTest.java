package com.linkpos.payfor;

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
 * The PayFor module on its own (with the acquiring port and the platform it needs) passes the acquirer
 * contract against the bank simulator's PayFor gateway, over HTTP, on QNB's public test terminal: the
 * same adapter, fields and hashes a real QNB terminal gets.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES,
        extraIncludes = {"acquiring", "banksimulator", "platform"}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class PayForContractTest extends AcquirerContract {

    @LocalServerPort
    int port;
    @Autowired
    PayForFactory payFor;

    @Override
    protected Acquirer acquirer(String merchantId) {
        return payFor.create(merchantId, Map.of("gatewayUrl", "http://localhost:" + port + "/simulator/payfor",
                "mbrId", "5", "merchantId", "085300000009704", "userCode", "QNB_API_KULLANICI_3DPAY",
                "userPass", "UcBN0", "merchantPass", "12345678", "batchClose", "true"));
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
