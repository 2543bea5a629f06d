package dev.ferry.core.redis;

import dev.ferry.core.storage.DataFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.RedisCommand;
import org.redisson.client.protocol.RedisCommands;
import org.redisson.client.protocol.RedisStrictCommand;
import org.redisson.client.protocol.decoder.ObjectListReplayDecoder;

/**
 * A master, one replica and {@code sentinels} Sentinels watching them, all on loopback, in a
 * temporary folder of their own, for tests and `ferry bench faults`. Its ports are chosen when
 * it is built, so a caller can hand {@link #settings()} on before it starts.
 */
public class LocalSentinelGroup implements AutoCloseable {
    public static final String MASTER_NAME = "ferry";
    /** Short, so a failover takes seconds; long enough that a loaded machine's pauses are not taken for deaths. */
    private static final int DOWN_AFTER_MS = 3_000;
    private static final RedisCommand<List<Object>> MASTER_ADDRESS =
            new RedisCommand<>("SENTINEL", "GET-MASTER-ADDR-BY-NAME", new ObjectListReplayDecoder<>());
    private final int masterPort = LoopbackPort.free();
    private final int replicaPort = LoopbackPort.free();
    private final List<Integer> sentinelPorts = new ArrayList<>();
    private final List<RedisNode> sentinels = new ArrayList<>();
    private Path dir;
    private RedisNode master;
    private RedisNode replica;

    public LocalSentinelGroup(int sentinels) {
        for (int i = 0; i < sentinels; i++) {
            sentinelPorts.add(LoopbackPort.free());
        }
    }

    public void start() {
        try {
            dir = Files.createTempDirectory("ferry-sentinel-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        master = RedisNode.server(dir.resolve("master"), masterPort, List.of());
        replica = RedisNode.server(dir.resolve("replica"), replicaPort, List.of("replicaof 127.0.0.1 " + masterPort));
        awaitReplicaInSync();
        for (int i = 0; i < sentinelPorts.size(); i++) {
            sentinels.add(RedisNode.sentinel(dir.resolve("sentinel-" + i), sentinelPorts.get(i), List.of(
                    "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + masterPort + " 2",
                    "sentinel down-after-milliseconds " + MASTER_NAME + " " + DOWN_AFTER_MS,
                    "sentinel failover-timeout " + MASTER_NAME + " 10000")));
        }
    }

    private void awaitReplicaInSync() {
        boolean up = Polling.until(() -> "up".equals(replica.call(c -> c.sync(RedisCommands.INFO_REPLICATION))
                .get("master_link_status")), Duration.ofSeconds(60));
        if (!up) {
            throw new IllegalStateException("the replica on port " + replicaPort + " did not sync with its master; see " + dir);
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
            DataFolder.deleteTree(dir);
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

    /**
     * Starts the killed master again, on its port and in its folder, once the Sentinels have
     * promoted the replica: they make it a replica of the new master, as they do with a master
     * an operator brings back. Without it the new master has no replica to wait for.
     */
    public void rejoinKilledMaster(Duration promotionTimeout) {
        boolean promoted = Polling.until(() -> {
            try {
                return currentMasterPort() == replicaPort;
            } catch (RuntimeException sentinelBusy) {
                return false;
            }
        }, promotionTimeout);
        if (!promoted) {
            throw new IllegalStateException("the Sentinels did not promote the replica within " + promotionTimeout + "; see " + dir);
        }
        master = RedisNode.server(dir.resolve("master"), masterPort, List.of());
    }

    /** The port of the master the Sentinels name now. */
    public int currentMasterPort() {
        List<Object> named = sentinels.get(0).call(c -> c.sync(StringCodec.INSTANCE, MASTER_ADDRESS, MASTER_NAME));
        return Integer.parseInt(String.valueOf(named.get(1)));
    }
}
