package com.linkpos.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bank gateway that fails on purpose, between LinkPOS and the simulated bank: it passes every request
 * on to the bank as it is, except the API calls (PayFor's XMLGate.aspx, EST's /fim/api) it is told to
 * spoil, in the order they come. It notes every API call (PayFor: its SecureType and TxnType; EST: its
 * Type, or the Extra query it makes), so a test can tell how many provisions the bank was sent. A real
 * HTTP server on its own port: LinkPOS reaches it as it would reach a bank.
 */
public final class FaultyGateway implements AutoCloseable {

    /** What happens to an API call. */
    public enum Fault {
        /** Nothing goes wrong: the bank does it and answers (to let a call pass before a spoiled one). */
        PASS,
        /** Never reaches the bank; no answer before LinkPOS gives up. */
        SILENT,
        /** The bank does it; its answer arrives after LinkPOS gave up. */
        LATE,
        /** The bank does it; its answer is cut off in the middle of the XML. */
        MALFORMED_XML,
        /** Never reaches the bank; a proxy's HTML error page comes back instead of XML. */
        HTML_ERROR_PAGE,
        /** The bank does it and answers, slowly, within LinkPOS's patience. */
        SLOW
    }

    private static final Pattern SECURE_TYPE = Pattern.compile("<SecureType>([^<]*)</SecureType>");
    private static final Pattern TXN_TYPE = Pattern.compile("<TxnType>([^<]*)</TxnType>");
    private static final Pattern EST_TYPE = Pattern.compile("<Type>([^<]*)</Type>");
    private static final Pattern EST_QUERY = Pattern.compile("<Extra><([A-Z]+)>");
    /** What a provision is called in {@link #apiCalls()}: PayFor's 3DModelPayment, EST's Auth. */
    public static final List<String> PROVISIONS = List.of("3DModelPayment/", "Auth");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String bank;
    private final Duration patience;
    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final List<String> apiCalls = new CopyOnWriteArrayList<>();

    /**
     * @param bank     the real gateway's address (e.g. the simulator's {@code http://localhost:port/simulator/payfor})
     * @param patience how long LinkPOS waits for an answer (its read timeout): SILENT and LATE outlast it
     */
    public FaultyGateway(String bank, Duration patience) throws IOException {
        this.bank = bank;
        this.patience = patience;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The address to set as a terminal's {@code gatewayUrl}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next API calls meet these faults, one each, in order; later ones pass untouched. */
    public void next(Fault... coming) {
        faults.addAll(List.of(coming));
    }

    /**
     * Every API call so far: PayFor's as {@code SecureType/TxnType} (a provision is {@code 3DModelPayment/}, an
     * inquiry {@code Inquiry/OrderInquiry}); EST's as its {@code Type} ({@code Auth}, {@code Void}, {@code Credit})
     * or its query ({@code ORDERSTATUS}).
     */
    public List<String> apiCalls() {
        return List.copyOf(apiCalls);
    }

    public long provisions() {
        return apiCalls.stream().filter(PROVISIONS::contains).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Fault fault = null;
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/XMLGate.aspx") || path.endsWith("/fim/api")) {
                String xml = new String(body, StandardCharsets.ISO_8859_1); // the names sought are ASCII either way
                apiCalls.add(path.endsWith("/fim/api")
                        ? (xml.contains("<Extra><") ? first(EST_QUERY, xml) : first(EST_TYPE, xml))
                        : first(SECURE_TYPE, xml) + "/" + first(TXN_TYPE, xml));
                fault = faults.poll();
            }
            if (fault == Fault.SILENT) {
                pause(patience.plusSeconds(1));
                answer(exchange, 504, "text/plain", "gave up".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (fault == Fault.HTML_ERROR_PAGE) {
                answer(exchange, 503, "text/html; charset=utf-8",
                        "<html><body><h1>503 Service Unavailable</h1><p>No server is available.</p></body></html>"
                                .getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (fault == Fault.SLOW) {
                pause(patience.dividedBy(2));
            }
            HttpResponse<byte[]> answered = passOn(exchange, body);
            byte[] answer = answered.body();
            if (fault == Fault.LATE) {
                pause(patience.plusSeconds(1));
            }
            if (fault == Fault.MALFORMED_XML) {
                answer = java.util.Arrays.copyOf(answer, answer.length / 2);
            }
            answer(exchange, answered.statusCode(), answered.headers().firstValue("Content-Type").orElse("text/plain"), answer);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** The request as it came, to the bank; redirects are the browser's to follow, as they would be. */
    private HttpResponse<byte[]> passOn(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        URI uri = exchange.getRequestURI();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bank + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null) {
            request.header("Content-Type", type);
        }
        request.method(exchange.getRequestMethod(), body.length == 0
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    private static void pause(Duration time) throws InterruptedException {
        Thread.sleep(time.toMillis());
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : "";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
