package com.linkpos.support;

import java.util.concurrent.atomic.AtomicInteger;

public final class TestData {

    public static final String BANK_KEY = "lp_test_bank_key_0123456789abcdef0123456789";
    public static final String BANK_PASSWORD = "bank-test-password";
    public static final String DEMO_PASSWORD = "demo-test-password";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestData() {
    }

    /** A name no other test uses, for usernames and order numbers. */
    public static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 1_000_000_000L + "-"
                + SEQUENCE.incrementAndGet();
    }
}
