package com.linkpos.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.PortalSession;
import com.linkpos.support.TestData;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * [S2] The audit log as its readers meet it: a merchant's key and admin see the merchant's events, the bank
 * everyone's; what changed, by whom, from where; failed logins; filters, pages and the export; and a log
 * that neither the application's own database user nor the table's owner can change.
 */
@LinkPosTest
class AuditLogTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.datasource.url}")
    String databaseUrl;

    private static List<String> actions(Api.Response page) {
        List<String> actions = new ArrayList<>();
        page.json().path("data").forEach(event -> actions.add(event.path("action").asString()));
        return actions;
    }

    @Test
    void eachReaderSeesWhatIsTheirsWithWhoWhatAndFromWhere() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        Api.Merchant other = api.newMerchant();
        Api.CreatedLink link = api.newLink(merchant, Map.of("amount", "10.00", "usage", "MULTI"));
        assertThat(api.patch(merchant.key(), "/api/v1/links/" + link.id(), "{\"amount\": \"12.50\"}").status()).isEqualTo(200);

        Api.Response mine = api.get(merchant.key(), "/api/v1/audit-events?objectId=" + link.id());
        assertThat(actions(mine)).containsExactly("link.updated", "link.created");
        JsonNode updated = mine.json().path("data").path(0);
        assertThat(updated.path("id").asString()).startsWith("aud_");
        assertThat(updated.path("actor").path("type").asString()).isEqualTo("API_KEY");
        assertThat(updated.path("actor").path("name").asString()).startsWith("key_");
        assertThat(updated.path("address").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(updated.path("changes").path("amount").path(0).asString()).isEqualTo("10.00");
        assertThat(updated.path("changes").path("amount").path(1).asString()).isEqualTo("12.50");
        assertThat(updated.path("changes").has("description")).as("only what changed").isFalse();

        assertThat(api.get(other.key(), "/api/v1/audit-events?objectId=" + link.id()).json().path("data").isEmpty())
                .as("another merchant's key").isTrue();
        assertThat(actions(api.get(TestData.BANK_KEY, "/api/v1/audit-events?objectId=" + link.id())))
                .as("the bank").containsExactly("link.updated", "link.created");
        assertThat(api.get(TestData.BANK_KEY, "/api/v1/audit-events?merchantId=" + merchant.id() + "&action=merchant.")
                .json().path("data").path(0).path("actor").path("type").asString()).isEqualTo("BANK");
        // a page at a time
        Api.Response first = api.get(merchant.key(), "/api/v1/audit-events?limit=1");
        Api.Response second = api.get(merchant.key(), "/api/v1/audit-events?limit=1&cursor=" + first.json().path("nextCursor").asString());
        assertThat(second.json().path("data").path(0).path("id").asString())
                .isLessThan(first.json().path("data").path(0).path("id").asString());
        // bad filters are the caller's to hear; the log is read, never written, through the API
        assertThat(api.get(merchant.key(), "/api/v1/audit-events?from=yesterday").fieldErrors()).containsExactly("from:invalid_date");
        assertThat(api.get(merchant.key(), "/api/v1/audit-events?from=%2B999999999-01-01T00:00Z").fieldErrors())
                .containsExactly("from:invalid_date");
        assertThat(api.get(merchant.key(), "/api/v1/audit-events?limit=0").fieldErrors()).containsExactly("limit:invalid_limit");
        assertThat(api.post(merchant.key(), "/api/v1/audit-events", "{}").status()).isEqualTo(405);
        assertThat(api.delete(TestData.BANK_KEY, "/api/v1/audit-events").status()).isEqualTo(405);
    }

    @Test
    void loginsAndFailedLoginsAreTheUsersMerchants() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        new PortalSession(port).login(merchant.username(), "not-the-password");
        PortalSession.loggedIn(port, merchant);
        String nobody = TestData.unique("zq9");
        new PortalSession(port).login(nobody, "whatever-1");

        List<String> events = actions(api.get(merchant.key(), "/api/v1/audit-events?action=login."));
        assertThat(events).containsExactly("login.succeeded", "login.failed");
        JsonNode failed = api.get(merchant.key(), "/api/v1/audit-events?action=login.failed").json().path("data").path(0);
        assertThat(failed.path("actor").path("name").asString()).isEqualTo(merchant.username());
        assertThat(failed.path("address").asString()).isNotBlank();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_events WHERE action = 'login.failed' AND merchant_id IS NULL AND actor_name = 'zq9…'")
                .query(Long.class).single()).as("a name that is no user's: the bank's to see").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_events WHERE actor_name = ?").param(nobody).query(Long.class).single())
                .as("only its first letters: people type passwords there").isZero();
    }

    @Test
    void theApplicationsDatabaseUserCanNeitherChangeNorRemoveAnEvent() throws Exception {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        api.newLink(merchant, Map.of("amount", "10.00"));
        long events = jdbc.sql("SELECT count(*) FROM audit_events").query(Long.class).single();
        assertThat(events).isPositive();
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("linkpos_app");
        for (String sql : List.of("UPDATE audit_events SET action = 'nothing'", "DELETE FROM audit_events", "TRUNCATE audit_events",
                "ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only", "DROP TRIGGER audit_events_append_only ON audit_events",
                "ALTER TABLE audit_events RENAME TO old_events", "DROP TABLE audit_events",
                "CREATE TABLE audit_events_copy AS SELECT 1")) {
            assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql).rootCause()
                    .hasMessageMatching("(?s).*(permission denied|must be owner).*");
        }
        // the owner (the migrations' user) is refused too, by the trigger: only dropping it first would do
        try (Connection owner = DriverManager.getConnection(databaseUrl, "postgres", "");
             Statement statement = owner.createStatement()) {
            for (String sql : List.of("UPDATE audit_events SET action = 'nothing'", "DELETE FROM audit_events", "TRUNCATE audit_events")) {
                assertThatThrownBy(() -> statement.execute(sql)).as(sql).hasMessageContaining("append-only");
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_events").query(Long.class).single()).isGreaterThanOrEqualTo(events);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_events WHERE action = 'nothing'").query(Long.class).single()).isZero();
    }

    @Test
    void theAdminsPageFiltersAndExportsTheMerchantsEventsAndTheBankSeesEveryones() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        Api.CreatedLink link = api.newLink(merchant, Map.of("amount", "10.00", "description", "=HYPERLINK(\"x\")"));
        PortalSession admin = PortalSession.loggedIn(port, merchant);

        PortalSession.Page page = admin.get("/audit?objectId=" + link.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#audit-table tbody tr").eachAttr("data-action")).containsExactly("link.created");
        assertThat(page.text()).contains("amount: — → 10.00");
        PortalSession.Download csv = admin.download("/audit/export?objectId=" + link.id());
        String file = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(file.lines()).hasSize(2);
        assertThat(file).contains(link.id(), "\"link.created\"", "amount: — → 10.00");
        assertThat(admin.get("/audit?from=someday").document().selectFirst("#audit-search .alert")).isNotNull();

        String cashier = TestData.unique("kasa");
        admin.get("/users");
        admin.post("/users", Map.of("username", cashier, "password", "user-password-1", "role", "MERCHANT_USER"));
        assertThat(PortalSession.loggedIn(port, cashier, "user-password-1").get("/audit").status()).as("a merchant's user").isEqualTo(403);

        PortalSession bank = PortalSession.loggedIn(port, "bank", TestData.BANK_PASSWORD);
        // what someone typed as a user name starts no formula in the auditors' spreadsheet
        new PortalSession(port).login("=HYPERLINK(\"http://x.example\")", "whatever-1");
        String failed = new String(bank.download("/bank/audit/export?action=login.failed").body(), StandardCharsets.UTF_8);
        assertThat(failed).contains("\"'=HY…\"").doesNotContain(",\"=HY");
        assertThat(bank.get("/bank/audit?objectId=" + link.id()).document().select("#audit-table tbody tr").eachAttr("data-action"))
                .containsExactly("link.created");
        assertThat(bank.get("/bank/audit?action=merchant.created&merchantId=" + merchant.id()).document()
                .select("#audit-table tbody tr")).hasSize(1);
    }
}
