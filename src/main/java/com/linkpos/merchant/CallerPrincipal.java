package com.linkpos.merchant;

/** A security principal, portal user or API key, that knows which {@link Caller} it is. */
interface CallerPrincipal {
    Caller caller();
}
