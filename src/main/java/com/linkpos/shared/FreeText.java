package com.linkpos.shared;

import java.util.List;

/** Text people type freely (a link's description, a payer's note, a merchant's name): how long it may be and what it may hold. */
public final class FreeText {

    private FreeText() {
    }

    /**
     * The text stripped, or null when blank. At most {@code limit} characters (code points, so an
     * emoji counts once); a problem is added to {@code errors} under {@code field} otherwise.
     */
    public static String check(String field, String text, int limit, List<FieldProblem> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.codePointCount(0, stripped.length()) > limit) {
            errors.add(FieldProblem.of(field, "too_long", limit));
        } else if (hasHiddenCharacters(stripped)) {
            errors.add(FieldProblem.of(field, "invalid_characters"));
        }
        return stripped;
    }

    /**
     * Characters that have no place in such text because nobody sees them: control characters (NUL
     * cannot even be stored; line breaks and tabs are fine), and invisible format characters, whose
     * bidirectional overrides (U+202E) make a receipt or a report read otherwise than it is written
     * and whose zero-width ones make two equal-looking texts differ.
     */
    public static boolean hasHiddenCharacters(String text) {
        return text.codePoints().anyMatch(c -> (Character.isISOControl(c) && c != '\r' && c != '\n' && c != '\t')
                || Character.getType(c) == Character.FORMAT
                || c == '\u2028' || c == '\u2029');
    }
}
