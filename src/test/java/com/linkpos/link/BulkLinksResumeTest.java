package com.linkpos.link;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.Eventually;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.TestData;
import com.linkpos.shared.Ids;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * [X1] An upload whose instance died half way (its hold lapsed) is taken up by another and goes on after
 * its last row done: no row twice, none left out; its status is the database's, whichever instance asks.
 */
@LinkPosTest
class BulkLinksResumeTest {

    @LocalServerPort
    int port;
    @Autowired
    BulkUploadTable table;
    @Autowired
    BulkUploads uploads;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anUploadLeftHalfDoneByADeadInstanceIsFinishedByAnotherFromWhereItStopped() {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant();
        String prefix = TestData.unique("RES");
        byte[] csv = ("orderNumber,amount\r\n" + prefix + "-1,1.00\r\n" + prefix + "-2,0\r\n" + prefix + "-3,3.00\r\n"
                + prefix + "-4,4.00\r\n").getBytes(StandardCharsets.UTF_8);
        String id = Ids.newId("blk");
        // what the dead instance left: the file (in two chunks), rows 1 and 2 done, its hold not yet lapsed
        Api.CreatedLink first = api.newLink(merchant, "{\"orderNumber\": \"" + prefix + "-1\", \"amount\": \"1.00\"}");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            table.insert(id, merchant.id(), "kasa", "a.csv", BulkFile.Format.CSV, "tr", 4, Instant.now());
            table.count(merchant.id(), id, 0, 0, Instant.now().plusSeconds(3600));
            table.insertChunk(id, merchant.id(), 0, Arrays.copyOfRange(csv, 0, 25));
            table.insertChunk(id, merchant.id(), 1, Arrays.copyOfRange(csv, 25, csv.length));
            table.recordCreated(merchant.id(), id, 1, first.id());
            table.recordRefused(merchant.id(), id, 2, "[{\"field\": \"amount\", \"code\": \"amount_not_positive\", \"message\": \"…\"}]");
            table.count(merchant.id(), id, 1, 1, Instant.now().plusSeconds(3600));
        });
        assertThat(uploads.processNext()).as("held by the dead instance").isFalse();

        jdbc.sql("UPDATE bulk_uploads SET claimed_until = now() - interval '1 second' WHERE id = ?").param(id).update();
        uploads.nudge();
        Eventually.within(Duration.ofSeconds(30), () -> api.get(merchant.key(), "/api/v1/links/bulk/" + id).json()
                .path("status").asString().equals("DONE"), "the upload taken up and done");

        var status = api.get(merchant.key(), "/api/v1/links/bulk/" + id).json();
        assertThat(status.path("created").asInt()).isEqualTo(3);
        assertThat(status.path("refused").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM links WHERE merchant_id = ? AND order_number LIKE ?")
                .param(merchant.id()).param(prefix + "-%").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT row_number FROM bulk_upload_rows WHERE upload_id = ? ORDER BY row_number").param(id)
                .query(Integer.class).list()).containsExactly(1, 2, 3, 4);
        assertThat(jdbc.sql("SELECT count(*) FROM bulk_upload_chunks WHERE upload_id = ?").param(id).query(Long.class).single())
                .as("the file is not kept once done").isZero();
    }
}
