package dev.ferry.demos.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.config.InferenceSettings;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.demo.JobCancelledException;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.JobInputs;
import dev.ferry.demos.TestDemos;
import dev.ferry.demos.av.SyntheticVideo;
import dev.ferry.demos.inference.Inference;
import dev.ferry.demos.inference.InferenceDevice;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.testkit.TestDemoContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The asr demo run in-process as a worker runs it: real speech (espeak-ng, encoded by FFmpeg),
 * the real Silero VAD, CTC graphs with known output, real files out.
 */
class AsrDemoTest {
    @TempDir
    static Path dir;
    static Inference inference;
    /** Silero and several recognition models. */
    static ModelStore models;
    /** Silero only. */
    static ModelStore vadOnly;
    static SyntheticSpeech speech;
    static Path mp3;

    @TempDir
    Path job;

    @BeforeAll
    static void setUp() throws Exception {
        models = new ModelStore(dir.resolve("models"), ModelCatalog.builtIn());
        AsrTestModels.installVad(models);
        AsrTestModels.installWaveform(models, "en", 16_000, "en-US");
        AsrTestModels.installWaveform(models, "en_8k", 8_000, "en-US");
        AsrTestModels.installLogMel(models, "conformer");
        vadOnly = new ModelStore(dir.resolve("vad-only"), ModelCatalog.builtIn());
        AsrTestModels.installVad(vadOnly);
        inference = new Inference(new InferenceSettings(2, "all", 2), InferenceDevice.CPU);
        speech = TestSpeech.twoSentences();
        mp3 = speech.encode(dir.resolve("two sentences.mp3"), 44_100, 2, -1);
    }

    @AfterAll
    static void close() {
        inference.close();
    }

    /** A job on {@code inputs}, or on the two sentences as an MP3 when none are given. */
    JsonNode run(ModelStore store, Map<String, ?> params, Path... inputs) throws Exception {
        AsrDemo demo = new AsrDemo(TestDemos.services(store, inference, FerryConfig.defaults()));
        return demo.run(TestDemoContext.of(demo, params, inputs.length == 0 ? List.of(mp3) : List.of(inputs), job));
    }

    JsonNode output(String name) throws Exception {
        return Json.MAPPER.readTree(job.resolve("outputs").resolve(name).toFile());
    }

    String text(String name) throws Exception {
        return Files.readString(job.resolve("outputs").resolve(name));
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3fs", s);
    }

    @Test
    void anMp3BecomesAGoogleStyleTranscriptWithWordTimesAndCaptions() throws Exception {
        JsonNode result = run(models, Map.of("model", "en"));
        assertEquals("en", result.get("model").asText(), result::toString);
        assertEquals("greedy", result.get("decoder").asText());
        assertEquals(2, result.get("segments").asInt(), result::toString);
        assertEquals(4, result.get("words").asInt());
        assertFalse(result.has("note"));
        assertEquals(speech.seconds(), result.get("duration_s").asDouble(), 0.05);

        JsonNode segments = output("segments.json").get("segments");
        List<SyntheticSpeech.Span> truth = speech.speech();
        for (int i = 0; i < 2; i++) {
            double start = segments.get(i).get("start").asDouble();
            double end = segments.get(i).get("end").asDouble();
            assertEquals(truth.get(i).start() - 0.2, start, 0.25, "segment " + i + " with its 200 ms padding");
            assertEquals(truth.get(i).end() + 0.2, end, 0.25, "segment " + i + " with its 200 ms padding");
        }

        JsonNode results = output("transcript.json").get("results");
        assertEquals(2, results.size());
        for (int i = 0; i < 2; i++) {
            double offset = segments.get(i).get("start").asDouble();
            JsonNode alternative = results.get(i).get("alternatives").get(0);
            assertEquals("hello world", alternative.get("transcript").asText());
            assertEquals(0.9, alternative.get("confidence").asDouble(), 1e-4);
            JsonNode hello = alternative.get("words").get(0);
            assertEquals("hello", hello.get("word").asText());
            assertEquals(seconds(offset + 0.10), hello.get("startTime").asText());
            assertEquals(seconds(offset + 0.38), hello.get("endTime").asText());
            assertEquals(0.9, hello.get("confidence").asDouble(), 1e-4);
            JsonNode world = alternative.get("words").get(1);
            assertEquals(seconds(offset + 0.46), world.get("startTime").asText());
            assertEquals(seconds(offset + 0.74), world.get("endTime").asText());
            assertEquals(seconds(segments.get(i).get("end").asDouble()), results.get(i).get("resultEndTime").asText());
            assertEquals("en-US", results.get(i).get("languageCode").asText());
        }

        double first = segments.get(0).get("start").asDouble();
        String srt = text("transcript.srt");
        assertTrue(srt.startsWith("1\n" + Subtitles.time(first + 0.10, ',') + " --> " + Subtitles.time(first + 0.74, ',')
                + "\nhello world\n\n2\n"), srt);
        String vtt = text("transcript.vtt");
        assertTrue(vtt.startsWith("WEBVTT\n\n" + Subtitles.time(first + 0.10, '.') + " --> "), vtt);
        assertEquals(2, vtt.split("hello world").length - 1);
    }

    @Test
    void beamSearchLogMelFeaturesAnd8kHzModelsReadTheSameWords() throws Exception {
        for (Map<String, ?> params : List.of(Map.of("model", "en", "decoder", "beam", "beam_width", 4),
                Map.of("model", "conformer"), Map.of("model", "en_8k"))) {
            JsonNode result = run(models, params);
            assertEquals(4, result.get("words").asInt(), () -> params + " " + result);
            JsonNode first = output("transcript.json").at("/results/0/alternatives/0");
            assertEquals("hello world", first.get("transcript").asText(), params::toString);
        }
        JsonNode conformer = run(models, Map.of("model", "conformer"));
        double offset = output("segments.json").at("/segments/0/start").asDouble();
        assertEquals(seconds(offset + 5 * 0.04), output("transcript.json").at("/results/0/alternatives/0/words/0/startTime")
                .asText(), conformer::toString);
    }

    @Test
    void withoutARecognitionModelTheJobReturnsSegmentsAndSaysHowToInstallOne() throws Exception {
        JsonNode result = run(vadOnly, Map.of());
        assertEquals(2, result.get("segments").asInt(), result::toString);
        assertFalse(result.has("model"));
        assertFalse(result.has("transcript"));
        assertTrue(result.get("note").asText().contains("ferry models install asr"), result::toString);
        assertTrue(Files.exists(job.resolve("outputs/segments.json")));
        assertFalse(Files.exists(job.resolve("outputs/transcript.json")));
    }

    @Test
    void segmentsNameTheInputAsUploadedNotAsStored() throws Exception {
        Path stored = Files.copy(mp3, Files.createDirectories(job.resolve("inputs"))
                .resolve(JobInputs.fileName(0, "meeting.mp3")));
        run(vadOnly, Map.of(), stored);
        assertEquals("meeting.mp3", output("segments.json").get("input").asText(), "as every demo names its inputs");
    }

    @Test
    void withSeveralModelsAndNoneNamedTheJobIsRefused() {
        InvalidParamException atSubmit = assertThrows(InvalidParamException.class,
                () -> AsrModels.recognizer(models, ""));
        assertEquals("model", atSubmit.field());
        assertTrue(atSubmit.getMessage().contains("conformer, en, en_8k"), atSubmit.getMessage());
        DemoFailure onTheWorker = assertThrows(DemoFailure.class, () -> run(models, Map.of()));
        assertEquals("bad_input", onTheWorker.code());
        assertFalse(onTheWorker.retryable());
    }

    @Test
    void theChannelParameterPicksTheChannelThatSpeaks() throws Exception {
        Path rightOnly = speech.encode(dir.resolve("right.wav"), 16_000, 2, 1);
        assertEquals(0, run(vadOnly, Map.of("channel", "left"), rightOnly).get("segments").asInt());
        assertEquals(2, run(vadOnly, Map.of("channel", "right"), rightOnly).get("segments").asInt());
        assertEquals(2, run(vadOnly, Map.of("channel", "mix"), rightOnly).get("segments").asInt());
        DemoFailure missing = assertThrows(DemoFailure.class, () -> run(vadOnly, Map.of("channel", "2"), rightOnly));
        assertTrue(missing.getMessage().contains("2 channel(s)"), missing.getMessage());
        InvalidParamException atSubmit = assertThrows(InvalidParamException.class,
                () -> AsrOptions.of(AsrOptions.spec().validate(Map.of("channel", "centre"))));
        assertEquals("channel", atSubmit.field());
        assertThrows(DemoFailure.class, () -> run(vadOnly, Map.of("channel", "centre"), rightOnly));
    }

    @Test
    void badInputsFailWithTheirReason() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.wav"));
        assertBadInput("empty.wav is empty", empty);

        Path silentVideo = SyntheticVideo.write(dir.resolve("silent.mp4"), "mp4", 64, 48, 10, 10, 0, (i, bgr) -> { });
        assertBadInput("silent.mp4 has no audio track", silentVideo);

        byte[] wav = Files.readAllBytes(speech.writeWav(dir.resolve("whole.wav")));
        Path cut = Files.write(dir.resolve("cut.wav"), Arrays.copyOf(wav, wav.length / 3));
        assertBadInput("cut.wav: its WAV header declares", cut);

        Path text = Files.writeString(dir.resolve("notes.txt"), "not audio at all");
        assertBadInput("notes.txt is not a media file", text);

        DemoFailure two = assertThrows(DemoFailure.class, () -> run(vadOnly, Map.of(), mp3, mp3));
        assertTrue(two.getMessage().contains("one audio or video file"), two.getMessage());
    }

    @Test
    void aModelThatFailsOnEverySegmentFailsTheJob() throws Exception {
        dev.ferry.demos.TestStores.install(models, "asr", "broken", CtcGraph.waveform(320,
                AsrTestModels.helloWorld()), AsrTestModels.contract("""
                {"task": "ctc", "input": {"name": "input_values"}, "labels": ["<pad>", "A"], "ctc": {"blank_id": 0},
                 "warm_up": {"input_values": {"shape": [1, 16000]}}}
                """));
        DemoFailure e = assertThrows(DemoFailure.class, () -> run(models, Map.of("model", "broken")));
        assertEquals("model_failed", e.code());
        assertFalse(e.retryable());
        Files.walk(models.folder(new dev.ferry.demos.inference.ModelRef("asr", "broken")))
                .sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }

    @Test
    void aCancelledJobStops() {
        AsrDemo demo = new AsrDemo(TestDemos.services(vadOnly, inference, FerryConfig.defaults()));
        TestDemoContext ctx = TestDemoContext.of(demo, Map.of(), List.of(mp3), job);
        ctx.cancel();
        assertThrows(JobCancelledException.class, () -> demo.run(ctx));
    }

    private void assertBadInput(String expected, Path input) {
        DemoFailure e = assertThrows(DemoFailure.class, () -> run(vadOnly, Map.of(), input));
        assertEquals("bad_input", e.code());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
