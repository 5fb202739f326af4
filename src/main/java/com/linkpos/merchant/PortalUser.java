package com.linkpos.merchant;

import com.linkpos.platform.CallerPrincipal;
import com.linkpos.platform.Caller;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A logged-in portal user; carries the {@link Caller} that scopes everything it sees. */
final class PortalUser implements UserDetails, CallerPrincipal {

    private final Caller caller;
    private final String passwordHash;
    private final boolean enabled;

    PortalUser(Caller caller, String passwordHash, boolean enabled) {
        this.caller = caller;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(caller.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return caller.name();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
