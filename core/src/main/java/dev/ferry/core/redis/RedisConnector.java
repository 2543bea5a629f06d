package dev.ferry.core.redis;

import dev.ferry.core.config.RedisSettings;
import java.net.URI;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;

/** Builds the one Redisson client of a process from {@link RedisSettings}. */
public final class RedisConnector {
    private RedisConnector() {}

    /**
     * Connects to {@code address} (redis:// or rediss://), or to Sentinel / Cluster when those are
     * configured. Reads go to masters too (Redisson's default is replicas): replication is
     * asynchronous, and a job read right after its submit must be found.
     */
    public static RedissonClient connect(RedisSettings settings, String address) {
        Config config = new Config();
        config.setUseScriptCache(true);
        String password = settings.password().orElseGet(() -> passwordIn(address));
        if (!settings.clusterAddresses().isEmpty()) {
            var cluster = config.useClusterServers().addNodeAddress(settings.clusterAddresses().toArray(String[]::new))
                    .setReadMode(ReadMode.MASTER);
            if (password != null) {
                cluster.setPassword(password);
            }
        } else if (!settings.sentinelAddresses().isEmpty()) {
            var sentinel = config.useSentinelServers()
                    .setMasterName(settings.sentinelMaster().orElseThrow(() ->
                            new IllegalArgumentException("REDIS_SENTINEL_ADDRESSES needs REDIS_SENTINEL_MASTER")))
                    .addSentinelAddress(settings.sentinelAddresses().toArray(String[]::new))
                    .setCheckSentinelsList(false)
                    .setReadMode(ReadMode.MASTER);
            if (password != null) {
                sentinel.setPassword(password);
            }
        } else {
            var single = config.useSingleServer()
                    .setAddress(withoutCredentials(address))
                    .setConnectionMinimumIdleSize(8)
                    .setConnectionPoolSize(8)
                    .setTimeout(5_000)
                    .setRetryAttempts(3);
            if (password != null) {
                single.setPassword(password);
            }
        }
        return Redisson.create(config);
    }

    /** The address to use: REDIS_URL, or the embedded server's. */
    public static String address(RedisSettings settings) {
        return settings.url().orElse("redis://127.0.0.1:" + settings.embeddedPort());
    }

    private static String passwordIn(String url) {
        String info = URI.create(url).getRawUserInfo();
        if (info == null) {
            return null;
        }
        int colon = info.indexOf(':');
        return java.net.URLDecoder.decode(colon >= 0 ? info.substring(colon + 1) : info, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String withoutCredentials(String url) {
        return url.replaceFirst("//[^@/]*@", "//");
    }
}
