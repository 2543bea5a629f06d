package dev.ferry.app.support;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.json.Json;
import dev.ferry.demos.asr.CtcGraph;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The asr demo's models for a Ferry under test: the real Silero VAD and, as {@code en}, a CTC
 * graph whose known output spells "hello world" at the start of every speech segment.
 */
public final class AsrModelsForTests {
    private static final List<String> VOCAB = List.of("<pad>", "<unk>", "|", "D", "E", "H", "L", "O", "R", "W");

    private AsrModelsForTests() {}

    /** Installs both into the data folder config names; dir holds the files written on the way. */
    public static void install(FerryConfig config, Path dir) throws Exception {
        ModelStore store = ModelStore.of(config);
        store.install(new ModelRef("asr", "silero_vad"), TestModels.sileroVad());
        Path onnx = Files.write(dir.resolve("hello.onnx"),
                CtcGraph.waveform(320, CtcGraph.spelling(VOCAB, "HELLO WORLD", 5, 2, 0.9f, 2000)));
        Path contract = Files.writeString(dir.resolve("hello.json"), """
                {"task": "ctc", "description": "test: spells HELLO WORLD", "input": {"name": "input_values"},
                 "labels": %s,
                 "ctc": {"blank_id": 0, "word_delimiter": "|", "frame_stride_s": 0.02, "lowercase": true,
                         "language": "en-US"},
                 "features": {"type": "waveform", "sample_rate": 16000, "normalize": true},
                 "warm_up": {"input_values": {"shape": [1, 16000]}}}
                """.formatted(Json.write(VOCAB)));
        store.install(new ModelRef("asr", "en"), onnx, contract);
    }
}
