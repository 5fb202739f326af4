package com.linkpos.merchant;

import com.linkpos.audit.Actor;
import com.linkpos.audit.AuditTrail;
import com.linkpos.audit.Changes;
import com.linkpos.platform.SignedIn;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * [S2] Logins and failed logins in the audit log, under the user's merchant, so its admins see who tried
 * their users' passwords and codes; a name that is no user's is the bank's to see.
 */
@Component
class LoginAudit {

    private final AuditTrail trail;
    private final JdbcClient jdbc;

    LoginAudit(AuditTrail trail, JdbcClient jdbc) {
        this.trail = trail;
        this.jdbc = jdbc;
    }

    @EventListener
    void signedIn(SignedIn event) {
        trail.record(Actor.of(event.caller()), "login.succeeded", event.caller().merchantId(),
                user(event.caller().name()).map(User::id).orElse(null), Changes.none());
    }

    /** A wrong password, an unknown name, a disabled user or a wrong second-factor code. */
    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String typed = event.getAuthentication().getName();
        java.util.Optional<User> user = user(typed);
        trail.record(Actor.user(user.isPresent() ? typed : unknown(typed)), "login.failed",
                user.map(User::merchantId).orElse(null), user.map(User::id).orElse(null),
                Changes.none().set("reason", event.getException().getClass().getSimpleName()));
    }

    /**
     * A name that is no user's is kept only by its first letters: people type passwords into the name field,
     * and the log keeps what it is given for ever.
     */
    static String unknown(String typed) {
        String name = typed == null ? "" : typed.strip();
        return name.codePointCount(0, name.length()) <= 3 ? name + "…"
                : name.substring(0, name.offsetByCodePoints(0, 3)) + "…";
    }

    /** A portal user: its id, and its merchant's (none for the bank's users). */
    private record User(String id, String merchantId) {
    }

    private java.util.Optional<User> user(String username) {
        return username == null ? java.util.Optional.empty()
                : jdbc.sql("SELECT id, merchant_id FROM users WHERE lower(username) = lower(:u)").param("u", username)
                        .query((rs, row) -> new User(rs.getString("id"), rs.getString("merchant_id"))).optional();
    }
}
