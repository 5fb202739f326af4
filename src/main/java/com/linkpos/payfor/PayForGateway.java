package com.linkpos.payfor;

import com.linkpos.acquiring.BankConnection;
import com.linkpos.acquiring.BankXml;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * PayFor over HTTP: a {@code PayforRequest} to XMLGate.aspx and its {@code PayforResponse} as a flat
 * map; the 3-D form posted by LinkPOS's own server (QNB's IP rule M047). What is not a well-formed
 * answer throws {@link com.linkpos.acquiring.BankUnanswered}: nothing may be taken from it.
 */
@Component
class PayForGateway {

    /** {@code linkpos.payfor.*}: how long LinkPOS waits for a PayFor gateway. */
    @ConfigurationProperties("linkpos.payfor")
    record Settings(Duration connectTimeout, Duration readTimeout) {
        Settings {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        }
    }

    private static final Set<String> ANSWERS = Set.of("PayforResponse", "TxnHistoryReport");

    private final BankConnection bank;

    PayForGateway(Settings settings) {
        this.bank = new BankConnection(settings.connectTimeout(), settings.readTimeout());
    }

    /** A PayforRequest of these fields to {@code {gateway}/Gateway/XMLGate.aspx}; the PayforResponse's fields. */
    Map<String, String> xml(String gatewayUrl, Map<String, String> fields) {
        StringBuilder body = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><PayforRequest>");
        fields.forEach((name, value) -> body.append('<').append(name).append('>').append(BankXml.escape(value))
                .append("</").append(name).append('>'));
        body.append("</PayforRequest>");
        return parse(bank.post(gatewayUrl + "/Gateway/XMLGate.aspx", "text/xml; charset=UTF-8",
                body.toString().getBytes(StandardCharsets.UTF_8), "XMLGate"));
    }

    /** The 3-D form posted by our server to {@code {gateway}/Gateway/Default.aspx}: the bank's HTML for the payer. */
    String form(String gatewayUrl, Map<String, String> fields) {
        return bank.postFormAsBrowser(gatewayUrl + "/Gateway/Default.aspx", fields, "Default.aspx");
    }

    /** The answer's fields; the XML's own declaration says its charset. */
    static Map<String, String> parse(byte[] xml) {
        return BankXml.leaves(xml, ANSWERS);
    }
}
