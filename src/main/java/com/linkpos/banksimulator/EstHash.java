package com.linkpos.banksimulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated EST gateway's ver3 hash (docs/VPOS.md B3.1), written as Asseco's own Java sample does
 * it and apart from LinkPOS's adapter, so that each checks the other: the fields in a TreeMap ordered by
 * the upper-case key, {@code hash} and {@code encoding} left out, each value escaped ({@code \} then
 * {@code |}), joined by {@code |} with the store key last, SHA-512, Base64.
 */
final class EstHash {

    private EstHash() {
    }

    static String ver3(Map<String, String> fields, String storeKey) {
        TreeMap<String, String> sorted = new TreeMap<>(Comparator.comparing((String key) -> key.toUpperCase(Locale.US)));
        fields.forEach((key, value) -> {
            String upper = key.toUpperCase(Locale.US);
            if (!upper.equals("HASH") && !upper.equals("ENCODING")) {
                sorted.put(key, value);
            }
        });
        StringBuilder plain = new StringBuilder();
        for (String value : sorted.values()) {
            plain.append(escape(value)).append('|');
        }
        plain.append(escape(storeKey));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(plain.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String escape(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("|", "\\|");
    }
}
