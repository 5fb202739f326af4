package com.linkpos.acquiring;

import java.util.Map;

/**
 * How a gateway adapter module offers itself: its type, and an {@link Acquirer} for one merchant's
 * terminal settings (API.md "Acquirers": URLs and credentials, secrets already opened).
 */
public interface AcquirerFactory {

    String type();

    Acquirer create(String merchantId, Map<String, String> settings);
}
