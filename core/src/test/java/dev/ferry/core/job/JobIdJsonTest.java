package dev.ferry.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.core.json.Json;
import org.junit.jupiter.api.Test;

class JobIdJsonTest {
    @Test
    void writtenAndReadAsItsText() {
        JobId id = JobId.generate("noop", 1_700_000_000_000L);
        String json = Json.write(id);
        assertEquals("\"" + id + "\"", json);
        assertEquals(id, Json.read(json, JobId.class));
    }

    @Test
    void readingAnythingElseFails() {
        assertThrows(RuntimeException.class, () -> Json.read("\"../etc\"", JobId.class));
    }
}
