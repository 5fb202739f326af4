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

    /** The banks this gateway is known at, whose addresses and installment programs fill in when the bank picks one. */
    default List<Preset> presets() {
        return List.of();
    }

    /**
     * A bank's known setup of this gateway: its id in the API ({@code "preset": "ISBANK"}), its name, and the
     * settings it fills in (never credentials). {@code simulated}: the built-in simulator of this LinkPOS, whose
     * address is known only where LinkPOS runs ({@code {public address}/simulator/{type}}, and the URL settings
     * under it given here as paths).
     */
    record Preset(String id, String name, Map<String, String> settings, boolean simulated) {
    }

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
