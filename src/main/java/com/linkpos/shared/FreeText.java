package com.linkpos.shared;

import java.util.List;
import java.util.regex.Pattern;

/** Text people type freely (a link's description, a payer's note): how long it may be and what it may hold. */
public final class FreeText {

    /** Control characters have no place in such text (line breaks and tabs do) and NUL cannot even be stored. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

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
        } else if (hasControlCharacters(stripped)) {
            errors.add(FieldProblem.of(field, "invalid_characters"));
        }
        return stripped;
    }

    public static boolean hasControlCharacters(String text) {
        return CONTROL.matcher(text).find();
    }
}
