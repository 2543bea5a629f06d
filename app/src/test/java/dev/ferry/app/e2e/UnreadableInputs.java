package dev.ferry.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/** What a job whose input cannot be read must look like once it is finished, whatever its demo. */
final class UnreadableInputs {
    private UnreadableInputs() {}

    /** {@code job} failed with {@code bad_input}, its message names {@code file}, and it ran once. */
    static void assertFailedOnce(JsonNode job, String file) {
        assertEquals("failed", job.get("state").asText(), job::toString);
        assertEquals("bad_input", job.at("/error/code").asText(), job::toString);
        assertTrue(job.at("/error/message").asText().contains(file), job::toString);
        assertEquals(1, job.get("attempts").asInt(), "an unreadable input is not retried");
    }
}
