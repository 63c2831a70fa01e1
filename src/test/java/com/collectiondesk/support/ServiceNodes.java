package com.collectiondesk.support;

import com.collectiondesk.CollectionDeskApplication;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole service nodes on one embedded PostgreSQL database, for tests of what restarts and a second node
 * must not duplicate.
 */
public final class ServiceNodes {

    private final String databaseUrl;
    private final List<String> settings;

    private ServiceNodes(String databaseUrl, List<String> settings) {
        this.databaseUrl = databaseUrl;
        this.settings = settings;
    }

    /** Nodes on a fresh database that deploy only the probe models, so a start stays quick. */
    public static ServiceNodes onNewDatabase(String databaseName) {
        return new ServiceNodes(EmbeddedPostgresDatabases.newDatabase(databaseName),
                List.of("--collection.models.classpath-root=deployment-probe/"));
    }

    /** Nodes joining a database another node already uses, with the real models and these settings. */
    public static ServiceNodes joining(String databaseUrl, String... settings) {
        return new ServiceNodes(databaseUrl, List.of(settings));
    }

    public ConfigurableApplicationContext start() {
        Stream<String> connection = Stream.of("--server.port=0",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=");
        return new SpringApplicationBuilder(CollectionDeskApplication.class)
                .profiles("test")
                .run(Stream.concat(connection, settings.stream()).toArray(String[]::new));
    }

    /** Two nodes starting at the same moment; close both. */
    public List<ConfigurableApplicationContext> startTwoSideBySide() {
        // Two Spring Boot starts re-initialising the one Logback of this JVM at the same moment can trip over
        // each other; logging is set up already, so the side-by-side nodes leave it alone.
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            CompletableFuture<ConfigurableApplicationContext> one = CompletableFuture.supplyAsync(this::start);
            CompletableFuture<ConfigurableApplicationContext> other = CompletableFuture.supplyAsync(this::start);
            return List.of(one.join(), other.join());
        } finally {
            System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        }
    }
}
