package com.linkpos.audit;

import com.linkpos.platform.Caller;

/** Who made an audited change: a merchant's portal user or API key, the bank (a bank user or key), or LinkPOS itself. */
public record Actor(Type type, String name) {

    public enum Type { USER, API_KEY, BANK, SYSTEM }

    public static Actor of(Caller caller) {
        if (caller.isBank()) {
            return new Actor(Type.BANK, caller.name());
        }
        return caller.isApiKey() ? new Actor(Type.API_KEY, caller.apiKeyId())
                : new Actor(Type.USER, caller.name());
    }

    /** A login attempt for {@code username}: the name typed, whether or not such a user exists. */
    public static Actor user(String username) {
        return new Actor(Type.USER, username);
    }

    /** A scheduled job of LinkPOS (end of day, releasing holds, expiring requests). */
    public static Actor system(String job) {
        return new Actor(Type.SYSTEM, job);
    }
}
