package dev.ferry.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.config.WebhookSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private final RetrySchedule schedule = new RetrySchedule(WebhookSettings.RETRY_DELAYS, new SplittableRandom(7));

    @Test
    void followsTheDocumentedDelaysWithinTheJitter() {
        for (int attempt = 1; attempt <= WebhookSettings.RETRY_DELAYS.size(); attempt++) {
            long planned = WebhookSettings.RETRY_DELAYS.get(attempt - 1).toMillis();
            long wait = schedule.next(attempt, Optional.empty()).orElseThrow().toMillis();
            assertTrue(wait >= planned * 0.9 && wait <= planned * 1.1, "attempt " + attempt + " waits " + wait);
        }
    }

    @Test
    void givesUpAfterTheLastDelay() {
        assertEquals(Optional.empty(), schedule.next(WebhookSettings.RETRY_DELAYS.size() + 1, Optional.empty()));
    }

    @Test
    void retryAfterOnlyWaitsLonger() {
        assertEquals(Duration.ofHours(1), schedule.next(1, Optional.of(Duration.ofHours(1))).orElseThrow());
        assertTrue(schedule.next(2, Optional.of(Duration.ofSeconds(1))).orElseThrow().compareTo(Duration.ofMinutes(4)) > 0);
    }
}
