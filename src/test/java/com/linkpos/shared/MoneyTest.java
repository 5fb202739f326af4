package com.linkpos.shared;

import com.linkpos.platform.Languages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** [L3] Amounts: positive, at most the currency's minor digits, up to what a BIGINT holds. */
class MoneyTest {

    @ParameterizedTest
    @CsvSource({"1250.50,TRY,125050", "1250.5,TRY,125050", "0.01,TRY,1", "1250.500,TRY,125050", "100,JPY,100",
            "007,EUR,700", "92233720368547758.07,TRY,9223372036854775807", "9223372036854775807,JPY,9223372036854775807"})
    void parsesDecimalStringsIntoMinorUnits(String text, Currency currency, long minor) {
        assertThat(Money.parsePositive(text, currency)).isEqualTo(new Money(minor, currency));
    }

    @ParameterizedTest
    @CsvSource({"0,AMOUNT_NOT_POSITIVE", "0.00,AMOUNT_NOT_POSITIVE", "-5,AMOUNT_NOT_POSITIVE",
            "1.001,AMOUNT_TOO_PRECISE", "92233720368547758.08,AMOUNT_TOO_LARGE", "1e5,INVALID_AMOUNT",
            "1 250,INVALID_AMOUNT", "abc,INVALID_AMOUNT", "'',INVALID_AMOUNT", "1.,INVALID_AMOUNT", ".5,INVALID_AMOUNT"})
    void refusesWhatIsNotAnAmountOfTurkishLira(String text, Money.Rejection rejection) {
        assertThatThrownBy(() -> Money.parsePositive(text, Currency.TRY))
                .isInstanceOfSatisfying(Money.InvalidAmount.class, e -> assertThat(e.rejection()).isEqualTo(rejection));
    }

    @ParameterizedTest(name = "{0} in {1} installments: {2} each")
    @CsvSource({"125050, 3, 41683", "120000, 12, 10000", "100, 3, 33", "1, 2, 0"})
    void anInstallmentIsTheAmountDividedRoundedDown(long minor, int count, long each) {
        assertThat(new Money(minor, Currency.TRY).installment(count)).isEqualTo(new Money(each, Currency.TRY));
        assertThatThrownBy(() -> new Money(minor, Currency.TRY).installment(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void yenHasNoMinorUnits() {
        assertThatThrownBy(() -> Money.parsePositive("10.5", Currency.JPY)).isInstanceOf(Money.InvalidAmount.class);
        assertThat(Money.parsePositive("10", Currency.JPY).toDecimalString()).isEqualTo("10");
    }

    @Test
    void writesDecimalStringsAndLocalFormats() {
        Money money = new Money(125050, Currency.TRY);
        assertThat(money.toDecimalString()).isEqualTo("1250.50");
        assertThat(money.format(Languages.TURKISH)).isEqualTo("1.250,50");
        assertThat(money.format(Locale.ENGLISH)).isEqualTo("1,250.50");
        assertThat(Money.largest(Currency.TRY).toDecimalString()).isEqualTo("92233720368547758.07");
        assertThat(Money.largest(Currency.TRY).format(Languages.TURKISH)).isEqualTo("92.233.720.368.547.758,07");
        assertThat(new Money(5, Currency.TRY).format(Languages.TURKISH)).isEqualTo("0,05");
        assertThat(new Money(99999, Currency.USD).format(Locale.ENGLISH)).isEqualTo("999.99");
        assertThat(new Money(100000, Currency.USD).format(Locale.ENGLISH)).isEqualTo("1,000.00");
        assertThat(new Money(1234567, Currency.JPY).format(Languages.TURKISH)).isEqualTo("1.234.567");
        assertThat(new Money(-123456, Currency.EUR).format(Locale.ENGLISH)).isEqualTo("-1,234.56");
    }
}
