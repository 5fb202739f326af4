package com.linkpos.acquiring;

import java.util.List;
import java.util.Map;

/**
 * How a gateway adapter module offers itself: its type, the settings a merchant's terminal needs
 * (API.md "Acquirers": URLs and credentials), and an {@link Acquirer} for one terminal's settings
 * (secrets already opened).
 */
public interface AcquirerFactory {

    String type();

    /** The settings of a terminal of this gateway, in the order the bank fills them in. */
    List<Setting> settings();

    Acquirer create(String merchantId, Map<String, String> settings);

    /** One setting of a terminal: its name in the API, and whether it is a secret (write-only, sealed at rest). */
    record Setting(String name, Kind kind, boolean required) {

        public enum Kind {
            /** An absolute http(s) address. */
            URL,
            TEXT,
            /** Write-only: never in an answer, a page, a log line or an export [A2]. */
            SECRET,
            /** "true" or "false". */
            FLAG
        }

        public boolean secret() {
            return kind == Kind.SECRET;
        }
    }
}
