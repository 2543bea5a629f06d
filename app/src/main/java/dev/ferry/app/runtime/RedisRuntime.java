package dev.ferry.app.runtime;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.queue.RedisScripts;
import dev.ferry.core.redis.EmbeddedRedis;
import dev.ferry.core.redis.RedisConnector;
import dev.ferry.core.redis.RedisServerCheck;
import dev.ferry.core.storage.DataFolder;
import java.util.Optional;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Redis a process uses: a configured server, or (for {@code ferry up}) the embedded one. */
public final class RedisRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisRuntime.class);
    private final Optional<EmbeddedRedis> embedded;
    private final RedissonClient client;

    private RedisRuntime(Optional<EmbeddedRedis> embedded, RedissonClient client) {
        this.embedded = embedded;
        this.client = client;
    }

    /** Connects to the configured Redis, starting the embedded one first when none is configured and {@code mayEmbed}. */
    public static RedisRuntime open(FerryConfig config, DataFolder data, boolean mayEmbed) {
        Optional<EmbeddedRedis> embedded = !config.redis().isExternal() && mayEmbed
                ? Optional.of(EmbeddedRedis.start(config.redis().embeddedPort(), data.redisDir()))
                : Optional.empty();
        try {
            RedissonClient client = RedisConnector.connect(config.redis(), RedisConnector.address(config.redis()));
            RedisServerCheck.verify(client);
            new RedisScripts(client).loadAll();
            LOG.info("connected to {}", config.redis());
            return new RedisRuntime(embedded, client);
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedRedis::close);
            throw new IllegalStateException("cannot use Redis at " + config.redis() + ": " + e.getMessage(), e);
        }
    }

    public RedissonClient client() {
        return client;
    }

    @Override
    public void close() {
        client.shutdown();
        embedded.ifPresent(EmbeddedRedis::close);
    }
}
