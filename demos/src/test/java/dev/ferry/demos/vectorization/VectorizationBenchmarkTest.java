package dev.ferry.demos.vectorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.demos.media.MediaReader;
import dev.ferry.testkit.TestConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark runs through the demo's page pipeline and accounts for its time; figures are not asserted. */
class VectorizationBenchmarkTest {
    @TempDir
    Path data;

    @Test
    void reportsDiagramsPerSecondTheStagesAndWhatWasFound() throws Exception {
        VectorizationBenchmark.Report report = VectorizationBenchmark.run(MediaReader.of(TestConfig.in(data).build()), 2,
                600);

        assertEquals(2, report.diagrams());
        assertEquals(List.of("decode", "binarise+thin", "trace+split", "assemble", "write"),
                List.copyOf(report.msPerDiagram().keySet()));
        assertTrue(report.msPerDiagram().values().stream().allMatch(ms -> ms > 0), report.format());
        assertTrue(report.score().drawn() > 0 && report.score().recall() >= 0.9, report.format());
        assertTrue(report.format().startsWith("vectorization/opencv: 2 diagrams of 600x600"), report.format());
    }
}
