package dev.ferry.app.bench.faults;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Real `ferry worker` JVMs on this machine's class path, started with the given settings and killed with SIGKILL. */
public final class WorkerProcesses implements AutoCloseable {
    private final Map<String, String> settings;
    private final Path logs;
    private final String classPath;
    private final List<Process> alive = new ArrayList<>();
    /** A benchmark stopped with Ctrl-C must not leave its workers running. */
    private final Thread killOnExit = new Thread(this::killAll, "ferry-kill-workers");
    private int started;

    /** @param settings the workers' environment (REDIS_URL, FERRY_DATA, FERRY_DEMOS...), over this process's */
    public WorkerProcesses(Map<String, String> settings, Path logs) {
        this(settings, logs, List.of());
    }

    /** @param extraClassPath put before this process's class path: folders or jars with demos of their own, such as a test's */
    public WorkerProcesses(Map<String, String> settings, Path logs, List<Path> extraClassPath) {
        this.settings = Map.copyOf(settings);
        this.logs = logs;
        List<String> entries = new ArrayList<>(extraClassPath.stream().map(Path::toString).toList());
        entries.add(System.getProperty("java.class.path"));
        this.classPath = String.join(File.pathSeparator, entries);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    public synchronized Process start() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", classPath,
                "dev.ferry.app.Main", "worker")
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("worker-" + started++ + ".log").toFile());
        pb.environment().keySet().removeIf(name -> name.startsWith("FERRY_") || name.startsWith("REDIS_"));
        pb.environment().putAll(settings);
        try {
            Process p = pb.start();
            alive.add(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a worker process", e);
        }
    }

    /** The workers started here and still running. */
    public synchronized List<Process> alive() {
        alive.removeIf(p -> !p.isAlive());
        return List.copyOf(alive);
    }

    /** SIGKILL, as the OOM killer or a pulled plug: nothing handed back, no goodbye. */
    public synchronized void kill(Process p) throws InterruptedException {
        p.destroyForcibly().waitFor();
        alive.remove(p);
    }

    public synchronized int started() {
        return started;
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running or has run
        }
    }

    private synchronized void killAll() {
        for (Process p : alive) {
            p.destroyForcibly();
        }
        for (Process p : alive) {
            p.onExit().join();
        }
        alive.clear();
    }
}
