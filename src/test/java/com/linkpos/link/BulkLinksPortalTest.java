package com.linkpos.link;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Eventually;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.PortalSession;
import com.linkpos.support.TestData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** [X1] «Toplu Link» over HTTP, as a browser without scripts uses it: templates, an upload, its progress page. */
@LinkPosTest
class BulkLinksPortalTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theTemplatesHaveTheHeadersOfTheirLanguageAndAnUploadLeadsToItsProgress() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        PortalSession session = PortalSession.loggedIn(port, merchant);
        PortalSession.Page page = session.get("/links/bulk");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#bulk-form").attr("enctype")).isEqualTo("multipart/form-data");

        assertThat(new String(session.download("/links/bulk/template?format=csv&lang=tr").body(), StandardCharsets.UTF_8))
                .isEqualTo("Sipariş Numarası,Tutar,Döviz Cinsi,Taksit Sayısı,Başlangıç Tarihi,Bitiş Tarihi,Kullanım Tipi,"
                        + "Açıklama,Ödeyen Açıklaması,Cep Telefonu,E-posta\r\n");
        assertThat(new String(session.download("/links/bulk/template?format=csv&lang=en").body(), StandardCharsets.UTF_8))
                .startsWith("Order number,Amount,Currency,");
        PortalSession.Download xlsx = session.download("/links/bulk/template?format=xlsx&lang=tr");
        assertThat(xlsx.contentType()).contains("spreadsheetml");
        assertThat(xlsx.contentDisposition()).contains(".xlsx");

        // a file the portal refuses as a whole: the reason on the page, in the page's language
        PortalSession.Page refused = session.upload("/links/bulk", "notlar.txt", "merhaba".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.document().select("#bulk-refusal").text()).contains("Yalnızca .xlsx ya da .csv dosyası yüklenebilir.");

        // past the file's limit: refused as too large, not a failure
        session.get("/links/bulk");
        assertThat(session.upload("/links/bulk", "big.csv", new byte[20 * 1024 * 1024 + 512 * 1024]).status()).isEqualTo(413);

        String order = TestData.unique("PRT");
        session.get("/links/bulk");
        PortalSession.Page accepted = session.upload("/links/bulk", "toplu.csv",
                ("Sipariş Numarası,Tutar\r\n" + order + ",1.250,50\r\n").replace("1.250,50", "\"1.250,50\"").getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(302);
        String progress = accepted.location();
        assertThat(progress).contains("/links/bulk/blk_");
        String id = progress.substring(progress.lastIndexOf('/') + 1);

        Eventually.within(Duration.ofSeconds(30), () -> session.get(session.relative(progress)).document()
                .select("#bulk-progress").attr("data-status").equals("DONE"), "the upload done");

        // while it runs (as if: held by a worker), the page refreshes itself without scripts (inside <noscript>)
        jdbc.sql("UPDATE bulk_uploads SET status = 'PROCESSING', claimed_until = now() + interval '1 hour' WHERE id = ?")
                .param(id).update();
        PortalSession.Page running = session.get(session.relative(progress));
        jdbc.sql("UPDATE bulk_uploads SET status = 'DONE', claimed_until = NULL WHERE id = ?").param(id).update();
        assertThat(running.body()).contains("<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript>");
        assertThat(running.document().select("#bulk-progress").attr("data-status")).isEqualTo("PROCESSING");

        PortalSession.Page done = session.get(session.relative(progress));
        assertThat(done.body()).doesNotContain("http-equiv=\"refresh\"");
        assertThat(done.document().select("#bulk-counts").text()).contains("1 link oluşturuldu");
        assertThat(done.document().select("#bulk-no-errors")).hasSize(1);
        assertThat(done.document().select("#result-xlsx").attr("href")).contains("format=xlsx");
        assertThat(new String(session.download("/links/bulk/" + id + "/result?format=csv").body(), StandardCharsets.UTF_8))
                .startsWith("row,url,errors\r\n1,http");
        assertThat(api.get(merchant.key(), "/api/v1/links?orderNumber=" + order).json().path("data").get(0).path("amount").asString())
                .isEqualTo("1250.50");
        // the upload is listed on the page, for the merchant's other users too
        assertThat(session.get("/links/bulk").document().select("#bulk-recent a[href$=" + id + "]")).hasSize(1);

        // another merchant's user finds nothing
        PortalSession other = PortalSession.loggedIn(port, api.newMerchant());
        assertThat(other.get("/links/bulk/" + id).status()).isEqualTo(404);
        assertThat(other.download("/links/bulk/" + id + "/result?format=csv").status()).isEqualTo(404);
    }
}
