package com.linkpos.acquiring;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/**
 * [A1] Which gateway terminal the bank set up for a merchant: the acquiring module asks, the module
 * that keeps merchants' settings answers (it depends on acquiring, so acquiring cannot depend on it).
 */
public interface Terminals {

    Optional<Terminal> of(String merchantId);

    /**
     * A terminal: the gateway's type and its settings, secrets opened. Setting names are read whatever
     * their case ({@code gatewayUrl}, or {@code gatewayurl} as configuration binding spells it).
     */
    record Terminal(String type, Map<String, String> settings) {
        public Terminal {
            Map<String, String> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            named.putAll(settings);
            settings = Collections.unmodifiableMap(named);
        }

        @Override
        public String toString() {
            return "Terminal[" + type + "]"; // never the settings: they hold the secrets
        }
    }
}
