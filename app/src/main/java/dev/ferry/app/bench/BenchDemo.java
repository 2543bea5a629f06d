package dev.ferry.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.ParamSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A demo that does nothing but note when each job started, so the benchmark measures the queue alone. */
final class BenchDemo implements Demo {
    private final String name;
    private final Map<String, Long> startedNanos = new ConcurrentHashMap<>();

    BenchDemo(String name) {
        this.name = name;
    }

    Map<String, Long> startedNanos() {
        return startedNanos;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "benchmark no-op";
    }

    @Override
    public ParamSpec params() {
        return ParamSpec.of();
    }

    @Override
    public JsonNode run(DemoContext context) {
        startedNanos.put(context.jobId(), System.nanoTime());
        return NullNode.getInstance();
    }
}
