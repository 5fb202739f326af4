package com.linkpos.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One PostgreSQL per test JVM, a fresh database for every application context the tests start (the
 * whole application, a module's test, one with other settings): contexts never share or wipe each
 * other's data, and only the first pays for starting a server. Each context reaches its database by
 * URL, as production does.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String database = "linkpos_test_" + DATABASES.incrementAndGet();
        EmbeddedPostgres postgres = server();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
            statement.execute("DO $$ BEGIN CREATE ROLE linkpos_app LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + database, e);
        }
        // (zonky's own URL names the user postgres, which would win over the username below)
        TestPropertyValues.of("spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database,
                // as in production: migrations as the schema's owner, the application as a user that owns nothing
                "spring.flyway.user=postgres", "spring.datasource.username=linkpos_app",
                // as many connections as the embedded default gives (the race tests pay with 50 payers at once)
                "spring.datasource.hikari.maximum-pool-size=20").applyTo(context);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "400").start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the tests' PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is ending anyway
                }
            }));
        }
        return server;
    }
}
