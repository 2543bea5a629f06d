package dev.ferry.app.cli;

import static dev.ferry.app.support.Cli.ferry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.support.Cli.Run;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.testkit.FreePort;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code ferry submit} and {@code ferry status} against a real Ferry over HTTP, as a user runs them. */
class SubmitCommandTest {
    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("noop");

    @Test
    void waitingShowsEachChangeOfStateAndProgressOnALineOfItsOwnThenTheFinishedJob() throws Exception {
        Run run = ferry("submit", "noop", "--url", ferry.url(), "--param", "sleep_ms=300", "--wait");

        assertEquals(0, run.exit(), run.toString());
        assertEquals("succeeded", run.json().path("state").asText(), run.out());
        assertFalse(run.err().contains("\r"), "no redrawing where there is no terminal: " + run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals("succeeded 100% step 10 of 10", lines.get(lines.size() - 1), run.err());
        for (int i = 1; i < lines.size(); i++) {
            assertNotEquals(lines.get(i - 1), lines.get(i), "a line per change: " + run.err());
        }
    }

    @Test
    void aTimeoutSaysTheJobGoesOnAndHowToFollowItWithAnExitCodeOfItsOwn() throws Exception {
        Run run = ferry("submit", "noop", "--url", ferry.url(), "--param", "sleep_ms=60000", "--wait", "--timeout", "1");
        JsonNode job = run.json();
        String id = job.path("id").asText();
        try {
            assertEquals(SubmitCommand.TIMED_OUT, run.exit(), run.toString());
            List<String> lines = run.err().lines().toList();
            assertEquals("ferry: timed out after 1 s, the job is still " + job.path("state").asText() + ": ferry status " + id,
                    lines.get(lines.size() - 1));
            assertTrue(List.of("queued", "running").contains(job.path("state").asText()), run.out());

            Run status = ferry("status", id, "--url", ferry.url());
            assertEquals(0, status.exit(), status.toString());
            assertEquals(id, status.json().path("id").asText());
        } finally {
            ferry.api().postJson("/api/v1/jobs/" + id + "/cancel", "");
        }
    }

    @Test
    void anUnreachableServerIsNamedWithWhatToCheck() {
        String nowhere = "http://127.0.0.1:" + FreePort.next();
        for (String[] command : List.of(new String[] {"submit", "noop", "--url", nowhere, "--wait"},
                new String[] {"status", "noop-01jdb7q1c0m8m8e0z0d3qj6y2w", "--url", nowhere})) {
            Run run = ferry(command);

            assertEquals(2, run.exit(), run.toString());
            assertEquals("ferry: cannot reach Ferry at " + nowhere + ": connection refused (is `ferry up` running?)",
                    run.err().strip(), command[0]);
        }
    }
}
