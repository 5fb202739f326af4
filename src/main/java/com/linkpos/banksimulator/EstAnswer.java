package com.linkpos.banksimulator;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code CC5Response} of the simulated EST gateway (docs/VPOS.md B4 (5)): its fields in order and its
 * {@code Extra}, written as the real gateway writes it: declared and encoded ISO-8859-9, a character
 * that code page cannot hold as a numeric reference ({@code Z&#x130;RAAT}).
 */
record EstAnswer(Map<String, String> fields, Map<String, String> extra) {

    static final Charset TURKISH = Charset.forName("ISO-8859-9");

    /** An answer of these fields, in this order: name, value, name, value… */
    static EstAnswer of(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new EstAnswer(fields, new LinkedHashMap<>());
    }

    /** A refusal of the gateway's own: ProcReturnCode 99, with the ERRORCODE where the real one is known. */
    static EstAnswer error(String orderId, String errorCode, String message) {
        EstAnswer answer = of("OrderId", orderId, "GroupId", orderId, "Response", "Error", "AuthCode", "", "HostRefNum", "",
                "ProcReturnCode", "99", "TransId", "", "ErrMsg", message);
        return answer.extra("ERRORCODE", errorCode == null ? "" : errorCode);
    }

    EstAnswer extra(String name, String value) {
        extra.put(name, value == null ? "" : value);
        return this;
    }

    byte[] xml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"ISO-8859-9\"?><CC5Response>");
        fields.forEach((name, value) -> element(xml, name, value));
        if (!extra.isEmpty()) {
            xml.append("<Extra>");
            extra.forEach((name, value) -> element(xml, name, value));
            xml.append("</Extra>");
        }
        xml.append("</CC5Response>");
        return turkish(xml.toString());
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append('<').append(name).append('>');
        SecureXml.escape(xml, value == null ? "" : value);
        xml.append("</").append(name).append('>');
    }

    private static byte[] turkish(String text) {
        CharsetEncoder encoder = TURKISH.newEncoder();
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(point -> {
            if (point < 0x80) {
                out.appendCodePoint(point);
            } else {
                String character = new String(Character.toChars(point));
                // İ as a reference, as the real gateway writes it (Z&#x130;RAAT), though the code page holds it
                if (encoder.canEncode(character) && point != 0x130) {
                    out.append(character);
                } else {
                    out.append("&#x").append(Integer.toHexString(point).toUpperCase(java.util.Locale.ROOT)).append(';');
                }
            }
        });
        return out.toString().getBytes(TURKISH);
    }
}
