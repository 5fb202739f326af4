package com.linkpos.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/** LinkPOS speaks Turkish (the default) and English. */
public final class Languages {

    public static final Locale TURKISH = Locale.forLanguageTag("tr-TR");
    public static final Locale ENGLISH = Locale.forLanguageTag("en-GB");
    private static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("tr"), Locale.forLanguageTag("en"));

    private Languages() {
    }

    /** The best of the two for an Accept-Language header; Turkish when it names neither or is garbage. */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return TURKISH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return best != null && best.getLanguage().equals("en") ? ENGLISH : TURKISH;
        } catch (IllegalArgumentException malformed) {
            return TURKISH;
        }
    }

    public static Locale fromAcceptLanguage(HttpServletRequest request) {
        return fromAcceptLanguage(request.getHeader("Accept-Language"));
    }

    /** "en" or "tr" as a user picks it with the switch; anything else is Turkish. */
    public static Locale fromTag(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? ENGLISH : TURKISH;
    }
}
