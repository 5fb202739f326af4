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
     * Among the open pages, the POSTs another site makes (a bank's page posting its 3-D Secure answer
     * back; a merchant's page or server posting to the simulated bank): no CSRF token of ours can come
     * with them; the sender's signature (the gateway's hash) is what makes them trusted.
     */
    default List<String> crossSitePosts() {
        return List.of();
    }

    /** The module's portal pages and who may open them. */
    default void portal(PortalAccess access) {
    }
}
