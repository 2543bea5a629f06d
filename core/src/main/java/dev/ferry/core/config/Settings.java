package dev.ferry.core.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Typed reads of raw settings, each failing with a message that names the setting. */
public final class Settings {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");
    private final Map<String, String> raw;
    private final Set<String> read = new java.util.TreeSet<>();

    public Settings(Map<String, String> raw) {
        this.raw = Map.copyOf(raw);
    }

    /** Every setting name asked for so far; lets a test compare the code with .env.template. */
    public Set<String> namesRead() {
        return java.util.Collections.unmodifiableSet(read);
    }

    public Optional<String> optional(String name) {
        read.add(name);
        String value = raw.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public String string(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public int integer(String name, int fallback) {
        return optional(name).map(v -> parseInt(name, v)).orElse(fallback);
    }

    public long longValue(String name, long fallback) {
        return optional(name).map(v -> parseLong(name, v)).orElse(fallback);
    }

    public boolean bool(String name, boolean fallback) {
        return optional(name).map(v -> switch (v.toLowerCase()) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + v + "'");
        }).orElse(fallback);
    }

    /** A duration such as {@code 500ms}, {@code 30s}, {@code 15m}, {@code 12h} or {@code 7d}; a bare number is seconds. */
    public Duration duration(String name, Duration fallback) {
        return optional(name).map(v -> parseDuration(name, v)).orElse(fallback);
    }

    /** A comma-separated list; blanks dropped. */
    public Set<String> list(String name) {
        return optional(name)
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)))
                .map(s -> (Set<String>) s)
                .orElse(Set.of());
    }

    /** A comma-separated list of durations, in order, repeats kept. */
    public java.util.List<Duration> durations(String name, java.util.List<Duration> fallback) {
        return optional(name)
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(d -> !d.isEmpty())
                        .map(d -> parseDuration(name, d)).toList())
                .orElse(fallback);
    }

    static Duration parseDuration(String name, String value) {
        Matcher m = DURATION.matcher(value.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(name + " must be a duration like 30s, 15m, 12h or 7d, got '" + value + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }
}
