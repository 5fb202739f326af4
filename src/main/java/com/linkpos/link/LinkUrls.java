package com.linkpos.link;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The public URL of a link's payment page: {@code linkpos.public-base-url} (production: the address
 * payers reach), or when that is unset, the address LinkPOS was started on. Never a request's
 * {@code Host} or {@code X-Forwarded-*} header: anyone can send those, and a link URL made from them
 * would send the payer's SMS or e-mail to another site.
 */
@Component
public class LinkUrls implements ApplicationListener<WebServerInitializedEvent> {

    private final String configured;
    private final String serverAddress;
    private volatile String started;

    /** {@code linkpos.public-base-url}: where payers reach LinkPOS (API.md), e.g. https://pay.example.com. */
    @ConfigurationProperties("linkpos")
    record Settings(String publicBaseUrl) {
        Settings {
            publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.strip();
        }
    }

    LinkUrls(Settings settings, ServerProperties server) {
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

    public String of(Link link) {
        return base() + "/pay/" + link.token();
    }

    /** Where payment pages are. */
    public String base() {
        return configured.isEmpty() ? started : configured;
    }
}
