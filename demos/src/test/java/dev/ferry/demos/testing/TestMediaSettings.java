package dev.ferry.demos.testing;

import dev.ferry.core.config.FerryConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A {@link FerryConfig} for media tests, built from settings as an operator's .env would give them. */
public final class TestMediaSettings {
    private final Map<String, String> settings = new HashMap<>();

    private TestMediaSettings(Path dataDir) {
        settings.put("FERRY_DATA", dataDir.toString());
    }

    public static TestMediaSettings in(Path dataDir) {
        return new TestMediaSettings(dataDir);
    }

    public TestMediaSettings set(String name, Object value) {
        settings.put(name, String.valueOf(value));
        return this;
    }

    public FerryConfig build() {
        return FerryConfig.from(settings);
    }
}
