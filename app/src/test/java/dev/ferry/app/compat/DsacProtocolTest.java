package dev.ferry.app.compat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.ferry.app.support.AsrModelsForTests;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.core.json.Json;
import dev.ferry.demos.asr.SyntheticSpeech;
import dev.ferry.testkit.TestHttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * DSAC's ASR backend driven as its clients drive it (lambda_function.py: the parameters as
 * POST headers; http_post_app.py: the result posted to RETURN_URL as multipart {@code file}
 * with USER-ID, JOB-ID and STATUS), through the whole platform: a real worker transcribes real
 * speech with a CTC graph that spells "hello world", and a local RETURN_URL receiver records
 * what the webhook dispatcher sends.
 */
class DsacProtocolTest {
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);
    private static final String KEY = "dsac-caller-key";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("asr")
            .set("FERRY_COMPAT", "dsac")
            .set("FERRY_DSAC_PATH", "/asr/dsac")
            .set("FERRY_API_KEYS", KEY)
            .set("FERRY_ALLOW_PRIVATE_URLS", "true")
            .set("FERRY_WEBHOOK_RETRY_DELAYS", "100ms,100ms,100ms")
            .beforeStart(DsacProtocolTest::installModels);
    static final TestHttpServer objects = new TestHttpServer();
    static final Receiver receiver = new Receiver();
    @TempDir
    static Path files;
    static byte[] wav;

    private static void installModels(dev.ferry.core.config.FerryConfig config) throws Exception {
        AsrModelsForTests.install(config, files);
    }

    @BeforeAll
    static void recordSpeech() throws Exception {
        SyntheticSpeech speech = SyntheticSpeech.create().silence(0.5).say("Good morning, everybody.").silence(2.0)
                .say("The meeting starts at nine.").silence(0.5);
        wav = Files.readAllBytes(speech.writeWav(files.resolve("meeting.wav")));
    }

    @AfterAll
    static void stopServers() {
        objects.close();
        receiver.close();
    }

    @Test
    void headersBecomeAnAsrJobAndTheWholeFileReachesReturnUrlAgainAfterAFailure() throws Exception {
        receiver.failNext(500);
        Map<String, String> headers = headers("user-17", "job-17", "tag17");
        headers.put("OBJECT_PATH", "calls/meeting.wav");
        HttpResponse<String> started = post(headers, HttpRequest.BodyPublishers.ofByteArray(wav));

        assertEquals(200, started.statusCode(), started::body);
        JsonNode answer = Json.MAPPER.readTree(started.body());
        assertEquals("job-17", answer.get("job_id").asText());
        String ferryId = answer.get("ferry_job_id").asText();
        assertTrue(answer.get("status_url").asText().endsWith("/asr/dsac/" + ferryId), answer::toString);
        JsonNode job = get("/api/v1/jobs/" + ferryId);
        // DEC_LANG=en at SR=BB: asr/en_16k is not installed, asr/en is; NUM_CHANNELS=1 mixes the channels
        assertEquals("en", job.at("/params/model").asText(), job::toString);
        assertEquals("mix", job.at("/params/channel").asText());

        List<Received> posts = await().atMost(JOB_TIMEOUT).until(() -> receiver.of("job-17"), p -> p.size() == 2);
        for (Received post : posts) {
            assertEquals("user-17", post.header("USER-ID"));
            assertEquals("SUCCESS", post.header("STATUS"));
            assertEquals(null, post.header("X-API-KEY"), "the caller's key never goes to RETURN_URL");
            assertFalse(post.raw().contains(KEY), "nor anywhere in the post");
            assertEquals("tag17.json", post.fileName());
        }
        assertEquals(posts.get(0).file(), posts.get(1).file(), "the retry re-sends the whole file");
        // ctm_to_json.py: {"results": [{"alternatives": [{transcript, confidence, words [{startTime, endTime, word, confidence}]}]}]}
        JsonNode alternative = posts.get(1).file().at("/results/0/alternatives/0");
        assertEquals("hello world hello world", alternative.get("transcript").asText(), alternative::toString);
        JsonNode first = alternative.at("/words/0");
        assertTrue(first.get("startTime").isNumber() && first.get("endTime").isNumber(), first::toString);
        assertTrue(first.get("endTime").asDouble() > first.get("startTime").asDouble(), first::toString);
        assertTrue(alternative.get("confidence").asDouble() > 0.5, alternative::toString);

        JsonNode status = get("/asr/dsac/" + ferryId);
        assertEquals("SUCCESS", status.get("status").asText(), status::toString);
        assertEquals(posts.get(1).file(), status.get("transcript"));
    }

    @Test
    void aFileThatIsNotAudioIsReportedFailedWithItsReason() throws Exception {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        objects.body("/objects/broken.wav", "application/octet-stream", noise);
        Map<String, String> headers = headers("user-18", "job-18", "tag18");
        headers.put("OBJECT_URL", objects.url("/objects/broken.wav"));
        HttpResponse<String> started = post(headers, HttpRequest.BodyPublishers.noBody());
        assertEquals(200, started.statusCode(), started::body);

        Received post = await().atMost(JOB_TIMEOUT).until(() -> receiver.of("job-18"), p -> !p.isEmpty()).get(0);
        assertEquals("FAILED", post.header("STATUS"));
        assertTrue(post.header("REASON").startsWith("bad_input: "), post.header("REASON"));
        assertEquals(post.header("REASON"), post.file().get("error").asText());
        assertEquals("FAILED", get("/asr/dsac/" + Json.MAPPER.readTree(started.body()).get("ferry_job_id").asText())
                .get("status").asText());
    }

    @Test
    void missingOrBadHeadersAreRefusedAsDsacsGatewayAnsweredThem() throws Exception {
        Map<String, String> noLanguage = headers("u", "j", "t");
        noLanguage.remove("DEC_LANG");
        assertRefused(400, "Bad request: DEC_LANG not present in POST headers", noLanguage);

        Map<String, String> badRate = headers("u", "j", "t");
        badRate.put("SR", "44100");
        assertRefused(400, "Bad request: SR is '44100'; expected BB, NB, 16000 or 8000", badRate);

        Map<String, String> noModel = headers("u", "j", "t");
        noModel.put("DEC_LANG", "zul");
        noModel.put("SR", "NB");
        HttpResponse<String> refused = post(noModel, HttpRequest.BodyPublishers.ofByteArray(wav));
        assertEquals(400, refused.statusCode());
        assertTrue(Json.MAPPER.readTree(refused.body()).asText().contains("asr/zul_8k or asr/zul"), refused::body);

        Map<String, String> noAudio = headers("u", "j", "t");
        HttpResponse<String> empty = post(noAudio, HttpRequest.BodyPublishers.noBody());
        assertEquals(400, empty.statusCode());
        assertTrue(Json.MAPPER.readTree(empty.body()).asText().startsWith("Bad request: no audio"), empty::body);

        Map<String, String> wrongKey = headers("u", "j", "t");
        wrongKey.put("X_API_KEY", "not-the-key");
        assertEquals(401, post(wrongKey, HttpRequest.BodyPublishers.ofByteArray(wav)).statusCode());
    }

    private static void assertRefused(int status, String message, Map<String, String> headers) throws Exception {
        HttpResponse<String> refused = post(headers, HttpRequest.BodyPublishers.ofByteArray(wav));
        assertEquals(status, refused.statusCode(), refused::body);
        // the gateway's body was json.dumps(message): a JSON string
        assertEquals(message, Json.MAPPER.readTree(refused.body()).asText(), refused::body);
    }

    private static Map<String, String> headers(String user, String jobId, String tag) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X_API_KEY", KEY);
        headers.put("DEC_LANG", "en");
        headers.put("SR", "BB");
        headers.put("NUM_CHANNELS", "1");
        headers.put("SAC", "no");
        headers.put("DIA", "no");
        headers.put("USER_ID", user);
        headers.put("JOB_ID", jobId);
        headers.put("TAG", tag);
        headers.put("RETURN_URL", receiver.url());
        return headers;
    }

    private static HttpResponse<String> post(Map<String, String> headers, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ferry.url() + "/asr/dsac")).POST(body);
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(ferry.url() + path)).header("X_API_KEY", KEY)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer::body);
        return Json.MAPPER.readTree(answer.body());
    }

    /** One post to RETURN_URL: its headers and its multipart body. */
    record Received(Map<String, String> headers, String raw) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        String fileName() {
            int at = raw.indexOf("name=\"file\"; filename=\"") + "name=\"file\"; filename=\"".length();
            return raw.substring(at, raw.indexOf('"', at));
        }

        JsonNode file() {
            String boundary = header("Content-Type").substring(header("Content-Type").indexOf("boundary=") + "boundary=".length());
            int start = raw.indexOf("\r\n\r\n") + 4;
            try {
                return Json.MAPPER.readTree(raw.substring(start, raw.indexOf("\r\n--" + boundary + "--", start)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** A RETURN_URL on loopback: records every post, answering each with the next queued status, else 200. */
    static final class Receiver implements AutoCloseable {
        private final List<Received> received = new CopyOnWriteArrayList<>();
        private final ConcurrentLinkedDeque<Integer> failures = new ConcurrentLinkedDeque<>();
        private final HttpServer server;

        Receiver() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            server.createContext("/jobcomplete/", exchange -> {
                Map<String, String> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
                        values.get(0)));
                received.add(new Received(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                Integer status = failures.poll();
                exchange.sendResponseHeaders(status == null ? 200 : status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/jobcomplete/";
        }

        void failNext(int status) {
            failures.add(status);
        }

        List<Received> of(String jobId) {
            return received.stream().filter(r -> jobId.equals(r.header("JOB-ID"))).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
