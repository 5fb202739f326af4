package com.linkpos.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded default: with no {@code spring.datasource.url}, LinkPOS starts its own PostgreSQL
 * (real PostgreSQL binaries from Maven Central) whose data directory survives restarts.
 * With a URL, Spring Boot's own DataSource takes over and this class does nothing.
 * As with a server of the bank's, the migrations run as the schema's owner ({@code postgres}) and the
 * application as a user that owns nothing ({@value #APPLICATION_USER}): it may not alter any table, nor
 * change or delete an audit event (V30).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final String DATABASE = "linkpos";
    static final String APPLICATION_USER = "linkpos_app";

    static class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }

    /** Owns the PostgreSQL process: stopped when the application context closes. */
    static final class EmbeddedServer implements DisposableBean {
        final EmbeddedPostgres postgres;

        EmbeddedServer(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        @Override
        public void destroy() throws IOException {
            postgres.close();
        }
    }

    /** {@code linkpos.embedded-postgres.*}: where its data lives, and whether to start from empty (tests). */
    @ConfigurationProperties("linkpos.embedded-postgres")
    record Settings(String dataDir, boolean clean) {
        Settings {
            dataDir = dataDir == null || dataDir.isBlank() ? "./data" : dataDir;
        }
    }

    @Bean
    EmbeddedServer embeddedPostgres(Settings settings) throws IOException, SQLException {
        Path dir = Path.of(settings.dataDir()).toAbsolutePath().normalize();
        boolean clean = settings.clean();
        Files.createDirectories(dir);
        log.info("Starting embedded PostgreSQL with data in {}", dir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(clean)
                .setServerConfig("max_connections", "200")
                // zonky starts PostgreSQL for throw-away tests (fsync off); LinkPOS keeps payments in it
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
            }
            if (!statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + APPLICATION_USER + "'").next()) {
                statement.execute("CREATE ROLE " + APPLICATION_USER + " LOGIN");
            }
        }
        return new EmbeddedServer(postgres);
    }

    /** The migrations' connection: the owner of the schema (the application's own user may not alter it). */
    @Bean
    @FlywayDataSource
    DataSource migrations(EmbeddedServer server) {
        return server.postgres.getDatabase("postgres", DATABASE);
    }

    @Bean
    @Primary
    DataSource dataSource(EmbeddedServer server, Environment environment) {
        // Spring Boot's own pool setting, which its DataSource would have read
        int poolSize = environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 20);
        HikariConfig config = new HikariConfig();
        // not zonky's own URL: it names the user postgres, which would win over the username below
        config.setJdbcUrl("jdbc:postgresql://localhost:" + server.postgres.getPort() + "/" + DATABASE);
        config.setUsername(APPLICATION_USER);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("linkpos-embedded");
        // [O2] as Spring Boot's pool would: a database that does not answer is known within seconds (readiness)
        config.setConnectionTimeout(environment.getProperty("spring.datasource.hikari.connection-timeout", Long.class, 5_000L));
        config.setValidationTimeout(environment.getProperty("spring.datasource.hikari.validation-timeout", Long.class, 2_000L));
        return new HikariDataSource(config);
    }
}
