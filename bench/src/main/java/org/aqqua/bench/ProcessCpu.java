package org.aqqua.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time of a benchmark run's processes, by process, from Linux's {@code /proc}: user plus system time of each
 * process and of its children it has reaped (PostgreSQL's finished backends, for one). Two snapshots taken
 * around a phase give what each process spent on it; on a machine whose cores are all busy that, not the wall
 * clock, says where the time went. Empty off Linux.
 */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux's common architectures). */
    private static final double TICKS_PER_SECOND = 100;
    /** How HotSpot's JIT compiler threads are named in {@code /proc/<pid>/task/<tid>/comm} (cut to 15 chars). */
    private static final String[] COMPILER_THREADS = {"C1 CompilerThre", "C2 CompilerThre"};
    /** How PostgreSQL titles its processes that write out and clean up ({@code ps}: "postgres: checkpointer"). */
    private static final String[] POSTGRES_BACKGROUND = {"postgres: checkpointer", "postgres: background writer",
        "postgres: walwriter", "postgres: autovacuum"};

    private ProcessCpu() {
    }

    /**
     * Seconds of CPU so far: this JVM ("benchmark client"), each process it started with its descendants, named
     * by what it runs, and PostgreSQL's server under {@code runDir} with its backends.
     */
    static Map<String, Double> snapshot(Path runDir) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return seconds;
        }
        seconds.put("benchmark client", cpuSeconds(ProcessHandle.current().pid()));
        Set<Long> counted = new HashSet<>();
        for (ProcessHandle child : ProcessHandle.current().children().toList()) {
            seconds.merge(nameOf(child), treeSeconds(child, counted), Double::sum);
        }
        // PostgreSQL may run detached from this JVM (started through pg_ctl): its server names the data folder.
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.filter(process -> !counted.contains(process.pid()))
                    .filter(process -> commandLine(process.pid()).contains(runDir.toString())
                            && commandLine(process.pid()).contains("postgres"))
                    .toList()
                    .forEach(server -> postgresSeconds(server, counted, seconds));
        }
        return seconds;
    }

    /**
     * Seconds of CPU so far of the JIT compiler threads (C1, C2) of the JVM named {@code name} as in
     * {@link #snapshot} (this one, or a child); 0 when there is none. A JVM whose compilers are still busy is not
     * warmed up yet.
     */
    static double compilerSeconds(String name) {
        if (name.equals("benchmark client")) {
            return threadSeconds(ProcessHandle.current().pid(), COMPILER_THREADS);
        }
        for (ProcessHandle child : ProcessHandle.current().children().toList()) {
            if (nameOf(child).equals(name)) {
                return threadSeconds(child.pid(), COMPILER_THREADS);
            }
        }
        return 0;
    }

    /** utime + stime of the threads of {@code pid} whose name ({@code comm}) starts with one of the prefixes. */
    private static double threadSeconds(long pid, String... prefixes) {
        long ticks = 0;
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads.toList()) {
                try {
                    String name = Files.readString(thread.resolve("comm")).strip();
                    if (Stream.of(prefixes).anyMatch(name::startsWith)) {
                        String[] fields = statFields(thread.resolve("stat"));
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // a thread that ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** What each process spent between two snapshots, in seconds. */
    static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> spent = new LinkedHashMap<>();
        after.forEach((name, seconds) -> spent.put(name, seconds - before.getOrDefault(name, 0.0)));
        return spent;
    }

    /** The JIT compilers' seconds so far of each JVM in {@code names}. */
    static Map<String, Double> compilerSnapshot(List<String> names) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        names.forEach(name -> seconds.put(name, compilerSeconds(name)));
        return seconds;
    }

    /** "name 12.3 s, ..., total 45.6 s" (the total over every process listed). */
    static String describe(Map<String, Double> spent) {
        List<String> parts = new ArrayList<>();
        spent.forEach((name, seconds) -> parts.add(String.format("%s %.1f s", name, seconds)));
        parts.add(String.format("total %.1f s", spent.values().stream().mapToDouble(Double::doubleValue).sum()));
        return String.join(", ", parts);
    }

    /** A child of this JVM by what it runs: the S3 server, Keycloak, or the service whose folder it runs in. */
    private static String nameOf(ProcessHandle child) {
        String command = commandLine(child.pid());
        if (command.contains("s3proxy")) {
            return "S3 server";
        }
        if (command.contains("keycloak")) {
            return "Keycloak";
        }
        try {
            Path folder = Files.readSymbolicLink(Path.of("/proc", Long.toString(child.pid()), "cwd"));
            for (Path part : folder) {
                if (part.toString().endsWith("-service")) {
                    return part.toString();
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            // named by its command below
        }
        return command.contains("postgres") ? "PostgreSQL" : "process " + child.pid();
    }

    /**
     * PostgreSQL's server and its processes not counted yet, in two parts: "PostgreSQL", the postmaster and the
     * backends that run the statements (and, in the postmaster's children's time, those that ended), and
     * "PostgreSQL background", the processes that write out and clean up after earlier work (checkpointer,
     * background writer, WAL writer, autovacuum). The second is not the searches' cost: a phase measured while it
     * is large overlapped the write-back of an earlier one.
     */
    private static void postgresSeconds(ProcessHandle server, Set<Long> counted, Map<String, Double> seconds) {
        for (ProcessHandle process : uncounted(server, counted)) {
            String command = commandLine(process.pid());
            boolean background = Stream.of(POSTGRES_BACKGROUND).anyMatch(command::contains);
            seconds.merge(background ? "PostgreSQL background" : "PostgreSQL", cpuSeconds(process.pid()),
                    Double::sum);
        }
    }

    /** The process and its descendants not counted yet, which are then counted. */
    private static double treeSeconds(ProcessHandle root, Set<Long> counted) {
        return uncounted(root, counted).stream().mapToDouble(process -> cpuSeconds(process.pid())).sum();
    }

    /** The process and its descendants not counted yet; they are counted from now on. */
    private static List<ProcessHandle> uncounted(ProcessHandle root, Set<Long> counted) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.removeIf(process -> !counted.add(process.pid()));
        return tree;
    }

    /** utime + stime + cutime + cstime of {@code /proc/<pid>/stat}; 0 for a process gone meanwhile. */
    private static double cpuSeconds(long pid) {
        try {
            String[] fields = statFields(Path.of("/proc", Long.toString(pid), "stat"));
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /**
     * The fields of a {@code /proc/.../stat} file after the command name, which is in parentheses and may contain
     * spaces: utime is field 11, stime 12, cutime 13, cstime 14.
     */
    private static String[] statFields(Path stat) throws IOException {
        String text = Files.readString(stat);
        return text.substring(text.lastIndexOf(')') + 2).split(" ");
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
