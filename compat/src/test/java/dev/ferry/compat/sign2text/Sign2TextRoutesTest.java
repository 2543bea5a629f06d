package dev.ferry.compat.sign2text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.compat.CompatForTests;
import dev.ferry.compat.CompatForTests.Answer;
import dev.ferry.api.support.Multipart;
import dev.ferry.core.json.Json;
import dev.ferry.demos.av.SyntheticVideo;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.sign.SignDemo;
import dev.ferry.demos.sign.SignGraphs;
import dev.ferry.testkit.RedisForTests;
import dev.ferry.testkit.TempFolder;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sign2Text-API's {@code POST /sign}, as Sign2Text-Astro sends it (a FormData with the field
 * {@code video}), answered by a real worker running the sign demo on videos FFmpeg wrote. The
 * model is a test graph whose word is the clip's dominant colour ({@link SignGraphs#colourMeans}),
 * named by {@code FERRY_SIGN2TEXT_MODEL}, so each answer is known from the video sent.
 */
class Sign2TextRoutesTest {
    private static final List<String> COLOURS = List.of("red", "green", "blue");
    @RegisterExtension
    static final RedisForTests redis = new RedisForTests();
    private static TempFolder folders;
    private static CompatForTests ferry;
    private static Path files;

    @BeforeAll
    static void start() throws Exception {
        folders = TempFolder.create("ferry-sign2text-");
        files = folders.newFolder("files-");
        Path data = folders.newFolder("data-");
        installColours(data);
        ferry = CompatForTests.start(redis, data, true, services -> List.of(new SignDemo(services)),
                "FERRY_COMPAT", "sign2text", "FERRY_SIGN2TEXT_MODEL", "colours", "FERRY_COMPAT_WAIT_S", 600,
                "FERRY_COMPAT_CORS_ORIGINS", "https://sign2text.com");
    }

    @AfterAll
    static void stop() {
        ferry.close();
        folders.close();
    }

    @Test
    void aVideoIsAnsweredWithItsWordInTheTargetField() throws Exception {
        Answer red = ferry.call(sign(video("red.mp4", "mp4", 0), "red.mp4", "video/mp4"));

        assertEquals(200, red.status(), red.text());
        assertEquals(Json.MAPPER.readTree("{\"target\": \"red\"}"), red.json());
        // the original refused anything but a declared video/mp4; FFmpeg reads WebM whatever it is declared as
        Answer blue = ferry.call(sign(video("blue.webm", "webm", 2), "blue.webm", "application/octet-stream"));
        assertEquals(200, blue.status(), blue.text());
        assertEquals("blue", blue.json().get("target").asText());
    }

    @Test
    void twentySimultaneousClientsEachGetTheirOwnWord() throws Exception {
        List<byte[]> videos = new ArrayList<>();
        for (int c = 0; c < COLOURS.size(); c++) {
            videos.add(Files.readAllBytes(video("crowd-" + c + ".mp4", "mp4", c)));
        }
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(ferry.send(new Multipart().file("video", "clip" + i + ".mp4", "video/mp4", videos.get(i % 3))
                    .post(ferry.uri("/sign")).build()));
        }

        for (int i = 0; i < 20; i++) {
            Answer answer = answers.get(i).join();
            assertEquals(200, answer.status(), "client " + i + ": " + answer.text());
            assertEquals(COLOURS.get(i % 3), answer.json().get("target").asText(), "client " + i);
        }
    }

    @Test
    void badRequestsAreRefusedWithFastApisDetail() throws Exception {
        // no video field: pydantic's validation error, where the original crashed on video.content_type
        Answer missing = ferry.call(new Multipart().file("clip", "red.mp4", "video/mp4", new byte[] {1}).post(ferry.uri("/sign")).build());
        assertEquals(422, missing.status(), missing.text());
        JsonNode error = missing.json().at("/detail/0");
        assertEquals(Json.MAPPER.readTree("[\"body\", \"video\"]"), error.get("loc"));
        assertEquals("value_error.missing", error.get("type").asText());
        Answer notMultipart = ferry.call(HttpRequest.newBuilder(ferry.uri("/sign")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(422, notMultipart.status(), notMultipart.text());

        Answer image = ferry.call(sign(png(), "photo.mp4", "video/mp4"));
        assertEquals(415, image.status(), image.text());
        assertTrue(image.json().get("detail").asText().contains("image/png"), image.text());

        byte[] whole = Files.readAllBytes(video("whole.mp4", "mp4", 1));
        Path cut = Files.write(files.resolve("cut.mp4"), Arrays.copyOf(whole, whole.length / 2));
        Answer truncated = ferry.call(sign(cut, "cut.mp4", "video/mp4"));
        assertEquals(400, truncated.status(), truncated.text());
        assertTrue(truncated.json().get("detail").asText().contains("cut.mp4"), truncated.text());
    }

    @Test
    void theConfiguredOriginMayCallFromABrowserAndOthersMayNot() {
        Answer allowed = ferry.call(new Multipart().file("clip", "a.mp4", "video/mp4", new byte[] {1}).post(ferry.uri("/sign"))
                .header("Origin", "https://sign2text.com").build());
        assertEquals("https://sign2text.com", allowed.header("Access-Control-Allow-Origin").orElse(""), "also on a refusal");
        Answer other = ferry.call(new Multipart().file("clip", "a.mp4", "video/mp4", new byte[] {1}).post(ferry.uri("/sign"))
                .header("Origin", "https://elsewhere.example").build());
        assertTrue(other.header("Access-Control-Allow-Origin").isEmpty());

        Answer preflight = ferry.call(HttpRequest.newBuilder(ferry.uri("/sign")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://sign2text.com").header("Access-Control-Request-Method", "POST").build());
        assertEquals(204, preflight.status());
        assertTrue(preflight.header("Access-Control-Allow-Methods").orElse("").contains("POST"));
    }

    private static HttpRequest sign(Path video, String name, String type) throws Exception {
        return new Multipart().file("video", name, type, Files.readAllBytes(video)).post(ferry.uri("/sign")).build();
    }

    /** One second of one colour: 0 red, 1 green, 2 blue. */
    private static Path video(String name, String container, int colour) throws Exception {
        Scalar bgr = colour == 0 ? new Scalar(0, 0, 250, 0) : colour == 1 ? new Scalar(0, 250, 0, 0) : new Scalar(250, 0, 0, 0);
        return SyntheticVideo.write(files.resolve(name), container, 32, 32, 10, 10, 0, (i, frame) -> frame.put(bgr));
    }

    private static Path png() throws Exception {
        Path png = files.resolve("photo.png");
        ImageIO.write(new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        return png;
    }

    private static void installColours(Path data) throws Exception {
        Path folder = Files.createDirectories(data.resolveSibling("model-colours"));
        Path onnx = Files.write(folder.resolve("model.onnx"), SignGraphs.colourMeans(4, 16, 16, 10f));
        Path contract = Files.writeString(folder.resolve("model.json"), """
                {"task": "video_classifier",
                 "input": {"name": "video", "width": 16, "height": 16, "channels": "rgb"},
                 "labels": ["red", "green", "blue"],
                 "video": {"layout": "NTCHW", "frames": 4, "sampling": "uniform"}}
                """);
        new ModelStore(data, ModelCatalog.builtIn()).install(new ModelRef(SignDemo.NAME, "colours"), onnx, contract);
    }
}
