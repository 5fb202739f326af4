package com.linkpos.platform;

/** A security principal, portal user or API key, that knows which {@link Caller} it is. */
public interface CallerPrincipal {
    Caller caller();
}
