package dev.ferry.core.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The five states of a job. The transitions between them happen only inside the queue's
 * Lua scripts, as the table {@code dev.ferry.core.queue.JobTransition} allows (docs/queue.md
 * prints it); Java reads states, it never sets them.
 */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    @JsonCreator
    public static JobState fromWire(String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException("unknown job state: " + name));
    }

    public static Optional<JobState> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
