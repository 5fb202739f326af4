package com.linkpos.est;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EST's ver3 hash against the vectors of docs/VPOS.md B3.3, and the rules that make it (B3.1). */
class EstHashTest {

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    @Test
    void e31ThreeDPayRequest() {
        assertThat(EstHash.ver3(fields("clientid", "190100000", "storetype", "3d_pay", "amount", "100.25", "oid", "order222",
                "okUrl", "https://domain.com/success", "failUrl", "https://domain.com/fail_url", "rnd", "rand", "lang", "tr",
                "currency", "949", "taksit", "", "islemtipi", "Auth", "firmaadi", "siparis veren", "Email", "test@test.com",
                "hashAlgorithm", "ver3"), "123456"))
                .isEqualTo("/uPxhEKWCEGi3NsDOOQ4u8Hu5g71v5GWspOid70WehTWEz97PqxG3IN1Jv5jsbOXOw3Z3Rr/0UtywzEgbqFfdA==");
    }

    @Test
    void e32ThreeDRequest() {
        assertThat(EstHash.ver3(fields("clientid", "190100000", "storetype", "3d", "amount", "100.25", "oid", "order222",
                "okUrl", "https://domain.com/success", "failUrl", "https://domain.com/fail_url", "rnd", "12345",
                "hashAlgorithm", "ver3", "lang", "tr", "currency", "949", "islemtipi", "Auth", "taksit", ""), "123456"))
                .isEqualTo("4aUsG5hqlIFLc9s8PKc5rWb2OLhmxDDewNgKa2XrwoYCIxlyVq8Fjl4IVaZzoqL983CfTseicmnTA0PjZr74xg==");
    }

    private static Map<String, String> withTranType(String storetype) {
        return fields("clientid", "190100000", "storetype", storetype, "amount", "100.25", "oid", "order222",
                "okUrl", "https://domain.com/success", "failUrl", "https://domain.com/fail_url", "rnd", "rand-21212",
                "lang", "tr", "currency", "949", "taksit", "", "TranType", "Auth", "hashAlgorithm", "ver3");
    }

    @Test
    void e33AndE34RequestsWithTranType() {
        assertThat(EstHash.ver3(withTranType("3d"), "123456"))
                .isEqualTo("7tt3i3SMhzR3jYjCMwNrolSn7ksY7eKz2kVsqt/nUGK6XNw9/dMMZPVqHK9pQROGEIW3PJWut6v1Xv6ZDtnuSA==");
        assertThat(EstHash.ver3(withTranType("3d_host"), "123456"))
                .isEqualTo("wlqP71Pwu5+zaCYCGxWpbqf1cAsbou5p5PDAds4YcejFO5AVTw0PjnzNiFnYX900ZL38rQw8Jt/YhMmZ5bJ/qA==");
    }

    @Test
    void theHashItselfTheEncodingAndZiraatsNationalIdAreLeftOutWhateverTheirCase() {
        Map<String, String> plain = withTranType("3d");
        String expected = EstHash.ver3(plain, "123456");
        Map<String, String> more = new LinkedHashMap<>(plain);
        more.put("HASH", "anything");
        more.put("encoding", "ISO-8859-9");
        more.put("NATIONALIDNO", "12345678901");
        assertThat(EstHash.ver3(more, "123456")).isEqualTo(expected);
        assertThat(EstHash.signs(Map.of(), "123456")).as("no HASH at all").isFalse();
        more.put("HASH", expected);
        assertThat(EstHash.signs(more, "123456")).isTrue();
        more.put("firmaadi", "Çiçek Pasajı");
        assertThat(EstHash.signs(more, "123456")).as("every other field the bank posted counts").isFalse();
    }

    @Test
    void keysSortByTheirUpperCaseSoAnUnderscoreComesAfterTheLetters() {
        // upper-cased "_CHARSET_" sorts after "AMOUNT" ('_' is 0x5F, after 'A'-'Z'); lower-cased it would come first
        String sorted = EstHash.ver3(fields("amount", "1.00", "_charset_", "UTF-8"), "k");
        assertThat(sorted).isEqualTo(com.linkpos.shared.Hashes.base64("SHA-512", "1.00|UTF-8|k"));
        assertThat(EstHash.ver3(fields("a", "x|y\\z"), "s|t"))
                .as("\\ escaped before |, the store key too")
                .isEqualTo(com.linkpos.shared.Hashes.base64("SHA-512", "x\\|y\\\\z|s\\|t"));
    }
}
