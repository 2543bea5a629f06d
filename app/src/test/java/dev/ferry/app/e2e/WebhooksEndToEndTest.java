package dev.ferry.app.e2e;

import static dev.ferry.app.support.Cli.ferry;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.runtime.FerryNode;
import dev.ferry.app.support.ApiCalls;
import dev.ferry.app.support.Cli.Run;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.testkit.RedisForTests;
import dev.ferry.testkit.TestConfig;
import dev.ferry.testkit.WebhookReceiver;
import dev.ferry.testkit.WebhookReceiver.Received;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A noop job's webhook through real Ferry nodes (API, dispatcher and worker): the receiver is
 * down while the job runs and while Ferry restarts, and still gets every event afterwards,
 * signed with the secret Ferry generated and {@code ferry webhooks secret} prints.
 */
@Timeout(180)
class WebhooksEndToEndTest {
    @RegisterExtension
    static final RedisForTests redis = new RedisForTests();
    @TempDir
    Path data;

    private FerryConfig config() {
        return TestConfig.of(redis, data).set("FERRY_DEMOS", "noop").set("FERRY_ALLOW_PRIVATE_URLS", true)
                // Retries never run out while the test waits, however slow the machine.
                .set("FERRY_WEBHOOK_RETRY_DELAYS", String.join(",", Collections.nCopies(500, "200ms"))).build();
    }

    private static ApiCalls api(FerryNode node) {
        return new ApiCalls(() -> node.api().orElseThrow().port());
    }

    @Test
    void aReceiverDownWhileFerryRestartsGetsEveryEventAfterSignedAndNumbered() {
        WebhookReceiver receiver = WebhookReceiver.down();
        String id;
        JsonNode finished;
        try (FerryNode first = FerryNode.start(config(), true, true, false)) {
            ApiCalls api = api(first);
            id = api.submitJson("noop", "{\"params\": {\"sleep_ms\": 1000}, \"webhook\": {\"url\": \"" + receiver.url() + "\"}}");
            await().atMost(Duration.ofSeconds(90)).until(() -> api.get("/api/v1/jobs/" + id).json().get("state").asText().equals("succeeded"));
            await().atMost(Duration.ofSeconds(90)).until(() -> api.get("/api/v1/jobs/" + id + "/webhooks").json().get("attempts").size() > 0);
            finished = api.get("/api/v1/jobs/" + id).json();
        }
        receiver.up();
        try (FerryNode second = FerryNode.start(config(), true, false, false)) {
            // Completed carries the last sequence number; events waiting for their retry may come after it.
            await().atMost(Duration.ofSeconds(90)).until(() -> receiver.received().stream().anyMatch(r -> r.event().equals("completed"))
                    && receiver.received().stream().map(Received::sequence).distinct().count()
                            == receiver.received().stream().mapToLong(Received::sequence).max().orElse(-1));
        } finally {
            receiver.close();
        }

        List<Received> received = new ArrayList<>(receiver.received());
        received.sort(Comparator.comparingLong(Received::sequence));
        long last = received.get(received.size() - 1).sequence();
        assertEquals(LongStream.rangeClosed(1, last).boxed().toList(), received.stream().map(Received::sequence).distinct().toList(),
                "every event arrived, numbered from 1");
        assertEquals("started", received.get(0).event());
        assertEquals("completed", received.get(received.size() - 1).event());
        assertEquals(id, received.get(0).json().get("id").asText());

        Run secret = ferry("webhooks", "secret", "--data", data.toString());
        assertEquals(0, secret.exit(), secret.err());
        String generated = secret.out().strip();
        assertTrue(generated.startsWith("whsec_"), secret.out());
        for (Received request : received) {
            assertTrue(request.signedWith(generated), "signed with the data folder's secret: " + request.signature());
        }

        long progress = received.stream().filter(r -> r.event().equals("progress")).map(Received::sequence).distinct().count();
        long ranMs = Duration.between(Instant.parse(finished.get("started_at").asText()),
                Instant.parse(finished.get("finished_at").asText())).toMillis();
        // Ten steps over at least a second: one progress event at the first, then at most one per 500 ms that passed.
        assertTrue(progress >= 1 && progress <= 2 + ranMs / 500, progress + " progress events over " + ranMs + " ms");
    }
}
