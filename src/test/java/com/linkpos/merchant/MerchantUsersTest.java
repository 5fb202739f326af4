package com.linkpos.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Api.Merchant;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.PortalSession;
import com.linkpos.support.PortalSession.Page;
import com.linkpos.support.TestData;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** People: a merchant admin adds users; a MERCHANT_USER works with links but cannot manage users. */
@LinkPosTest
class MerchantUsersTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    Merchant merchant;
    PortalSession admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        merchant = api.newMerchant();
        admin = new PortalSession(port);
        admin.login(merchant.username(), merchant.password());
    }

    private String addUser(PortalSession session, String username, String role) {
        session.get("/users");
        Page saved = session.post("/users", Map.of("username", username, "password", "user-password-1", "role", role));
        assertThat(saved.status()).as(saved.text()).isEqualTo(302);
        return jdbc.sql("SELECT id FROM users WHERE username = ?").param(username).query(String.class).single();
    }

    @Test
    void aMerchantUserCreatesLinksButCannotManageUsersOrReachTheBank() {
        String username = TestData.unique("kasiyer");
        addUser(admin, username, "MERCHANT_USER");
        assertThat(admin.get("/users").document().select("#users-table tbody tr").eachText())
                .anyMatch(row -> row.contains(username) && row.contains("Kullanıcı"));

        PortalSession user = new PortalSession(port);
        Page login = user.login(username, "user-password-1");
        assertThat(user.open(user.relative(login.location())).document().selectFirst("#daily-chart")).isNotNull();
        user.get("/links/new");
        Page created = user.post("/links", Map.of("amount", "10,00", "currency", "TRY", "installments", "1", "usage", "SINGLE"));
        assertThat(created.status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM links WHERE merchant_id = ?").param(merchant.id()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(user.get("/users").status()).isEqualTo(403);
        assertThat(user.get("/bank/merchants").status()).isEqualTo(403);
        assertThat(user.get("/links").document().select("a[href='/users']")).as("no users menu").isEmpty();
    }

    @Test
    void aDisabledUserCannotLogIn() {
        String username = TestData.unique("eski");
        String id = addUser(admin, username, "MERCHANT_USER");
        admin.get("/users");
        assertThat(admin.post("/users/" + id + "/enabled", Map.of("enabled", "false")).status()).isEqualTo(302);

        Page refused = new PortalSession(port).login(username, "user-password-1");
        assertThat(refused.location()).contains("/login?error");
        admin.get("/users");
        admin.post("/users/" + id + "/enabled", Map.of("enabled", "true"));
        assertThat(new PortalSession(port).login(username, "user-password-1").location()).doesNotContain("error");
    }

    @Test
    void badUsersAreRefusedBesideTheirFields() {
        admin.get("/users");
        Page weak = admin.post("/users", Map.of("username", "a", "password", "short", "role", "BANK_ADMIN"));
        assertThat(weak.status()).isEqualTo(200);
        assertThat(weak.document().selectFirst("#username-error")).isNotNull();
        assertThat(weak.document().selectFirst("#password-error").text()).contains("en az 10 karakter");
        assertThat(weak.text()).contains("Bir yetki seçin.");
        Page taken = admin.post("/users", Map.of("username", merchant.username(), "password", "user-password-1",
                "role", "MERCHANT_USER"));
        assertThat(taken.document().selectFirst("#username-error").text()).isEqualTo("Bu kullanıcı adı kullanılıyor.");
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE merchant_id = ?").param(merchant.id()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void usersOfAnotherMerchantAreOutOfReach() {
        String myself = jdbc.sql("SELECT id FROM users WHERE username = ?").param(merchant.username()).query(String.class).single();
        admin.get("/users");
        assertThat(admin.post("/users/" + myself + "/enabled", Map.of("enabled", "false")).status())
                .as("an admin cannot lock itself out").isEqualTo(409);

        Merchant other = api.newMerchant();
        PortalSession otherAdmin = PortalSession.loggedIn(port, other);
        otherAdmin.get("/users");
        assertThat(otherAdmin.post("/users/" + myself + "/enabled", Map.of("enabled", "false")).status()).isEqualTo(404);
        assertThat(otherAdmin.get("/users").text()).doesNotContain(merchant.username());
        assertThat(jdbc.sql("SELECT enabled FROM users WHERE id = ?").param(myself).query(Boolean.class).single()).isTrue();
    }
}
