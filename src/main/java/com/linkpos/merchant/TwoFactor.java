package com.linkpos.merchant;

import com.linkpos.audit.Actor;
import com.linkpos.audit.AuditTrail;
import com.linkpos.audit.Changes;

import com.linkpos.platform.SecondFactors;
import com.linkpos.shared.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * [S1] Portal users' second factor: TOTP ({@link Totp}) enrolled with a confirmation code, ten one-time recovery
 * codes kept only as hashes, required by the bank per merchant ({@code merchants.require_two_factor}) or for
 * every user ({@code linkpos.security.require-two-factor}), and reset by the bank.
 */
@Service
class TwoFactor implements SecondFactors {

    static final int RECOVERY_CODES = 10;
    private static final String PURPOSE = "totp";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Recovery codes: 10 characters of an alphabet without look-alikes (about 50 bits each). */
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final Clock clock;
    private final boolean requiredForEveryone;
    private final AuditTrail audit;

    TwoFactor(JdbcClient jdbc, SecretBox secrets, Clock clock,
              @Value("${linkpos.security.require-two-factor:false}") boolean requiredForEveryone, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
        this.requiredForEveryone = requiredForEveryone;
    }

    /** Whether the user has a second factor, and whether the bank requires one of the user. */
    record Status(String userId, boolean enrolled, boolean required) {
    }

    Optional<Status> status(String username) {
        return jdbc.sql("""
                        SELECT u.id, u.totp_enabled_at IS NOT NULL AS enrolled, COALESCE(m.require_two_factor, FALSE) AS required
                        FROM users u LEFT JOIN merchants m ON m.id = u.merchant_id WHERE lower(u.username) = lower(:u)""")
                .param("u", username)
                .query((rs, row) -> new Status(rs.getString("id"), rs.getBoolean("enrolled"),
                        requiredForEveryone || rs.getBoolean("required")))
                .optional();
    }

    @Override
    public Step afterPassword(String username) {
        return status(username).map(status -> status.enrolled() ? Step.CODE : status.required() ? Step.ENROL : Step.NONE)
                .orElse(Step.NONE);
    }

    @Override
    @Transactional
    public boolean accepts(String username, String code) {
        record Enrolled(String userId, String sealedSecret) {
        }
        Optional<Enrolled> enrolled = jdbc.sql("""
                        SELECT id, totp_secret FROM users WHERE lower(username) = lower(:u) AND totp_enabled_at IS NOT NULL""")
                .param("u", username).query((rs, row) -> new Enrolled(rs.getString("id"), rs.getString("totp_secret")))
                .optional();
        if (enrolled.isEmpty() || code == null) {
            return false;
        }
        String userId = enrolled.get().userId();
        String sealed = enrolled.get().sealedSecret();
        OptionalLong step = Totp.matchingStep(Totp.fromBase32(secrets.open(PURPOSE, sealed)), code, clock.instant());
        if (step.isPresent()) {
            // a code is taken once: a step at or before the last one accepted is a replay
            return jdbc.sql("""
                            UPDATE users SET totp_last_step = :step
                            WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)""")
                    .param("step", step.getAsLong()).param("id", userId).update() == 1;
        }
        return jdbc.sql("""
                        UPDATE recovery_codes SET used_at = :now
                        WHERE user_id = :id AND code_hash = :hash AND used_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("id", userId).param("hash", hash(code))
                .update() == 1;
    }

    /**
     * Turns the second factor on when {@code code} is the secret's code now; answers the recovery codes (shown
     * once, kept as hashes), or empty when the code is wrong. A user who has one keeps it: only the bank's reset
     * takes it away (else a password alone could replace it).
     */
    @Transactional
    Optional<List<String>> enrol(String username, byte[] secret, String code) {
        Optional<Status> status = status(username).filter(found -> !found.enrolled());
        OptionalLong step = Totp.matchingStep(secret, code, clock.instant());
        if (status.isEmpty() || step.isEmpty()) {
            return Optional.empty();
        }
        String userId = status.get().userId();
        jdbc.sql("""
                        UPDATE users SET totp_secret = :secret, totp_enabled_at = :now, totp_last_step = :step WHERE id = :id""")
                .param("secret", secrets.seal(PURPOSE, Totp.base32(secret))).param("now", Timestamp.from(clock.instant()))
                .param("step", step.getAsLong()).param("id", userId).update();
        jdbc.sql("DELETE FROM recovery_codes WHERE user_id = :id").param("id", userId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = recoveryCode();
            codes.add(recovery);
            jdbc.sql("INSERT INTO recovery_codes (user_id, code_hash) VALUES (:id, :hash)")
                    .param("id", userId).param("hash", hash(recovery)).update();
        }
        // the user's own act, also inside a login that waits for it (no one is signed in yet)
        audit.record(Actor.user(username), "user.two_factor_enabled", merchantOf(userId), userId,
                Changes.none().change("twoFactor", false, true));
        return Optional.of(codes);
    }

    /** The bank's reset: the user's second factor and recovery codes are gone; the next login enrols again if required. */
    @Transactional
    boolean reset(String merchantId, String userId) {
        jdbc.sql("DELETE FROM recovery_codes WHERE user_id = :id AND EXISTS (SELECT 1 FROM users WHERE id = :id AND merchant_id = :merchant)")
                .param("id", userId).param("merchant", merchantId).update();
        boolean reset = jdbc.sql("""
                        UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL
                        WHERE id = :id AND merchant_id = :merchant""")
                .param("id", userId).param("merchant", merchantId).update() == 1;
        if (reset) {
            audit.record("user.two_factor_reset", merchantId, userId, Changes.none().change("twoFactor", null, false));
        }
        return reset;
    }

    private String merchantOf(String userId) {
        // the bank's users have none: a list, which may hold a null
        return jdbc.sql("SELECT merchant_id FROM users WHERE id = :id").param("id", userId).query(String.class).list().get(0);
    }

    /** A merchant's user as the bank's page lists it: whether it has a second factor. */
    record User(String id, String username, boolean enrolled) {
    }

    List<User> users(String merchantId) {
        return jdbc.sql("SELECT id, username, totp_enabled_at IS NOT NULL AS enrolled FROM users WHERE merchant_id = :m ORDER BY username")
                .param("m", merchantId)
                .query((rs, row) -> new User(rs.getString("id"), rs.getString("username"), rs.getBoolean("enrolled"))).list();
    }

    void require(String merchantId, boolean required) {
        jdbc.sql("UPDATE merchants SET require_two_factor = :required WHERE id = :id")
                .param("required", required).param("id", merchantId).update();
    }

    boolean required(String merchantId) {
        return requiredForEveryone || requiredByTheBankOf(merchantId);
    }

    /** The bank's choice for this merchant alone (whatever {@code linkpos.security.require-two-factor} says). */
    boolean requiredByTheBankOf(String merchantId) {
        return jdbc.sql("SELECT require_two_factor FROM merchants WHERE id = :id")
                .param("id", merchantId).query(Boolean.class).optional().orElse(false);
    }

    private static String recoveryCode() {
        StringBuilder code = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
            if (i == 4) {
                code.append('-');
            }
        }
        return code.toString();
    }

    /** Recovery codes carry 50 random bits: a SHA-256 of the code as typed (case, spaces and dash aside) is enough. */
    private static String hash(String code) {
        String normal = code.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
