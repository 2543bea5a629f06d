package dev.ferry.demos.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.config.InferenceSettings;
import dev.ferry.core.demo.ModelState;
import dev.ferry.core.json.Json;
import dev.ferry.demos.TestInference;
import dev.ferry.demos.av.AudioReader;
import dev.ferry.demos.av.AudioStream;
import dev.ferry.demos.av.ChannelChoice;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelPuller;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStatus;
import dev.ferry.demos.inference.ModelStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Silero VAD v5 on real speech: two sentences from espeak-ng with a known 2 s silence
 * between them, read through FFmpeg at 16 and 8 kHz. The segments must fall within 0.25 s of
 * where the voice is.
 */
class SileroVadTest {
    static final double TOLERANCE_S = 0.25;

    @RegisterExtension
    static final TestInference models = new TestInference(ModelCatalog.builtIn(), new InferenceSettings(2, "all", 2));
    static SyntheticSpeech speech;
    static Path wav;

    @BeforeAll
    static void setUp() throws Exception {
        AsrTestModels.installVad(models.store);
        speech = TestSpeech.twoSentences();
        wav = speech.writeWav(models.folder.resolve("two-sentences.wav"));
    }

    @Test
    void theInstalledContractKeepsItsVadSectionAndWarmUpInputs() throws Exception {
        JsonNode installed = Json.MAPPER.readTree(Files.readString(
                models.store.folder(new ModelRef("asr", "silero_vad")).resolve("model.json")));
        assertEquals("stateN", installed.at("/vad/state_output").asText());
        assertEquals(16000, installed.at("/warm_up/sr/value").asInt());
        assertEquals("2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f",
                installed.at("/provenance/sha256").asText());
    }

    @Test
    void theManifestPullsTheDetectorFromItsNpmPackage(@TempDir Path other) throws Exception {
        ModelStore fresh = new ModelStore(other, ModelCatalog.builtIn());
        List<ModelStatus> pulled = new ModelPuller(fresh).pull("asr", Optional.of("silero_vad"), ModelPuller.Progress.NONE);
        assertEquals(ModelState.PRESENT, pulled.get(0).state(), pulled::toString);
        assertEquals("silero_vad", fresh.require(new ModelRef("asr", "silero_vad")).contract().task());
    }

    @Test
    void findsBothSentencesWithinAQuarterSecondAt16kHz() throws Exception {
        assertSegmentsMatchTheSpeech(detect(16_000));
    }

    @Test
    void findsBothSentencesAt8kHzToo() throws Exception {
        assertSegmentsMatchTheSpeech(detect(8_000));
    }

    @Test
    void silenceHasNoSegments() throws Exception {
        Path quiet = SyntheticSpeech.create().silence(3).writeWav(models.folder.resolve("quiet.wav"));
        assertEquals(List.of(), detect(quiet, 16_000));
    }

    private static void assertSegmentsMatchTheSpeech(List<SpeechSegment> found) {
        List<SyntheticSpeech.Span> truth = speech.speech();
        assertEquals(truth.size(), found.size(), "segments " + found + " for speech " + truth);
        for (int i = 0; i < truth.size(); i++) {
            SpeechSegment s = found.get(i);
            assertTrue(Math.abs(s.startSeconds() - truth.get(i).start()) <= TOLERANCE_S,
                    "segment " + i + " starts at " + s.startSeconds() + ", the voice at " + truth.get(i).start());
            assertTrue(Math.abs(s.endSeconds() - truth.get(i).end()) <= TOLERANCE_S,
                    "segment " + i + " ends at " + s.endSeconds() + ", the voice at " + truth.get(i).end());
        }
    }

    private static List<SpeechSegment> detect(int rate) throws Exception {
        return detect(wav, rate);
    }

    /** Without padding, so the segments are where the detector heard the voice. */
    private static List<SpeechSegment> detect(Path file, int rate) throws Exception {
        VadOptions options = new VadOptions(0.5, 500, 0, 250, 30);
        List<SpeechSegment> out = new ArrayList<>();
        try (ModelLease lease = models.inference.acquire(models.store.require(new ModelRef("asr", "silero_vad")));
             SileroVad vad = new SileroVad(lease, rate, () -> false);
             AudioStream audio = AudioReader.open(file, rate, ChannelChoice.MIX)) {
            VoiceActivity activity = new VoiceActivity(vad, options, rate, (segment, samples) -> {
                assertEquals(segment.end() - segment.start(), samples.length);
                out.add(segment);
            });
            while (audio.hasNext()) {
                activity.accept(audio.next());
            }
            activity.finish();
        }
        return out;
    }
}
