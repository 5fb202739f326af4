package com.linkpos.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every page names the project's icon and the icon is served (no 404 logged for each page a browser opens). */
@LinkPosTest
class FaviconTest {

    @LocalServerPort
    int port;

    @Test
    void pagesNameTheIconAndItIsServedToAnyone() {
        PortalSession anonymous = new PortalSession(port);
        assertThat(anonymous.get("/login").document().selectFirst("link[rel=icon]").attr("href")).isEqualTo("/img/favicon.svg");
        Api api = new Api(port);
        Api.CreatedLink link = api.newLink(api.newMerchant(), "{\"amount\": \"10.00\"}");
        assertThat(new Payer(port).open(link.token()).document().selectFirst("link[rel=icon]")).isNotNull();

        PortalSession.Download svg = anonymous.download("/img/favicon.svg");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        PortalSession.Download ico = anonymous.download("/favicon.ico");
        assertThat(ico.status()).isEqualTo(200);
        assertThat(ico.body()).startsWith(0, 0, 1, 0); // an ICO file's header
    }
}
