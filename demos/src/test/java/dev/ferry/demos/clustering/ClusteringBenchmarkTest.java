package dev.ferry.demos.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark runs every iteration and accounts for its time; the figures themselves are not asserted. */
class ClusteringBenchmarkTest {
    @Test
    void timesEveryIterationAndChecksTheAnswer() {
        ClusteringBenchmark.Report report = ClusteringBenchmark.run(
                new ClusteringBenchmark.Setup(40, 10, 3, 32, "similarity", 2, 0));

        assertEquals(3, report.secondsPerIteration().size(), "no early stop");
        assertTrue(report.totalSeconds() >= report.secondsPerIteration().stream().mapToDouble(Double::doubleValue).sum());
        assertTrue(report.purity() > 0.5, report.format());
        assertTrue(report.format().startsWith("clustering/tik similarity: 40 images of 32x32, k = 10, 3 iterations, 2 threads: "),
                report.format());
    }
}
