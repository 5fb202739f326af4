package com.linkpos.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Forms another site posts to LinkPOS (a bank's 3-D Secure answer, what is posted to the simulated bank)
 * come in the charset of the page that posted them, which may be ISO-8859-9 (QNB's own samples, EST's
 * callbacks) and often is not said. Decoded as UTF-8 regardless (Spring's default), "Ş" or "İ" in a
 * cardholder's or merchant's name would be lost — and EST hashes every field. So such a form is read in
 * the charset its Content-Type names; when it names none, byte for byte, and each value is then read as
 * UTF-8 when its bytes are UTF-8, else as ISO-8859-9 (Turkish).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5) // after Spring's CharacterEncodingFilter, before anything reads a parameter
class BankFormEncoding extends OncePerRequestFilter {

    static final Charset TURKISH = Charset.forName("ISO-8859-9");
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

    private final List<RequestMatcher> crossSitePosts;

    BankFormEncoding(List<WebAccess> modules) {
        this.crossSitePosts = modules.stream().flatMap(module -> module.crossSitePosts().stream())
                .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern)).toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null
                || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                || crossSitePosts.stream().noneMatch(matcher -> matcher.matches(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher named = CHARSET.matcher(request.getContentType());
        if (named.find() && Charset.isSupported(named.group(1))) {
            request.setCharacterEncoding(named.group(1));
            chain.doFilter(request, response);
            return;
        }
        request.setCharacterEncoding(StandardCharsets.ISO_8859_1.name()); // every byte kept as one char
        chain.doFilter(new Redecoded(request), response);
    }

    /** A value read byte for byte, as it was meant: UTF-8 if its bytes are, else Turkish ISO-8859-9. */
    static String redecode(String bytesAsLatin1) {
        if (bytesAsLatin1 == null) {
            return null;
        }
        byte[] bytes = bytesAsLatin1.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, TURKISH);
        }
    }

    private static final class Redecoded extends HttpServletRequestWrapper {

        Redecoded(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return redecode(super.getParameter(name));
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = super.getParameterValues(name);
            return values == null ? null : Arrays.stream(values).map(BankFormEncoding::redecode).toArray(String[]::new);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> decoded = new LinkedHashMap<>();
            super.getParameterMap().forEach((name, values) -> decoded.put(redecode(name),
                    Arrays.stream(values).map(BankFormEncoding::redecode).toArray(String[]::new)));
            return decoded;
        }
    }
}
