package com.linkpos.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.LinkPosTest;
import com.linkpos.support.PortalSession;
import com.linkpos.support.PortalSession.Page;
import com.linkpos.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** [B3] The help page: the guide's FAQ and the support contacts. */
@LinkPosTest
class HelpTest {

    @LocalServerPort
    int port;

    @Test
    void theGuidesAnswersAndTheSupportLine() {
        PortalSession session = new PortalSession(port);
        session.login("demo", TestData.DEMO_PASSWORD);
        Page help = session.get("/help");
        assertThat(help.document().selectFirst("#support-phone").attr("href")).isEqualTo("tel:08502221900");
        assertThat(help.document().selectFirst("#support-email").text()).isEqualTo("sanalpos@qnbfinansbank.com");
        assertThat(help.document().selectFirst("#support").text()).contains("2 → 3");
        assertThat(help.document().select("#faq details")).hasSize(8);
        assertThat(help.document().selectFirst("#faq-installments").text()).contains("QNB Finansbank, Enpara.com ve HSBC Advantage");
        assertThat(help.document().selectFirst("header.topbar a[href=/help]")).isNotNull();
        session.get("/help?lang=en");
        assertThat(session.get("/help").document().selectFirst("#faq-cards summary").text())
                .isEqualTo("Which cards can pay with LinkPOS?");
        assertThat(new PortalSession(port).get("/help").status()).as("for logged-in users").isEqualTo(302);
    }
}
