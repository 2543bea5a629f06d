package dev.ferry.core.queue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobError;
import dev.ferry.core.job.JobFile;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import dev.ferry.core.job.Progress;
import dev.ferry.core.json.Json;
import dev.ferry.core.webhook.Webhook;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a job from the fields of its Redis hash (the names the Lua scripts write). */
final class JobRecord {
    private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() {};
    private static final TypeReference<List<JobFile>> FILES = new TypeReference<>() {};
    private static final TypeReference<Webhook> WEBHOOK = new TypeReference<>() {};

    private JobRecord() {}

    /** @param flat field, value, field, value... as HGETALL returns them */
    static Job fromFlat(List<?> flat) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
        }
        return fromMap(fields);
    }

    static Job fromMap(Map<String, String> f) {
        JobId id = JobId.parse(f.get("id")).orElseThrow(() -> new IllegalStateException("job record without a valid id"));
        return new Job(
                id,
                JobState.fromWire(f.get("state")),
                parse(f.get("params"), PARAMS).orElse(Map.of()),
                Priority.fromWire(f.getOrDefault("priority", "normal")),
                integer(f.get("attempts")),
                integer(f.get("max_attempts")),
                number(f.get("time_limit_ms")),
                new Progress(number(f.get("progress_current")), number(f.get("progress_total")),
                        f.getOrDefault("progress_message", "")),
                Instant.ofEpochMilli(number(f.get("created_at"))),
                instant(f.get("started_at")),
                instant(f.get("finished_at")),
                Optional.ofNullable(f.get("error_code")).map(code -> new JobError(ErrorCode.fromWire(code), f.getOrDefault("error_message", ""))),
                Optional.ofNullable(f.get("result")).map(JobRecord::tree),
                parse(f.get("files"), FILES).orElse(List.of()),
                number(f.get("version")),
                parse(f.get("webhook"), WEBHOOK),
                Optional.ofNullable(f.get("worker")));
    }

    private static <T> Optional<T> parse(String json, TypeReference<T> type) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(json, type));
        } catch (Exception e) {
            throw new UncheckedIOException(new java.io.IOException("unreadable job field: " + e.getMessage(), e));
        }
    }

    private static JsonNode tree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new UncheckedIOException(new java.io.IOException("unreadable job result", e));
        }
    }

    private static Optional<Instant> instant(String millis) {
        return millis == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(millis)));
    }

    private static int integer(String value) {
        return value == null ? 0 : Integer.parseInt(value);
    }

    private static long number(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }
}
