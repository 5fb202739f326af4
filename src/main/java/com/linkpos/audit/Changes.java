package com.linkpos.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values an audited change touched, each as {@code [before, after]} in the API's own words
 * ("120.00", "ACTIVE"): {@code null} before for what was created, {@code null} after for what was removed.
 * A secret is only ever named as changed ({@link #secret}), never with its value.
 */
public final class Changes {

    /** How a changed secret reads in the log: the fact, not the value. */
    static final String HIDDEN = "•••";

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    public static Changes none() {
        return new Changes();
    }

    /** A value as it was and as it is now; left out when the two are the same. */
    public Changes change(String field, Object before, Object after) {
        String was = before == null ? null : before.toString();
        String now = after == null ? null : after.toString();
        if (!Objects.equals(was, now)) {
            values.put(field, java.util.Arrays.asList(was, now));
        }
        return this;
    }

    /** A value that is new (a created object's field). */
    public Changes set(String field, Object value) {
        return value == null ? this : change(field, null, value);
    }

    /** A secret that was set or replaced: recorded as changed, its value never. */
    public Changes secret(String field) {
        values.put(field, java.util.Arrays.asList(HIDDEN, HIDDEN));
        return this;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    Map<String, List<String>> values() {
        return Collections.unmodifiableMap(values);
    }
}
