package com.linkpos.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How messages go out. {@code linkpos.notifications.*}: retries; {@code linkpos.sms.*}: the SMS
 * gateway (no URL: SMS land in the local outbox). E-mail uses Spring Boot's {@code spring.mail.*}
 * (no host: e-mail lands in the local outbox).
 */
@ConfigurationProperties("linkpos")
record NotificationSettings(Notifications notifications, Sms sms) {

    NotificationSettings {
        notifications = notifications == null ? new Notifications(null, null, null, null, null, null) : notifications;
        sms = sms == null ? new Sms(null, null, null, null, null, null) : sms;
    }

    record Notifications(Boolean senderEnabled, Duration poll, Duration retryBase, Duration retryMax, Integer maxAttempts,
                         String from) {
        Notifications {
            from = from == null || from.isBlank() ? "LinkPOS <linkpos@localhost>" : from;
            senderEnabled = senderEnabled == null || senderEnabled;
            poll = poll == null ? Duration.ofSeconds(2) : poll;
            retryBase = retryBase == null ? Duration.ofSeconds(30) : retryBase;
            retryMax = retryMax == null ? Duration.ofHours(1) : retryMax;
            maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        }
    }

    record Sms(String url, String username, String password, String bodyTemplate, String contentType, Duration timeout) {
        Sms {
            url = url == null ? "" : url;
            username = username == null ? "" : username;
            password = password == null ? "" : password;
            bodyTemplate = bodyTemplate == null ? "{\"to\":\"{to}\",\"text\":\"{text}\",\"reference\":\"{reference}\"}" : bodyTemplate;
            contentType = contentType == null ? "application/json; charset=UTF-8" : contentType;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }
}
