package dev.ferry.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.app.runtime.FerryNode;
import dev.ferry.app.support.ApiCalls;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.testkit.FreePort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real `ferry up` JVM killed with SIGKILL (what the OOM killer or a power cut does), then
 * `ferry up` again on the same data folder, with no step in between.
 */
class UpCrashTest {
    @TempDir
    Path home;

    private final int apiPort = FreePort.next();
    private final int redisPort = FreePort.next();
    private final ApiCalls crashed = new ApiCalls(() -> apiPort);
    private Process up;
    private Path tmp;

    @BeforeEach
    void folders() throws IOException {
        tmp = Files.createDirectories(home.resolve("tmp"));
    }

    @AfterEach
    void stopUp() throws InterruptedException {
        if (up != null) {
            up.destroy();
            up.waitFor();
        }
    }

    @Test
    void redisStopsWithTheKilledJvmAndTheNextUpKeepsEveryJob() throws Exception {
        startUp();
        long redis = redisPid();
        Jobs jobs = submitAndStartOne();
        up.destroyForcibly().waitFor();

        await("redis-server to stop with its JVM").atMost(Duration.ofSeconds(30))
                .until(() -> ProcessHandle.of(redis).map(ProcessHandle::isAlive).orElse(false), alive -> !alive);
        assertEquals(List.of(), redisTempFiles(), "temp files the killed JVM left in its java.io.tmpdir");
        assertAllThere(jobs);
    }

    @Test
    void redisLeftRunningByAKilledUpIsShutDownAndItsJobsKept() throws Exception {
        startUp();
        long redis = redisPid();
        Jobs jobs = submitAndStartOne();
        // Everything but redis-server dies: the JVM and its watchdog, as with an older Ferry.
        up.toHandle().descendants().filter(p -> p.pid() != redis).forEach(ProcessHandle::destroyForcibly);
        up.destroyForcibly().waitFor();
        assertTrue(ProcessHandle.of(redis).map(ProcessHandle::isAlive).orElse(false), "redis-server was left running");

        assertAllThere(jobs);
    }

    @Test
    void aSecondUpOnTheSameDataFolderIsRefusedAndTheFirstKeepsRunning() throws Exception {
        startUp();

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> FerryNode.start(config(), true, true, true));
        assertTrue(refused.getMessage().contains("another `ferry up` (pid " + up.pid() + ") is already running on the data folder "
                + home.resolve("data")), refused.getMessage());
        assertEquals(200, crashed.get("/health").status());
    }

    /** A finished job, and jobs queued behind one that was running when the JVM died. */
    private record Jobs(String done, List<String> waiting) {}

    private Jobs submitAndStartOne() {
        String done = crashed.submitJson("noop", "{\"params\":{\"echo\":\"before\"}}");
        assertEquals("succeeded", crashed.awaitFinished(done, Duration.ofSeconds(60)).path("state").asText());
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(crashed.submitJson("noop", "{\"params\":{\"sleep_ms\":1500}}"));
        }
        await("a job to run").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> crashed.get("/api/v1/jobs/" + waiting.get(0)).json().path("state").asText(), "running"::equals);
        return new Jobs(done, waiting);
    }

    /** Starts `ferry up` on the same data folder in this JVM, with no step in between, and finds every job there. */
    private void assertAllThere(Jobs jobs) {
        try (FerryNode again = FerryNode.start(config(), true, true, true)) {
            ApiCalls api = new ApiCalls(() -> again.api().orElseThrow().port());
            assertEquals("before", api.get("/api/v1/jobs/" + jobs.done()).json().path("result").path("echo").asText());
            for (String id : jobs.waiting()) {
                assertEquals("succeeded", api.awaitFinished(id, Duration.ofSeconds(60)).path("state").asText(), id);
            }
        }
    }

    private void startUp() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "up")
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("up.log").toFile());
        pb.environment().keySet().removeIf(name -> name.startsWith("FERRY_") || name.startsWith("REDIS_"));
        pb.environment().putAll(settings());
        pb.environment().put("FERRY_HOME", home.toString());
        pb.environment().put("FERRY_PORT", String.valueOf(apiPort));
        up = pb.start();
        await("ferry up to answer").atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> crashed.get("/health").status() == 200);
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("FERRY_DATA", home.resolve("data").toString());
        settings.put("FERRY_EMBEDDED_REDIS_PORT", String.valueOf(redisPort));
        settings.put("FERRY_DEMOS", "noop");
        settings.put("FERRY_MIN_FREE_MB", "1");
        settings.put("FERRY_SHUTDOWN_GRACE_S", "0");
        settings.put("FERRY_WORKER_DEAD_AFTER_S", "2");
        return settings;
    }

    private FerryConfig config() {
        Map<String, String> settings = settings();
        settings.put("FERRY_PORT", "0");
        return FerryConfig.from(settings);
    }

    private long redisPid() throws IOException {
        return Long.parseLong(Files.readString(home.resolve("data").resolve("redis").resolve("redis-server.pid")).strip());
    }

    private List<String> redisTempFiles() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.contains("redis")).toList();
        }
    }
}
