package dev.ferry.core.redis;

import dev.ferry.testkit.TempFolder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link LocalCluster} of three masters for one test class. Its ports are chosen when it is
 * built, so a test can hand {@link #settings()} to another extension before this one starts.
 */
public final class ClusterForTests implements BeforeAllCallback, AfterAllCallback {
    private final List<Integer> ports = LocalCluster.freePorts(3);
    private TempFolder dir;
    private LocalCluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) {
        dir = TempFolder.create("ferry-cluster-");
        cluster = LocalCluster.start(dir.path(), ports);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
        }
        if (dir != null) {
            dir.close();
        }
    }

    /** Ferry's settings for this cluster, as in .env. */
    public Map<String, String> settings() {
        return Map.of("REDIS_CLUSTER_ADDRESSES", String.join(",", ports.stream().map(p -> "redis://127.0.0.1:" + p).toList()));
    }
}
