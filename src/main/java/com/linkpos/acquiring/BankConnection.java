package com.linkpos.acquiring;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * LinkPOS's server talking to a bank gateway over HTTP, the same way for every adapter: a connect and a
 * read timeout on every call, and anything but a 2xx answer in time is {@link BankUnanswered}. Requests
 * carry passwords and card data: neither is ever logged, and no exception message holds them.
 */
public final class BankConnection {

    private static final Pattern CHARSET = Pattern.compile("charset=\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

    private final Duration readTimeout;
    private final HttpClient api;
    private final HttpClient browserLike;

    public BankConnection(Duration connectTimeout, Duration readTimeout) {
        this.readTimeout = readTimeout;
        this.api = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.browserLike = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** An API call: {@code body} of {@code contentType} to {@code url}; the answer's bytes. {@code what} names it in errors. */
    public byte[] post(String url, String contentType, byte[] body, String what) {
        return send(api, HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), what).body();
    }

    /** An API call as an HTML form in UTF-8 (fields in their order); the answer's bytes. */
    public byte[] postForm(String url, Map<String, String> fields, String what) {
        return post(url, "application/x-www-form-urlencoded; charset=UTF-8", encode(fields).getBytes(StandardCharsets.UTF_8),
                what);
    }

    /**
     * A form posted as the payer's browser would (redirects followed), for a bank that takes its 3-D form only
     * from the merchant's server: the bank's page, decoded in the charset it names (else UTF-8).
     */
    public String postFormAsBrowser(String url, Map<String, String> fields, String what) {
        HttpResponse<byte[]> response = send(browserLike, HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields), StandardCharsets.UTF_8)), what);
        return new String(response.body(), charsetOf(response));
    }

    private HttpResponse<byte[]> send(HttpClient client, HttpRequest.Builder request, String what) {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.timeout(readTimeout).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException unreachable) {
            throw new BankUnanswered(what + " did not answer: " + unreachable.getClass().getSimpleName(), unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new BankUnanswered(what + ": interrupted", interrupted);
        }
        if (response.statusCode() / 100 != 2) {
            throw new BankUnanswered(what + " answered HTTP " + response.statusCode(), null);
        }
        return response;
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue() == null ? "" : field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Charset charsetOf(HttpResponse<?> response) {
        Matcher charset = CHARSET.matcher(response.headers().firstValue("Content-Type").orElse(""));
        try {
            return charset.find() ? Charset.forName(charset.group(1)) : StandardCharsets.UTF_8;
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }
}
