package dev.ferry.demos.asr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.config.InferenceSettings;
import dev.ferry.demos.inference.Inference;
import dev.ferry.demos.inference.InferenceDevice;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelStore;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry bench asr} on a short recording: every pass runs and reports; no timing is asserted. */
class AsrBenchmarkTest {
    @TempDir
    Path data;

    @Test
    void theShippedBenchmarkModelsAreTheTestkitsGraphs() throws Exception {
        assertArrayEquals(CtcGraph.benchWaveform(320, 256, 32, 2f), resource("bench-waveform.onnx"),
                "regenerate src/main/resources/dev/ferry/demos/asr/bench-waveform.onnx from CtcGraph.benchWaveform");
        assertArrayEquals(CtcGraph.benchLogMel(80, 256, 32, 2f), resource("bench-log-mel.onnx"),
                "regenerate src/main/resources/dev/ferry/demos/asr/bench-log-mel.onnx from CtcGraph.benchLogMel");
    }

    @Test
    void everyPassReportsItsRealTimeFactor() throws Exception {
        ModelStore store = new ModelStore(data, ModelCatalog.builtIn());
        AsrTestModels.installVad(store);
        AsrBenchmark.Report report;
        try (Inference inference = new Inference(new InferenceSettings(2, "all", 2), InferenceDevice.CPU)) {
            report = AsrBenchmark.run(store, inference, 0.25);
        }
        assertTrue(report.audioSeconds() >= 15, report::format);
        assertEquals(4, report.passes().size());
        for (AsrBenchmark.Pass p : report.passes()) {
            assertTrue(p.realTimeFactor() > 0, report::format);
            assertTrue(p.segments() >= 3, report::format);
        }
        assertTrue(report.passes().get(1).words() > 0, report::format);
        assertTrue(report.passes().get(0).msPerStage().containsKey("vad"), report::format);
        assertTrue(report.format().contains("RTF"), report::format);
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = AsrBenchmark.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
