package com.collectiondesk.benchmark;

import com.collectiondesk.CollectionDeskApplication;
import com.collectiondesk.support.EmbeddedPostgresDatabases;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Start-up time to ready, each start in a fresh JVM as an operator would see it: from process launch to the
 * "Collection Desk ready" log line, on H2 and on PostgreSQL, on an empty database (schema creation) and on
 * an existing one (restart). Prints figures; asserts nothing about speed.
 * Run: ./mvnw -Pbenchmark verify -Dtest=StartupBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 */
class StartupBenchmark {

    private static final int RESTARTS = 3;

    @Test
    void startupTimeToReady() throws Exception {
        Path h2Dir = Files.createTempDirectory("startup-h2");
        String h2Url = "jdbc:h2:file:" + h2Dir.resolve("collection-desk").toAbsolutePath();
        report("H2", h2Url, "sa");
        report("PostgreSQL", EmbeddedPostgresDatabases.newDatabase("startup"), "postgres");
    }

    private void report(String database, String url, String user) throws Exception {
        Duration empty = timeToReady(url, user);
        List<Long> restarts = new ArrayList<>();
        for (int i = 0; i < RESTARTS; i++) {
            restarts.add(timeToReady(url, user).toMillis());
        }
        System.out.printf("STARTUP %-10s empty database: %5d ms | restart (existing database), %d runs: %s ms, best %d ms%n",
                database, empty.toMillis(), RESTARTS, restarts, restarts.stream().mapToLong(Long::longValue).min().orElseThrow());
    }

    private Duration timeToReady(String url, String user) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CollectionDeskApplication.class.getName(),
                "--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=", "--collection.admin.password=benchmark-only")
                .redirectErrorStream(true)
                .directory(new File(System.getProperty("java.io.tmpdir")));
        long started = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.contains("Collection Desk ready")) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            }
            throw new IllegalStateException("The service exited before it was ready, exit code " + process.waitFor());
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
