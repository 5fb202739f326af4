package com.linkpos.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** [L7] SMS only to Turkish mobile numbers, written as people write them. */
class TurkishMobileTest {

    @ParameterizedTest
    @ValueSource(strings = {"05321234567", "5321234567", "+90 532 123 45 67", "+905321234567", "0532 123 45 67",
            "(0532) 123-45-67", "905321234567"})
    void acceptsTurkishMobilesInEveryUsualForm(String written) {
        assertThat(TurkishMobile.toE164(written)).contains("+905321234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+49 151 12345678", "+1 202 555 0143", "02121234567", "+90 212 123 45 67", "12345",
            "0532123456", "053212345678", "0532 123 45 67 ext 5", "abc", "+90 532 123 45 67\nBcc: x", ""})
    void refusesEverythingElse(String written) {
        assertThat(TurkishMobile.toE164(written)).isEmpty();
    }
}
