package com.linkpos.platform;

/**
 * Who is asking: a portal user or an API key, resolved from the security context.
 * Every merchant-owned query is filtered by {@link #merchantId()}; a bank operator has none.
 */
public record Caller(String merchantId, Role role, String name) implements java.io.Serializable {

    /** Whoever the security context says is calling now, if anyone. */
    public static java.util.Optional<Caller> current() {
        return java.util.Optional.ofNullable(CallerResolver.current());
    }

    public boolean isBank() {
        return role == Role.BANK_ADMIN;
    }

    public boolean isMerchantAdmin() {
        return role == Role.MERCHANT_ADMIN;
    }

    /** How an API key calls: by its id, behind this prefix (a program, not a person). */
    private static final String API_KEY = "api-key:";

    public static Caller ofApiKey(String merchantId, Role role, String keyId) {
        return new Caller(merchantId, role, API_KEY + keyId);
    }

    public boolean isApiKey() {
        return name.startsWith(API_KEY);
    }

    /** The key's id ({@code key_…}) of an API key's caller. */
    public String apiKeyId() {
        return name.substring(API_KEY.length());
    }
}
