package com.linkpos.link;

/**
 * [M5] A link's status is derived from its dates and events, never stored, so it cannot drift.
 * When several hold, the first wins: DELETED, USED, EXPIRED, SCHEDULED, ACTIVE.
 */
public enum LinkStatus {
    SCHEDULED, ACTIVE, USED, EXPIRED, DELETED;

    public boolean isPayable() {
        return this == ACTIVE;
    }

    /** [M3] A link can be edited (and renewed) until it is deleted or used up. */
    public boolean isEditable() {
        return this != DELETED && this != USED;
    }

    /** The same rule as {@link Link#status}, for filtering in SQL; {@code :now} is the moment asked about. */
    public static final String SQL = """
            CASE WHEN deleted_at IS NOT NULL THEN 'DELETED'
                 WHEN used_at IS NOT NULL THEN 'USED'
                 WHEN valid_until <= :now THEN 'EXPIRED'
                 WHEN valid_from > :now THEN 'SCHEDULED'
                 ELSE 'ACTIVE' END""";
}
