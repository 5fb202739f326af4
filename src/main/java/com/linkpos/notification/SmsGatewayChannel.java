package com.linkpos.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * [N2] SMS through an HTTP gateway, the common shape of Turkish SMS providers: a POST to a URL
 * with a body made from a template ({to} E.164, {text}, {reference} the stable message id,
 * {username}, {password}), optional basic authentication; any 2xx is accepted.
 */
class SmsGatewayChannel implements Channel {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final NotificationSettings.Sms settings;

    SmsGatewayChannel(NotificationSettings.Sms settings) {
        this.settings = settings;
    }

    @Override
    public String provider() {
        return "SMS_GATEWAY";
    }

    @Override
    public void send(Outbox.Message message, MessageTexts.Text text) throws DeliveryFailed {
        String body = settings.bodyTemplate()
                .replace("{to}", json(message.recipient()))
                .replace("{text}", json(text.plain()))
                .replace("{reference}", json(message.id()))
                .replace("{username}", json(settings.username()))
                .replace("{password}", json(settings.password()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url()))
                .timeout(settings.timeout())
                .header("Content-Type", settings.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!settings.username().isEmpty()) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryFailed("SMS gateway answered " + response.statusCode(), null);
            }
        } catch (IOException failure) {
            throw new DeliveryFailed("SMS gateway: " + failure.getClass().getSimpleName() + " " + failure.getMessage(), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("SMS gateway: interrupted", interrupted);
        }
    }

    /** The value as the inside of a JSON string (templates put it between quotes). */
    private static String json(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
