package com.linkpos.api;

import static com.linkpos.api.GeneratedClient.call;
import static com.linkpos.api.GeneratedClient.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.TestData;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client that openapi-generator makes from the live /v3/api-docs works against the running app over
 * HTTP, as an integrator's would: typed bodies both ways, a merge patch that changes only what it
 * names, lists, a streamed XLSX that arrives intact, and problem bodies it can read.
 */
@LinkPosTest
class GeneratedClientTest {

    private static final String VISA_APPROVED = "4155650100416111";

    @LocalServerPort
    int port;

    @Test
    void aClientGeneratedFromTheDescriptionDrivesTheApi() throws Exception {
        Path description = OpenApiLintTest.saveLiveDescription(port, Path.of("target/openapi/client/api-docs.json"));
        assertThat(GeneratedClient.validation(description)).as("openapi-generator's validation (swagger-parser)")
                .contains("No validation issues detected");
        try (GeneratedClient client = GeneratedClient.of(description, Path.of("target/openapi/client/java"))) {
            String key = onboardMerchant(client);
            Object links = client.api("LinksApi", key);
            Object transactions = client.api("TransactionsApi", key);

            // create, with an Idempotency-Key: the same request again is the same link
            String order = TestData.unique("GEN");
            Object newLink = client.model("NewLink", "orderNumber", order, "amount", "150.00", "currency", "TRY",
                    "installments", 3, "description", "Kasım faturası");
            Object created = call(links, "createLink", newLink, "create-" + order);
            String id = (String) get(created, "id");
            assertThat(get(created, "status")).isEqualTo("ACTIVE");
            assertThat(get(created, "amount")).isEqualTo("150.00");
            assertThat(get(call(links, "createLink", newLink, "create-" + order), "id")).as("replayed").isEqualTo(id);

            // a merge patch changes what it names and keeps the rest; null removes
            Object patched = call(links, "updateLink", id, client.model("LinkPatch", "description", "Aralık faturası"));
            assertThat(get(patched, "description")).isEqualTo("Aralık faturası");
            assertThat(List.of(get(patched, "amount"), get(patched, "installments"), get(patched, "orderNumber"),
                    get(patched, "url"))).isEqualTo(List.of("150.00", 3, order, get(created, "url")));
            Object cleared = call(links, "updateLink", id, client.model("LinkPatch", "description", null));
            assertThat(get(cleared, "description")).isNull();
            assertThat(get(cleared, "installments")).isEqualTo(3);

            // the list, filtered by order number
            Object page = call(links, "listLinks", null, order, null, null, 10, null);
            assertThat(((List<?>) get(page, "data")).stream().map(link -> get(link, "id"))).containsExactly(id);
            assertThat(get(page, "nextCursor")).isNull();

            // a payment, then the transactions: the list, one by id, and an XLSX export
            String sale = new Payer(port).pay(Api.tokenOf(get(created, "url").toString()), VISA_APPROVED, null, true);
            Object found = call(transactions, "listTransactions", null, null, null, null, null, null, null, null, null,
                    null, id, null, null);
            List<?> data = (List<?>) get(found, "data");
            assertThat(data).hasSize(1);
            Object transaction = data.get(0);
            assertThat(List.of(get(transaction, "id"), get(transaction, "type"), get(transaction, "status"),
                    get(transaction, "amount"), get(get(transaction, "card"), "last4"), get(get(transaction, "card"), "brand")))
                    .isEqualTo(List.of(sale, "SALE", "APPROVED", "150.00", "6111", "VISA"));
            assertThat(get(call(transactions, "getTransaction", sale), "linkId")).isEqualTo(id);

            File export = (File) call(transactions, "exportTransactions", null, null, null, null, null, null, null, null,
                    null, null, id, "xlsx", null);
            try (XSSFWorkbook workbook = new XSSFWorkbook(export)) {
                Row row = workbook.getSheetAt(0).getRow(1);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(sale);
                assertThat(row.getCell(4).getStringCellValue()).isEqualTo(order);
                assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(150.0);
                assertThat(workbook.getSheetAt(0).getLastRowNum()).as("the header and one transaction").isEqualTo(1);
            }

            // problems: the client reads their code
            GeneratedClient.Refused refundTooEarly = catchThrowableOfType(GeneratedClient.Refused.class,
                    () -> call(transactions, "refundTransaction", sale, null, client.model("RefundRequest", "amount", "10.00")));
            assertThat(refundTooEarly.status).isEqualTo(409);
            assertThat(get(client.read("Problem", refundTooEarly.body), "code")).isEqualTo("batch_open_use_void");
            GeneratedClient.Refused taken = catchThrowableOfType(GeneratedClient.Refused.class,
                    () -> call(links, "createLink", client.model("NewLink", "orderNumber", order, "amount", "1.00"), null));
            Object problem = client.read("Problem", taken.body);
            assertThat(List.of(taken.status, get(problem, "status"), get(problem, "code")))
                    .isEqualTo(List.of(422, 422, "order_number_taken"));
            assertThat(get(((List<?>) get(problem, "errors")).get(0), "field")).isEqualTo("orderNumber");

            // delete
            String other = (String) get(call(links, "createLink", client.model("NewLink", "amount", "10.00"), null), "id");
            assertThat(get(call(links, "deleteLink", other), "status")).isEqualTo("DELETED");
        }
    }

    /** The bank's part, through the client too: a merchant, a merge patch of it, and its API key. */
    private static String onboardMerchant(GeneratedClient client) {
        Object bank = client.api("BankAdminApi", TestData.BANK_KEY);
        String username = TestData.unique("client");
        Object newMerchant = client.model("NewMerchant", "name", "Üretilmiş İstemci A.Ş.", "email", "shop@example.com",
                "maxInstallments", 3, "admin", client.model("MerchantAdminUser", "username", username,
                        "password", "a-good-password-1"));
        call(newMerchant, "addForeignCurrenciesItem", "USD");
        Object merchant = call(bank, "createMerchant", newMerchant, "merchant-" + username);
        String id = (String) get(merchant, "id");

        Object patched = call(bank, "updateMerchant", id, client.model("MerchantPatch", "maxInstallments", 6));
        assertThat(List.of(get(patched, "maxInstallments"), get(patched, "name"), get(patched, "foreignCurrencies")))
                .isEqualTo(List.of(6, "Üretilmiş İstemci A.Ş.", List.of("USD")));
        return (String) get(call(bank, "issueMerchantApiKey", id, null), "key");
    }
}
