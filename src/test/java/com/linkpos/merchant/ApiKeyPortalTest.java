package com.linkpos.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.PortalSession;
import com.linkpos.support.PortalSession.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A merchant admin's API keys in the portal: created and shown once, last use, revoked (401 after). */
@LinkPosTest
class ApiKeyPortalTest {

    @LocalServerPort
    int port;

    @Test
    void createUseAndRevokeAKey() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        PortalSession admin = PortalSession.loggedIn(port, merchant);
        admin.get("/api-keys");
        Page created = admin.open(admin.relative(admin.post("/api-keys", Map.of("name", "ERP entegrasyonu")).location()));
        String key = created.document().selectFirst("#new-key-value").val();
        assertThat(key).startsWith("lp_");
        assertThat(api.get(key, "/api/v1/links").status()).isEqualTo(200);

        Page later = admin.get("/api-keys");
        assertThat(later.body()).as("shown only once").doesNotContain(key);
        String row = later.document().select("#keys-table tbody tr").stream()
                .filter(tr -> tr.text().contains("ERP entegrasyonu")).findFirst().orElseThrow().text();
        assertThat(row).contains("…" + key.substring(key.length() - 4)).contains("Geçerli");
        String id = later.document().select("#keys-table tbody tr").stream()
                .filter(tr -> tr.text().contains("ERP entegrasyonu")).findFirst().orElseThrow().attr("data-key-id");

        Api.Merchant other = api.newMerchant();
        PortalSession stranger = PortalSession.loggedIn(port, other);
        stranger.get("/api-keys");
        assertThat(stranger.post("/api-keys/" + id + "/revoke", Map.of()).status()).isEqualTo(404);
        assertThat(api.get(key, "/api/v1/links").status()).isEqualTo(200);

        admin.post("/api-keys/" + id + "/revoke", Map.of());
        Api.Response revoked = api.get(key, "/api/v1/links");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.code()).isEqualTo("unauthorized");
        assertThat(admin.get("/api-keys").text()).contains("İptal edildi");
        assertThat(api.get(merchant.key(), "/api/v1/links").status()).as("other keys still work").isEqualTo(200);
    }
}
