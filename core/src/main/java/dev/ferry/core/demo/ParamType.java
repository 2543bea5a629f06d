package dev.ferry.core.demo;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The JSON types a demo parameter can have. */
public enum ParamType {
    INTEGER, NUMBER, BOOLEAN, STRING, ENUM;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
