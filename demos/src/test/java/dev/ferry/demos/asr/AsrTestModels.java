package dev.ferry.demos.asr;

import dev.ferry.core.json.Json;
import dev.ferry.demos.TestStores;
import dev.ferry.demos.inference.ModelContract;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.testkit.TestModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The asr tests' models: the real Silero VAD installed from its npm package as the manifest
 * installs it, and CTC graphs with known output that spell "HELLO WORLD" at the start of
 * every segment (from frame 5, two frames a letter with a blank between, p = 0.9).
 */
public final class AsrTestModels {
    static final List<String> VOCAB = List.of("<pad>", "<unk>", "|", "D", "E", "H", "L", "O", "R", "W");
    static final float P = 0.9f;
    /** Frames the tables hold: 40 s of 20 ms frames, longer than any test segment. */
    static final int FRAMES = 2000;

    private AsrTestModels() {}

    public static void installVad(ModelStore store) throws IOException {
        store.install(new ModelRef(AsrDemo.NAME, AsrModels.VAD), TestModels.sileroVad());
    }

    static float[][] helloWorld() {
        return CtcGraph.spelling(VOCAB, "HELLO WORLD", 5, 2, P, FRAMES);
    }

    /** A wav2vec2-style model: waveform in, a frame every 320 samples (20 ms at 16 kHz). */
    public static void installWaveform(ModelStore store, String name, int sampleRate, String language) throws IOException {
        TestStores.install(store, AsrDemo.NAME, name, CtcGraph.waveform(sampleRate / 50, helloWorld()),
                contract("""
                        {"task": "ctc", "description": "test: spells HELLO WORLD",
                         "input": {"name": "input_values"}, "labels": %s,
                         "ctc": {"blank_id": 0, "word_delimiter": "|", "frame_stride_s": 0.02, "lowercase": true,
                                 "language": "%s"},
                         "features": {"type": "waveform", "sample_rate": %d, "normalize": true},
                         "warm_up": {"input_values": {"shape": [1, %d]}}}
                        """.formatted(Json.write(VOCAB), language, sampleRate, sampleRate)));
    }

    /** A Conformer-style model: NeMo's log-mel features in, 4× subsampled (a frame every 40 ms). */
    static void installLogMel(ModelStore store, String name) throws IOException {
        TestStores.install(store, AsrDemo.NAME, name, CtcGraph.logMel(80, 4, helloWorld()), contract("""
                {"task": "ctc", "input": {"name": "audio_signal"}, "labels": %s,
                 "ctc": {"blank_id": 0, "word_delimiter": "|", "frame_stride_s": 0.04, "lowercase": true},
                 "features": {"type": "log_mel", "sample_rate": 16000, "layout": "mels_first", "length_input": "length",
                              "mel": {"n_fft": 512, "win_length": 400, "hop_length": 160, "n_mels": 80,
                                      "preemphasis": 0.97, "periodic": false, "normalize": "per_feature"}},
                 "warm_up": {"audio_signal": {"shape": [1, 80, 100]}, "length": {"shape": [1], "value": 100}}}
                """.formatted(Json.write(VOCAB))));
    }

    static ModelContract contract(String json) {
        try {
            return Json.MAPPER.readValue(json, ModelContract.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
