package dev.ferry.api.metrics;

import io.javalin.jetty.JettyServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * Micrometer's meters of the process the API runs in: JVM memory, garbage collection, threads
 * and classes, CPU, uptime and open files, and the API's Jetty thread pool and connections.
 * They are bound where /metrics is served, so a process without the API (a worker alone) binds none.
 */
public final class ProcessMeters implements AutoCloseable {
    private static final String JETTY = "jetty.";
    private final MeterRegistry registry;
    private final JvmGcMetrics gc;
    private final JettyServerThreadPoolMetrics jettyThreads;

    private ProcessMeters(MeterRegistry registry, JvmGcMetrics gc, JettyServerThreadPoolMetrics jettyThreads) {
        this.registry = registry;
        this.gc = gc;
        this.jettyThreads = jettyThreads;
    }

    /** @param jetty the API's started server */
    public static ProcessMeters bind(MeterRegistry registry, JettyServer jetty) {
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        JettyServerThreadPoolMetrics jettyThreads = new JettyServerThreadPoolMetrics(jetty.threadPool(), Tags.empty());
        jettyThreads.bindTo(registry);
        JettyConnectionMetrics.addToAllConnectors(jetty.server(), registry);
        return new ProcessMeters(registry, gc, jettyThreads);
    }

    /**
     * Stops listening for garbage collections and removes the Jetty meters, which describe a
     * server that is gone; the JVM's meters stay true for as long as the registry lives.
     */
    @Override
    public void close() {
        gc.close();
        try {
            jettyThreads.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot unbind the Jetty thread pool meters", e);
        }
        registry.getMeters().stream().filter(m -> m.getId().getName().startsWith(JETTY)).forEach(registry::remove);
    }
}
