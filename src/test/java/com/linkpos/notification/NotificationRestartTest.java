package com.linkpos.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.linkpos.LinkPosApplication;
import com.linkpos.support.Api;
import com.linkpos.support.Eventually;
import com.linkpos.support.TestData;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * [N1] Never lost: the application stops after the link is committed and before its message is
 * sent; started again, it delivers the message, exactly once.
 */
class NotificationRestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(int smtpPort, boolean sending) {
        return new SpringApplicationBuilder(LinkPosApplication.class).run(
                "--server.port=0",
                "--linkpos.embedded-postgres.data-dir=" + dataDir,
                "--linkpos.bootstrap.bank-api-key=" + TestData.BANK_KEY,
                "--linkpos.bootstrap.demo-data=false",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--linkpos.notifications.poll=100ms",
                "--linkpos.notifications.sender-enabled=" + sending);
    }

    /** The text of a message, its parts decoded (quoted-printable folds long URLs). */
    private static String decoded(Object content) throws Exception {
        if (content instanceof jakarta.mail.internet.MimeMultipart multipart) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                out.append(decoded(multipart.getBodyPart(i).getContent()));
            }
            return out.toString();
        }
        return content instanceof String text ? text : "";
    }

    @Test
    void aMessageQueuedBeforeAStopIsDeliveredOnceAfterTheRestart() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            String email = "restart@example.com";
            String url;
            try (ConfigurableApplicationContext first = start(port, false)) {
                Api api = new Api(((WebServerApplicationContext) first).getWebServer().getPort());
                Api.Merchant merchant = api.newMerchant();
                url = api.post(merchant.key(), "/api/v1/links", Api.json(Map.of("amount", "99.00",
                        "notify", Map.of("email", email)))).json().path("url").asString();
                Thread.sleep(500);
                assertThat(smtp.getReceivedMessages()).as("not sent before the stop").isEmpty();
            }
            try (ConfigurableApplicationContext second = start(port, true)) {
                Eventually.within(Duration.ofSeconds(15), () -> smtp.getReceivedMessages().length >= 1, "the e-mail");
                Thread.sleep(1000); // time enough for a second copy, were there one
                assertThat(smtp.getReceivedMessages()).hasSize(1);
                String token = Api.tokenOf(url);
                assertThat(decoded(smtp.getReceivedMessages()[0].getContent())).contains(token);
                Integer sent = second.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                        .sql("SELECT count(*) FROM notifications WHERE status = 'SENT' AND attempts = 1").query(Integer.class).single();
                assertThat(sent).isEqualTo(1);
            }
        } finally {
            smtp.stop();
        }
    }
}
