package dev.ferry.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry bench vectorization}, as an operator runs it (small diagrams, to stay quick). */
class VectorizationBenchCommandTest {
    @TempDir
    Path data;

    @Test
    void printsDiagramsPerSecondTheTimeSplitAndWhatWasFound() {
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.run("bench", "vectorization", "--diagrams", "1", "--size", "500", "--data", data.toString());
        } finally {
            System.setOut(out);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed);
        assertTrue(printed.lines().anyMatch(l -> l.matches(
                "vectorization/opencv: 1 diagrams of 500x500 in [0-9.]+ s = [0-9.]+ diagrams/s")), printed);
        assertTrue(printed.lines().anyMatch(l -> l.matches(" +binarise\\+thin +[0-9.]+ ms/diagram")), printed);
        assertTrue(printed.lines().anyMatch(l -> l.matches(" +primitives at 3 px: drawn [0-9]+, found [0-9]+, .*")),
                printed);
    }
}
