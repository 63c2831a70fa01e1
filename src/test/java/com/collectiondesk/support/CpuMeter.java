package com.collectiondesk.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU time a benchmark spends, steadier than wall time on a shared machine: this JVM's process CPU
 * ({@code OperatingSystemMXBean.getProcessCpuTime}) plus the embedded PostgreSQL server's, read from
 * {@code /proc/<pid>/stat}: the postmaster's own and reaped children's time, and each live child's
 * (backends, autovacuum, walwriter…). A backend that exits moves its time into the postmaster's reaped
 * children's time, so differences between two samples stay right while connections come and go.
 */
public final class CpuMeter {

    /** Clock ticks per second of /proc/<pid>/stat ({@code getconf CLK_TCK}); 100 on every Linux we run on. */
    private static final long TICKS_PER_SECOND = 100;
    private static final long NANOS_PER_TICK = 1_000_000_000L / TICKS_PER_SECOND;

    private final long postmasterPid;

    private CpuMeter(long postmasterPid) {
        this.postmasterPid = postmasterPid;
    }

    /** A meter for this JVM and the PostgreSQL server behind {@code jdbc} (the postmaster is a backend's parent). */
    public static CpuMeter of(JdbcTemplate jdbc) {
        long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
        return new CpuMeter(Stat.of(backend).orElseThrow(() -> new IllegalStateException(
                "PostgreSQL backend " + backend + " is not on this machine")).parentPid());
    }

    /** CPU used so far, in nanoseconds. */
    public Sample sample() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new Sample(jvm, postgresTicks() * NANOS_PER_TICK);
    }

    /** Total CPU of one other process (a service started by a benchmark), its reaped children included. */
    public static long processCpuNanos(long pid) {
        Stat stat = Stat.of(pid).orElseThrow(() -> new IllegalStateException("No process " + pid));
        return (stat.ownTicks() + stat.reapedChildrenTicks()) * NANOS_PER_TICK;
    }

    private long postgresTicks() {
        Stat postmaster = Stat.of(postmasterPid).orElseThrow(() -> new IllegalStateException("PostgreSQL has gone"));
        long children;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            children = processes.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(name -> Stat.of(Long.parseLong(name))).flatMap(s -> s.stream())
                    .filter(s -> s.parentPid() == postmasterPid).mapToLong(Stat::ownTicks).sum();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list /proc", e);
        }
        return postmaster.ownTicks() + postmaster.reapedChildrenTicks() + children;
    }

    /** CPU used until a moment: this JVM's and PostgreSQL's, in nanoseconds. */
    public record Sample(long jvmNanos, long postgresNanos) {

        public Sample minus(Sample earlier) {
            return new Sample(jvmNanos - earlier.jvmNanos, postgresNanos - earlier.postgresNanos);
        }

        public long totalNanos() {
            return jvmNanos + postgresNanos;
        }
    }

    /** The fields of /proc/<pid>/stat we need (after the command name, which may hold spaces, in parentheses). */
    private record Stat(long parentPid, long ownTicks, long reapedChildrenTicks) {

        static Optional<Stat> of(long pid) {
            String line;
            try {
                line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            } catch (IOException gone) {
                return Optional.empty();
            }
            List<String> fields = List.of(line.substring(line.lastIndexOf(')') + 2).trim().split(" "));
            // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17
            return Optional.of(new Stat(Long.parseLong(fields.get(1)),
                    Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12)),
                    Long.parseLong(fields.get(13)) + Long.parseLong(fields.get(14))));
        }
    }

    /** Resident memory of a process in MB, from {@code VmRSS} in /proc/<pid>/status. */
    public static OptionalLong residentMegabytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024).findFirst();
        } catch (IOException gone) {
            return OptionalLong.empty();
        }
    }
}
