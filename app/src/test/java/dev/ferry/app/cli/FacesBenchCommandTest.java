package dev.ferry.app.cli;

import static dev.ferry.app.support.Cli.ferry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.app.support.Cli.Run;
import dev.ferry.testkit.TestPhotos;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry bench faces} as an operator runs it before pulling a face model: the Haar cascade alone. */
class FacesBenchCommandTest {
    @TempDir
    Path data;
    @TempDir
    Path empty;

    @Test
    void scoresTheCascadeOnTheFidelitySetWhenNoBlazeFaceModelIsInstalled() {
        Run bench = ferry("bench", "faces", "--photos", TestPhotos.folder().toString(), "--data", data.toString());
        assertEquals(0, bench.exit(), bench.toString());
        assertTrue(bench.out().contains("faces fidelity set: 17 photos, 25 faces"), bench.out());
        assertTrue(bench.out().lines().anyMatch(l -> l.matches(
                "\\| opencv_haar_frontalface +\\| +\\d+ / 25 +\\| +\\d+ / \\d+ +\\| +\\d+ \\(\\d+ faceless\\) \\| +0\\.\\d{3} \\| +[0-9.]+ \\|")),
                bench.out());
        assertTrue(bench.out().lines().noneMatch(l -> l.startsWith("| blazeface")), bench.out());

        Run elsewhere = ferry("bench", "faces", "--photos", empty.toString(), "--data", data.toString());
        assertEquals(2, elsewhere.exit(), elsewhere.toString());
        assertTrue(elsewhere.err().contains("of the faces fidelity set is missing"), elsewhere.err());
    }
}
