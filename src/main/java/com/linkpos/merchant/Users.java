package com.linkpos.merchant;

import com.linkpos.audit.AuditTrail;
import com.linkpos.audit.Changes;
import com.linkpos.platform.Role;
import com.linkpos.platform.Caller;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.Ids;
import com.linkpos.shared.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Portal users; passwords are kept only as adaptive hashes (bcrypt through the delegating encoder). */
@Repository
class Users implements UserDetailsService {

    static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final AuditTrail audit;

    Users(JdbcClient jdbc, PasswordEncoder passwordEncoder, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** Field names are the bank API's ("admin.username", "admin.password"), as {@link #create} reports a taken name. */
    static void validate(String username, String password, List<FieldProblem> errors) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            errors.add(FieldProblem.of("admin.username", "invalid_username"));
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 128 || guessable(username, password)) {
            errors.add(FieldProblem.of("admin.password", "weak_password", MIN_PASSWORD_LENGTH));
        }
    }

    /** Too easy to guess: the username in it, one character repeated, or a well-known password. */
    static boolean guessable(String username, String password) {
        String lower = password.toLowerCase(java.util.Locale.ROOT);
        return (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(java.util.Locale.ROOT)))
                || lower.chars().distinct().count() < 4
                || COMMON.stream().anyMatch(lower::startsWith);
    }

    private static final List<String> COMMON = List.of("password", "parola", "sifre", "şifre", "1234567890", "qwerty",
            "asdfgh", "linkpos", "admin123", "welcome", "letmein", "iloveyou", "0987654321");

    @Transactional
    void create(String merchantId, String username, String password, Role role) {
        String id = Ids.newId("usr");
        try {
            jdbc.sql("""
                    INSERT INTO users (id, merchant_id, username, password_hash, role, created_at)
                    VALUES (:id, :merchant, :username, :hash, :role, :now)""")
                    .param("id", id).param("merchant", merchantId).param("username", username)
                    .param("hash", passwordEncoder.encode(password)).param("role", role.name())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException taken) {
            throw ProblemException.invalid(FieldProblem.of("admin.username", "username_taken"));
        }
        audit.record("user.created", merchantId, id, Changes.none().set("username", username).set("role", role));
    }

    /** A merchant's portal users, for its admin's user page. */
    record Row(String id, String username, Role role, boolean enabled, java.time.Instant createdAt) {
    }

    /** The username of one of the merchant's users; empty for another merchant's or nobody's id. */
    java.util.Optional<String> usernameOf(String merchantId, String id) {
        return jdbc.sql("SELECT username FROM users WHERE merchant_id = :merchant AND id = :id")
                .param("merchant", merchantId).param("id", id).query(String.class).optional();
    }

    java.util.List<Row> ofMerchant(String merchantId) {
        return jdbc.sql("SELECT id, username, role, enabled, created_at FROM users WHERE merchant_id = :merchant ORDER BY username")
                .param("merchant", merchantId)
                .query((rs, row) -> new Row(rs.getString("id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
                        rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Enables or disables a user of the merchant; false when there is no such user. */
    @Transactional
    boolean setEnabled(String merchantId, String id, boolean enabled) {
        Optional<Boolean> before = jdbc.sql("SELECT enabled FROM users WHERE merchant_id = :merchant AND id = :id FOR UPDATE")
                .param("merchant", merchantId).param("id", id).query(Boolean.class).optional();
        if (before.isEmpty()) {
            return false;
        }
        jdbc.sql("UPDATE users SET enabled = :enabled WHERE merchant_id = :merchant AND id = :id")
                .param("enabled", enabled).param("merchant", merchantId).param("id", id).update();
        if (before.get() != enabled) {
            audit.record("user.updated", merchantId, id, Changes.none().change("enabled", before.get(), enabled));
        }
        return true;
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM users WHERE lower(username) = lower(:u)").param("u", username)
                .query(Integer.class).single() > 0;
    }

    void setPassword(String username, String password) {
        jdbc.sql("UPDATE users SET password_hash = :hash WHERE lower(username) = lower(:u)")
                .param("hash", passwordEncoder.encode(password)).param("u", username).update();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Optional<PortalUser> user = jdbc.sql("""
                        SELECT username, password_hash, role, merchant_id, enabled FROM users
                        WHERE lower(username) = lower(:u)""")
                .param("u", username)
                .query((rs, row) -> new PortalUser(
                        new Caller(rs.getString("merchant_id"), Role.valueOf(rs.getString("role")), rs.getString("username")),
                        rs.getString("password_hash"), rs.getBoolean("enabled")))
                .optional();
        return user.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
