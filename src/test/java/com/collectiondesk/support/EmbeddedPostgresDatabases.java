package com.collectiondesk.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (zonky's binaries from Maven Central, no Docker), and a fresh
 * database per caller so Spring contexts and tests never see each other's data.
 */
public final class EmbeddedPostgresDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedPostgresDatabases() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        // stopped by our hook below, after Spring has closed its contexts: an engine that closes
                        // needs its database, and a server gone first made each such close wait 30 s
                        .setRegisterShutdownHook(false)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresDatabases::stopAfterSpring, "embedded-postgres-stop"));
        }
        return server;
    }

    /** JVM shutdown hooks run side by side, so this one waits for Spring Boot's own (if the JVM has one). */
    private static void stopAfterSpring() {
        try {
            for (int look = 0; look < 20; look++) {
                Thread spring = Thread.getAllStackTraces().keySet().stream()
                        .filter(thread -> thread.getName().equals("SpringApplicationShutdownHook")).findFirst().orElse(null);
                if (spring != null) {
                    spring.join(60_000);
                    break;
                }
                Thread.sleep(50);
            }
            server.close();
        } catch (IOException | InterruptedException ignored) {
            // the JVM is going away anyway
        }
    }

    /** Creates an empty database and returns its JDBC URL (user {@code postgres}, no password). */
    public static String newDatabase(String prefix) {
        String name = (prefix + "_" + COUNTER.incrementAndGet()).toLowerCase().replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }
}
