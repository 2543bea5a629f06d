package dev.ferry.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import dev.ferry.core.json.Json;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.queue.NewJob;
import dev.ferry.core.queue.Submissions;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.testkit.RedisForTests;
import dev.ferry.testkit.TestConfig;
import dev.ferry.testkit.TestDemoNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.redisson.api.RedissonClient;

/**
 * A real Redis for a test class and, for each test, a fresh world on it: a new demo name, a
 * temporary data folder, workers each with a Redis client of their own (as separate processes
 * would have), and helpers to submit and read jobs. Register it once per class with
 * {@code @RegisterExtension static final WorkerFixture fx = new WorkerFixture();}; after each
 * test it halts every worker still running.
 */
final class WorkerFixture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    final RedisForTests redis = new RedisForTests();
    JobReader reader;
    Submissions submissions;
    /** The name of this test's demo, so no earlier test's jobs are claimed. */
    String demo;
    Path dataDir;
    DataFolder data;
    SimpleMeterRegistry metrics;
    private final Map<Worker, RedissonClient> clients = new IdentityHashMap<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        redis.beforeAll(context);
        reader = new JobReader(redis.client());
        submissions = new Submissions(redis.scripts(), 10_000, Duration.ofMinutes(5));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        demo = TestDemoNames.fresh("w");
        dataDir = Files.createTempDirectory("ferry-worker-test-");
        data = new DataFolder(dataDir);
        metrics = new SimpleMeterRegistry();
    }

    /** Moves this test's data folder to {@code dir}, such as a folder on a small filesystem; before any worker starts. */
    void useDataFolder(Path dir) {
        DataFolder.deleteTree(dataDir);
        dataDir = dir;
        data = new DataFolder(dir);
    }

    /** Starts a worker serving {@code demo}; {@code settings} are name, value pairs as in .env. */
    Worker start(TestDemo demo, Object... settings) {
        TestConfig config = TestConfig.of(redis, dataDir).setAll(settings);
        RedissonClient client = redis.newClient();
        try {
            Worker worker = Worker.start(config.build(), client, DemoCatalog.of(List.of(demo), Set.of()), data, metrics);
            clients.put(worker, client);
            return worker;
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    /** What kill -9 does: the worker stops dead and its connection to Redis goes away. */
    void kill(Worker worker) {
        worker.halt();
        RedissonClient client = clients.remove(worker);
        if (client != null) {
            client.shutdown();
        }
    }

    void close(Worker worker) {
        worker.close();
        RedissonClient client = clients.remove(worker);
        if (client != null) {
            client.shutdown();
        }
    }

    JobId submit() {
        return submit(Priority.NORMAL, 3, 60_000, Map.of());
    }

    JobId submit(Priority priority, int maxAttempts, long timeLimitMs, Map<String, Object> params) {
        JobId id = JobId.generate(demo, System.currentTimeMillis());
        return submissions.submit(new NewJob(id, params, priority, maxAttempts, timeLimitMs, Optional.empty())).id();
    }

    /** Submits a job with input files, stored first as the API stores uploads. */
    JobId submitWithInput(String fileName, String content) {
        JobId id = JobId.generate(demo, System.currentTimeMillis());
        try {
            Files.createDirectories(data.inputsDir(id));
            Files.writeString(data.inputsDir(id).resolve(fileName), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return submissions.submit(new NewJob(id, Map.of(), Priority.NORMAL, 3, 60_000, Optional.empty())).id();
    }

    Job job(JobId id) {
        return reader.get(id).orElseThrow(() -> new AssertionError("no job " + id));
    }

    Job await(JobId id, JobState state, Duration timeout) {
        return Awaitility.await(id + " to be " + state.wireName()).atMost(timeout).ignoreExceptions()
                .until(() -> job(id), job -> job.state() == state);
    }

    Job await(JobId id, JobState state) {
        return await(id, state, Duration.ofSeconds(30));
    }

    /** The job's {@code job.json} once it is there. */
    JsonNode awaitJobJson(JobId id) {
        Path file = data.jobJson(id);
        // The file is renamed into place whole, so once it exists it can be read.
        Awaitility.await("job.json of " + id).atMost(Duration.ofSeconds(15)).until(() -> Files.exists(file));
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (Worker worker : new ArrayList<>(clients.keySet())) {
            kill(worker);
        }
        try {
            DataFolder.deleteTree(dataDir);
        } catch (UncheckedIOException e) {
            // a killed worker's job thread may still be writing its outputs: leave the folder, fail nothing
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        redis.afterAll(context);
    }
}
