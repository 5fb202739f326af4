package com.linkpos.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What free text may hold: what people type, in any script, with emoji; nothing that hides. */
class FreeTextTest {

    private static List<FieldProblem> problems(String text) {
        List<FieldProblem> errors = new ArrayList<>();
        FreeText.check("description", text, 20, errors);
        return errors;
    }

    @Test
    void whatPeopleTypeIsKept() {
        assertThat(problems("Kasım faturası 🧾")).isEmpty();
        assertThat(problems("iki\nsatır\tve sekme")).isEmpty();
        assertThat(problems("العربية עברית")).as("right-to-left scripts themselves are fine").isEmpty();
    }

    @Test
    void hiddenCharactersAreRefused() {
        for (String hidden : List.of("\u0000", "\u0007", "\u007F", "\u202E", "\u202A", "\u2066", "\u200B", "\u200E",
                "\u2060", "\uFEFF", "\u00AD", "\u2028", "\u2029")) {
            assertThat(problems("a" + hidden + "b")).as("U+%04X", (int) hidden.charAt(0))
                    .extracting(FieldProblem::code).containsExactly("invalid_characters");
        }
    }

    @Test
    void lengthCountsCharactersAsPeopleSeeThem() {
        assertThat(problems("🧾".repeat(20))).isEmpty();
        assertThat(problems("x".repeat(21))).extracting(FieldProblem::code).containsExactly("too_long");
    }
}
