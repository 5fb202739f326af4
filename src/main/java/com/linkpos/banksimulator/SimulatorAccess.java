package com.linkpos.banksimulator;

import com.linkpos.platform.WebAccess;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Like any bank's, the simulated gateways' pages are open to the payer's browser, and what is posted to
 * them comes from other sites' pages and servers (a merchant's): no session and no CSRF token of
 * LinkPOS's go with it; the merchant's hash and API password are what count.
 */
@Component
class SimulatorAccess implements WebAccess {

    private static final String GATEWAYS = "/simulator/**";

    @Override
    public List<String> openPages() {
        return List.of(GATEWAYS);
    }

    @Override
    public List<String> crossSitePosts() {
        return List.of(GATEWAYS);
    }
}
