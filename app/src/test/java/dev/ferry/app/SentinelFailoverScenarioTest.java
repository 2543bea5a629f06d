package dev.ferry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ferry.app.bench.faults.ChaosReport;
import dev.ferry.app.bench.faults.RecoveryTimes;
import dev.ferry.app.bench.faults.SentinelFailover;
import dev.ferry.core.job.JobState;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failover scenario of `ferry bench faults` end to end at a small size: its own master,
 * replica and Sentinels, the API and a worker process, the master killed halfway. With
 * FERRY_REDIS_WAIT_REPLICAS=1 nothing acknowledged may be lost. Times are reported, not asserted.
 */
class SentinelFailoverScenarioTest {
    @TempDir
    Path dir;

    @Test
    void everyAcceptedJobOfTheBenchSucceedsAcrossTheFailover() throws Exception {
        SentinelFailover.Plan plan = new SentinelFailover.Plan(50, 20, 1, 2, 1, 3, Duration.ofSeconds(120));
        ChaosReport report = new SentinelFailover(dir, plan).run();

        assertEquals(50, report.submitted());
        assertEquals(0, report.lost(), () -> "not succeeded: " + report.jobs().stream().filter(j -> j.state() != JobState.SUCCEEDED).toList());
        for (RecoveryTimes times : report.recoveries()) {
            assertFalse(times.ms().isEmpty(), times.what() + " was measured");
        }
    }
}
