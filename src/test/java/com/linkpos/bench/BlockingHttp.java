package com.linkpos.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The load's client: blocking HTTP/1.1 on the calling thread with keep-alive (HttpURLConnection), no
 * cookies of its own, no redirects followed. It shares the machine's cores with the application, so
 * it must be cheap: java.net.http.HttpClient hands every exchange between the calling thread and its
 * selector thread, and took about a third more CPU per payment here.
 */
final class BlockingHttp {

    static {
        // idle keep-alive connections kept per server (default 5): one per client thread
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "64");
        }
    }

    record Response(int status, String body, Map<String, List<String>> headers) {

        /** The first value of a header, whatever its case; null when absent. */
        String header(String name) {
            List<String> values = all(name);
            return values.isEmpty() ? null : values.get(0);
        }

        List<String> all(String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (name.equalsIgnoreCase(header.getKey())) {
                    return header.getValue();
                }
            }
            return List.of();
        }
    }

    private final Duration timeout;

    BlockingHttp(Duration timeout) {
        this.timeout = timeout;
    }

    Response get(URI uri, Map<String, String> headers) throws IOException {
        return send("GET", uri, headers, null);
    }

    Response post(URI uri, Map<String, String> headers, String body) throws IOException {
        return send("POST", uri, headers, body);
    }

    Response send(String method, URI uri, Map<String, String> headers, String body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout((int) timeout.toMillis());
        connection.setReadTimeout((int) timeout.toMillis());
        connection.setRequestMethod(method);
        headers.forEach(connection::setRequestProperty);
        if (body != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
        }
        int status = connection.getResponseCode();
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String text = "";
        if (in != null) {
            try (in) { // read to the end, so the connection goes back to the keep-alive cache
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return new Response(status, text, connection.getHeaderFields());
    }
}
