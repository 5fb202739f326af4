package com.linkpos.shared;

/** Addresses as screens and the API show them: enough to recognise, not enough to harvest. */
public final class Masks {

    private Masks() {
    }

    public static String of(String channel, String recipient) {
        return "SMS".equals(channel) ? phone(recipient) : email(recipient);
    }

    /** +905321234567 → +90 532 *** ** 67 */
    public static String phone(String e164) {
        if (e164 == null || e164.length() < 13) {
            return "***";
        }
        return e164.substring(0, 3) + " " + e164.substring(3, 6) + " *** ** " + e164.substring(e164.length() - 2);
    }

    /** musteri@example.com → m*****@example.com */
    public static String email(String address) {
        int at = address == null ? -1 : address.indexOf('@');
        if (at < 1) {
            return "***";
        }
        return address.charAt(0) + "*".repeat(Math.max(3, at - 1)) + address.substring(at);
    }
}
