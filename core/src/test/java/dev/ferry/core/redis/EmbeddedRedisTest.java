package dev.ferry.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testkit.FreePort;
import dev.ferry.testkit.RedisForTests;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;

/** The embedded Redis's claim on its folder and its port, and what it never touches. */
class EmbeddedRedisTest {
    @RegisterExtension
    static final RedisForTests foreign = new RedisForTests();

    @TempDir
    Path dir;

    @Test
    void aRedisOfAnotherFolderOnThePortIsLeftAlone() throws Exception {
        foreign.client().getBucket("foreign:key", StringCodec.INSTANCE).set("kept");
        // The worst case: this folder's pid file names the very process on the port.
        Files.writeString(dir.resolve("redis-server.pid"), foreignPid() + "\n");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EmbeddedRedis.start(foreign.port(), dir));

        assertTrue(refused.getMessage().contains("another program uses it"), refused.getMessage());
        assertEquals("kept", foreign.client().getBucket("foreign:key", StringCodec.INSTANCE).get());
    }

    @Test
    void aPortHeldByAnythingElseIsRefused() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> EmbeddedRedis.start(silent.getLocalPort(), dir));
            assertTrue(refused.getMessage().contains("another program uses it"), refused.getMessage());
        }
    }

    @Test
    void aFolderRunsOneRedisAtATimeAndIsFreeAgainAfterClose() {
        try (EmbeddedRedis first = EmbeddedRedis.start(FreePort.next(), dir)) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> EmbeddedRedis.start(FreePort.next(), dir));
            assertTrue(refused.getMessage().contains("already running on the data folder"), refused.getMessage());
            try (RedisProbe probe = RedisProbe.at(first.port())) {
                assertTrue(probe.answersPing(), "the first server still answers");
            }
        }
        EmbeddedRedis.start(FreePort.next(), dir).close();
    }

    private static long foreignPid() {
        String info = foreign.client().getScript(StringCodec.INSTANCE)
                .eval(RScript.Mode.READ_ONLY, "return redis.call('INFO', 'server')", RScript.ReturnType.VALUE);
        Matcher pid = Pattern.compile("process_id:(\\d+)").matcher(info);
        assertTrue(pid.find(), info);
        return Long.parseLong(pid.group(1));
    }
}
