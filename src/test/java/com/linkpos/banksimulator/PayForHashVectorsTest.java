package com.linkpos.banksimulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PayFor hashes against docs/VPOS.md's vectors PF-1 and PF-2: the tests' own implementation (what
 * a merchant would write) and the simulator's. Without Spring.
 */
class PayForHashVectorsTest {

    private static final String OK = "http://localhost/finansbank-payfor/3d/response.php";
    private static final PayForTerminal TEST = new PayForTerminal("5", "085300000009704", "QNB_API_KULLANICI_3DPAY", "UcBN0",
            "12345678", null, null, List.of());

    @Test
    void pf1TheFormHash() {
        assertThat(PayForMerchantHashes.formHash("5", "2020110828BC", "100.01", OK, OK, "Auth", "0", "0.43625700 1604831630",
                "12345678")).isEqualTo("zmSUxYPhmCj7QOzqpk/28LuE1Oc=");
        assertThat(PayForHash.request("5", "2020110828BC", "100.01", OK, OK, "Auth", "0", "0.43625700 1604831630",
                "12345678")).isEqualTo("zmSUxYPhmCj7QOzqpk/28LuE1Oc=");
    }

    @Test
    void pf2TheCallbackHash() {
        assertThat(PayForMerchantHashes.callbackHash("SHA-1", "085300000009704", "12345678", "20221031FD04", "", "V033", "1",
                "PF638028511007418219", "QNB_API_KULLANICI_3DPAY")).isEqualTo("rVcKoOOl3jKukGLHcQaVM6ZuznU=");
        assertThat(PayForHash.response(PayForHash.Digest.SHA1, TEST, "20221031FD04", "", "V033", "1", "PF638028511007418219"))
                .isEqualTo("rVcKoOOl3jKukGLHcQaVM6ZuznU=");
        // PF-2's own check: an empty 3DStatus gives another hash
        assertThat(PayForMerchantHashes.callbackHash("SHA-1", "085300000009704", "12345678", "20221031FD04", "", "V033", "",
                "PF638028511007418219", "QNB_API_KULLANICI_3DPAY")).isNotEqualTo("rVcKoOOl3jKukGLHcQaVM6ZuznU=");
    }

    @Test
    void theDigestOfACallbackByHashTypeOrLength() {
        assertThat(PayForMerchantHashes.algorithmOf("Sha1", "x")).isEqualTo("SHA-1");
        assertThat(PayForMerchantHashes.algorithmOf(null, "rVcKoOOl3jKukGLHcQaVM6ZuznU=")).isEqualTo("SHA-1");
        assertThat(PayForMerchantHashes.algorithmOf("", "A".repeat(43) + "=")).isEqualTo("SHA-256");
        assertThat(PayForHash.response(PayForHash.Digest.SHA256, TEST, "20221031FD04", "", "101310", "0", "PF1"))
                .hasSize(44).isEqualTo(PayForMerchantHashes.callbackHash("SHA-256", "085300000009704", "12345678",
                        "20221031FD04", "", "101310", "0", "PF1", "QNB_API_KULLANICI_3DPAY"));
    }

    @Test
    void aTerminalWithAnAllowListTakesOnlyItsAddresses() {
        PayForTerminal restricted = new PayForTerminal("5", "1", "u", "s3cretPass", "st0reKey", null, null, List.of("10.0.0.5"));
        assertThat(restricted.allows("10.0.0.5")).isTrue();
        assertThat(restricted.allows("127.0.0.1")).isFalse();
        assertThat(TEST.allows("127.0.0.1")).as("no list: any address").isTrue();
        assertThat(restricted.toString()).as("no secret in a log line").doesNotContain("s3cretPass").doesNotContain("st0reKey");
    }
}
