package dev.ferry.worker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The worker's housekeeping: retention, and carrying on through a Redis restart. */
class WorkerMaintenanceTest {
    @RegisterExtension
    static final WorkerFixture fx = new WorkerFixture();

    @Test
    void theRetentionSweepRemovesOldJobsAndTheirFolders() {
        TestDemo demo = new TestDemo(fx.demo, (ctx, run) -> {
            Files.writeString(ctx.outputDir().resolve("out.txt"), "x");
            return null;
        });
        fx.start(demo, "FERRY_RETENTION", "1s");
        JobId id = fx.submitWithInput("000-in.txt", "in");
        fx.await(id, JobState.SUCCEEDED);
        assertTrue(Files.exists(fx.data.outputsDir(id).resolve("out.txt")));

        await("the job's folder to be swept").atMost(Duration.ofSeconds(15)).until(() -> !Files.exists(fx.data.jobDir(id)));
        assertTrue(fx.reader.get(id).isEmpty(), "the record is gone too");
    }

    @Test
    void anIdleWorkerGoesOnClaimingAfterARedisRestart() {
        TestDemo demo = new TestDemo(fx.demo, (ctx, run) -> null);
        fx.start(demo);
        fx.await(fx.submit(), JobState.SUCCEEDED);

        fx.redis.restart();

        JobId after = fx.submit();
        fx.await(after, JobState.SUCCEEDED, Duration.ofSeconds(20));
        assertEquals(2, demo.runs());
    }
}
