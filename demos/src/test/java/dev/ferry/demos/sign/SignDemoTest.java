package dev.ferry.demos.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.json.Json;
import dev.ferry.demos.TestDemos;
import dev.ferry.demos.av.SyntheticVideo;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.testing.TestAudio;
import dev.ferry.demos.testing.TestImages;
import dev.ferry.testkit.TestDemoContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sign demo as a worker runs it, on videos written by FFmpeg, with ONNX graphs whose
 * scores are each time step's channel means: a frame sampled at the wrong time, a channel
 * order swapped, a normalisation applied in the wrong order or a layout mixed up changes the
 * scores, and the test sees it.
 */
class SignDemoTest {
    /** Decoded colours come back within 5 levels; a frame's neighbour is 20 levels (0.31) away. */
    private static final double LOGIT_TOLERANCE = 0.12;
    private static final double[] MEAN = {0.1, 0.2, 0.3};
    private static final double[] STD = {0.5, 0.25, 0.25};

    @TempDir
    Path dir;
    @RegisterExtension
    final TestDemos demos = new TestDemos(new SignDemoFactory(), () -> dir.resolve("data"));

    @Test
    void classifiesAClipWithTheFramesAndNormalisationItsContractSays() throws Exception {
        installStepMeans("steps", "NTCHW", 4, "rgb", false,
                "\"sampling\": \"uniform\", \"resize\": 16, \"output\": \"logits\"");
        Path video = bandedVideo("clip.mp4", "mp4", 12);

        TestDemoContext ctx = context(Map.of("model", "steps", "top_k", 12), video);
        JsonNode result = demos.demo().run(ctx);

        JsonNode predictions = predictions(ctx);
        assertEquals("clip", predictions.get("mode").asText());
        assertEquals(12, predictions.get("frame_count").asInt());
        assertEquals(1.2, predictions.get("duration_seconds").asDouble(), 1e-6);
        assertEquals(List.of(1, 4, 7, 10), indices(predictions.get("frames")), "T=4 uniform over 12 frames");
        assertEquals(0.7, predictions.get("frames").get(2).get("seconds").asDouble(), 1e-6);
        assertLogits(predictions.get("top_k"), 4, "rgb", List.of(1, 4, 7, 10));
        assertEquals(12, result.get("top_k").size());
        assertEquals(predictions.get("top_k").get(0), result.get("top_k").get(0));
        assertEquals("t3_b", result.get("top_k").get(0).get("label").asText(), "the bluest frame, last, wins");
        assertEquals(SignDemo.PREDICTIONS, result.get("predictions").asText());
    }

    @Test
    void readsNcthwSegmentsInBgrOrderAndAnOutputThatIsAlreadyAProbability() throws Exception {
        installStepMeans("segments", "NCTHW", 4, "bgr", true, "\"sampling\": \"segments\", \"segments\": 2,"
                + " \"segment_frames\": 2, \"resize\": 16, \"output\": \"probs\", \"output_probabilities\": true");
        Path video = bandedVideo("clip.webm", "webm", 12);

        TestDemoContext ctx = context(Map.of("model", "segments", "top_k", 12), video);
        demos.demo().run(ctx);

        JsonNode predictions = predictions(ctx);
        assertEquals(List.of(2, 3, 8, 9), indices(predictions.get("frames")),
                "2 segments of 6 frames, 2 consecutive frames from the middle of each");
        assertLogits(predictions.get("top_k"), 4, "bgr", List.of(2, 3, 8, 9));
        assertEquals("matroska,webm", predictions.get("format").asText());
    }

    @Test
    void repeatsTheFramesOfAClipShorterThanTheModelsFrameCount() throws Exception {
        installStepMeans("long", "NTCHW", 6, "rgb", false, "\"resize\": 16, \"output\": \"logits\"");
        Path video = bandedVideo("short.mp4", "mp4", 3);

        TestDemoContext ctx = context(Map.of("model", "long", "top_k", 18), video);
        demos.demo().run(ctx);

        JsonNode predictions = predictions(ctx);
        assertEquals(List.of(0, 0, 1, 1, 2, 2), indices(predictions.get("frames")));
        assertLogits(predictions.get("top_k"), 6, "rgb", List.of(0, 0, 1, 1, 2, 2));
    }

    @Test
    void slidingWindowsGiveATimelineOfWords() throws Exception {
        installColourMeans("colours", 5, 16, 16, 10f, "\"sampling\": \"uniform\"");
        // one second each of red, green and blue at 10 fps
        Path video = SyntheticVideo.write(dir.resolve("signs.mp4"), "mp4", 32, 32, 10, 30, 0, (i, bgr) ->
                bgr.put(i < 10 ? new Scalar(0, 0, 255, 0) : i < 20 ? new Scalar(0, 255, 0, 0) : new Scalar(255, 0, 0, 0)));

        TestDemoContext ctx = context(Map.of("model", "colours", "top_k", 2, "window", 1.0, "stride", 0.5), video);
        JsonNode result = demos.demo().run(ctx);

        JsonNode predictions = predictions(ctx);
        assertEquals("windows", predictions.get("mode").asText());
        JsonNode windows = predictions.get("windows");
        assertEquals(5, windows.size(), windows::toString);
        assertEquals(List.of(1, 3, 5, 7, 9), indices(windows.get(0).get("frames")));
        assertEquals(List.of(6, 8, 10, 12, 14), indices(windows.get(1).get("frames")));
        assertEquals(0.5, windows.get(1).get("start_seconds").asDouble(), 1e-6);
        assertEquals(1.5, windows.get(1).get("end_seconds").asDouble(), 1e-6);
        List<String> words = new ArrayList<>();
        for (JsonNode word : result.get("timeline")) {
            words.add(word.get("label").asText() + " " + word.get("start_seconds").asDouble() + "-"
                    + word.get("end_seconds").asDouble() + " x" + word.get("windows").asInt());
            assertTrue(word.get("probability").asDouble() > 0.5, word::toString);
        }
        assertEquals(List.of("red 0.0-1.0 x1", "green 0.5-2.0 x2", "blue 1.5-3.0 x2"), words);
        assertEquals(3, predictions.get("timeline").size());
    }

    @Test
    void turnsARotatedVideoUprightBeforeCropping() throws Exception {
        // Raw channel means, passed through as "probabilities", so the test reads them directly.
        installColourMeans("means", 2, 32, 16, 1f, "\"resize\": 16, \"output_probabilities\": true");
        // Stored 32 × 64 with its bottom quarter black; a player turns it 90° clockwise, so upright
        // the black is the left quarter of a 64 × 32 frame, inside the 2:1 crop. Unturned, the
        // crop of the stored frame would miss it.
        Path video = SyntheticVideo.write(dir.resolve("portrait.mp4"), "mp4", 32, 64, 10, 4, 90, (i, bgr) -> {
            bgr.put(new Scalar(0, 0, 200, 0));
            try (Mat bottom = new Mat(bgr, new Rect(0, 48, 32, 16))) {
                bottom.put(new Scalar(0, 0, 0, 0));
            }
        });

        TestDemoContext ctx = context(Map.of("model", "means", "top_k", 3), video);
        demos.demo().run(ctx);

        JsonNode predictions = predictions(ctx);
        assertEquals(90, predictions.get("rotation").asInt());
        assertEquals(64, predictions.get("width").asInt());
        assertEquals(32, predictions.get("height").asInt());
        JsonNode red = predictions.get("top_k").get(0);
        assertEquals("red", red.get("label").asText());
        assertEquals(0.75 * 200 / 255, red.get("probability").asDouble(), 0.03);
    }

    @Test
    void anExactResizeSquashesTheFrameBeforeTheCropAsTorchvisionDoes() throws Exception {
        String resize = "\"output_probabilities\": true, \"resize\": ";
        installColourMeans("squash", 2, 16, 16, 1f, resize + "[16, 16]");
        installColourMeans("short", 2, 16, 16, 1f, resize + "16");
        Path video = bandedVideo("banded.mp4", "mp4", 4);

        TestDemoContext squashed = context(Map.of("model", "squash", "top_k", 3), video);
        demos.demo().run(squashed);
        TestDemoContext cropped = context(Map.of("model", "short", "top_k", 3), video);
        demos.demo().run(cropped);

        // 64 × 32 squashed to 16 × 16 keeps the black outer quarters; the short side to 16 and a centre crop cuts them
        assertEquals(0.5 * 160 / 255, red(predictions(squashed)), 0.03);
        assertEquals(160.0 / 255, red(predictions(cropped)), 0.03);
        installColourMeans("small", 2, 16, 16, 1f, resize + "[8, 8]");
        DemoFailure small = assertThrows(DemoFailure.class, () -> demos.demo().run(context(Map.of("model", "small"), video)));
        assertTrue(small.getMessage().contains("smaller than the input's 16 × 16 crop"), small.getMessage());
    }

    private static double red(JsonNode predictions) {
        for (JsonNode g : predictions.get("top_k")) {
            if (g.get("label").asText().equals("red")) {
                return g.get("probability").asDouble();
            }
        }
        throw new AssertionError("no red in " + predictions);
    }

    @Test
    void badInputsFailWithTheReason() throws Exception {
        installStepMeans("steps", "NTCHW", 4, "rgb", false, "\"output\": \"logits\"");
        Map<String, Object> params = Map.of("model", "steps");
        Path png = Files.write(dir.resolve("photo.mp4"), TestImages.gradient(64, 48, ".png"));
        assertBadInput(params, png, "is an image");
        byte[] whole = Files.readAllBytes(bandedVideo("whole.mp4", "mp4", 30));
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(whole, whole.length * 2 / 3));
        assertBadInput(params, cut, "truncated");
        assertBadInput(params, Files.write(dir.resolve("empty.mp4"), new byte[0]), "empty");
        assertBadInput(params, TestAudio.toneLeft(dir.resolve("speech.wav"), 16000, 0.5, 0.5), "no video stream");

        Path video = bandedVideo("ok.mp4", "mp4", 6);
        DemoFailure two = assertThrows(DemoFailure.class, () -> demos.demo().run(context(params, video, video)));
        assertTrue(two.getMessage().contains("one video per job"), two.getMessage());
        JsonNode next = demos.demo().run(context(params, video));
        assertEquals(5, next.get("top_k").size(), "the next job runs, with the default top_k: " + next);
    }

    @Test
    void refusesMissingModelsAndModelsThatDoNotFitTheirContract() throws Exception {
        Path video = bandedVideo("clip.mp4", "mp4", 6);
        DemoFailure missing = assertThrows(DemoFailure.class, () -> demos.demo().run(context(Map.of(), video)));
        assertEquals("model_missing", missing.code());
        assertTrue(missing.getMessage().contains("ferry models install sign default"), missing.getMessage());

        install("plain", SignGraphs.stepMeans("NTCHW", 4, 16, 16, false),
                "{\"task\": \"video_classifier\", \"input\": {\"name\": \"video\", \"width\": 16, \"height\": 16}}");
        DemoFailure noSection = assertThrows(DemoFailure.class, () -> demos.demo().run(context(Map.of("model", "plain"), video)));
        assertEquals("model_invalid", noSection.code());
        assertTrue(noSection.getMessage().contains("no \"video\" section"), noSection.getMessage());

        install("eight", SignGraphs.stepMeans("NTCHW", 4, 16, 16, false),
                contract(16, 16, "rgb", SignGraphs.stepLabels(8, "rgb"), "\"layout\": \"NTCHW\", \"frames\": 8,"
                        + " \"output\": \"logits\""));
        DemoFailure shape = assertThrows(DemoFailure.class, () -> demos.demo().run(context(Map.of("model", "eight"), video)));
        assertEquals("model_invalid", shape.code());
        assertTrue(shape.getMessage().contains("[1, 8, 3, 16, 16]"), shape.getMessage());

        installStepMeans("undeclared", "NTCHW", 4, "rgb", false, "");
        DemoFailure head = assertThrows(DemoFailure.class, () -> demos.demo().run(context(Map.of("model", "undeclared"), video)));
        assertTrue(head.getMessage().contains("'keypoints' gives 3 scores but its model.json names 12 labels"),
                "without a declared output the first one is read: " + head.getMessage());
    }

    /** 64 × 32: the middle half frame {@code i}'s colour, the outer quarters black (cut by a centre crop). */
    private Path bandedVideo(String name, String container, int frames) throws Exception {
        return SyntheticVideo.write(dir.resolve(name), container, 64, 32, 10, frames, 0, (i, bgr) -> {
            bgr.put(new Scalar(0, 0, 0, 0));
            try (Mat middle = new Mat(bgr, new Rect(16, 0, 32, 32))) {
                middle.put(new Scalar(blue(i), 90, 160, 0));
            }
        });
    }

    private static int blue(int frame) {
        return 20 + 20 * frame;
    }

    /** What the step-means model scores for channel {@code c} ('r', 'g', 'b') of frame {@code frame}. */
    private static double logit(char c, int frame) {
        int channel = "rgb".indexOf(c);
        double value = switch (c) {
            case 'r' -> 160;
            case 'g' -> 90;
            default -> blue(frame);
        };
        return (value / 255 - MEAN[channel]) / STD[channel];
    }

    /** Every label's log-probability less t0_g's equals its logit less t0_g's: softmax ratios give the logits back. */
    private static void assertLogits(JsonNode topK, int steps, String order, List<Integer> frames) {
        Map<String, Double> p = new HashMap<>();
        topK.forEach(g -> p.put(g.get("label").asText(), g.get("probability").asDouble()));
        assertEquals(3 * steps, p.size(), topK::toString);
        double reference = Math.log(p.get("t0_g"));
        for (int t = 0; t < steps; t++) {
            for (char c : order.toCharArray()) {
                String label = "t" + t + "_" + c;
                double expected = logit(c, frames.get(t)) - logit('g', frames.get(0));
                assertEquals(expected, Math.log(p.get(label)) - reference, LOGIT_TOLERANCE, label + " in " + topK);
            }
        }
    }

    private String contract(int width, int height, String channels, List<String> labels, String video) {
        double[] mean = channels.equals("rgb") ? MEAN : new double[] {MEAN[2], MEAN[1], MEAN[0]};
        double[] std = channels.equals("rgb") ? STD : new double[] {STD[2], STD[1], STD[0]};
        return "{\"task\": \"video_classifier\", \"input\": {\"name\": \"video\", \"width\": " + width
                + ", \"height\": " + height + ", \"channels\": \"" + channels + "\"},"
                + " \"normalize\": {\"scale\": " + (1.0 / 255) + ", \"mean\": " + Arrays.toString(mean)
                + ", \"std\": " + Arrays.toString(std) + "},"
                + " \"labels\": " + Json.MAPPER.valueToTree(labels) + ", \"video\": {" + video + "}}";
    }

    /**
     * A 16 × 16 step-means model of {@code steps} frames in {@code layout} and {@code channels}
     * order, its contract's video section that layout and frame count, then {@code moreVideo}.
     */
    private void installStepMeans(String model, String layout, int steps, String channels, boolean probabilities,
            String moreVideo) throws Exception {
        String video = "\"layout\": \"" + layout + "\", \"frames\": " + steps + (moreVideo.isEmpty() ? "" : ", " + moreVideo);
        install(model, SignGraphs.stepMeans(layout, steps, 16, 16, probabilities),
                contract(16, 16, channels, SignGraphs.stepLabels(steps, channels), video));
    }

    /** A colour-means model ({@link SignGraphs#colourMeans}) labelled red, green, blue, then {@code moreVideo}. */
    private void installColourMeans(String model, int frames, int width, int height, float gain, String moreVideo)
            throws Exception {
        install(model, SignGraphs.colourMeans(frames, width, height, gain), """
                {"task": "video_classifier",
                 "input": {"name": "video", "width": %d, "height": %d, "channels": "rgb"},
                 "labels": ["red", "green", "blue"],
                 "video": {"layout": "NTCHW", "frames": %d, %s}}
                """.formatted(width, height, frames, moreVideo));
    }

    private void install(String model, byte[] onnx, String contractJson) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("models-in").resolve(model));
        Path file = Files.write(folder.resolve("model.onnx"), onnx);
        Path json = Files.writeString(folder.resolve("model.json"), contractJson);
        new ModelStore(dir.resolve("data"), ModelCatalog.builtIn()).install(new ModelRef(SignDemo.NAME, model), file, json);
    }

    private TestDemoContext context(Map<String, ?> params, Path... files) {
        return TestDemoContext.inDataFolder(demos.config(), demos.demo(), params, List.of(files));
    }

    private void assertBadInput(Map<String, Object> params, Path file, String reason) {
        DemoFailure e = assertThrows(DemoFailure.class, () -> demos.demo().run(context(params, file)), file.toString());
        assertEquals("bad_input", e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), "names the file: " + e.getMessage());
    }

    private static JsonNode predictions(TestDemoContext ctx) throws Exception {
        return Json.MAPPER.readTree(ctx.outputDir().resolve(SignDemo.PREDICTIONS).toFile());
    }

    private static List<Integer> indices(JsonNode frames) {
        List<Integer> out = new ArrayList<>();
        frames.forEach(f -> out.add(f.get("index").asInt()));
        return out;
    }
}
