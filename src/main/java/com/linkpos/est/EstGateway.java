package com.linkpos.est;

import com.linkpos.acquiring.BankConnection;
import com.linkpos.acquiring.BankXml;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * EST over HTTP: a {@code CC5Request} to {@code /fim/api} and its {@code CC5Response} as a flat map
 * ({@code Extra}'s children by their own names), and the end of day announced to the simulator. The
 * request is sent as the banks' own samples send it: raw XML declared and encoded ISO-8859-9 (Turkish
 * letters as themselves, anything else as a character reference). What is not a well-formed answer
 * throws {@link com.linkpos.acquiring.BankUnanswered}.
 */
@Component
class EstGateway {

    /** {@code linkpos.est.*}: how long LinkPOS waits for an EST gateway. */
    @ConfigurationProperties("linkpos.est")
    record Settings(Duration connectTimeout, Duration readTimeout) {
        Settings {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        }
    }

    private static final Charset ISO_8859_9 = Charset.forName("ISO-8859-9");
    private static final Set<String> ANSWERS = Set.of("CC5Response");

    private final BankConnection bank;

    EstGateway(Settings settings) {
        this.bank = new BankConnection(settings.connectTimeout(), settings.readTimeout());
    }

    /** A CC5Request of these fields ({@code extra}: the children of {@code <Extra>}, may be empty); the answer. */
    Map<String, String> api(EstTerminal terminal, Map<String, String> fields, Map<String, String> extra) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("Name", terminal.username());
        request.put("Password", terminal.password());
        request.put("ClientId", terminal.clientId());
        request.putAll(fields);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"ISO-8859-9\"?><CC5Request>");
        request.forEach((name, value) -> element(xml, name, value));
        if (!extra.isEmpty()) {
            xml.append("<Extra>");
            extra.forEach((name, value) -> element(xml, name, value));
            xml.append("</Extra>");
        }
        xml.append("</CC5Request>");
        return BankXml.leaves(bank.post(terminal.apiUrl(), "text/xml; charset=ISO-8859-9", iso88599(xml.toString()),
                "EST API"), ANSWERS);
    }

    /** LinkPOS's end of day, told to the simulator's EST gateway (a real EST bank closes its day by itself). */
    void dayEnd(EstTerminal terminal) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("clientid", terminal.clientId());
        form.put("Name", terminal.username());
        form.put("Password", terminal.password());
        BankXml.leaves(bank.postForm(terminal.dayEndUrl(), form, "EST day end"), ANSWERS);
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append('<').append(name).append('>').append(BankXml.escape(value)).append("</").append(name).append('>');
    }

    /** The text in ISO-8859-9; a character it cannot hold goes as a numeric character reference. */
    private static byte[] iso88599(String text) {
        CharsetEncoder encoder = ISO_8859_9.newEncoder();
        StringBuilder encodable = new StringBuilder(text.length());
        text.codePoints().forEach(point -> {
            String character = new String(Character.toChars(point));
            if (encoder.canEncode(character)) {
                encodable.append(character);
            } else {
                encodable.append("&#x").append(Integer.toHexString(point).toUpperCase(java.util.Locale.ROOT)).append(';');
            }
        });
        return encodable.toString().getBytes(ISO_8859_9);
    }
}
