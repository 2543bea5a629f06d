package dev.ferry.demos.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.config.InferenceSettings;
import dev.ferry.demos.inference.Inference;
import dev.ferry.demos.inference.InferenceDevice;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.media.MediaReader;
import dev.ferry.testkit.TestConfig;
import dev.ferry.testkit.TestModels;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark runs and accounts for its time; the figures themselves are not asserted. */
class RegionsBenchmarkTest {
    @TempDir
    Path data;

    @Test
    void reportsPagesPerSecondAndTheStages() throws Exception {
        ModelStore store = new ModelStore(data, ModelCatalog.builtIn());
        store.install(new ModelRef("regions", "text_lines"), TestModels.ppOcrDetector());
        try (Inference inference = new Inference(new InferenceSettings(2, "all", 1), InferenceDevice.CPU)) {
            RegionsBenchmark.Report report = RegionsBenchmark.run(store, inference, MediaReader.of(TestConfig.in(data).build()), "text_lines", 2);
            assertEquals(2, report.pages());
            assertEquals(java.util.List.of("decode", "preprocess", "inference", "postprocess", "output"),
                    java.util.List.copyOf(report.msPerPage().keySet()));
            assertTrue(report.msPerPage().get("inference") > 0);
            assertTrue(report.outsideInference() > 0 && report.outsideInference() < 1, report.format());
            assertTrue(report.format().startsWith("regions/text_lines on cpu: 2 pages of 1240x1754"), report.format());
        }
    }
}
