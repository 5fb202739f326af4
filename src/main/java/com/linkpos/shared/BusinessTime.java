package com.linkpos.shared;

import java.time.ZoneId;

/** Times are stored in UTC; business days and everything a person reads are in Istanbul time. */
public final class BusinessTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");

    private BusinessTime() {
    }
}
