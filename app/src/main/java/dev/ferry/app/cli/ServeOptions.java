package dev.ferry.app.cli;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options that override settings for the serving commands; unset options leave settings alone. */
final class ServeOptions {
    @Option(names = "--demos", description = "Comma-separated demos to serve (FERRY_DEMOS); default all.")
    String demos;

    @Option(names = "--concurrency", description = "Jobs run at once by the worker (FERRY_CONCURRENCY).")
    Integer concurrency;

    @Option(names = "--device", description = "cpu, auto or cuda:N (FERRY_DEVICE).")
    String device;

    @Option(names = "--port", description = "API port (FERRY_PORT).")
    Integer port;

    @Option(names = "--host", description = "API bind address (FERRY_HOST).")
    String host;

    Map<String, String> asSettings() {
        Map<String, String> s = new HashMap<>();
        put(s, "FERRY_DEMOS", demos);
        put(s, "FERRY_CONCURRENCY", concurrency);
        put(s, "FERRY_DEVICE", device);
        put(s, "FERRY_PORT", port);
        put(s, "FERRY_HOST", host);
        return s;
    }

    private static void put(Map<String, String> s, String name, Object value) {
        if (value != null) {
            s.put(name, String.valueOf(value));
        }
    }
}
