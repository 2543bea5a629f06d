package dev.ferry.api.webhooks;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.Multipart;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestServer;
import dev.ferry.api.support.TestWorker;
import dev.ferry.testkit.WebhookReceiver;
import dev.ferry.testkit.WebhookReceiver.Received;
import dev.ferry.core.job.Job;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Job webhooks end to end: a real API and dispatcher, a test worker moving jobs, a real receiver on loopback. */
@Timeout(120)
class WebhooksTest {
    static final String SECRET_A = "whsec_" + Base64.getEncoder().encodeToString("first secret, 32 bytes long....".getBytes(StandardCharsets.UTF_8));
    static final String SECRET_B = "whsec_" + Base64.getEncoder().encodeToString("second secret, rotated in.......".getBytes(StandardCharsets.UTF_8));
    static final TestDemo echo = TestDemo.echo();
    @RegisterExtension
    static final ApiForTests api = ApiForTests.withoutServer();
    static TestServer server;
    static Http http;
    static TestWorker worker;
    WebhookReceiver receiver;

    @BeforeAll
    static void startServer() {
        server = api.start(List.of(echo), "FERRY_ALLOW_PRIVATE_URLS", true, "FERRY_WEBHOOK_SECRETS", SECRET_A + "," + SECRET_B,
                "FERRY_WEBHOOK_RETRY_DELAYS", "100ms,100ms,100ms");
        http = server.http();
        worker = new TestWorker(api.redis().client(), "webhook-worker");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private String submit(Http client, String events) {
        return submit(client, receiver.url(), events);
    }

    private String submit(Http client, String url, String events) {
        Response submitted = client.postJson("/api/v1/demos/" + echo.name() + "/jobs",
                "{\"webhook\": {\"url\": \"" + url + "\", \"events\": " + events + "}}");
        assertEquals(202, submitted.status(), submitted.toString());
        return submitted.json().get("id").asText();
    }

    private static List<JsonNode> log(Http client, String id) {
        Response log = client.get("/api/v1/jobs/" + id + "/webhooks");
        assertEquals(200, log.status(), log.toString());
        return StreamSupport.stream(log.json().get("attempts").spliterator(), false).toList();
    }

    @Test
    void deliversEachEventSignedAndInOrder() {
        String id = submit(http, "[\"started\", \"progress\", \"completed\"]");
        Job job = worker.claim(echo.name());
        worker.progress(job, 1, 2, "half way");
        worker.complete(job, "{\"answer\": 42}", List.of());

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() == 3);
        List<Received> received = receiver.received();
        assertEquals(List.of("started", "progress", "completed"), received.stream().map(Received::event).toList());
        assertEquals(List.of(1L, 2L, 3L), received.stream().map(Received::sequence).toList());
        for (Received request : received) {
            assertEquals(id, request.json().get("id").asText());
            assertTrue(request.signedWith(SECRET_A), "signed with the first secret: " + request.signature());
            assertTrue(request.signedWith(SECRET_B), "signed with the second secret: " + request.signature());
            assertTrue(Math.abs(Long.parseLong(request.timestamp()) - System.currentTimeMillis() / 1000) < 3600);
        }
        assertEquals("succeeded", received.get(2).json().get("state").asText());
        assertEquals(42, received.get(2).json().get("result").get("answer").asInt());
        assertEquals("half way", received.get(1).json().get("progress").get("message").asText());
    }

    @Test
    void theJobShowsItsWebhook() {
        String id = submit(http, "[\"completed\"]");
        JsonNode shown = http.get("/api/v1/jobs/" + id).json().get("webhook");
        assertEquals(receiver.url(), shown.get("url").asText());
        assertEquals("[\"completed\"]", shown.get("events").toString());
        worker.complete(worker.claim(echo.name()), "{}", List.of());
    }

    @Test
    void aMultipartSubmitTakesTheWebhookAsAJsonField() {
        Response submitted = http.postMultipart("/api/v1/demos/" + echo.name() + "/jobs", new Multipart()
                .field("webhook", "{\"url\": \"" + receiver.url() + "\", \"events\": [\"started\"]}"));
        assertEquals(202, submitted.status(), submitted.toString());
        worker.claim(echo.name());
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() == 1);
        assertEquals("started", receiver.received().get(0).event());
    }

    @Test
    void aFailingReceiverGetsTheEventAgainUntilItTakesIt() {
        receiver.answer(500);
        receiver.answer(500);
        String id = submit(http, "[\"completed\"]");
        worker.complete(worker.claim(echo.name()), "{}", List.of());

        await().atMost(Duration.ofSeconds(60)).until(() -> log(http, id).size() == 3);
        List<Received> received = receiver.received();
        assertEquals(3, received.size());
        assertEquals(1, received.stream().map(Received::id).distinct().count(), "one delivery id on every retry");
        List<JsonNode> attempts = log(http, id);
        assertEquals(List.of(500, 500, 200), attempts.stream().map(a -> a.get("status_code").asInt()).toList());
        assertEquals(List.of(1, 2, 3), attempts.stream().map(a -> a.get("attempt").asInt()).toList());
        assertEquals("the receiver answered 500", attempts.get(0).get("error").asText());
        assertTrue(attempts.get(2).get("error").isNull());
        String metrics = http.get("/metrics").text();
        assertTrue(metrics.contains("ferry_webhook_deliveries_total{result=\"retried\"}"), metrics);
        assertTrue(metrics.contains("ferry_webhook_pending"), metrics);
    }

    @Test
    void aGoneUrlGetsNothingMore() {
        receiver.answer(410);
        // A URL of its own: the gone URLs are remembered in Redis, and a later test's receiver may get this port.
        String id = submit(http, receiver.url() + "/gone-" + System.nanoTime(), "[\"started\", \"completed\"]");
        Job job = worker.claim(echo.name());
        await().atMost(Duration.ofSeconds(60)).until(() -> log(http, id).size() == 1);
        worker.complete(job, "{}", List.of());

        await().atMost(Duration.ofSeconds(60)).until(() -> log(http, id).size() == 2);
        List<JsonNode> attempts = log(http, id);
        assertEquals(410, attempts.get(0).get("status_code").asInt());
        assertEquals("completed", attempts.get(1).get("event").asText());
        assertTrue(attempts.get(1).get("error").asText().contains("410"), attempts.get(1).toString());
        assertEquals(1, receiver.received().size());
    }

    @Test
    void progressIsSentAtMostOncePerHalfSecond() {
        String id = submit(http, "[\"progress\", \"completed\"]");
        Job job = worker.claim(echo.name());
        long start = System.nanoTime();
        for (int step = 1; step <= 10; step++) {
            worker.progress(job, step, 10, "step " + step);
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        worker.complete(job, "{}", List.of());

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().stream().anyMatch(r -> r.event().equals("completed")));
        long progress = receiver.received().stream().filter(r -> r.event().equals("progress")).count();
        // One at the first step, then one more per 500 ms that passed; the bound grows with a slow machine.
        assertTrue(progress >= 1 && progress <= 2 + elapsedMs / 500, progress + " progress events in " + elapsedMs + " ms");
        assertEquals(id, receiver.received().get(0).json().get("id").asText());
    }

    @Test
    void aReplaySendsTheEventsAgainWithTheirIds() {
        String id = submit(http, "[\"started\", \"completed\"]");
        worker.complete(worker.claim(echo.name()), "{}", List.of());
        await().atMost(Duration.ofSeconds(60)).until(() -> log(http, id).size() == 2);

        Response one = http.post("/api/v1/jobs/" + id + "/webhooks/replay?event=completed&sequence=2");
        assertEquals(202, one.status(), one.toString());
        assertEquals(1, one.json().get("queued").asInt());
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() == 3);
        assertEquals(receiver.received().get(1).id(), receiver.received().get(2).id());

        assertEquals(2, http.post("/api/v1/jobs/" + id + "/webhooks/replay").json().get("queued").asInt());
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() == 5);
        assertEquals(List.of("started", "completed"), receiver.received().subList(3, 5).stream().map(Received::event).toList());
    }

    @Test
    void badWebhooksAreRefusedNamingTheField() {
        for (Map.Entry<String, String> bad : Map.of(
                "{\"url\": \"ftp://example.com/x\"}", "webhook.url",
                "{\"url\": \"" + receiver.url() + "\", \"events\": [\"finished\"]}", "webhook.events",
                "{\"url\": \"" + receiver.url() + "\", \"secret\": \"x\"}", "webhook.secret").entrySet()) {
            Response refused = http.postJson("/api/v1/demos/" + echo.name() + "/jobs", "{\"webhook\": " + bad.getKey() + "}");
            assertEquals(400, refused.status(), refused.toString());
            assertEquals(bad.getValue(), refused.json().get("error").get("field").asText());
        }
    }

    @Test
    void aPrivateAddressIsRefusedUnlessAllowed() {
        TestDemo demo = TestDemo.echo();
        try (TestServer guarded = api.start(List.of(demo), "FERRY_WEBHOOK_SECRETS", SECRET_A)) {
            Response refused = guarded.http().postJson("/api/v1/demos/" + demo.name() + "/jobs",
                    "{\"webhook\": {\"url\": \"" + receiver.url() + "\"}}");
            assertEquals(400, refused.status(), refused.toString());
            assertEquals("invalid_param", refused.errorCode());
            assertEquals("webhook.url", refused.json().get("error").get("field").asText());
            assertTrue(refused.json().get("error").get("message").asText().contains("loopback"), refused.toString());
        }
    }

    @Test
    void aReceiverDownWhileFerryRestartsGetsTheEventsAfter() {
        receiver.close();
        WebhookReceiver later = WebhookReceiver.down();
        Object[] settings = {"FERRY_ALLOW_PRIVATE_URLS", true, "FERRY_WEBHOOK_SECRETS", SECRET_A,
            // Retries never run out while the test waits, however slow the machine.
            "FERRY_WEBHOOK_RETRY_DELAYS", String.join(",", java.util.Collections.nCopies(200, "200ms"))};
        TestDemo demo = TestDemo.echo();
        String id;
        try (TestServer first = api.start(List.of(demo), settings)) {
            Response submitted = first.http().postJson("/api/v1/demos/" + demo.name() + "/jobs",
                    "{\"webhook\": {\"url\": \"" + later.url() + "\"}}");
            id = submitted.json().get("id").asText();
            Job job = worker.claim(demo.name());
            await().atMost(Duration.ofSeconds(60)).until(() -> !log(first.http(), id).isEmpty());
            worker.complete(job, "{}", List.of());
        }
        later.up();
        try (TestServer second = api.start(List.of(demo), settings)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> later.received().stream().map(Received::event).distinct().count() == 2);
            // The started event waited for its retry, so it may come after completed: its sequence orders them.
            List<Received> bySequence = new ArrayList<>(later.received());
            bySequence.sort(java.util.Comparator.comparingLong(Received::sequence));
            assertEquals(List.of("started", "completed"), bySequence.stream().map(Received::event).distinct().toList());
            assertEquals(2, bySequence.get(bySequence.size() - 1).sequence());
            assertEquals(id, later.received().get(0).json().get("id").asText());
        } finally {
            later.close();
        }
    }
}
