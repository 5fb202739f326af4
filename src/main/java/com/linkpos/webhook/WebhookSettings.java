package com.linkpos.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code linkpos.webhooks.*}: how often deliveries are looked for, the retry backoff (doubling from
 * {@code retryBase} up to {@code retryMax}, for {@code giveUpAfter}), each call's timeout, and whether
 * endpoints may be plain http on private addresses (local demos and tests only).
 */
@ConfigurationProperties("linkpos.webhooks")
record WebhookSettings(Duration poll, Duration retryBase, Duration retryMax, Duration giveUpAfter, Duration timeout,
                       boolean allowPrivateAddresses) {

    WebhookSettings {
        poll = poll == null ? Duration.ofSeconds(2) : poll;
        retryBase = retryBase == null ? Duration.ofMinutes(1) : retryBase;
        retryMax = retryMax == null ? Duration.ofHours(1) : retryMax;
        giveUpAfter = giveUpAfter == null ? Duration.ofHours(72) : giveUpAfter;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
}
