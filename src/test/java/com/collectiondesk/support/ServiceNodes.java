package com.collectiondesk.support;

import com.collectiondesk.CollectionDeskApplication;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole service nodes on one embedded PostgreSQL database, for tests of what restarts and a second node
 * must not duplicate. They deploy only the probe models, so a start stays quick.
 */
public final class ServiceNodes {

    private final String databaseUrl;

    public ServiceNodes(String databaseName) {
        this.databaseUrl = EmbeddedPostgresDatabases.newDatabase(databaseName);
    }

    public ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CollectionDeskApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.datasource.url=" + databaseUrl,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--collection.models.classpath-root=deployment-probe/");
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
