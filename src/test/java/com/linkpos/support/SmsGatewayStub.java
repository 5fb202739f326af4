package com.linkpos.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP SMS gateway for tests: records what it is sent, and can be told to fail (answer 500)
 * or hang (past the client's timeout) for the next requests.
 */
public final class SmsGatewayStub implements AutoCloseable {

    public record Request(String body, String authorization) {
    }

    private final HttpServer server;
    private final List<Request> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger hangNext = new AtomicInteger();

    public SmsGatewayStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/send", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (hangNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            if (status == 200) {
                accepted.add(new Request(body, exchange.getRequestHeaders().getFirst("Authorization")));
            }
            byte[] answer = (status == 200 ? "{\"status\":\"OK\"}" : "{\"status\":\"ERROR\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/send";
    }

    public List<Request> accepted() {
        return accepted;
    }

    public void failNext(int times) {
        failNext.set(times);
    }

    public void hangNext(int times) {
        hangNext.set(times);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
