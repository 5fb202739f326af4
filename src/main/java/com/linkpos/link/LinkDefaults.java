package com.linkpos.link;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * [X2] A merchant's default reminder: a new link asked without {@code reminderBefore} is reminded this long
 * before it expires ({@code PT0S} asks for no reminder whatever the default).
 */
@Repository
class LinkDefaults {

    private final JdbcClient jdbc;
    private final Clock clock;

    LinkDefaults(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Duration> reminderBefore(String merchantId) {
        return jdbc.sql("SELECT reminder_before_seconds FROM link_defaults WHERE merchant_id = :merchant")
                .param("merchant", merchantId).query(Long.class).optional().map(Duration::ofSeconds);
    }

    /** {@code reminder} null: new links are not reminded unless they ask. */
    void setReminderBefore(String merchantId, Duration reminder) {
        jdbc.sql("""
                        INSERT INTO link_defaults (merchant_id, reminder_before_seconds, updated_at) VALUES (:merchant, :seconds, :now)
                        ON CONFLICT (merchant_id) DO UPDATE SET reminder_before_seconds = :seconds, updated_at = :now""")
                .param("merchant", merchantId).param("seconds", reminder == null ? null : reminder.toSeconds())
                .param("now", Timestamp.from(clock.instant())).update();
    }
}
