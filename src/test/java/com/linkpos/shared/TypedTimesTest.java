package com.linkpos.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Times as they are typed and shown on Turkish and English pages, whatever the browser's language. Without Spring. */
class TypedTimesTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"01.12.2026 14:30, 2026-12-01T14:30", "1.12.2026 9:05, 2026-12-01T09:05", "  01.12.2026   14:30 , 2026-12-01T14:30",
            "2026-12-01T14:30, 2026-12-01T14:30", "2026-12-01 14:30, 2026-12-01T14:30", "01.12.2026, 2026-12-01T00:00"})
    void readsTheWaysOfBothLanguagesAndTheFormsOwn(String typed, String expected) {
        assertThat(TypedTimes.time(typed)).contains(LocalDateTime.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12/01/2026 09:00 PM", "31.02.2026 10:00", "01.12.2026 25:00", "abc", "", "01.12.26 10:00"})
    void guessesNothingElse(String typed) {
        assertThat(TypedTimes.time(typed)).isEmpty();
    }

    @Test
    void showsEachPageInItsOwnLanguage() {
        Instant noonIstanbul = Instant.parse("2026-12-01T09:30:00Z");
        assertThat(TypedTimes.format(noonIstanbul, Locale.forLanguageTag("tr"))).isEqualTo("01.12.2026 12:30");
        assertThat(TypedTimes.format(noonIstanbul, Locale.ENGLISH)).isEqualTo("2026-12-01 12:30");
        assertThat(TypedTimes.format(LocalDate.of(2026, 12, 1), Locale.forLanguageTag("tr"))).isEqualTo("01.12.2026");
        assertThat(TypedTimes.day("01.12.2026")).contains(LocalDate.of(2026, 12, 1));
        assertThat(TypedTimes.day("2026-12-01")).contains(LocalDate.of(2026, 12, 1));
        assertThat(TypedTimes.day("12/01/2026")).isEmpty();
        assertThat(TypedTimes.hint(Locale.forLanguageTag("tr"))).isEqualTo("gg.aa.yyyy ss:dd");
    }
}
