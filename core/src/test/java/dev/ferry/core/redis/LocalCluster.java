package dev.ferry.core.redis;

import dev.ferry.testkit.FreePort;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.redisson.client.protocol.RedisCommands;
import org.redisson.client.protocol.RedisStrictCommand;

/**
 * A Redis Cluster of masters only, on loopback ports, built by hand (CLUSTER ADDSLOTS and MEET,
 * what {@code redis-cli --cluster create} does) since only redis-server is at hand. Each node
 * keeps its data and cluster state in a folder of its own, so the cluster survives a restart.
 */
public final class LocalCluster implements AutoCloseable {
    private static final int SLOTS = 16_384;
    private static final int BUS_OFFSET = 10_000;
    private static final int MAX_PORT = 65_535;
    // Redisson's own constants expect no reply; the server answers OK.
    private static final RedisStrictCommand<String> ADDSLOTS = new RedisStrictCommand<>("CLUSTER", "ADDSLOTS");
    private static final RedisStrictCommand<String> MEET = new RedisStrictCommand<>("CLUSTER", "MEET");
    private static final Duration FORMING = Duration.ofSeconds(60);
    private final Path dir;
    private final List<Integer> ports;
    private final List<RedisNode> nodes = new ArrayList<>();

    private LocalCluster(Path dir, List<Integer> ports) {
        this.dir = dir;
        this.ports = List.copyOf(ports);
    }

    /** Starts one master per port, each serving an equal share of the slots. */
    public static LocalCluster start(Path dir, List<Integer> ports) {
        LocalCluster cluster = new LocalCluster(dir, ports);
        cluster.startNodes();
        if (!cluster.isOk()) {
            cluster.form();
        }
        cluster.awaitOk();
        return cluster;
    }

    private void startNodes() {
        for (int i = 0; i < ports.size(); i++) {
            nodes.add(RedisNode.server(dir.resolve("node-" + i), ports.get(i), List.of(
                    "cluster-enabled yes", "cluster-config-file nodes.conf", "cluster-node-timeout 5000",
                    "appendonly yes", "appendfsync everysec")));
        }
    }

    private void form() {
        for (int i = 0; i < nodes.size(); i++) {
            Object[] slots = IntStream.range(i * SLOTS / nodes.size(), (i + 1) * SLOTS / nodes.size()).boxed().toArray();
            nodes.get(i).call(c -> c.sync(ADDSLOTS, slots));
        }
        for (RedisNode other : nodes.subList(1, nodes.size())) {
            nodes.get(0).call(c -> c.sync(MEET, "127.0.0.1", other.port()));
        }
    }

    private void awaitOk() {
        if (!Polling.until(this::isOk, FORMING)) {
            throw new IllegalStateException("the cluster on ports " + ports + " did not form; see the logs in " + dir);
        }
    }

    /** Every node knows every other and sees all slots served. */
    private boolean isOk() {
        return nodes.stream().allMatch(node -> {
            Map<String, String> info = node.call(c -> c.sync(RedisCommands.CLUSTER_INFO));
            return "ok".equals(info.get("cluster_state")) && String.valueOf(nodes.size()).equals(info.get("cluster_known_nodes"));
        });
    }

    /** {@code count} ports for cluster nodes: each below 55536 with its bus port (the port + 10000) free too. */
    public static List<Integer> freePorts(int count) {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < count) {
            int port = FreePort.next();
            if (port + BUS_OFFSET <= MAX_PORT && isFree(port + BUS_OFFSET) && !ports.contains(port)) {
                ports.add(port);
            }
        }
        return ports;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops every node and starts it again on its port and data, as after an upgrade. */
    public void restart() {
        close();
        startNodes();
        awaitOk();
    }

    public List<String> addresses() {
        return ports.stream().map(port -> "redis://127.0.0.1:" + port).toList();
    }

    @Override
    public void close() {
        nodes.forEach(RedisNode::close);
        nodes.clear();
    }
}
