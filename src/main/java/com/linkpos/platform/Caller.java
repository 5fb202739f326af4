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
}
