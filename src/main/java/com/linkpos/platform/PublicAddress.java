package com.linkpos.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Where payers, banks and integrators reach LinkPOS: {@code linkpos.public-base-url} (production: e.g.
 * https://pay.example.com), or when that is unset, the address LinkPOS was started on. Never a
 * request's {@code Host} or {@code X-Forwarded-*} header: anyone can send those, and an address made
 * from them would send a payer's SMS, a bank's 3-D Secure answer or a generated client elsewhere.
 */
@Component
public class PublicAddress implements ApplicationListener<WebServerInitializedEvent> {

    /** {@code linkpos.public-base-url}: where payers reach LinkPOS (API.md). */
    @ConfigurationProperties("linkpos")
    record Settings(String publicBaseUrl) {
        Settings {
            publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.strip();
        }
    }

    private final String configured;
    private final String serverAddress;
    private volatile String started;

    PublicAddress(Settings settings, ServerProperties server) {
        String configured = settings.publicBaseUrl();
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        this.serverAddress = server.getAddress() == null ? "" : server.getAddress().getHostAddress();
        this.started = startedOn(server.getPort() == null ? 8080 : server.getPort());
    }

    /** The port is known only once the server listens (a random port in tests). */
    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) { // not the management server
            started = startedOn(event.getWebServer().getPort());
        }
    }

    private String startedOn(int port) {
        boolean anyAddress = serverAddress.isBlank() || serverAddress.equals("0.0.0.0") || serverAddress.equals("::");
        String host = anyAddress ? "localhost" : serverAddress.contains(":") ? "[" + serverAddress + "]" : serverAddress;
        return "http://" + host + ":" + port;
    }

    /** The base of every absolute address LinkPOS gives out, without a trailing slash. */
    public String base() {
        return configured.isEmpty() ? started : configured;
    }

    /** Whether the bank configured it (else it is the address LinkPOS started on). */
    public boolean configured() {
        return !configured.isEmpty();
    }
}
