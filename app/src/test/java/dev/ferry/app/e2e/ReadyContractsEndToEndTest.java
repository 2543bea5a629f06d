package dev.ferry.app.e2e;

import static dev.ferry.app.support.Cli.ferry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.support.ApiCalls;
import dev.ferry.app.support.Cli.Run;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.json.Json;
import dev.ferry.demos.asr.CtcGraph;
import dev.ferry.demos.asr.SyntheticSpeech;
import dev.ferry.demos.av.SyntheticVideo;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.inference.onnx.OnnxGraph;
import dev.ferry.demos.inference.onnx.OnnxGraph.Attr;
import dev.ferry.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest's ready contracts for models users bring or pull on request, installed as a
 * user installs them ({@code ferry models install <demo> <model> --from <file>}, no contract
 * given): graphs with the real models' input and output signatures and known outputs stand in
 * for Sign2Text's WLASL-8 and wav2vec2-base-960h, and real jobs run through them.
 */
class ReadyContractsEndToEndTest {
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> WAV2VEC2_VOCAB = List.of("<pad>", "<s>", "</s>", "<unk>", "|", "E", "T", "A", "O",
            "N", "I", "H", "S", "R", "D", "L", "U", "M", "W", "C", "F", "G", "Y", "P", "B", "V", "K", "'", "X", "J",
            "Q", "Z");

    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("sign,asr").beforeStart(ReadyContractsEndToEndTest::install);
    static final ApiCalls api = ferry.api();
    @TempDir
    static Path files;

    private static void install(FerryConfig config) throws Exception {
        Path wlasl8 = Files.write(files.resolve("WLASL_8_quantized.onnx"), wlasl8StandIn());
        installWithTheCli("sign", "wlasl8", wlasl8, config);
        Path wav2vec2 = Files.write(files.resolve("model_quantized.onnx"),
                CtcGraph.waveform(320, CtcGraph.spelling(WAV2VEC2_VOCAB, "HELLO WORLD", 5, 2, 0.9f, 2000)));
        installWithTheCli("asr", "wav2vec2_base_960h", wav2vec2, config);
        ModelStore.of(config).install(new ModelRef("asr", "silero_vad"), TestModels.sileroVad());
    }

    private static void installWithTheCli(String demo, String model, Path file, FerryConfig config) {
        Run install = ferry("models", "install", demo, model, "--from", file.toString(), "--data",
                config.dataDir().toString());
        assertEquals(0, install.exit(), install.toString());
        assertTrue(install.out().lines().anyMatch(l -> l.matches(demo + " +" + model + " +\\S+ +present .*")),
                install.out());
    }

    @Test
    void aRedClipIsSignedAsTheWordTheContractsLabelsAndChannelsGiveIt() throws Exception {
        Path video = SyntheticVideo.write(files.resolve("red.mp4"), "mp4", 320, 240, 25, 60, 0,
                (i, frame) -> frame.put(new Scalar(0, 0, 250, 0)));

        JsonNode job = api.awaitFinished(api.submitFiles("sign", "{\"model\": \"wlasl8\"}", video), JOB_TIMEOUT);

        assertEquals("succeeded", job.get("state").asText(), job::toString);
        assertEquals("drink", job.at("/result/top_k/0/label").asText(), job::toString);
        assertTrue(job.at("/result/top_k/0/probability").asDouble() > 0.99, job::toString);
        JsonNode predictions = Json.MAPPER.readTree(api.file(job.get("id").asText(),
                job.at("/result/predictions").asText()));
        JsonNode frames = predictions.get("frames");
        assertEquals(50, frames.size(), predictions::toString);
        assertEquals(0, frames.get(0).get("index").asInt(), predictions::toString);
        assertEquals(59, frames.get(49).get("index").asInt(), predictions::toString);
    }

    @Test
    void speechIsTranscribedThroughTheWav2vec2Contract() throws Exception {
        SyntheticSpeech speech = SyntheticSpeech.create().silence(0.5).say("Good morning, everybody.").silence(0.5);
        Path wav = speech.encode(files.resolve("morning.wav"), 16_000, 1, -1);

        JsonNode job = api.awaitFinished(api.submitFiles("asr", "{\"model\": \"wav2vec2_base_960h\"}", wav),
                JOB_TIMEOUT);

        assertEquals("succeeded", job.get("state").asText(), job::toString);
        assertEquals("wav2vec2_base_960h", job.at("/result/model").asText(), job::toString);
        JsonNode transcript = Json.MAPPER.readTree(api.file(job.get("id").asText(),
                job.at("/result/transcript").asText()));
        assertEquals("hello world", transcript.at("/results/0/alternatives/0/transcript").asText(),
                transcript::toString);
        assertEquals("en-US", transcript.at("/results/0/languageCode").asText(), transcript::toString);
    }

    /**
     * WLASL-8's signature: input {@code input [1,50,3,224,224]}, first output the eight class
     * probabilities, second a pose head. The scores are the clip's mean of each normalised
     * channel, in the tensor's order, weighted towards one word each (red: drink, green: yes,
     * blue: book), so a clip's colour, read as the contract says, picks the word.
     */
    private static byte[] wlasl8StandIn() {
        float[] weights = new float[3 * 8];
        weights[3] = 4f;
        weights[8 + 7] = 4f;
        weights[16 + 2] = 4f;
        return OnnxGraph.named("wlasl8_stand_in")
                .input("input", OnnxGraph.FLOAT, 1, 50, 3, 224, 224)
                .initializer("words", weights, 3, 8)
                .node("ReduceMean", List.of("input"), List.of("means"), Attr.ints("axes", 1, 3, 4),
                        Attr.of("keepdims", 0L))
                .node("MatMul", List.of("means", "words"), List.of("scores"))
                .node("Softmax", List.of("scores"), List.of("probabilities"), Attr.of("axis", -1L))
                .node("ReduceMax", List.of("input"), List.of("poses"), Attr.ints("axes", 1, 3, 4),
                        Attr.of("keepdims", 0L))
                .output("probabilities", OnnxGraph.FLOAT, 1, 8)
                .output("poses", OnnxGraph.FLOAT, 1, 3)
                .toBytes();
    }
}
