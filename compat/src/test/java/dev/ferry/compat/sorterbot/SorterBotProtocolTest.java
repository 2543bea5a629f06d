package dev.ferry.compat.sorterbot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.ApiServer;
import dev.ferry.api.RouteSet;
import dev.ferry.compat.CompatProtocols;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.job.Job;
import dev.ferry.core.json.Json;
import dev.ferry.core.queue.WorkQueue;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.core.storage.JobInputs;
import dev.ferry.demos.DemoServices;
import dev.ferry.demos.sorting.SortingDemo;
import dev.ferry.demos.sorting.SortingTestModels;
import dev.ferry.testkit.RedisForTests;
import dev.ferry.testkit.TempFolder;
import dev.ferry.testkit.TestConfig;
import dev.ferry.testkit.TestDemoContext;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SorterBot's protocol as its arms speak it, over a real WebSocket: photos as
 * {@code json_headers + ___SPLIT___ + jpeg}, then {@code get_commands_of_session}. The sorting
 * job is run here as a worker runs it (claimed, the real demo with test models, completed).
 */
class SorterBotProtocolTest {
    @RegisterExtension
    static final RedisForTests redis = new RedisForTests();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** arm_config.yaml.example, as the arm sends it whole. */
    private static final String ARM_CONSTANTS = """
            {"arm_id": "ARM001", "cloud_host": "127.0.0.1", "cloud_port": 6000, "control_host": "192.168.178.19",
             "control_port": 8000, "arm_radius": 1500, "rotation_range_as_deg": 130, "rotation_range_as_pw": 1400,
             "dist_min_as_pw": 1100, "dist_max_as_pw": 2000}""";
    private static TempFolder folders;
    private static DemoServices services;
    private static DataFolder data;
    private static DemoCatalog demos;
    private static ApiServer server;
    private static URI arms;

    @BeforeAll
    static void start() throws Exception {
        folders = TempFolder.create("ferry-sorterbot-");
        FerryConfig config = TestConfig.of(redis, folders.newFolder("data-")).set("FERRY_COMPAT", "sorterbot")
                .set("FERRY_SORTERBOT_PORT", 0).set("FERRY_SORTERBOT_WAIT_S", 600).build();
        services = DemoServices.forApi(config);
        SortingTestModels.install(services.models());
        data = new DataFolder(config.dataDir());
        demos = DemoCatalog.of(List.of(new SortingDemo(services)), Set.of());
        List<RouteSet> compat = CompatProtocols.mount(new CompatProtocols.Services(config, demos, redis.client(), data,
                services.media()));
        server = ApiServer.start(config, redis.client(), demos, data, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                compat);
        arms = URI.create("ws://127.0.0.1:" + ((SorterBotProtocol) compat.get(0)).port());
    }

    @AfterAll
    static void stop() {
        server.close();
        services.close();
        folders.close();
    }

    @Test
    void photosThenCommandsAnswerEachItemsPickAndDrop() throws Exception {
        byte[] withMarker = jpegWithComment(SortingTestModels.photo(folders.newFolder("p-").resolve("1500.jpg")),
                "___SPLIT___ inside the photo");
        byte[] plain = Files.readAllBytes(SortingTestModels.photo(folders.newFolder("p-").resolve("1505.jpg")));
        assertEquals("true", Arm.connect().sendPhoto("recv_img_proc", "ARM001", "77", "1500.jpg", withMarker).answer());
        assertEquals("true", Arm.connect().sendPhoto("recv_img_proc", "ARM001", "77", "1505.jpg", plain).answer());
        Path stored = data.root().resolve("sorterbot").resolve(new SessionKey("ARM001", "77").name()).resolve("proc/1500.jpg");
        assertArrayEquals(withMarker, Files.readAllBytes(stored), "the marker inside the JPEG did not cut it short");

        Arm arm = Arm.connect().sendText("{\"command\": \"get_commands_of_session\", \"session_id\": 77, \"arm_constants\": "
                + ARM_CONSTANTS + "}");
        JsonNode result = runSortingJob();
        JsonNode commands = Json.MAPPER.readTree(arm.answer());
        assertEquals(result.get("commands"), commands);
        assertEquals(4, commands.size());
        // the red item A, seen from 1500 and 1505, to container E (by hand, as in SortingDemoTest)
        assertEquals(1578.2932082189118, commands.at("/0/0/0").asDouble(), 1e-6);
        assertEquals(1332.5408816197405, commands.at("/0/1/1").asDouble(), 1e-6);
        assertEquals(commands.get(0).get(1), commands.get(2).get(1), "A and C are both red");
    }

    @Test
    void stitchAfterImageQueuesAStitchOfTheAfterPhotos() throws Exception {
        byte[] photo = Files.readAllBytes(SortingTestModels.photo(folders.newFolder("p-").resolve("1500.jpg")));
        assertEquals("true", Arm.connect().sendPhoto("recv_img_after", "ARM002", "s1", "1000.jpg", photo).answer());
        assertEquals("true", Arm.connect().sendPhoto("recv_img_after", "ARM002", "s1", "1200.jpg", photo).answer());
        Arm.connect().sendText("{\"command\": \"stitch_after_image\", \"arm_id\": \"ARM002\", \"session_id\": \"s1\"}");
        Job job = claim();
        assertEquals("stitch", job.params().get("mode"));
        assertEquals(List.of("1000.jpg", "1200.jpg"), JobInputs.list(data.inputsDir(job.id())).stream()
                .map(JobInputs::originalName).toList());
    }

    @Test
    void aBinaryMessageWithoutTheMarkerIsRefusedInTheProtocolsShape() throws Exception {
        Arm arm = Arm.connect().sendBinary("{\"command\": \"recv_img_proc\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("false", arm.answer());
        assertTrue(arm.closeReason().startsWith("invalid_param: "), arm.closeReason());
        assertEquals(1008, arm.closeCode(), "policy violation");
    }

    @Test
    void idsThatCouldReachAPathAreRefusedBeforeAnythingIsWritten() throws Exception {
        byte[] photo = Files.readAllBytes(SortingTestModels.photo(folders.newFolder("p-").resolve("1500.jpg")));
        Arm arm = Arm.connect().sendPhoto("recv_img_proc", "../../etc", "1; DROP TABLE x", "1500.jpg", photo);
        assertEquals("false", arm.answer());
        assertTrue(arm.closeReason().startsWith("invalid_param: arm_id"), arm.closeReason());
        Arm name = Arm.connect().sendPhoto("recv_img_proc", "ARM001", "9", "../1500.jpg", photo);
        assertEquals("false", name.answer());
        assertTrue(name.closeReason().contains("image_name"), name.closeReason());
        assertFalse(Files.exists(data.root().resolve("sorterbot").resolve(new SessionKey("ARM001", "9").name())));
    }

    @Test
    void aPhotoThatIsNotAnImageIsRefused() throws Exception {
        Arm arm = Arm.connect().sendPhoto("recv_img_proc", "ARM001", "10", "1500.jpg", "hello".getBytes(StandardCharsets.UTF_8));
        assertEquals("false", arm.answer());
        assertTrue(arm.closeReason().startsWith("not_an_image: "), arm.closeReason());
    }

    @Test
    void commandsOfASessionWithoutPhotosAreNoCommandsAndTheReason() throws Exception {
        Arm arm = Arm.connect().sendText("{\"command\": \"get_commands_of_session\", \"session_id\": \"nothing\","
                + " \"arm_constants\": " + ARM_CONSTANTS + "}");
        assertEquals("[]", arm.answer());
        assertTrue(arm.closeReason().startsWith("bad_input: session nothing of arm ARM001 has no proc photos"),
                arm.closeReason());
    }

    @Test
    void textThatIsNotJsonIsRefused() throws Exception {
        Arm arm = Arm.connect().sendText("get me commands");
        assertTrue(arm.closeReason().startsWith("invalid_json: "), arm.closeReason());
    }

    /** Claims the sorting job, runs the real demo on its inputs and completes it, as a worker does. */
    private static JsonNode runSortingJob() throws Exception {
        Job job = claim();
        WorkQueue worker = new WorkQueue(redis.scripts(), "test-worker");
        JsonNode result = new SortingDemo(services).run(new TestDemoContext(job.id().toString(), job.params(),
                JobInputs.list(data.inputsDir(job.id())), data.outputsDir(job.id())));
        worker.complete(job, Json.MAPPER.writeValueAsString(result), List.of());
        return result;
    }

    private static Job claim() {
        WorkQueue worker = new WorkQueue(redis.scripts(), "test-worker");
        List<Job> claimed = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> claimed.addAll(worker.claim(SortingDemo.NAME, 1)));
        return claimed.get(0);
    }

    /** A JPEG with a comment segment right after its start marker, holding {@code text}: still a valid JPEG. */
    private static byte[] jpegWithComment(Path jpeg, String text) throws Exception {
        byte[] original = Files.readAllBytes(jpeg);
        byte[] comment = text.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(original, 0, 2);
        out.write(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) ((comment.length + 2) >> 8), (byte) (comment.length + 2)});
        out.write(comment);
        out.write(original, 2, original.length - 2);
        return out.toByteArray();
    }

    /** One arm's connection, as sorterbot_raspberry opens one per message: it sends, then reads one answer. */
    private static final class Arm implements WebSocket.Listener {
        private final LinkedBlockingQueue<String> answers = new LinkedBlockingQueue<>();
        private final CompletableFuture<String> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private volatile int closeCode;
        private WebSocket socket;

        static Arm connect() throws Exception {
            Arm arm = new Arm();
            arm.socket = HTTP.newWebSocketBuilder().buildAsync(arms, arm).get(30, TimeUnit.SECONDS);
            return arm;
        }

        Arm sendPhoto(String command, String armId, String sessionId, String imageName, byte[] jpeg) throws Exception {
            byte[] headers = Json.MAPPER.writeValueAsBytes(Map.of("command", command, "arm_id", armId,
                    "session_id", sessionId, "image_name", imageName));
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            message.write(headers);
            message.write(ArmMessage.MARKER);
            message.write(jpeg);
            return sendBinary(message.toByteArray());
        }

        Arm sendBinary(byte[] message) throws Exception {
            socket.sendBinary(ByteBuffer.wrap(message), true).get(30, TimeUnit.SECONDS);
            return this;
        }

        Arm sendText(String message) throws Exception {
            socket.sendText(message, true).get(30, TimeUnit.SECONDS);
            return this;
        }

        String answer() throws InterruptedException {
            String answer = answers.poll(300, TimeUnit.SECONDS);
            assertTrue(answer != null, "no answer");
            return answer;
        }

        String closeReason() throws Exception {
            return closed.get(60, TimeUnit.SECONDS);
        }

        int closeCode() throws Exception {
            closed.get(60, TimeUnit.SECONDS);
            return closeCode;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                answers.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode = statusCode;
            closed.complete(reason);
            return null;
        }
    }
}
