package dev.ferry.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.support.ApiCalls.Answer;
import dev.ferry.app.support.ApiCalls;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.json.Json;
import dev.ferry.demos.av.SyntheticVideo;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.inference.onnx.OnnxGraph.Attr;
import dev.ferry.demos.inference.onnx.OnnxGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sign demo through the whole platform, as `ferry up` runs it: a video classifier
 * installed with its contract, a video uploaded over HTTP, a worker decoding and classifying
 * it, and the predictions downloaded again; bad uploads refused or failed with their reason
 * while the worker goes on serving.
 */
class SignEndToEndTest {
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
    private static final String CONTRACT = """
            {"task": "video_classifier",
             "description": "test classifier: the dominant colour of the clip",
             "input": {"name": "video", "width": 32, "height": 32, "channels": "rgb"},
             "normalize": {"scale": 0.00392156862745098, "mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5]},
             "labels": ["red", "green", "blue"],
             "video": {"layout": "NCTHW", "frames": 8, "sampling": "uniform", "resize": 36}}
            """;

    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("sign").beforeStart(SignEndToEndTest::installModel);
    static final ApiCalls api = ferry.api();
    @TempDir
    static Path files;

    private static void installModel(FerryConfig config) throws Exception {
        Path onnx = Files.write(files.resolve("model.onnx"), colourClassifier());
        Path contract = Files.writeString(files.resolve("model.json"), CONTRACT);
        ModelStore.of(config).install(new ModelRef("sign", "default"), onnx, contract);
    }

    @Test
    void aVideoComesBackAsItsTopWords() throws Exception {
        Path video = video("hello sign.mp4", "mp4", new Scalar(40, 200, 30, 0));

        String id = api.submitFiles("sign", "{\"top_k\": 2}", video);
        JsonNode job = api.awaitFinished(id, JOB_TIMEOUT);

        assertEquals("succeeded", job.get("state").asText(), job::toString);
        JsonNode top = job.at("/result/top_k");
        assertEquals(2, top.size(), job::toString);
        assertEquals("green", top.get(0).get("label").asText(), job::toString);
        assertTrue(top.get(0).get("probability").asDouble() > 0.9, job::toString);
        JsonNode predictions = Json.MAPPER.readTree(api.file(id, job.at("/result/predictions").asText()));
        assertEquals("hello_sign.mp4", predictions.get("source").asText());
        assertEquals(8, predictions.get("frames").size());
        assertEquals(2.0, predictions.get("duration_seconds").asDouble(), 1e-6);
    }

    @Test
    void badVideosAreRefusedOrFailWithTheReasonAndTheNextJobRuns() throws Exception {
        Path photo = Files.write(files.resolve("photo.png"), png());
        Answer refused = api.postFiles("/api/v1/demos/sign/jobs", "{}", photo);
        assertEquals(415, refused.status(), refused::toString);
        assertTrue(refused.json().at("/error/message").asText().contains("image/png"), refused::toString);

        byte[] whole = Files.readAllBytes(video("whole.mp4", "mp4", new Scalar(200, 20, 20, 0)));
        Path cut = Files.write(files.resolve("cut.mp4"), Arrays.copyOf(whole, whole.length / 2));
        UnreadableInputs.assertFailedOnce(api.awaitFinished(api.submitFiles("sign", "{}", cut), JOB_TIMEOUT), "cut.mp4");

        Path empty = Files.write(files.resolve("empty.mp4"), new byte[0]);
        JsonNode emptyJob = api.awaitFinished(api.submitFiles("sign", "{}", empty), JOB_TIMEOUT);
        assertEquals("failed", emptyJob.get("state").asText(), emptyJob::toString);
        assertTrue(emptyJob.at("/error/message").asText().contains("empty"), emptyJob::toString);

        Path webm = video("next.webm", "webm", new Scalar(220, 30, 30, 0));
        JsonNode next = api.awaitFinished(api.submitFiles("sign", "{}", webm), JOB_TIMEOUT);
        assertEquals("succeeded", next.get("state").asText(), next::toString);
        assertEquals("blue", next.at("/result/top_k/0/label").asText(), next::toString);
    }

    @Test
    void aJobNamingAModelThatIsNotInstalledIsRefusedAtSubmit() throws Exception {
        Answer refused = api.postFiles("/api/v1/demos/sign/jobs", "{\"model\": \"wlasl2000\"}",
                video("any.mp4", "mp4", new Scalar(0, 0, 200, 0)));
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("model_missing", refused.errorCode());
        assertTrue(refused.json().at("/error/message").asText().contains("ferry models install sign wlasl2000"),
                refused::toString);
    }

    /** Two seconds at 10 fps of one BGR colour. */
    private static Path video(String name, String container, Scalar bgr) throws Exception {
        return SyntheticVideo.write(files.resolve(name), container, 48, 32, 10, 20, 0, (i, frame) -> frame.put(bgr));
    }

    /** [1,3,8,32,32] in, each channel's mean over time and pixels, times 20, out: the dominant colour wins. */
    private static byte[] colourClassifier() {
        return OnnxGraph.named("colour")
                .input("video", OnnxGraph.FLOAT, 1, 3, 8, 32, 32)
                .initializer("gain", new float[] {20f})
                .node("ReduceMean", List.of("video"), List.of("means"), Attr.ints("axes", 2, 3, 4),
                        Attr.of("keepdims", 0L))
                .node("Mul", List.of("means", "gain"), List.of("logits"))
                .output("logits", OnnxGraph.FLOAT, 1, 3)
                .toBytes();
    }

    private static byte[] png() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(32, 32,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
