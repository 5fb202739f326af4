package com.linkpos.payfor;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.shared.Hashes;
import org.junit.jupiter.api.Test;

/** PayFor's hash formulas against the vectors of docs/VPOS.md A3.3, recomputed from the bank's own answers. */
class PayForHashTest {

    @Test
    void pf1TheThreeDFormsHash() {
        String url = "http://localhost/finansbank-payfor/3d/response.php";
        assertThat(PayForHash.request("5", "2020110828BC", "100.01", url, url, "Auth", "0", "0.43625700 1604831630",
                "12345678")).isEqualTo("zmSUxYPhmCj7QOzqpk/28LuE1Oc=");
    }

    @Test
    void pf2TheCallbacksResponseHash() {
        String presented = "rVcKoOOl3jKukGLHcQaVM6ZuznU=";
        String expected = PayForHash.response("085300000009704", "12345678", "20221031FD04", "", "V033", "1",
                "PF638028511007418219", "QNB_API_KULLANICI_3DPAY", "Sha1", presented).orElseThrow();
        assertThat(expected).isEqualTo(presented);
        assertThat(Hashes.matches(expected, presented)).isTrue();
        String withoutStatus = PayForHash.response("085300000009704", "12345678", "20221031FD04", "", "V033", "",
                "PF638028511007418219", "QNB_API_KULLANICI_3DPAY", "Sha1", presented).orElseThrow();
        assertThat(Hashes.matches(withoutStatus, presented)).as("3DStatus is part of it").isFalse();
    }

    @Test
    void theDigestFollowsHashTypeOrElseTheLength() {
        String sha256 = PayForHash.response("m", "p", "o", "", "101310", "", "PF1", "u", null,
                "x".repeat(44)).orElseThrow();
        assertThat(sha256).hasSize(44);
        assertThat(PayForHash.response("m", "p", "o", "", "00", "1", "PF1", "u", "Sha512", "anything").orElseThrow()).hasSize(88);
        assertThat(PayForHash.response("m", "p", "o", "", "00", "1", "PF1", "u", null, "short")).as("unknown digest").isEmpty();
        assertThat(PayForHash.response("m", "p", "o", "", "00", "1", "PF1", "u", "Md5", "x".repeat(28))).isEmpty();
    }
}
