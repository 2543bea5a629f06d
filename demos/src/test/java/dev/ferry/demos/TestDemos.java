package dev.ferry.demos;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.Demo;
import dev.ferry.demos.inference.Inference;
import dev.ferry.demos.inference.InferenceDevice;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.media.MediaReader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Builds demos in a test the way every Ferry process builds them: a demo's factory, handed
 * the services of a configuration (on the CPU). The services are closed after each test.
 */
public final class TestDemos implements AfterEachCallback {
    private final List<DemoServices> opened = new CopyOnWriteArrayList<>();

    /** The demo {@code factory} builds with the services of {@code config}. */
    public Demo build(DemoFactory factory, FerryConfig config) {
        DemoServices services = DemoServices.open(config, InferenceDevice.CPU);
        opened.add(services);
        return factory.create(services);
    }

    /** Services of a test's own making: its store and loaded models, pages read with {@code config}'s settings. */
    public static DemoServices services(ModelStore store, Inference inference, FerryConfig config) {
        return new DemoServices(config, store, inference, MediaReader.of(config));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        opened.forEach(DemoServices::close);
        opened.clear();
    }
}
