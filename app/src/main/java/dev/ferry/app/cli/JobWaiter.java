package dev.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.client.FerryClient;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/** Polls a job until it reaches a final state or the time is up, handing each poll to whoever shows it. */
final class JobWaiter {
    private static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled");

    private JobWaiter() {}

    /** @return the job as last polled: finished, or not when {@code timeout} ran out first */
    static JsonNode untilFinished(FerryClient client, String id, Duration timeout, Consumer<JsonNode> polled)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseMs = 50;
        while (true) {
            JsonNode job = client.job(id);
            polled.accept(job);
            if (isFinished(job) || System.nanoTime() > deadline) {
                return job;
            }
            Thread.sleep(pauseMs);
            pauseMs = Math.min(1000, pauseMs * 2);
        }
    }

    static boolean isFinished(JsonNode job) {
        return FINAL.contains(job.path("state").asText());
    }
}
