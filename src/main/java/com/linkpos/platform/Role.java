package com.linkpos.platform;

/** What a portal user or an API key may do (PRODUCT.md, People). */
public enum Role {
    /** Everything for its own merchant: links, reports, void/refund, users, API keys, webhooks. */
    MERCHANT_ADMIN,
    /** Links and reports of its own merchant; no void/refund, no users or keys. */
    MERCHANT_USER,
    /** The bank operator: onboards merchants, grants permissions, runs end of day. */
    BANK_ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
