package com.linkpos.shared;

import com.linkpos.platform.Languages;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** [L3] The portal takes amounts as people type them: 1.250,50 in Turkish, 1,250.50 in English. */
class TypedAmountsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.250,50|1250.50", "1250,50|1250.50", "1.250|1250", "1.250.000|1250000",
            "12,5|12.5", "12.5|12.5", "1250|1250", "1.250,50 TL|1250.50", " 1 250,50 |1250.50"})
    void readsTurkishAmounts(String typed, String canonical) {
        assertThat(TypedAmounts.canonical(typed, Languages.TURKISH)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1,250.50|1250.50", "1250.50|1250.50", "1,250|1250", "12.5|12.5"})
    void readsEnglishAmounts(String typed, String canonical) {
        assertThat(TypedAmounts.canonical(typed, Languages.ENGLISH)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.2.3,4", "abc"})
    void leavesNonsenseForTheAmountRuleToRefuse(String typed) {
        assertThat(TypedAmounts.canonical(typed, Languages.TURKISH)).isEqualTo(typed);
    }
}
