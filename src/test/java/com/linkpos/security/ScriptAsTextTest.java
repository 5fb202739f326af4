package com.linkpos.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.PortalSession;
import com.linkpos.support.PortalSession.Page;
import com.linkpos.support.TestData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** XSS: a merchant name, a description and a payer note with markup are shown as text on every screen. */
@LinkPosTest
class ScriptAsTextTest {

    static final String NAME = "<script>alert('name')</script> Toptan";
    static final String DESCRIPTION = "<img src=x onerror=alert('description')>";
    static final String NOTE = "<script>alert('note')</script>";

    @LocalServerPort
    int port;

    @Test
    void markupIsTextEverywhere() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant(NAME, List.of(), 1);
        var link = api.post(merchant.key(), "/api/v1/links", Api.json(Map.of("amount", "10.00", "usage", "MULTI",
                "description", DESCRIPTION, "payerNoteEnabled", true, "notify", Map.of("email", "x@example.com")))).json();
        String url = link.path("url").asString();
        String token = Api.tokenOf(url);
        Payer payer = new Payer(port);
        Page payPage = payer.open(token);
        Payer.Result paid = payer.pay(token, Payer.Card.of("4155650100416111"), Payer.OTP, NOTE);
        String txn = paid.transactionId();

        PortalSession session = PortalSession.loggedIn(port, merchant);
        List<Page> pages = List.of(payPage, paid.page(), session.get("/links"), session.get("/links/" + link.path("id").asString()),
                session.get("/reports/transactions"), session.get("/reports/transactions/" + txn), session.get("/reversals/" + txn),
                session.get("/reports/links"), session.get("/messages"), session.get("/dashboard"));
        for (Page page : pages) {
            assertThat(page.body()).doesNotContain("<script>alert").doesNotContain("<img src=x");
            assertThat(page.document().select("script:not([src])")).as("no inline script on any page").isEmpty();
            assertThat(page.document().select("img[onerror]")).isEmpty();
        }
        assertThat(session.get("/reports/transactions/" + txn).text()).contains(NOTE);
        assertThat(payPage.text()).contains(DESCRIPTION, "alert('name')");
        assertThat(session.get("/links/" + link.path("id").asString()).text()).contains(DESCRIPTION, NOTE);
        assertThat(new PortalSession(port).get("/login").body()).doesNotContain(TestData.BANK_PASSWORD);
    }
}
