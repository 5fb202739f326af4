package com.linkpos;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.TestData;
import java.nio.file.Path;
import com.linkpos.support.PortalSession;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default keeps its data: a link made before a restart is there after it, the
 * first-start users (with passwords printed once) are not created twice, and the bank key follows
 * the configuration.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String bankKey) {
        return new SpringApplicationBuilder(LinkPosApplication.class).run(
                "--server.port=0",
                "--linkpos.embedded-postgres.data-dir=" + dataDir,
                "--linkpos.bootstrap.bank-api-key=" + bankKey);
    }

    /** The password printed once in the log for a user created on the first start. */
    private static String printedPassword(CapturedOutput output, String username) {
        Matcher matcher = Pattern.compile("created the [a-z ]+ user \"" + username
                + "\"\\.\\s+Its password \\(shown only this once\\): (\\S+)").matcher(output.getOut());
        assertThat(matcher.find()).as("password of %s printed", username).isTrue();
        return matcher.group(1);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(port(context));
    }

    @Test
    void dataSurvivesARestart(CapturedOutput output) {
        String id;
        String key;
        String demoPassword;
        try (ConfigurableApplicationContext first = start(TestData.BANK_KEY)) {
            Api api = api(first);
            // no passwords configured: random ones, printed once, that work
            demoPassword = printedPassword(output, "demo");
            String bankPassword = printedPassword(output, "bank");
            PortalSession demo = new PortalSession(port(first));
            assertThat(demo.login("demo", demoPassword).location()).doesNotContain("error");
            assertThat(new PortalSession(port(first)).login("bank", bankPassword).location()).doesNotContain("error");
            Api.Merchant merchant = api.newMerchant();
            key = merchant.key();
            id = api.post(key, "/api/v1/links", "{\"amount\": \"42.00\", \"orderNumber\": \"KEEP-1\"}")
                    .json().path("id").asString();
        }
        assertThat(dataDir.resolve("PG_VERSION")).exists();

        int printedBefore = output.getOut().split("shown only this once", -1).length;
        String rotatedKey = TestData.BANK_KEY + "-rotated";
        try (ConfigurableApplicationContext second = start(rotatedKey)) {
            Api api = api(second);
            assertThat(output.getOut().split("shown only this once", -1).length).as("nothing printed again")
                    .isEqualTo(printedBefore);
            assertThat(new PortalSession(port(second)).login("demo", demoPassword).location()).doesNotContain("error");
            // a new bank key replaces the old one
            assertThat(api.get(rotatedKey, "/api/v1/admin/merchants").status()).isEqualTo(200);
            assertThat(api.get(TestData.BANK_KEY, "/api/v1/admin/merchants").status()).isEqualTo(401);
            Api.Response link = api.get(key, "/api/v1/links/" + id);
            assertThat(link.status()).isEqualTo(200);
            assertThat(link.json().path("amount").asString()).isEqualTo("42.00");
            assertThat(link.json().path("orderNumber").asString()).isEqualTo("KEEP-1");
            Integer bankUsers = second.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("SELECT count(*) FROM users WHERE username IN ('bank', 'demo')").query(Integer.class).single();
            assertThat(bankUsers).isEqualTo(2);
        }
    }

}
