package dev.ferry.worker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobFile;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import dev.ferry.core.json.Json;
import dev.ferry.core.queue.JobTiming;
import dev.ferry.core.queue.RecentTimings;
import dev.ferry.core.queue.WorkerRegistry;
import dev.ferry.core.queue.WorkerStatus;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A worker takes jobs, runs their demo and records what came of them. */
class WorkerRunsJobsTest {
    @RegisterExtension
    static final WorkerFixture fx = new WorkerFixture();

    @Test
    void successWritesOutputsListsThemAndWritesJobJson() throws Exception {
        TestDemo demo = new TestDemo(fx.demo, (ctx, run) -> {
            String text = Files.readString(ctx.inputs().get(0));
            Files.writeString(ctx.outputDir().resolve("echo.txt"), text.toUpperCase());
            Files.createDirectories(ctx.outputDir().resolve("frames"));
            Files.write(ctx.outputDir().resolve("frames/001.png"), new byte[] {1, 2, 3});
            return Json.MAPPER.createObjectNode().put("chars", text.length());
        });
        fx.start(demo);
        JobId id = fx.submitWithInput("000-hello.txt", "hello ferry");

        Job done = fx.await(id, JobState.SUCCEEDED);
        assertEquals(1, done.attempts());
        assertEquals(11, done.result().orElseThrow().get("chars").asInt());
        assertEquals(List.of(new JobFile("echo.txt", 11, "text/plain; charset=utf-8"), new JobFile("frames/001.png", 3, "image/png")),
                done.files());
        assertEquals("HELLO FERRY", Files.readString(fx.data.outputsDir(id).resolve("echo.txt")));

        JsonNode written = fx.awaitJobJson(id);
        assertEquals(id.toString(), written.get("id").asText());
        assertEquals("succeeded", written.get("state").asText());
        assertEquals("frames/001.png", written.get("files").get(1).get("path").asText());

        Timer timer = await("the duration metric").atMost(Duration.ofSeconds(15))
                .until(() -> fx.metrics.find("ferry.job.duration").tags("demo", fx.demo, "state", "succeeded").timer(),
                        Objects::nonNull);
        assertEquals(1, timer.count());
    }

    @Test
    void aSuccessIsTimedWithTheWorkerAndItsDevice() {
        Worker worker = fx.start(new TestDemo(fx.demo, (ctx, run) -> null), "FERRY_DEVICE", "cuda:1");
        Job done = fx.await(fx.submit(), JobState.SUCCEEDED);
        long started = done.startedAt().orElseThrow().toEpochMilli();
        assertEquals(List.of(new JobTiming(started - done.createdAt().toEpochMilli(),
                        done.finishedAt().orElseThrow().toEpochMilli() - started, worker.id(), "cuda:1")),
                new RecentTimings(fx.redis.client()).of(fx.demo));
    }

    @Test
    void progressIsVisibleWhileRunningAndTheHeartbeatListsTheJob() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        TestDemo demo = new TestDemo(fx.demo, (ctx, run) -> {
            ctx.progress(1, 3, "first step");
            assertTrue(finish.await(10, TimeUnit.SECONDS));
            ctx.progress(3, 3, "done");
            return null;
        });
        Worker worker = fx.start(demo, "FERRY_WORKER_DEAD_AFTER_S", 1, "FERRY_CONCURRENCY", 2, "FERRY_DEVICE", "cuda:1");
        JobId id = fx.submit();

        Job running = await("progress 1/3").atMost(Duration.ofSeconds(15)).ignoreExceptions()
                .until(() -> fx.job(id), job -> job.progress().current() == 1);
        assertEquals(JobState.RUNNING, running.state());
        assertEquals(3, running.progress().total());
        assertEquals("first step", running.progress().message());

        WorkerRegistry registry = new WorkerRegistry(fx.redis.scripts());
        WorkerStatus status = await("a heartbeat listing the job").atMost(Duration.ofSeconds(15)).ignoreExceptions()
                .until(() -> registry.all().stream()
                        .filter(w -> w.info().id().equals(worker.id()) && w.info().runningJobs().contains(id.toString()))
                        .findFirst(), Optional::isPresent).orElseThrow();
        assertEquals("cuda:1", status.info().device());
        assertEquals(List.of(fx.demo), status.info().demos());
        assertEquals(2, status.info().concurrency());
        assertEquals(ProcessHandle.current().pid(), status.info().pid());
        assertTrue(worker.id().matches(".+-" + ProcessHandle.current().pid() + "-[a-z0-9]{6}"), worker.id());

        finish.countDown();
        Job done = fx.await(id, JobState.SUCCEEDED);
        assertEquals(3, done.progress().current());
        assertEquals("done", done.progress().message());

        fx.close(worker);
        assertTrue(registry.all().stream().noneMatch(w -> w.info().id().equals(worker.id())), "a closed worker leaves the registry");
    }

    @Test
    void progressReportsAreThrottledButTheLastOneIsAlwaysWritten() {
        int steps = 20_000;
        TestDemo demo = new TestDemo(fx.demo, (ctx, run) -> {
            for (int i = 1; i <= steps; i++) {
                ctx.progress(i, steps, "step " + i);
            }
            return null;
        });
        fx.start(demo);
        JobId id = fx.submit();

        Job done = fx.await(id, JobState.SUCCEEDED);
        assertEquals(steps, done.progress().current());
        assertEquals("step " + steps, done.progress().message());
        // Every recorded change bumps the version: submit, claim, complete, and each progress write.
        assertTrue(done.version() < 100, "progress was written " + done.version() + " times, not " + steps);
    }

    @Test
    void runsAsManyJobsAtOnceAsItsConcurrency() {
        CyclicBarrier allThree = new CyclicBarrier(3);
        TestDemo demo = new TestDemo(fx.demo, (ctx, run) -> {
            allThree.await(10, TimeUnit.SECONDS); // only passes when three jobs run together
            return null;
        });
        List<JobId> ids = List.of(fx.submit(), fx.submit(), fx.submit());
        fx.start(demo, "FERRY_CONCURRENCY", 3);
        for (JobId id : ids) {
            assertEquals(1, fx.await(id, JobState.SUCCEEDED).attempts());
        }
    }

    @Test
    void highPriorityJobsStartFirst() {
        List<String> started = new CopyOnWriteArrayList<>();
        TestDemo demo = new TestDemo(fx.demo, (ctx, run) -> {
            started.add(ctx.stringParam("tag"));
            return null;
        });
        fx.submit(Priority.NORMAL, 3, 60_000, Map.of("tag", "normal-1"));
        fx.submit(Priority.NORMAL, 3, 60_000, Map.of("tag", "normal-2"));
        JobId last = fx.submit(Priority.HIGH, 3, 60_000, Map.of("tag", "high"));
        fx.start(demo);

        fx.await(last, JobState.SUCCEEDED);
        await("all three jobs").atMost(Duration.ofSeconds(15)).until(() -> started.size() == 3);
        assertEquals(List.of("high", "normal-1", "normal-2"), started);
    }

    @Test
    void aRetryStartsWithAnEmptyOutputsFolder() {
        TestDemo demo = new TestDemo(fx.demo, (ctx, run) -> {
            Files.writeString(ctx.outputDir().resolve("attempt-" + run + ".txt"), "x");
            if (run == 1) {
                throw new IllegalStateException("first attempt breaks");
            }
            return null;
        });
        fx.start(demo);
        JobId id = fx.submit();

        Job done = fx.await(id, JobState.SUCCEEDED);
        assertEquals(2, done.attempts());
        assertEquals(List.of("attempt-2.txt"), done.files().stream().map(JobFile::path).toList());
        assertFalse(Files.exists(fx.data.outputsDir(id).resolve("attempt-1.txt")));
    }

    @Test
    void anUnknownDeviceIsRefusedAtStart() {
        TestDemo demo = new TestDemo(fx.demo, (ctx, run) -> null);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> fx.start(demo, "FERRY_DEVICE", "gpu0"));
        assertTrue(refused.getMessage().contains("cuda:N"), refused.getMessage());
        assertTrue(refused.getMessage().contains("gpu0"), refused.getMessage());
    }
}
