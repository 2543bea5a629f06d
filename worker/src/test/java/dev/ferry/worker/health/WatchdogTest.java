package dev.ferry.worker.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.worker.run.RunningJobs;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The watchdog's verdict at a given time: no clock is read, so nothing here depends on the machine's speed. */
class WatchdogTest {
    private static final Duration HANG_AFTER = Duration.ofMinutes(1);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);
    private final Pulse claimLoop = new Pulse();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Watchdog watchdog = new Watchdog(claimLoop, IDLE_WAIT, new RunningJobs(), HANG_AFTER, stopping::get);

    @Test
    void aClaimLoopSilentPastTheBoundIsAHang() {
        claimLoop.tick();
        long now = System.nanoTime();
        assertEquals(Optional.empty(), watchdog.check(now));
        Optional<String> hung = watchdog.check(now + HANG_AFTER.plus(IDLE_WAIT).toNanos() + Duration.ofSeconds(1).toNanos());
        assertTrue(hung.orElseThrow().contains("claim loop"), hung::toString);
    }

    /** An idle loop sleeps up to its poll wait between ticks: with a short hang bound that alone is no hang. */
    @Test
    void aClaimLoopSilentOnlyForItsIdleWaitIsNotAHang() {
        claimLoop.tick();
        long now = System.nanoTime();
        assertEquals(Optional.empty(), watchdog.check(now + HANG_AFTER.plus(IDLE_WAIT).toNanos() - Duration.ofMillis(1).toNanos()));
    }

    @Test
    void aStoppingWorkerIsNotHungByItsEndedClaimLoop() {
        claimLoop.tick();
        stopping.set(true);
        assertEquals(Optional.empty(), watchdog.check(System.nanoTime() + 2 * HANG_AFTER.toNanos()));
    }
}
