package com.linkpos.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/** Who may open which portal pages, in the roles' own words (what {@link WebAccess#portal} is given). */
public final class PortalAccess {

    private final AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules;

    PortalAccess(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        this.rules = rules;
    }

    /** Pages of every user of a merchant, admin or not. */
    public PortalAccess merchantUsers(String... patterns) {
        rules.requestMatchers(patterns).hasAnyRole(Role.MERCHANT_ADMIN.name(), Role.MERCHANT_USER.name());
        return this;
    }

    /** Pages of a merchant's admins only (money back, users, keys, webhooks). */
    public PortalAccess merchantAdmins(String... patterns) {
        rules.requestMatchers(patterns).hasRole(Role.MERCHANT_ADMIN.name());
        return this;
    }

    /** The bank operator's pages. */
    public PortalAccess bank(String... patterns) {
        rules.requestMatchers(patterns).hasRole(Role.BANK_ADMIN.name());
        return this;
    }
}
