package com.linkpos.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, on PostgreSQL ({@link TestDatabase}), as a user meets it.
 * All such tests share one application context (and one database); each test makes its own merchants.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "linkpos.bootstrap.bank-api-key=" + TestData.BANK_KEY,
        "linkpos.bootstrap.bank-admin-password=" + TestData.BANK_PASSWORD,
        "linkpos.bootstrap.demo-password=" + TestData.DEMO_PASSWORD,
        // background senders work at test speed
        "linkpos.webhooks.poll=100ms",
        "linkpos.webhooks.retry-base=100ms",
        "linkpos.webhooks.retry-max=1s",
        // the tests' webhook receivers listen on this machine, over http
        "linkpos.webhooks.allow-private-addresses=true",
        // every test pays from 127.0.0.1: the card-testing limits are measured in RateLimitTest
        "linkpos.rate-limit.payment-per-address.requests=100000",
        "linkpos.rate-limit.payment-per-link.requests=100000",
        "linkpos.rate-limit.api.requests=100000",
})
@ContextConfiguration(initializers = TestDatabase.class)
public @interface LinkPosTest {
}
