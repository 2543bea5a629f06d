package dev.ferry.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a waiting {@code ferry submit --wait} shows: a line redrawn in place on a terminal, a line per change in a log. */
class ProgressLineTest {
    private static final String QUEUED = "{\"state\": \"queued\"}";
    private static final String STEP_4 = "{\"state\": \"running\", \"progress\": {\"current\": 4, \"total\": 10, \"message\": \"step 4 of 10\"}}";
    private static final String DONE = "{\"state\": \"succeeded\", \"progress\": {\"current\": 10, \"total\": 10, \"message\": \"\"}}";

    @Test
    void onATerminalOneLineIsRedrawnWithABarAndEndedOnce() throws Exception {
        assertEquals("\rqueued"
                        + "\r[########            ] running 40% step 4 of 10"
                        + "\r[####################] succeeded 100%" + blankingOut("running 40% step 4 of 10", "succeeded 100%")
                        + System.lineSeparator(),
                drawn(true));
    }

    @Test
    void elsewhereEachChangeIsALineOfItsOwn() throws Exception {
        assertEquals(String.join(System.lineSeparator(), "queued", "running 40% step 4 of 10", "succeeded 100%", ""),
                drawn(false));
    }

    /** The spaces that blank out what is left of a longer line drawn before. */
    private static String blankingOut(String before, String after) {
        return " ".repeat(before.length() - after.length());
    }

    /** What is drawn for a job polled twice queued, twice at step 4, then finished. */
    private static String drawn(boolean terminal) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal);
        for (String job : List.of(QUEUED, QUEUED, STEP_4, STEP_4, DONE)) {
            line.show(Json.MAPPER.readTree(job));
        }
        line.end();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
