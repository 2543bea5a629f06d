package dev.ferry.core.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Workers always take every queued {@code high} job of a demo before any {@code normal} one. */
public enum Priority {
    HIGH, NORMAL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Priority fromWire(String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException("unknown priority: " + name));
    }

    public static Optional<Priority> parse(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(name)).findFirst();
    }
}
