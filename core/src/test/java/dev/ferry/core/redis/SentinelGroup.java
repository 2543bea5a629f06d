package dev.ferry.core.redis;

import dev.ferry.testkit.FreePort;
import dev.ferry.testkit.TempFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.RedisCommand;
import org.redisson.client.protocol.RedisCommands;
import org.redisson.client.protocol.decoder.ObjectListReplayDecoder;
import org.redisson.client.protocol.RedisStrictCommand;

/**
 * A master, one replica and {@code sentinels} Sentinels watching them, all on loopback, for one
 * test class. Its ports are chosen when it is built, so a test can hand {@link #settings()} to
 * another extension before this one starts.
 */
public final class SentinelGroup implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    public static final String MASTER_NAME = "ferry";
    /** Short, so a test's failover takes seconds; long enough that a loaded machine's pauses are not taken for deaths. */
    private static final int DOWN_AFTER_MS = 3_000;
    private static final RedisCommand<List<Object>> MASTER_ADDRESS =
            new RedisCommand<>("SENTINEL", "GET-MASTER-ADDR-BY-NAME", new ObjectListReplayDecoder<>());
    private final int masterPort = FreePort.next();
    private final int replicaPort = FreePort.next();
    private final List<Integer> sentinelPorts = new ArrayList<>();
    private final List<RedisNode> sentinels = new ArrayList<>();
    private TempFolder dir;
    private RedisNode master;
    private RedisNode replica;

    public SentinelGroup(int sentinels) {
        for (int i = 0; i < sentinels; i++) {
            sentinelPorts.add(FreePort.next());
        }
    }

    /** A group started for one test, which closes it. */
    public static SentinelGroup started(int sentinels) {
        SentinelGroup group = new SentinelGroup(sentinels);
        group.start();
        return group;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public void start() {
        dir = TempFolder.create("ferry-sentinel-");
        master = RedisNode.server(dir.path().resolve("master"), masterPort, List.of());
        replica = RedisNode.server(dir.path().resolve("replica"), replicaPort, List.of("replicaof 127.0.0.1 " + masterPort));
        awaitReplicaInSync();
        for (int i = 0; i < sentinelPorts.size(); i++) {
            sentinels.add(RedisNode.sentinel(dir.path().resolve("sentinel-" + i), sentinelPorts.get(i), List.of(
                    "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + masterPort + " 2",
                    "sentinel down-after-milliseconds " + MASTER_NAME + " " + DOWN_AFTER_MS,
                    "sentinel failover-timeout " + MASTER_NAME + " 10000")));
        }
    }

    private void awaitReplicaInSync() {
        boolean up = Polling.until(() -> "up".equals(replica.call(c -> c.sync(RedisCommands.INFO_REPLICATION))
                .get("master_link_status")), java.time.Duration.ofSeconds(60));
        if (!up) {
            throw new IllegalStateException("the replica on port " + replicaPort + " did not sync with its master; see " + dir.path());
        }
    }

    @Override
    public void close() {
        sentinels.forEach(RedisNode::close);
        if (replica != null) {
            replica.close();
        }
        if (master != null) {
            master.close();
        }
        if (dir != null) {
            dir.close();
        }
    }

    /** Ferry's settings for this group, as in .env. */
    public Map<String, String> settings() {
        return Map.of("REDIS_SENTINEL_MASTER", MASTER_NAME, "REDIS_SENTINEL_ADDRESSES",
                sentinelPorts.stream().map(p -> "redis://127.0.0.1:" + p).collect(Collectors.joining(",")));
    }

    public RedisNode master() {
        return master;
    }

    public RedisNode replica() {
        return replica;
    }

    /** Makes the replica a master of its own, as a failover would; for tests without Sentinels. */
    public void promoteReplica() {
        replica.call(c -> c.sync(new RedisStrictCommand<String>("REPLICAOF"), "NO", "ONE"));
    }

    /** The port of the master the Sentinels name now. */
    public int currentMasterPort() {
        List<Object> named = sentinels.get(0).call(c -> c.sync(StringCodec.INSTANCE, MASTER_ADDRESS, MASTER_NAME));
        return Integer.parseInt(String.valueOf(named.get(1)));
    }
}
