package dev.ferry.core.demo;

import java.util.List;
import java.util.Optional;

/**
 * One parameter of a demo: its type, default, and the range or values it accepts.
 * Built with the static factories and the {@code with...} methods, e.g.
 * {@code Param.integer("sleep_ms", 0).range(0, 600_000).describe("...")}.
 */
public record Param(
        String name,
        ParamType type,
        String description,
        Optional<Object> defaultValue,
        Optional<Double> min,
        Optional<Double> max,
        List<String> values) {

    public static Param integer(String name, long defaultValue) {
        return new Param(name, ParamType.INTEGER, "", Optional.of(defaultValue), Optional.empty(), Optional.empty(), List.of());
    }

    public static Param number(String name, double defaultValue) {
        return new Param(name, ParamType.NUMBER, "", Optional.of(defaultValue), Optional.empty(), Optional.empty(), List.of());
    }

    public static Param bool(String name, boolean defaultValue) {
        return new Param(name, ParamType.BOOLEAN, "", Optional.of(defaultValue), Optional.empty(), Optional.empty(), List.of());
    }

    public static Param string(String name, String defaultValue) {
        return new Param(name, ParamType.STRING, "", Optional.ofNullable(defaultValue), Optional.empty(), Optional.empty(), List.of());
    }

    /** A string parameter that must be one of {@code values}; the first is the default. */
    public static Param oneOf(String name, String... values) {
        return new Param(name, ParamType.ENUM, "", Optional.of(values[0]), Optional.empty(), Optional.empty(), List.of(values));
    }

    /**
     * A list of JSON objects, empty by default; sent as a JSON array or as a string holding one
     * (a form field), the empty string meaning none. Each object's fields are the demo's to check.
     */
    public static Param list(String name) {
        return new Param(name, ParamType.LIST, "", Optional.of(List.of()), Optional.empty(), Optional.empty(), List.of());
    }

    /** Inclusive range; for strings it bounds the length, for lists the number of items. */
    public Param range(double min, double max) {
        return new Param(name, type, description, defaultValue, Optional.of(min), Optional.of(max), values);
    }

    public Param describe(String text) {
        return new Param(name, type, text, defaultValue, min, max, values);
    }

    /** A parameter without a default must be given by every job. */
    public Param required() {
        return new Param(name, type, description, Optional.empty(), min, max, values);
    }
}
