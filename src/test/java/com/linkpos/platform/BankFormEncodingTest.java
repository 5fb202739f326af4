package com.linkpos.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A bank's form value read byte for byte comes out as it was meant, in UTF-8 or Turkish ISO-8859-9. */
class BankFormEncodingTest {

    private static String asLatin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void utf8StaysUtf8() {
        String name = "ŞİĞDEM ÖZÇELİK ığüşöç";
        assertThat(BankFormEncoding.redecode(asLatin1(name.getBytes(StandardCharsets.UTF_8)))).isEqualTo(name);
    }

    @Test
    void turkishIsoIsReadAsTurkish() {
        String name = "ZİRAAT BANKASI Şişli Ağaç ı";
        assertThat(BankFormEncoding.redecode(asLatin1(name.getBytes(BankFormEncoding.TURKISH)))).isEqualTo(name);
    }

    @Test
    void asciiIsAscii() {
        assertThat(BankFormEncoding.redecode("PF638028511007418219")).isEqualTo("PF638028511007418219");
        assertThat(BankFormEncoding.redecode(null)).isNull();
    }
}
