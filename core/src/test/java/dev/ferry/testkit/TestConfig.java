package dev.ferry.testkit;

import dev.ferry.core.config.FerryConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Builds a {@link FerryConfig} for a test from plain settings, as an operator's .env would. */
public final class TestConfig {
    private final Map<String, String> settings = new HashMap<>();

    private TestConfig() {}

    public static TestConfig of(RedisForTests redis, Path dataDir) {
        TestConfig c = new TestConfig();
        c.settings.put("REDIS_URL", redis.url());
        c.settings.put("FERRY_DATA", dataDir.toString());
        c.settings.put("FERRY_PORT", "0");
        c.settings.put("FERRY_MIN_FREE_MB", "1");
        c.settings.put("FERRY_RETRY_BASE", "50ms");
        c.settings.put("FERRY_RETRY_MAX", "200ms");
        return c;
    }

    /** Settings with only a data folder, for tests that need no Redis (demos, media, models). */
    public static TestConfig in(Path dataDir) {
        TestConfig c = new TestConfig();
        c.settings.put("FERRY_DATA", dataDir.toString());
        return c;
    }

    public TestConfig set(String name, Object value) {
        settings.put(name, String.valueOf(value));
        return this;
    }

    /** @param namesAndValues settings as name, value pairs, e.g. {@code "FERRY_MAX_QUEUED", 2} */
    public TestConfig setAll(Object... namesAndValues) {
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            set(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return this;
    }

    public FerryConfig build() {
        return FerryConfig.from(settings);
    }
}
