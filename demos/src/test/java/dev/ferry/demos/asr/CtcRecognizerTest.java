package dev.ferry.demos.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.config.InferenceSettings;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.json.Json;
import dev.ferry.demos.TestInference;
import dev.ferry.demos.TestStores;
import dev.ferry.demos.ctc.CtcDecoder;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CTC models through the model store and ONNX Runtime, as a job runs them: graphs with known
 * output make the words, their times and confidences exact.
 */
class CtcRecognizerTest {
    @RegisterExtension
    static final TestInference models = new TestInference(ModelCatalog.builtIn(), new InferenceSettings(2, "all", 2));

    @BeforeAll
    static void install() throws Exception {
        AsrTestModels.installWaveform(models.store, "en", 16_000, "en-US");
        AsrTestModels.installLogMel(models.store, "conformer");
    }

    static List<Word> transcribe(String model, String decoder, SpeechSegment segment) throws Exception {
        try (ModelLease lease = models.inference.acquire(models.store.require(new ModelRef("asr", model)))) {
            Transcriber t = new Transcriber(new CtcRecognizer(lease, CtcContract.of(lease.contract()), () -> false),
                    CtcDecoder.named(decoder, 8));
            float[] noise = new float[(int) (segment.end() - segment.start())];
            java.util.Random random = new java.util.Random(1);
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (float) random.nextGaussian() * 0.05f;
            }
            return t.transcribe(segment, noise).words();
        }
    }

    @Test
    void aWaveformModelsFramesGiveWordTimesFromTheSegmentStart() throws Exception {
        SpeechSegment segment = new SpeechSegment(1, 48_000, 48_000 + 32_000, 16_000);   // 3.0 s to 5.0 s
        for (String decoder : List.of("greedy", "beam")) {
            List<Word> words = transcribe("en", decoder, segment);
            assertEquals(List.of("hello", "world"), words.stream().map(Word::text).toList(), decoder);
            // HELLO: frames 5-18; WORLD: frames 23-36; 20 ms each
            assertEquals(3.0 + 5 * 0.02, words.get(0).start(), 1e-9);
            assertEquals(3.0 + 19 * 0.02, words.get(0).end(), 1e-9);
            assertEquals(3.0 + 23 * 0.02, words.get(1).start(), 1e-9);
            assertEquals(3.0 + 37 * 0.02, words.get(1).end(), 1e-9);
            assertEquals(AsrTestModels.P, words.get(0).confidence(), 1e-5);
            assertEquals(AsrTestModels.P, words.get(1).confidence(), 1e-5);
        }
    }

    @Test
    void aLogMelModelGetsItsFeaturesAndLengthAndReadsAtItsOwnStride() throws Exception {
        SpeechSegment segment = new SpeechSegment(1, 16_000, 16_000 + 40_000, 16_000);   // 1.0 s to 3.5 s
        List<Word> words = transcribe("conformer", "greedy", segment);
        assertEquals(List.of("hello", "world"), words.stream().map(Word::text).toList());
        assertEquals(1.0 + 5 * 0.04, words.get(0).start(), 1e-9);
        assertEquals(1.0 + 37 * 0.04, words.get(1).end(), 1e-9);
    }

    @Test
    void aVocabularyThatDoesNotMatchTheOutputIsRefusedWithBothCounts() throws Exception {
        TestStores.install(models.store, "asr", "short_vocab", CtcGraph.waveform(320, AsrTestModels.helloWorld()),
                AsrTestModels.contract("""
                        {"task": "ctc", "input": {"name": "input_values"}, "labels": %s,
                         "ctc": {"blank_id": 0}, "warm_up": {"input_values": {"shape": [1, 16000]}}}
                        """.formatted(Json.write(AsrTestModels.VOCAB.subList(0, 9)))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> transcribe("short_vocab", "greedy", new SpeechSegment(1, 0, 16_000, 16_000)));
        assertTrue(e.getMessage().contains("10 tokens") && e.getMessage().contains("9 labels"), e.getMessage());
    }

    @Test
    void aContractWithoutACtcSectionIsInvalid() throws Exception {
        TestStores.install(models.store, "asr", "no_ctc", CtcGraph.waveform(320, AsrTestModels.helloWorld()),
                AsrTestModels.contract("""
                        {"task": "ctc", "input": {"name": "input_values"}, "labels": ["_", "A"],
                         "warm_up": {"input_values": {"shape": [1, 16000]}}}
                        """));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CtcContract.of(models.store.require(new ModelRef("asr", "no_ctc")).contract()));
        assertTrue(e.getMessage().contains("\"ctc\" section"), e.getMessage());
    }

    @Test
    void aNamedModelMustBeAnInstalledRecognizer() {
        DemoFailure missing = assertThrows(DemoFailure.class, () -> AsrModels.recognizer(models.store, "missing_model"));
        assertEquals("model_missing", missing.code());
        assertTrue(missing.getMessage().contains("ferry models install asr missing_model"), missing.getMessage());
        InvalidParamException vad = assertThrows(InvalidParamException.class, () -> AsrModels.recognizer(models.store, "silero_vad"));
        assertEquals("model", vad.field());
        assertEquals("en", AsrModels.recognizer(models.store, "en").orElseThrow().model());
    }
}
