package com.linkpos.banksimulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulated EST gateway's ver3 hash against docs/VPOS.md's vectors E3-1 to E3-4, and the merchant's
 * hash of {@link EstSimulatorTest} with it: three implementations (LinkPOS's adapter has its own test)
 * that must agree. Without Spring.
 */
class EstHashVectorsTest {

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static Map<String, String> withTranType(String storetype) {
        return fields("clientid", "190100000", "storetype", storetype, "amount", "100.25", "oid", "order222",
                "okUrl", "https://domain.com/success", "failUrl", "https://domain.com/fail_url", "rnd", "rand-21212",
                "lang", "tr", "currency", "949", "taksit", "", "TranType", "Auth", "hashAlgorithm", "ver3");
    }

    @Test
    void e31ThreeDPay() {
        Map<String, String> form = fields("clientid", "190100000", "storetype", "3d_pay", "amount", "100.25", "oid", "order222",
                "okUrl", "https://domain.com/success", "failUrl", "https://domain.com/fail_url", "rnd", "rand", "lang", "tr",
                "currency", "949", "taksit", "", "islemtipi", "Auth", "firmaadi", "siparis veren", "Email", "test@test.com",
                "hashAlgorithm", "ver3");
        String expected = "/uPxhEKWCEGi3NsDOOQ4u8Hu5g71v5GWspOid70WehTWEz97PqxG3IN1Jv5jsbOXOw3Z3Rr/0UtywzEgbqFfdA==";
        assertThat(EstHash.ver3(form, "123456")).isEqualTo(expected);
        assertThat(EstSimulatorTest.ver3(form, "123456")).isEqualTo(expected);
    }

    @Test
    void e32ThreeD() {
        Map<String, String> form = fields("clientid", "190100000", "storetype", "3d", "amount", "100.25", "oid", "order222",
                "okUrl", "https://domain.com/success", "failUrl", "https://domain.com/fail_url", "rnd", "12345",
                "hashAlgorithm", "ver3", "lang", "tr", "currency", "949", "islemtipi", "Auth", "taksit", "");
        String expected = "4aUsG5hqlIFLc9s8PKc5rWb2OLhmxDDewNgKa2XrwoYCIxlyVq8Fjl4IVaZzoqL983CfTseicmnTA0PjZr74xg==";
        assertThat(EstHash.ver3(form, "123456")).isEqualTo(expected);
        assertThat(EstSimulatorTest.ver3(form, "123456")).isEqualTo(expected);
    }

    @Test
    void e33AndE34WithTranType() {
        assertThat(EstHash.ver3(withTranType("3d"), "123456"))
                .isEqualTo("7tt3i3SMhzR3jYjCMwNrolSn7ksY7eKz2kVsqt/nUGK6XNw9/dMMZPVqHK9pQROGEIW3PJWut6v1Xv6ZDtnuSA==");
        assertThat(EstHash.ver3(withTranType("3d_host"), "123456"))
                .isEqualTo("wlqP71Pwu5+zaCYCGxWpbqf1cAsbou5p5PDAds4YcejFO5AVTw0PjnzNiFnYX900ZL38rQw8Jt/YhMmZ5bJ/qA==");
    }

    @Test
    void theHashAndTheEncodingAreLeftOutAndTurkishLettersHashAsUtf8() {
        Map<String, String> form = withTranType("3d");
        String plain = EstHash.ver3(form, "123456");
        form.put("HASH", "x");
        form.put("Encoding", "ISO-8859-9");
        assertThat(EstHash.ver3(form, "123456")).isEqualTo(plain);
        form.put("firmaadi", "Şükrü | İğdeli \\ Çiçek");
        assertThat(EstHash.ver3(form, "123456")).isEqualTo(EstSimulatorTest.ver3(form, "123456")).isNotEqualTo(plain);
    }
}
