package com.collectiondesk.support;

import com.collectiondesk.CollectionDeskApplication;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service node as its own JVM ({@code java -cp <test classpath> CollectionDeskApplication}), the way an
 * operator runs several: it can be started, killed with {@code kill -9} ({@link #kill}) and started again with the
 * same arguments. Its output goes to {@code target/<name>.log} (appended across restarts); {@link #start} returns
 * once the node has logged "Collection Desk ready".
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Collection Desk ready on port (\\d+)");
    /** A start takes 30 s on an idle machine and several minutes on a crowded one. */
    private static final Duration START_PATIENCE = Duration.ofMinutes(15);

    private final String name;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private final Path log;
    private Process process;
    private int port;
    /** CPU of the earlier, ended runs of this node, so {@link #cpuNanos} counts every run. */
    private long endedRunsCpuNanos;

    private ServiceProcess(String name, List<String> jvmOptions, List<String> arguments) {
        this.name = name;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.arguments = List.copyOf(arguments);
        this.log = Path.of("target", name + ".log");
    }

    /** Starts a node named {@code name} with these JVM options and Spring Boot arguments ({@code --key=value}). */
    public static ServiceProcess start(String name, List<String> jvmOptions, List<String> arguments) {
        ServiceProcess node = new ServiceProcess(name, jvmOptions, arguments);
        node.restart();
        return node;
    }

    /** Starts the node (again, after {@link #kill} or {@link #stop}) and waits until it is ready. */
    public synchronized void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CollectionDeskApplication.class.getName()));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Process started = process;
        Thread copier = new Thread(() -> copyOutput(started, ready), name + "-log");
        copier.setDaemon(true);
        copier.start();
        try {
            port = ready.get(START_PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            kill();
            throw new IllegalStateException(name + " was not ready within " + START_PATIENCE + "; see " + log);
        } catch (Exception e) {
            throw new IllegalStateException(name + " did not start: " + e.getMessage() + "; see " + log, e);
        }
    }

    private void copyOutput(Process started, CompletableFuture<Integer> ready) {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            file.println("=== " + name + " started, pid " + started.pid());
            String line;
            while ((line = output.readLine()) != null) {
                file.println(line);
                Matcher matcher = READY.matcher(line);
                if (!ready.isDone() && matcher.find()) {
                    ready.complete(Integer.parseInt(matcher.group(1)));
                }
            }
            file.println("=== " + name + " ended");
        } catch (IOException closed) {
            // the process went away
        }
        ready.completeExceptionally(new IllegalStateException(name + " exited before it was ready"));
    }

    /** {@code kill -9}: the JVM stops at once, in the middle of whatever it does; its transactions roll back. */
    public synchronized void kill() {
        end(true);
    }

    /** A graceful stop (SIGTERM, as an orchestrator stops a node), forced after 30 s. */
    public synchronized void stop() {
        end(false);
    }

    private void end(boolean forcibly) {
        if (process == null || !process.isAlive()) {
            return;
        }
        long cpu = currentRunCpuNanos();
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        endedRunsCpuNanos += cpu;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized int port() {
        return port;
    }

    public synchronized long pid() {
        return process.pid();
    }

    /** CPU this node used over all its runs so far (the running one up to now). */
    public synchronized long cpuNanos() {
        return endedRunsCpuNanos + (isRunning() ? currentRunCpuNanos() : 0);
    }

    private long currentRunCpuNanos() {
        try {
            return CpuMeter.processCpuNanos(process.pid());
        } catch (IllegalStateException gone) {
            return 0;
        }
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        stop();
    }
}
