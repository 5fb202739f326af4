package com.linkpos.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The API's lists, a page at a time: {@code limit} (1–500, 50 when left out) and {@code cursor}, the opaque
 * {@code nextCursor} of the page before, which names the last id that page showed (ids sort by time).
 */
public final class ListPages {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private ListPages() {
    }

    /** The page size asked for; an error ({@code invalid_limit}) for anything but a whole number in range. */
    public static int limit(String text, List<FieldProblem> errors) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        errors.add(FieldProblem.of("limit", "invalid_limit", MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    /** The cursor that continues after {@code id}. */
    public static String cursor(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The id a cursor continues after: null when none was given, and when it is not one of this list's ids
     * ({@code ids}), null with an error ({@code invalid_cursor}).
     */
    public static String after(String cursor, Pattern ids, List<FieldProblem> errors) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String id = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
            if (ids.matcher(id).matches()) {
                return id;
            }
        } catch (IllegalArgumentException garbage) {
            // refused below
        }
        errors.add(FieldProblem.of("cursor", "invalid_cursor"));
        return null;
    }
}
