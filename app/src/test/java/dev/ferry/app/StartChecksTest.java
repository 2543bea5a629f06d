package dev.ferry.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.app.runtime.FerryNode;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.testkit.FreePort;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings that forbid a start are refused before anything starts. */
class StartChecksTest {
    @TempDir
    Path data;

    @Test
    void anApiOpenToOtherMachinesWithoutKeysIsRefusedBeforeRedisStarts() throws Exception {
        int redisPort = FreePort.next();
        FerryConfig config = FerryConfig.from(Map.of(
                "FERRY_DATA", data.toString(),
                "FERRY_HOST", "0.0.0.0",
                "FERRY_PORT", "0",
                "FERRY_EMBEDDED_REDIS_PORT", String.valueOf(redisPort),
                "FERRY_DEMOS", "noop"));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> FerryNode.start(config, true, true, true));

        assertTrue(refused.getMessage().contains("FERRY_API_KEYS"), refused.getMessage());
        assertFalse(Files.exists(data.resolve("redis")), "a redis-server was started: it made its folder");
        try (ServerSocket stillFree = new ServerSocket(redisPort, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertTrue(stillFree.isBound());
        }
    }
}
