package com.linkpos.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.support.Api;
import com.linkpos.support.LinkPosTest;
import com.linkpos.support.Payer;
import com.linkpos.support.Payer.Card;
import com.linkpos.support.PortalSession;
import com.linkpos.support.TestData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * [X7] The receipt as PDF, read back: the payer's from the result page, the merchant's from the transaction
 * detail and the API, in Turkish and English, with the receipt's fields and Turkish letters intact.
 */
@LinkPosTest
class ReceiptPdfTest {

    private static final String MERCHANT = "Şahin Kırtasiye ve Oyuncak Ltd. Şti.";

    @LocalServerPort
    int port;

    @Test
    void theReceiptReadsBackWithEveryField() throws Exception {
        Api api = new Api(port);
        Api.Merchant merchant = api.newMerchant(MERCHANT, List.of(), 12);
        Api.CreatedLink link = api.newLink(merchant, Map.of("amount", "1250.50", "installments", 3,
                "orderNumber", TestData.unique("DEKONT")));
        Payer payer = new Payer(port);
        Payer.Result paid = payer.pay(link.token(), Card.of("4155650100416111"));
        assertThat(paid.approved()).isTrue();
        JsonFields sale = JsonFields.of(api.get(merchant.key(), "/api/v1/transactions/" + paid.transactionId()).json());

        // the payer's, linked from the result page
        String href = paid.page().document().selectFirst("#receipt-pdf").attr("href");
        PortalSession.Download payers = payer.browser().download(href);
        assertThat(payers.status()).isEqualTo(200);
        assertThat(payers.contentType()).startsWith("application/pdf");
        assertThat(payers.contentDisposition()).contains("dekont-" + link.orderNumber() + ".pdf");
        assertThat(text(payers.body())).contains(MERCHANT, "Dekont", "1.250,50 TL", "3 taksit (3 × 416,83 TL)",
                "415565******6111", sale.authCode(), link.orderNumber(), "(İstanbul saati)", sale.hostReference());

        // the merchant's, from the transaction detail, and through the API in English
        PortalSession portal = PortalSession.loggedIn(port, merchant);
        String detailLink = portal.get("/reports/transactions/" + paid.transactionId()).document()
                .selectFirst("#tx-receipt-pdf").attr("href");
        assertThat(text(portal.download(detailLink).body())).contains(MERCHANT, "1.250,50 TL");
        HttpResponse<byte[]> english = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.baseUrl() + "/api/v1/transactions/" + paid.transactionId() + "/receipt.pdf"))
                .header("Authorization", "Bearer " + merchant.key()).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(text(english.body())).contains(MERCHANT, "Receipt", "TRY 1,250.50", "3 installments", "(Istanbul time)");

        // the link's page shares its message through WhatsApp
        String share = portal.get("/links/" + link.id()).document().selectFirst("#whatsapp-share").attr("href");
        assertThat(share).startsWith("https://wa.me/?text=");
        assertThat(java.net.URLDecoder.decode(share.substring(share.indexOf('=') + 1), java.nio.charset.StandardCharsets.UTF_8))
                .contains(link.url(), link.orderNumber(), "1.250,50 TL");

        // a declined payment has no receipt; another merchant's sale is not found
        Api.CreatedLink declinedLink = api.newLink(merchant, Map.of("amount", "20.00"));
        Payer.Result declined = new Payer(port).pay(declinedLink.token(), Card.of("4000000000009995"));
        assertThat(api.get(merchant.key(), "/api/v1/transactions/" + declined.transactionId() + "/receipt.pdf").status())
                .isEqualTo(404);
        assertThat(declined.page().document().select("#receipt-pdf")).isEmpty();
        assertThat(api.get(api.newMerchant().key(), "/api/v1/transactions/" + paid.transactionId() + "/receipt.pdf").status())
                .isEqualTo(404);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The two fields of a transaction the receipt repeats. */
    private record JsonFields(String authCode, String hostReference) {
        static JsonFields of(tools.jackson.databind.JsonNode json) {
            return new JsonFields(json.path("authCode").asString(), json.path("hostReference").asString());
        }
    }
}
