package com.linkpos.platform;

import java.util.Optional;

/** Who an API key belongs to: the module that issues keys answers it, the API's security chain asks. */
public interface ApiKeyAuthenticator {

    /** The caller a presented key stands for; empty for an unknown or revoked key. */
    Optional<Caller> authenticate(String presentedKey);
}
