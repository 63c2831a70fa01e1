package com.collectiondesk.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Each benchmark's table: the bare baseline measured in the same JVM and database right before and after the
 * project's run, the project's figure, their ratio and the CPU milliseconds per item (JVM + PostgreSQL, see
 * {@link CpuMeter}), with the machine's load average at the end of each measurement.
 */
public final class BaselineReport {

    private final String title;
    private final CpuMeter cpu;
    private final List<String> rows = new ArrayList<>();

    public BaselineReport(String title, CpuMeter cpu) {
        this.title = title;
        this.cpu = cpu;
    }

    /** Something that did {@code items} units of work in its run. */
    @FunctionalInterface
    public interface Work {
        long run() throws Exception;
    }

    /** Runs {@code work}, which returns how many items it did, and records its wall and CPU time. */
    public Measured measure(String label, Work work) throws Exception {
        CpuMeter.Sample before = cpu.sample();
        long start = System.nanoTime();
        long items = work.run();
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        return new Measured(label, items, wall, cpu.sample().minus(before), loadAverage());
    }

    /** One line: the bare baseline before and after, the project's figure, ours ÷ bare (mean of both bare runs). */
    public void compare(String what, Measured bareBefore, Measured ours, Measured bareAfter) {
        double bare = (bareBefore.perSecond() + bareAfter.perSecond()) / 2;
        double ratio = ours.perSecond() / bare;
        rows.add(String.format("%-26s | %9.1f | %9.1f | %9.1f | %6.1f %% (%s) | %7.2f / %7.2f | %6.2f / %6.2f | %5.2f / %5.2f / %5.2f",
                what, bareBefore.perSecond(), bareAfter.perSecond(), ours.perSecond(), 100 * ratio,
                ratio >= 1 ? String.format("%.1f× faster", ratio) : String.format("%.1f× slower", 1 / ratio),
                (bareBefore.cpuMsPerItem() + bareAfter.cpuMsPerItem()) / 2, ours.cpuMsPerItem(),
                ours.jvmMsPerItem(), ours.postgresMsPerItem(),
                bareBefore.load(), ours.load(), bareAfter.load()));
        rows.add(String.format("%-26s   bare: %s; %s | ours: %s", "", bareBefore.describe(), bareAfter.describe(), ours.describe()));
    }

    /** The table, with the settings every run shared. */
    public void print(String settings) {
        StringBuilder out = new StringBuilder("=== ").append(title).append(" ===\n");
        out.append(String.format("%-26s | %9s | %9s | %9s | %-22s | %-17s | %-15s | %s%n", "items/s", "bare bef.", "bare aft.",
                "ours", "ours ÷ bare", "CPU ms/item b/o", "ours JVM / PG", "load bare/ours/bare"));
        rows.forEach(row -> out.append(row).append('\n'));
        out.append("settings: ").append(settings).append('\n');
        System.out.print(out);
    }

    /** Polls {@code count} until it reaches {@code target}; fails after {@code timeout}. Returns the target. */
    public static long await(String what, LongSupplier count, long target, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long now;
        while ((now = count.getAsLong()) < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + now + " of " + target + " " + what + " after " + timeout);
            }
            Thread.sleep(100);
        }
        return target;
    }

    /** The machine's 1-minute load average (all processes, other benchmarks included). */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
    }

    /** What one run did: its items, wall time, CPU time and the load at its end. */
    public record Measured(String label, long items, Duration wall, CpuMeter.Sample cpu, double load) {

        public double perSecond() {
            return items / Math.max(wall.toNanos() / 1e9, 1e-9);
        }

        public double cpuMsPerItem() {
            return cpu.totalNanos() / 1e6 / Math.max(items, 1);
        }

        double jvmMsPerItem() {
            return cpu.jvmNanos() / 1e6 / Math.max(items, 1);
        }

        double postgresMsPerItem() {
            return cpu.postgresNanos() / 1e6 / Math.max(items, 1);
        }

        String describe() {
            return String.format("%s %,d in %.1f s", label, items, wall.toMillis() / 1000.0);
        }
    }
}
