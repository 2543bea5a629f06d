package dev.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.client.FerryClient;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/** Polls a job until it reaches a final state. */
final class JobWaiter {
    private static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled");

    private JobWaiter() {}

    static JsonNode untilFinished(FerryClient client, String id, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseMs = 50;
        while (true) {
            JsonNode job = client.job(id);
            if (FINAL.contains(job.path("state").asText()) || System.nanoTime() > deadline) {
                return job;
            }
            Thread.sleep(pauseMs);
            pauseMs = Math.min(1000, pauseMs * 2);
        }
    }
}
