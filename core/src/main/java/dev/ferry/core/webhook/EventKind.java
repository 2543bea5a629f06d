package dev.ferry.core.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** What happened to a job that its webhook may be told: it started, progressed, or finished (any final state). */
public enum EventKind {
    STARTED, PROGRESS, COMPLETED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static EventKind fromWire(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a webhook event: " + text));
    }

    public static Optional<EventKind> parse(String text) {
        for (EventKind kind : values()) {
            if (kind.wireName().equals(text)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
