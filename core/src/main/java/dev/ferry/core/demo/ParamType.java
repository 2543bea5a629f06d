package dev.ferry.core.demo;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The JSON types a demo parameter can have; a LIST is a list of JSON objects, whose fields the demo checks. */
public enum ParamType {
    INTEGER, NUMBER, BOOLEAN, STRING, ENUM, LIST;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
