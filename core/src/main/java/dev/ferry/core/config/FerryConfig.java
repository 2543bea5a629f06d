package dev.ferry.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every setting Ferry reads, read here and nowhere else. {@code .env.template} documents
 * each one; a test checks the two agree.
 */
public record FerryConfig(
        Path dataDir,
        Set<String> demos,
        RedisSettings redis,
        QueueSettings queue,
        ApiSettings api,
        WorkerSettings worker,
        ClientSettings client,
        InferenceSettings inference,
        MediaSettings media,
        Set<String> compat,
        WebhookSettings webhooks,
        CompatSettings protocols,
        SorterBotSettings sorterbot) {

    private static final long MB = 1024L * 1024;

    /**
     * Reads {@code .env} in Ferry's home folder ({@code FERRY_HOME}, set by the {@code ./ferry}
     * launcher to its own folder; else the working directory), then the environment, then
     * {@code overrides} (command-line options), each winning over the one before.
     */
    public static FerryConfig load() {
        return load(Map.of());
    }

    /** As {@link #load()}, with command-line overrides winning over everything. */
    public static FerryConfig load(Map<String, String> overrides) {
        Map<String, String> raw = sources();
        raw.putAll(overrides);
        return from(raw);
    }

    /**
     * {@code FERRY_DEBUG}: a failed command also prints its stack trace. Read apart from the
     * other settings, since it is asked for when reading them may just have failed; any value
     * but a false one ({@code 0}, {@code false}, {@code no}, {@code off}) turns it on.
     */
    public static boolean debug() {
        try {
            return debug(new Settings(sources()));
        } catch (java.io.UncheckedIOException unreadableDotEnv) {
            return debug(new Settings(System.getenv()));
        }
    }

    private static boolean debug(Settings s) {
        return s.optional("FERRY_DEBUG")
                .map(v -> !Set.of("0", "false", "no", "off").contains(v.toLowerCase(java.util.Locale.ROOT)))
                .orElse(false);
    }

    private static Map<String, String> sources() {
        Path home = Path.of(System.getenv().getOrDefault("FERRY_HOME", "."));
        Map<String, String> raw = new java.util.HashMap<>(EnvSource.load(home.resolve(".env")));
        raw.putIfAbsent("FERRY_DATA", home.resolve("data").toString());
        return raw;
    }

    public static FerryConfig from(Map<String, String> raw) {
        return read(new Settings(raw));
    }

    /** The name of every setting Ferry reads. */
    public static java.util.Set<String> settingNames() {
        Settings s = new Settings(Map.of());
        read(s);
        debug(s);
        java.util.Set<String> names = new java.util.TreeSet<>(s.namesRead());
        names.add("FERRY_HOME");
        return names;
    }

    private static FerryConfig read(Settings s) {
        return new FerryConfig(
                Path.of(s.string("FERRY_DATA", "./data")).toAbsolutePath().normalize(),
                s.list("FERRY_DEMOS"),
                new RedisSettings(
                        s.optional("REDIS_URL"),
                        s.optional("REDIS_PASSWORD"),
                        s.optional("REDIS_SENTINEL_MASTER"),
                        s.list("REDIS_SENTINEL_ADDRESSES"),
                        s.list("REDIS_CLUSTER_ADDRESSES"),
                        s.integer("FERRY_EMBEDDED_REDIS_PORT", 6380),
                        new ReplicaWait(s.integer("FERRY_REDIS_WAIT_REPLICAS", 0),
                                s.duration("FERRY_REDIS_WAIT_TIMEOUT", Duration.ofSeconds(2)))),
                new QueueSettings(
                        Duration.ofSeconds(s.integer("FERRY_WORKER_DEAD_AFTER_S", 30)),
                        s.integer("FERRY_MAX_QUEUED", 10_000),
                        s.duration("FERRY_RETENTION", Duration.ofDays(7)),
                        Duration.ofSeconds(s.integer("FERRY_MAX_TIME_LIMIT_S", 6 * 3600)),
                        s.duration("FERRY_RETRY_BASE", Duration.ofSeconds(2)),
                        s.duration("FERRY_RETRY_MAX", Duration.ofMinutes(10)),
                        s.integer("FERRY_POISON_AFTER", 3)),
                new ApiSettings(
                        s.string("FERRY_HOST", "127.0.0.1"),
                        s.integer("FERRY_PORT", 8000),
                        s.list("FERRY_API_KEYS"),
                        s.longValue("FERRY_MAX_UPLOAD_MB", 512) * MB,
                        s.longValue("FERRY_MIN_FREE_MB", 1024) * MB,
                        Duration.ofSeconds(s.integer("FERRY_HTTP_IDLE_TIMEOUT_S", 30))),
                new WorkerSettings(
                        s.integer("FERRY_CONCURRENCY", 1),
                        DeviceSetting.parse(s.string("FERRY_DEVICE", "cpu")),
                        Duration.ofSeconds(s.integer("FERRY_SHUTDOWN_GRACE_S", 30)),
                        s.string("FERRY_WORKER_HEALTH_HOST", "127.0.0.1"),
                        s.integer("FERRY_WORKER_HEALTH_PORT", 0),
                        Duration.ofSeconds(s.integer("FERRY_WORKER_HANG_AFTER_S", 60))),
                new ClientSettings(
                        s.string("FERRY_URL", "http://127.0.0.1:8000"),
                        s.optional("FERRY_API_KEY")),
                new InferenceSettings(
                        s.integer("FERRY_ONNX_THREADS", 0),
                        s.string("FERRY_ONNX_OPTIMIZATION", "all").toLowerCase(java.util.Locale.ROOT),
                        s.integer("FERRY_MAX_LOADED_MODELS", 4)),
                new MediaSettings(
                        s.bool("FERRY_ALLOW_PRIVATE_URLS", false),
                        s.longValue("FERRY_MAX_PIXELS", 100_000_000L),
                        s.longValue("FERRY_FETCH_MAX_MB", 200) * MB,
                        Duration.ofSeconds(s.integer("FERRY_FETCH_TIMEOUT_S", 60)),
                        s.integer("FERRY_FETCH_MAX_REDIRECTS", 5),
                        s.integer("FERRY_PDF_DPI", 150),
                        s.integer("FERRY_IIIF_MAX_SIZE", 2000),
                        s.integer("FERRY_ZIP_MAX_ENTRIES", 10_000),
                        s.longValue("FERRY_ZIP_MAX_MB", 2048) * MB,
                        s.integer("FERRY_ZIP_MAX_RATIO", 100)),
                s.list("FERRY_COMPAT"),
                new WebhookSettings(
                        List.copyOf(s.list("FERRY_WEBHOOK_SECRETS")),
                        s.durations("FERRY_WEBHOOK_RETRY_DELAYS", WebhookSettings.RETRY_DELAYS)),
                new CompatSettings(
                        s.list("FERRY_COMPAT_CORS_ORIGINS"),
                        Duration.ofSeconds(s.integer("FERRY_COMPAT_WAIT_S", 120)),
                        s.integer("FERRY_COMPAT_MAX_WAITING", 32),
                        s.string("FERRY_SIGN2TEXT_MODEL", "wlasl8"),
                        s.string("FERRY_DSAC_PATH", "/dsac")),
                new SorterBotSettings(
                        s.integer("FERRY_SORTERBOT_PORT", 6000),
                        Duration.ofSeconds(s.integer("FERRY_SORTERBOT_WAIT_S", 300)),
                        s.duration("FERRY_SORTERBOT_SESSION_TTL", Duration.ofDays(1))));
    }

    /** The built-in defaults, ignoring the environment. */
    public static FerryConfig defaults() {
        return from(Map.of());
    }
}
