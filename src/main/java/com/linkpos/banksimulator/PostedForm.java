package com.linkpos.banksimulator;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A form as a bank's gateway receives it (PayFor's Default.aspx, EST's est3Dgate and its API's {@code DATA=}):
 * posted in UTF-8 or in the ISO-8859-9 of the banks' own Turkish sample pages, usually without saying which.
 */
final class PostedForm {

    static final Charset TURKISH = Charset.forName("ISO-8859-9");

    private PostedForm() {
    }

    /**
     * The fields of an {@code application/x-www-form-urlencoded} body. A browser posts a form in its
     * page's charset without saying which, so without a charset in the Content-Type the bytes are
     * UTF-8 when they are valid UTF-8, and ISO-8859-9 (Turkish) otherwise. The first of a repeated
     * field counts. Empty when the body is not a form at all.
     */
    static Optional<Map<String, String>> read(byte[] body, String contentType) {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        String ascii = new String(body, StandardCharsets.ISO_8859_1);
        for (String pair : ascii.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                // ISO-8859-1 maps each byte to one char and back: the percent-decoded bytes come out unchanged
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.ISO_8859_1);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.ISO_8859_1);
                raw.putIfAbsent(name, value.getBytes(StandardCharsets.ISO_8859_1));
            } catch (IllegalArgumentException malformed) {
                return Optional.empty(); // malformed percent-encoding
            }
        }
        Charset charset = declaredCharset(contentType);
        if (charset == null) {
            charset = raw.values().stream().allMatch(PostedForm::isUtf8) ? StandardCharsets.UTF_8 : TURKISH;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> field : raw.entrySet()) {
            fields.put(new String(field.getKey().getBytes(StandardCharsets.ISO_8859_1), charset), new String(field.getValue(), charset));
        }
        return Optional.of(fields);
    }

    private static Charset declaredCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().toLowerCase(Locale.ROOT).equals("charset")) {
                try {
                    return Charset.forName(pair[1].strip().replace("\"", ""));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }
}
