package com.linkpos.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkpos.fraud.FraudRules.Attempts;
import com.linkpos.fraud.FraudRules.Card;
import com.linkpos.fraud.FraudRules.Rule;
import com.linkpos.shared.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** [S4] What the fraud rules refuse, and how they are read, without Spring. */
class FraudRulesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Card TURKISH = new Card("4155650100416111", "TR", "QNB Finansbank");
    private static final Card AMERICAN = new Card("4111111111111111", "US", "Chase");

    private static FraudRules rules(String json) {
        List<FieldProblem> errors = new ArrayList<>();
        FraudRules rules = FraudRules.read(JSON.readTree(json), FraudRules.NONE, "fraudRules.", errors);
        assertThat(errors).isEmpty();
        return rules;
    }

    private static List<String> problems(String json, FraudRules base) {
        List<FieldProblem> errors = new ArrayList<>();
        FraudRules.read(JSON.readTree(json), base, "fraudRules.", errors);
        return errors.stream().map(error -> error.field() + ":" + error.code()).toList();
    }

    @Test
    void noRulesRefuseNothingAndCountNothing() {
        assertThat(FraudRules.NONE.verdict(TURKISH, new Attempts(1000, 1000, 1000))).isEmpty();
        assertThat(FraudRules.NONE.countsAttempts()).isFalse();
    }

    @Test
    void aBlockedBinOfSixOrEightDigitsRefusesTheCardsItBegins() {
        assertThat(rules("{\"blockedBins\": [\"415565\"]}").verdict(TURKISH, Attempts.NONE)).contains(Rule.BLOCKED_BIN);
        assertThat(rules("{\"blockedBins\": [\"41556501\"]}").verdict(TURKISH, Attempts.NONE)).contains(Rule.BLOCKED_BIN);
        assertThat(rules("{\"blockedBins\": [\"41556502\", \"411111\"]}").verdict(TURKISH, Attempts.NONE)).isEmpty();
        // the card's first digits are all the rules ever hold of it
        assertThat(TURKISH.firstDigits()).isEqualTo("41556501");
    }

    @Test
    void aBlockedCountryOrProgramRefusesWhatTheBinTableSays() {
        FraudRules rules = rules("{\"blockedCountries\": [\"us\"], \"blockedPrograms\": [\"hsbc advantage\"]}");
        assertThat(rules.blockedCountries()).containsExactly("US");
        assertThat(rules.verdict(AMERICAN, Attempts.NONE)).contains(Rule.BLOCKED_COUNTRY);
        assertThat(rules.verdict(new Card("55047200", "TR", "HSBC Advantage"), Attempts.NONE)).contains(Rule.BLOCKED_PROGRAM);
        assertThat(rules.verdict(TURKISH, Attempts.NONE)).isEmpty();
        // a BIN the table does not know has no country or program: only a BIN rule can stop it
        assertThat(rules.verdict(new Card("123456789", null, null), Attempts.NONE)).isEmpty();
    }

    @Test
    void aLimitRefusesTheAttemptAfterTheLast() {
        FraudRules rules = rules("{\"maxAttemptsPerCardPerHour\": 5, \"maxAttemptsPerAddressPerHour\": 10, "
                + "\"maxAttemptsPerLinkPerHour\": 20}");
        assertThat(rules.countsAttempts()).isTrue();
        assertThat(rules.verdict(TURKISH, new Attempts(4, 9, 19))).isEmpty();
        assertThat(rules.verdict(TURKISH, new Attempts(5, 0, 0))).contains(Rule.CARD_VELOCITY);
        assertThat(rules.verdict(TURKISH, new Attempts(0, 10, 0))).contains(Rule.ADDRESS_VELOCITY);
        assertThat(rules.verdict(TURKISH, new Attempts(0, 0, 20))).contains(Rule.LINK_VELOCITY);
    }

    @Test
    void aBlockIsNamedBeforeALimit() {
        FraudRules rules = rules("{\"blockedBins\": [\"415565\"], \"maxAttemptsPerCardPerHour\": 1}");
        assertThat(rules.verdict(TURKISH, new Attempts(3, 0, 0))).contains(Rule.BLOCKED_BIN);
    }

    @Test
    void theBanksAndTheMerchantsRulesBothApplyEachCountingItsOwnAttempts() {
        FraudRuleBook.Both both = new FraudRuleBook.Both(rules("{\"blockedCountries\": [\"US\"], "
                + "\"maxAttemptsPerCardPerHour\": 10}"), rules("{\"blockedBins\": [\"415565\"], \"maxAttemptsPerCardPerHour\": 3}"));
        assertThat(both.verdict(AMERICAN, Attempts.NONE, Attempts.NONE)).contains(Rule.BLOCKED_COUNTRY);
        assertThat(both.verdict(TURKISH, Attempts.NONE, Attempts.NONE)).contains(Rule.BLOCKED_BIN);
        Card other = new Card("5456160000000000", "TR", "QNB Finansbank");
        // the lower limit stops the card first: the merchant's 3 at this merchant
        assertThat(both.verdict(other, new Attempts(3, 0, 0), new Attempts(3, 0, 0))).contains(Rule.CARD_VELOCITY);
        // the bank's 10 counts attempts at every merchant
        assertThat(both.verdict(other, new Attempts(10, 0, 0), new Attempts(0, 0, 0))).contains(Rule.CARD_VELOCITY);
        assertThat(both.verdict(other, new Attempts(9, 0, 0), new Attempts(2, 0, 0))).isEmpty();
    }

    @Test
    void everyBadEntryIsNamedByItsPlace() {
        assertThat(problems("""
                {"blockedBins": ["400000", "4000", "abcdef", 400000], "blockedCountries": ["TR", "XX", "TUR"],
                 "blockedPrograms": ["", "ok"], "maxAttemptsPerCardPerHour": 0, "maxAttemptsPerAddressPerHour": 10001,
                 "maxAttemptsPerLinkPerHour": "5", "colour": "red"}""", FraudRules.NONE))
                .containsExactlyInAnyOrder("fraudRules.colour:unknown_field", "fraudRules.blockedBins.1:bin_invalid",
                        "fraudRules.blockedBins.2:bin_invalid", "fraudRules.blockedBins.3:invalid_type",
                        "fraudRules.blockedCountries.1:country_invalid", "fraudRules.blockedCountries.2:country_invalid",
                        "fraudRules.blockedPrograms.0:program_invalid",
                        "fraudRules.maxAttemptsPerCardPerHour:attempt_limit_out_of_range",
                        "fraudRules.maxAttemptsPerAddressPerHour:attempt_limit_out_of_range",
                        "fraudRules.maxAttemptsPerLinkPerHour:attempt_limit_out_of_range");
        assertThat(problems("{\"blockedBins\": \"400000\"}", FraudRules.NONE)).containsExactly("fraudRules.blockedBins:invalid_type");
        assertThat(problems("[1]", FraudRules.NONE)).containsExactly("fraudRules:invalid_type");
    }

    @Test
    void aPatchKeepsWhatIsLeftOutAndNullClears() {
        FraudRules now = rules("{\"blockedBins\": [\"400000\"], \"blockedCountries\": [\"RU\"], \"maxAttemptsPerCardPerHour\": 5}");
        List<FieldProblem> errors = new ArrayList<>();
        FraudRules patched = FraudRules.read(JSON.readTree("{\"blockedCountries\": null, \"maxAttemptsPerCardPerHour\": null, "
                + "\"maxAttemptsPerLinkPerHour\": 30}"), now, "fraudRules.", errors);
        assertThat(errors).isEmpty();
        assertThat(patched).isEqualTo(new FraudRules(List.of("400000"), List.of(), List.of(), null, null, 30));
        assertThat(FraudRules.read((JsonNode) null, now, "fraudRules.", errors)).isEqualTo(now);
    }

    @Test
    void theBanksFormWritesListsWithCommasAndLeavesALimitEmpty() {
        List<FieldProblem> errors = new ArrayList<>();
        FraudRules rules = FraudRules.fromForm(Map.of("blockedBins", "400000, 41111111", "blockedCountries", "ru us",
                "blockedPrograms", "HSBC Advantage, Enpara.com", "maxAttemptsPerCardPerHour", "5",
                "maxAttemptsPerAddressPerHour", " "), errors);
        assertThat(errors).isEmpty();
        assertThat(rules).isEqualTo(new FraudRules(List.of("400000", "41111111"), List.of("RU", "US"),
                List.of("HSBC Advantage", "Enpara.com"), 5, null, null));
        assertThat(rules.written()).containsEntry("blockedBins", "400000, 41111111")
                .containsEntry("maxAttemptsPerCardPerHour", "5").containsEntry("maxAttemptsPerAddressPerHour", "");
        FraudRules.fromForm(Map.of("blockedBins", "4000", "maxAttemptsPerLinkPerHour", "many"), errors);
        assertThat(errors.stream().map(error -> error.field() + ":" + error.code()))
                .containsExactly("blockedBins.0:bin_invalid", "maxAttemptsPerLinkPerHour:attempt_limit_out_of_range");
        assertThat(Optional.of(Rule.CARD_VELOCITY.tag())).contains("card_velocity");
    }
}
