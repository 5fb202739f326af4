package com.linkpos.merchant;

import com.linkpos.platform.Caller;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * [S3] The person behind a caller: a portal user is himself; an API key is the admin (or the bank) who made
 * it, so that a refund asked with an admin's key counts as his own request. Empty for a key made before keys
 * knew their holder.
 */
@Component
public class KeyHolders {

    private final JdbcClient jdbc;

    KeyHolders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> personBehind(Caller caller) {
        if (!caller.isApiKey()) {
            return Optional.of(caller.name());
        }
        return jdbc.sql("SELECT created_by FROM api_keys WHERE id = :id AND merchant_id = :merchant")
                .param("id", caller.apiKeyId()).param("merchant", caller.merchantId())
                .query(String.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
    }
}
