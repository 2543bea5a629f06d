package dev.ferry.testkit;

import dev.ferry.core.config.RedisSettings;
import dev.ferry.core.config.ReplicaWait;
import dev.ferry.core.queue.RedisScripts;
import dev.ferry.core.redis.EmbeddedRedis;
import dev.ferry.core.redis.LocalCluster;
import dev.ferry.core.redis.RedisConnector;
import dev.ferry.core.storage.DataFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.redisson.api.RedissonClient;

/**
 * A real redis-server (the embedded-redis binary) for one test class, with append-only
 * persistence so a test can restart it and find its data again. Register it with
 * {@code @RegisterExtension static RedisForTests redis = new RedisForTests();}.
 * With {@code -Dferry.test.redis=cluster} (core's {@code cluster} test run) it is a Redis
 * Cluster of three masters instead, so the same tests prove the queue works on one.
 */
public final class RedisForTests implements BeforeAllCallback, AfterAllCallback {
    private static final boolean CLUSTER = "cluster".equals(System.getProperty("ferry.test.redis"));
    private Path dir;
    private int port;
    private EmbeddedRedis server;
    private LocalCluster cluster;
    private List<Integer> clusterPorts;
    private RedissonClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    /** Stops the server and deletes its data: a test run leaves nothing in the temp folder. */
    @Override
    public void afterAll(ExtensionContext context) {
        stop();
        if (dir != null) {
            try {
                DataFolder.deleteTree(dir);
            } catch (UncheckedIOException e) {
                // best effort: a server that is slow to exit may still be writing its files
            }
            dir = null;
        }
    }

    public void start() {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("ferry-redis-");
                clusterPorts = CLUSTER ? LocalCluster.freePorts(3) : List.of();
                port = CLUSTER ? clusterPorts.get(0) : FreePort.next();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (CLUSTER) {
            cluster = LocalCluster.start(dir, clusterPorts);
        } else {
            server = EmbeddedRedis.start(port, dir);
        }
    }

    public void stop() {
        if (client != null) {
            client.shutdown();
            client = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    /** Stops the server and starts it again on the same port and data, as after a crash or upgrade. */
    public void restart() {
        if (cluster != null) {
            cluster.restart();
            return;
        }
        server.close();
        server = EmbeddedRedis.start(port, dir);
    }

    /** Stops only the server, leaving clients connected (for outage tests). */
    public void stopServer() {
        server.close();
    }

    public void startServer() {
        server = EmbeddedRedis.start(port, dir);
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** A client shared by the test class; closed after it. */
    public RedissonClient client() {
        if (client == null) {
            client = newClient();
        }
        return client;
    }

    /** A client of its own, for a second simulated process; the caller shuts it down. */
    public RedissonClient newClient() {
        return RedisConnector.connect(settings(), url());
    }

    public RedisScripts scripts() {
        return new RedisScripts(client());
    }

    public RedisSettings settings() {
        Set<String> clusterAddresses = cluster == null ? Set.of() : Set.copyOf(cluster.addresses());
        return new RedisSettings(Optional.of(url()), Optional.empty(), Optional.empty(), Set.of(), clusterAddresses, port, ReplicaWait.OFF);
    }
}
