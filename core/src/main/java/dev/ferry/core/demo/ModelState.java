package dev.ferry.core.demo;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a model can be used: installed and intact, not installed, or installed but damaged (checksum or contract). */
public enum ModelState {
    PRESENT, MISSING, CORRUPT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
