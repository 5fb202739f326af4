package com.linkpos.shared;

import com.linkpos.platform.Languages;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** [L3] The portal takes amounts as people type them: 1.250,50 in Turkish, 1,250.50 in English. */
class TypedAmountsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.250,50|1250.50", "1250,50|1250.50", "1.250|1250", "1.250.000|1250000",
            "12,5|12.5", "1250|1250", "1.250,50 TL|1250.50", " 1 250,50 |1250.50"})
    void readsTurkishAmounts(String typed, String canonical) {
        assertThat(TypedAmounts.canonical(typed, Languages.TURKISH)).contains(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1,250.50|1250.50", "1250.50|1250.50", "1,250|1250", "12.5|12.5", "1,250,000.5|1250000.5"})
    void readsEnglishAmounts(String typed, String canonical) {
        assertThat(TypedAmounts.canonical(typed, Languages.ENGLISH)).contains(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.2.3,4", "abc", "12.5", "1.25", "1250.50", "1,250.50", "1.250.5"})
    void refusesWhatIsNotWrittenTheTurkishWay(String typed) {
        // one convention per language: "1.25" is not 1,25 on a Turkish page (nor 125)
        assertThat(TypedAmounts.canonical(typed, Languages.TURKISH)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"12,5", "1.250,50", "1,25", "abc"})
    void refusesWhatIsNotWrittenTheEnglishWay(String typed) {
        assertThat(TypedAmounts.canonical(typed, Languages.ENGLISH)).isEmpty();
    }
}
