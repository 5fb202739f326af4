package com.linkpos.idempotency;

import com.linkpos.shared.Hashes;
import com.linkpos.platform.Caller;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ProblemException;
import com.linkpos.platform.Problems;
import com.linkpos.platform.BodyTooLarge;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API.md: {@code Idempotency-Key} on every POST. The first request with a key claims it and its
 * answer is kept; the same key with the same request replays that answer (status and body); with
 * another request it is 422 {@code idempotency_key_reused}; while the first is still running, 409.
 * Runs after authentication: keys belong to the caller (a merchant, or the bank).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final IdempotencyKeys keys;
    private final Problems problems;
    private final JsonMapper json;

    IdempotencyFilter(IdempotencyKeys keys, Problems problems, JsonMapper json) {
        this.keys = keys;
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = Caller.current();
        if (caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER).strip();
        if (!KEY.matcher(key).matches()) {
            problems.write(request, response, ProblemException.badRequest(
                    List.of(FieldProblem.of(HEADER, "invalid_idempotency_key"))));
            return;
        }
        byte[] body = null;
        String hash;
        try {
            if (isMultipart(request)) {
                // an upload [X1] is hashed part by part as the container stored them, never read whole into memory
                hash = hashOfParts(request);
            } else {
                body = request.getInputStream().readAllBytes();
                hash = hash(request, body);
            }
        } catch (BodyTooLarge | IllegalStateException tooLarge) {
            problems.write(request, response, Problems.simple(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large"));
            return;
        }
        String scope = caller.get().merchantId() != null ? caller.get().merchantId() : "bank";

        IdempotencyKeys.Claim claim = keys.claim(scope, key, hash);
        switch (claim.outcome()) {
            case REUSED -> problems.write(request, response, new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency_key_reused", List.of(FieldProblem.of(HEADER, "idempotency_key_reused"))));
            case IN_PROGRESS -> {
                response.setHeader("Retry-After", "1");
                problems.write(request, response, Problems.simple(HttpStatus.CONFLICT, "idempotency_key_in_progress"));
            }
            case REPLAY -> {
                response.setStatus(claim.status());
                if (claim.contentType() != null) {
                    response.setContentType(claim.contentType());
                }
                response.setHeader("Idempotent-Replayed", "true");
                response.getOutputStream().write(claim.body());
            }
            case CLAIMED -> run(scope, key, body == null ? request : new CachedBody(request, body), response, chain);
        }
    }

    /** The first request with the key: its answer is kept, unless it failed on our side (then the key is free again). */
    private void run(String scope, String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, recorded);
            if (recorded.getStatus() < 500) {
                keys.complete(scope, key, recorded.getStatus(), recorded.getContentType(), recorded.getContentAsByteArray());
                kept = true;
            }
        } finally {
            if (!kept) {
                keys.release(scope, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    /** A multipart request: its method, path and each part (name, file name, type and content), streamed. */
    private static String hashOfParts(HttpServletRequest request) throws IOException, ServletException {
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
        digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        byte[] buffer = new byte[8192];
        for (jakarta.servlet.http.Part part : request.getParts()) {
            digest.update((part.getName() + "\n" + part.getSubmittedFileName() + "\n" + part.getContentType() + "\n"
                    + part.getSize() + "\n").getBytes(StandardCharsets.UTF_8));
            try (java.io.InputStream in = part.getInputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    /** What the request means: the same JSON with its keys in another order or other whitespace is the same request. */
    private String hash(HttpServletRequest request, byte[] body) {
        return Hashes.sha256Hex((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                .getBytes(StandardCharsets.UTF_8), canonical(body));
    }

    /** A JSON body with sorted keys and no whitespace; anything else (not JSON, or refused JSON) as it came. */
    private byte[] canonical(byte[] body) {
        try {
            JsonNode tree = json.readTree(body);
            return tree != null && (tree.isObject() || tree.isArray()) ? json.writeValueAsBytes(sorted(tree)) : body;
        } catch (JacksonException notJson) {
            return body;
        }
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> fields = new TreeMap<>();
            node.properties().forEach(field -> fields.put(field.getKey(), sorted(field.getValue())));
            return fields;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(sorted(item)));
            return items;
        }
        return node;
    }

    /** The request again, its body read once already. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
