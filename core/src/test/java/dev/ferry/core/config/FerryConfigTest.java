package dev.ferry.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FerryConfigTest {
    @Test
    void defaultsAreSafe() {
        FerryConfig c = FerryConfig.defaults();
        assertEquals("127.0.0.1", c.api().host());
        assertEquals(8000, c.api().port());
        assertEquals(Duration.ofSeconds(30), c.queue().workerDeadAfter());
        assertEquals(Duration.ofDays(7), c.queue().retention());
        assertEquals(512L * 1024 * 1024, c.api().maxUploadBytes());
        assertFalse(c.redis().isExternal());
    }

    @Test
    void readsDurationsListsAndNumbers() {
        FerryConfig c = FerryConfig.from(Map.of("FERRY_RETENTION", "12h", "FERRY_DEMOS", "noop, faces,", "FERRY_CONCURRENCY", "4"));
        assertEquals(Duration.ofHours(12), c.queue().retention());
        assertEquals(Set.of("noop", "faces"), c.demos());
        assertEquals(4, c.worker().concurrency());
    }

    @Test
    void badValuesNameTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FerryConfig.from(Map.of("FERRY_PORT", "eighty")));
        assertTrue(e.getMessage().contains("FERRY_PORT"), e.getMessage());
    }

    @Test
    void secretsNeverPrint() {
        FerryConfig c = FerryConfig.from(Map.of("REDIS_URL", "redis://:hunter2@db:6379", "FERRY_API_KEYS", "k3y"));
        assertFalse(c.toString().contains("hunter2"), c.toString());
        assertFalse(c.toString().contains("k3y"), c.toString());
    }

    @Test
    void dotEnvLinesParse() {
        Map<String, String> v = EnvSource.parse(List.of("# comment", "", "A=1", "export B = 'two'", "C=\"x=y\""));
        assertEquals(Map.of("A", "1", "B", "two", "C", "x=y"), v);
    }
}
