package com.linkpos.webhook;

import com.linkpos.shared.Hashes;
import java.nio.charset.StandardCharsets;

/** API.md: {@code LinkPOS-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>}. */
final class Signatures {

    private Signatures() {
    }

    static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    private static String hmac(String secret, String message) {
        return Hashes.hmacSha256Hex(secret.getBytes(StandardCharsets.UTF_8), message);
    }
}
