package com.linkpos.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** [A2] Sealed secrets: AES-256-GCM, bound to their purpose, under a key ring that rotates. */
class SecretBoxTest {

    private static final SecretBox.Key OLD = SecretBox.Key.parse("old:" + Base64.getEncoder().encodeToString(new byte[32]));
    private static final SecretBox.Key NEW = SecretBox.Key.parse("new:" + Base64.getEncoder().encodeToString(bytes(7)));

    private static byte[] bytes(int value) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) value);
        return key;
    }

    @Test
    void whatIsSealedOpensAgainAndShowsNothingOfTheSecret() {
        SecretBox box = new SecretBox(() -> List.of(NEW));
        String sealed = box.seal("gateway-password", "UcBN0 şifre");
        assertThat(sealed).startsWith("v1:new:").doesNotContain("UcBN0");
        assertThat(box.open("gateway-password", sealed)).isEqualTo("UcBN0 şifre");
        assertThat(box.seal("gateway-password", "UcBN0 şifre")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(NEW.toString()).doesNotContain(Base64.getEncoder().encodeToString(bytes(7)));
    }

    @Test
    void aSealedValueCannotBeTamperedWithNorMovedToAnotherPurpose() {
        SecretBox box = new SecretBox(() -> List.of(NEW));
        String sealed = box.seal("webhook-endpoint-secret", "whsec_abc");
        assertThatThrownBy(() -> box.open("gateway-password", sealed)).isInstanceOf(SecretBox.Unopenable.class);
        byte[] raw = Base64.getDecoder().decode(sealed.substring("v1:new:".length()));
        raw[raw.length - 1] ^= 1;
        String flipped = "v1:new:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> box.open("webhook-endpoint-secret", flipped)).isInstanceOf(SecretBox.Unopenable.class);
        assertThatThrownBy(() -> box.open("webhook-endpoint-secret", "whsec_abc")).isInstanceOf(SecretBox.Unopenable.class);
        assertThatThrownBy(() -> box.open("webhook-endpoint-secret", "v1:new:***")).isInstanceOf(SecretBox.Unopenable.class);
    }

    @Test
    void afterRotationTheNewKeySealsAndTheOldStillOpens() {
        String underOld = new SecretBox(() -> List.of(OLD)).seal("p", "secret");
        SecretBox rotated = new SecretBox(() -> List.of(NEW, OLD));
        assertThat(rotated.open("p", underOld)).isEqualTo("secret");
        assertThat(rotated.isCurrent(underOld)).as("to be sealed again").isFalse();
        assertThat(rotated.isCurrent(rotated.seal("p", "secret"))).isTrue();
        SecretBox forgotten = new SecretBox(() -> List.of(NEW));
        assertThatThrownBy(() -> forgotten.open("p", underOld)).isInstanceOf(SecretBox.Unopenable.class)
                .hasMessageContaining("old");
    }

    @Test
    void keysMustBeThirtyTwoBytes() {
        assertThatThrownBy(() -> SecretBox.Key.parse("short:" + Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretBox.Key.parse("no-colon")).isInstanceOf(IllegalArgumentException.class);
    }
}
