package com.collectiondesk.benchmark;

import com.collectiondesk.CollectionDeskApplication;
import com.collectiondesk.support.BaselineReport;
import com.collectiondesk.support.BaselineReport.Measured;
import com.collectiondesk.support.CpuMeter;
import com.collectiondesk.support.EmbeddedPostgresDatabases;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Start-up time to ready, each start in a fresh JVM as an operator would see it: from process launch to the
 * "Collection Desk ready" log line, on H2 and on PostgreSQL, on an empty database (schema creation) and on an
 * existing one (restart), next to the bare Camunda engine ({@link BareEngineMain}) started the same way right
 * before and after; CPU per start is the started JVM's plus PostgreSQL's. Then the service's resident memory
 * (VmRSS) once idle after start, with the JVM's defaults and with the container's {@code JAVA_TOOL_OPTIONS} from
 * the Dockerfile. Prints figures; asserts nothing about speed.
 * Run: ./mvnw -Pbenchmark verify -Dtest=StartupBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * (-Dbenchmark.restarts, default 3; -Dbenchmark.idleSeconds before reading RSS, default 30).
 */
class StartupBenchmark {

    private static final int RESTARTS = Integer.getInteger("benchmark.restarts", 3);
    private static final int IDLE_SECONDS = Integer.getInteger("benchmark.idleSeconds", 30);
    private static final String READY = "Collection Desk ready";

    private final CpuMeter postgres = CpuMeter.of(new JdbcTemplate(EmbeddedPostgresDatabases.server().getPostgresDatabase()));
    private final BaselineReport report = new BaselineReport("StartupBenchmark (starts per second, one JVM each)", postgres);

    @Test
    void startupTimeToReady() throws Exception {
        compare("H2", this::newH2Database, "sa");
        compare("PostgreSQL", () -> EmbeddedPostgresDatabases.newDatabase("startup"), "postgres");
        report.print(String.format("bare = Camunda engine alone deploying the shipped models (history full, job executor on); "
                + "ours' restart = best of %d; %d CPU cores", RESTARTS, Runtime.getRuntime().availableProcessors()));

        String url = EmbeddedPostgresDatabases.newDatabase("startup_rss");
        start("warm-up", ours(url, "postgres"), READY, Map.of(), 0);
        String containerOptions = containerJavaOptions();
        System.out.printf("RSS idle %d s after start (PostgreSQL, restart): JVM defaults (max heap %d MB of %d MB RAM) %s;"
                        + " container defaults (%s) %s%n",
                IDLE_SECONDS, Runtime.getRuntime().maxMemory() >> 20, totalMemoryMegabytes(),
                start("RSS", ours(url, "postgres"), READY, Map.of(), IDLE_SECONDS).rss(),
                containerOptions, start("RSS", ours(url, "postgres"), READY, Map.of("JAVA_TOOL_OPTIONS", containerOptions),
                        IDLE_SECONDS).rss());
    }

    private void compare(String database, Supplier<String> newDatabase, String user) throws Exception {
        String ourDatabase = newDatabase.get();
        String bareDatabase = newDatabase.get();
        Measured bareEmptyBefore = start("bare", bare(newDatabase.get(), user), BareEngineMain.READY, Map.of(), 0).measured();
        Measured oursEmpty = start("ours", ours(ourDatabase, user), READY, Map.of(), 0).measured();
        Measured bareEmptyAfter = start("bare", bare(bareDatabase, user), BareEngineMain.READY, Map.of(), 0).measured();
        Measured bareRestartBefore = start("bare", bare(bareDatabase, user), BareEngineMain.READY, Map.of(), 0).measured();
        List<Measured> restarts = new ArrayList<>();
        for (int i = 0; i < RESTARTS; i++) {
            restarts.add(start("ours", ours(ourDatabase, user), READY, Map.of(), 0).measured());
        }
        Measured bareRestartAfter = start("bare", bare(bareDatabase, user), BareEngineMain.READY, Map.of(), 0).measured();
        report.compare(database + ", empty database", bareEmptyBefore, oursEmpty, bareEmptyAfter);
        report.compare(database + ", restart", bareRestartBefore,
                restarts.stream().min(Comparator.comparing(Measured::wall)).orElseThrow(), bareRestartAfter);
    }

    private String newH2Database() {
        try {
            return "jdbc:h2:file:" + Files.createTempDirectory("startup-h2").resolve("collection-desk").toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ours(String url, String user) {
        return List.of(CollectionDeskApplication.class.getName(), "--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=", "--collection.admin.password=benchmark-only");
    }

    private static List<String> bare(String url, String user) {
        return List.of(BareEngineMain.class.getName(), url, user);
    }

    /** One start: time and CPU (the started JVM's and PostgreSQL's) to the ready line, and RSS after idling. */
    private record Start(Measured measured, String rss) {
    }

    private Start start(String label, List<String> mainAndArguments, String readyLine, Map<String, String> environment,
                        int idleSeconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .directory(new File(System.getProperty("java.io.tmpdir")));
        builder.environment().putAll(environment);
        CpuMeter.Sample postgresBefore = postgres.sample();
        long started = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.contains(readyLine)) {
                    Duration wall = Duration.ofNanos(System.nanoTime() - started);
                    CpuMeter.Sample cpu = new CpuMeter.Sample(CpuMeter.processCpuNanos(process.pid()),
                            postgres.sample().minus(postgresBefore).postgresNanos());
                    Measured measured = new Measured(label, 1, wall, cpu, BaselineReport.loadAverage());
                    if (idleSeconds > 0) {
                        drainInBackground(output);
                        Thread.sleep(idleSeconds * 1000L);
                    }
                    return new Start(measured, CpuMeter.residentMegabytes(process.pid()).orElse(-1) + " MB");
                }
            }
            throw new IllegalStateException("The " + label + " process exited before it was ready, exit code " + process.waitFor());
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Keeps reading the idle service's log so it never blocks on a full pipe. */
    private static void drainInBackground(BufferedReader output) {
        Thread reader = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // discard
                }
            } catch (IOException closed) {
                // the process has gone
            }
        }, "startup-benchmark-log");
        reader.setDaemon(true);
        reader.start();
    }

    /** The container's JVM options: the Dockerfile's {@code ENV JAVA_TOOL_OPTIONS="…"}, so the two never differ. */
    private static String containerJavaOptions() throws IOException {
        Matcher options = Pattern.compile("ENV JAVA_TOOL_OPTIONS=\"([^\"]+)\"").matcher(Files.readString(Path.of("Dockerfile")));
        if (!options.find()) {
            throw new IllegalStateException("The Dockerfile sets no JAVA_TOOL_OPTIONS");
        }
        return options.group(1).replaceAll("\\s+", " ").trim();
    }

    private static long totalMemoryMegabytes() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 20;
    }
}
