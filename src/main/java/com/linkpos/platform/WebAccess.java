package com.linkpos.platform;

import java.util.List;

/**
 * How a module's pages are reached: each module that serves pages declares its own URLs here (usually
 * its controller does, next to its mappings), and {@link SecurityConfiguration} builds the chains from
 * what every module declares. No module lists another's URLs.
 */
public interface WebAccess {

    /**
     * Pages anyone may use without logging in and without a session (the payer's): their forms carry
     * their CSRF token in a cookie. Ant-style path patterns.
     */
    default List<String> openPages() {
        return List.of();
    }

    /**
     * Among the open pages, the POSTs that come from a bank's page, not from ours (the 3-D Secure
     * answer): no CSRF token can come with them; the gateway's signature is what makes them trusted.
     */
    default List<String> bankCallbacks() {
        return List.of();
    }

    /** The module's portal pages and who may open them. */
    default void portal(PortalAccess access) {
    }
}
