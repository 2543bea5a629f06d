package dev.ferry.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code ferry bench clustering} as an operator runs it, on a small set. */
class ClusteringBenchCommandTest {
    @Test
    void printsTheTimePerIterationAndTheLoad() {
        String out = run(0, "bench", "clustering", "--images", "30", "--clusters", "3", "--iterations", "2", "--size", "32");

        assertTrue(out.lines().anyMatch(l -> l.matches(
                "clustering/tik similarity: 30 images of 32x32, k = 3, 2 iterations, \\d+ threads: [0-9.]+ s")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches(" +per iteration [0-9.]+ s \\(min [0-9.]+, max [0-9.]+\\)")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches(" +load average -?[0-9.]+ before, -?[0-9.]+ after, \\d+ cores")), out);
    }

    @Test
    void refusesAnUnknownTransformation() {
        run(2, "bench", "clustering", "--transformation", "warp");
    }

    static String run(int expectedExit, String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expectedExit, Main.run(args));
            return bytes.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(out);
        }
    }
}
