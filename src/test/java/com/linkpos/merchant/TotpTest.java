package com.linkpos.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** [S1] TOTP as RFC 6238 defines it, against the RFC's own test vectors (SHA-1, 8 digits). */
class TotpTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "{0} s → {1}")
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void theRfcsVectors(long seconds, String code) {
        assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(seconds), 8)).isEqualTo(code);
    }

    @Test
    void aCodeOfThisStepOrANeighbourMatchesAndNamesItsStep() {
        byte[] secret = Totp.newSecret();
        Instant now = Instant.parse("2026-12-01T10:00:15Z");
        String previous = Totp.code(secret, now.minusSeconds(30), 6);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now, 6), now)).hasValue(Totp.step(now));
        assertThat(Totp.matchingStep(secret, previous, now)).hasValue(Totp.step(now) - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now.minusSeconds(90), 6), now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, null, now)).isEmpty();
    }

    @Test
    void theSecretTravelsAsBase32InAnOtpauthUri() {
        byte[] secret = Totp.newSecret();
        assertThat(Totp.fromBase32(Totp.base32(secret))).isEqualTo(secret);
        assertThat(Totp.uri("ayşe admin", secret)).startsWith("otpauth://totp/LinkPOS%3Aay%C5%9Fe%20admin?secret=")
                .contains("&issuer=LinkPOS");
    }
}
