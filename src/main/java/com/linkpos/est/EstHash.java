package com.linkpos.est;

import com.linkpos.shared.Hashes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * EST's ver3 hash (docs/VPOS.md B3.1), the same for the 3-D form LinkPOS posts and for every answer the
 * bank posts back: every field but {@code hash}, {@code encoding} and a bank's extras outside the hash
 * (Ziraat's {@code NATIONALIDNO}), keys ordered by their upper-case form compared code unit by code unit
 * (so {@code _} comes after the letters, as Asseco's own TreeMap sample does), each value escaped
 * ({@code \} to {@code \\}, then {@code |} to {@code \|}), joined by {@code |}, the store key last;
 * SHA-512 of the UTF-8 bytes, Base64.
 */
final class EstHash {

    /** Never part of the hash, whatever their case. */
    private static final Set<String> OUTSIDE = Set.of("HASH", "ENCODING", "NATIONALIDNO");

    private EstHash() {
    }

    static String ver3(Map<String, String> fields, String storeKey) {
        List<String> keys = new ArrayList<>();
        for (String key : fields.keySet()) {
            if (!OUTSIDE.contains(upper(key))) {
                keys.add(key);
            }
        }
        keys.sort((a, b) -> upper(a).compareTo(upper(b)));
        StringBuilder plain = new StringBuilder();
        for (String key : keys) {
            plain.append(escape(fields.get(key))).append('|');
        }
        plain.append(escape(storeKey));
        return Hashes.base64("SHA-512", plain.toString());
    }

    /** Whether the answer's {@code HASH} (or {@code hash}) is the ver3 hash of exactly what it holds. */
    static boolean signs(Map<String, String> posted, String storeKey) {
        String presented = null;
        for (Map.Entry<String, String> field : posted.entrySet()) {
            if (upper(field.getKey()).equals("HASH")) {
                presented = field.getValue();
            }
        }
        return presented != null && Hashes.matches(ver3(posted, storeKey), presented);
    }

    private static String upper(String key) {
        return key.toUpperCase(Locale.ROOT);
    }

    private static String escape(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("|", "\\|");
    }
}
