package dev.ferry.compat.dsac;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobState;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.DataFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a finished asr job reads in DSAC's terms: SUCCESS with the transcript, or FAILED with a
 * reason (DSAC said SUCCESS after a failed decode, and nothing at all for a file that was not
 * audio).
 */
record DsacOutcome(String status, Optional<JsonNode> transcript, Optional<String> reason) {
    static final String SUCCESS = "SUCCESS";
    static final String FAILED = "FAILED";

    static DsacOutcome of(Job job, DataFolder data) {
        if (job.state() == JobState.CANCELLED) {
            return failed("the job was cancelled");
        }
        if (job.state() != JobState.SUCCEEDED) {
            return failed(job.error().map(e -> e.code() + ": " + e.message()).orElse("the job failed"));
        }
        Optional<String> file = job.result().map(r -> r.path("transcript").asText("")).filter(f -> !f.isEmpty());
        if (file.isEmpty()) {
            return failed("no transcript: " + job.result().map(r -> r.path("note").asText("")).orElse(""));
        }
        return new DsacOutcome(SUCCESS, Optional.of(DsacTranscript.of(read(data.outputsDir(job.id()).resolve(file.get())))),
                Optional.empty());
    }

    private static DsacOutcome failed(String reason) {
        return new DsacOutcome(FAILED, Optional.empty(), Optional.of(reason));
    }

    private static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
