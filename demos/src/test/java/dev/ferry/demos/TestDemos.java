package dev.ferry.demos;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.Demo;
import dev.ferry.demos.inference.Inference;
import dev.ferry.demos.inference.InferenceDevice;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.media.MediaReader;
import dev.ferry.testkit.TestConfig;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Builds a demo for each test the way every Ferry process builds it: the demo's factory,
 * handed the services (on the CPU) of a configuration whose data folder the test names.
 * Register it with {@code @RegisterExtension final TestDemos demos = new TestDemos(new
 * SomeDemoFactory(), () -> dir.resolve("data"));} — a supplier, as a {@code @TempDir} field is
 * only filled in when the test starts. The services are closed after each test.
 */
public final class TestDemos implements BeforeEachCallback, AfterEachCallback {
    private final DemoFactory factory;
    private final Supplier<Path> dataFolder;
    private FerryConfig config;
    private DemoServices services;
    private Demo demo;

    public TestDemos(DemoFactory factory, Supplier<Path> dataFolder) {
        this.factory = factory;
        this.dataFolder = dataFolder;
    }

    /** Services of a test's own making: its store and loaded models, pages read with {@code config}'s settings. */
    public static DemoServices services(ModelStore store, Inference inference, FerryConfig config) {
        return new DemoServices(config, store, inference, MediaReader.of(config), DemoServices.sources(config));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        config = TestConfig.in(dataFolder.get()).build();
        services = DemoServices.open(config, InferenceDevice.CPU);
        demo = factory.create(services);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        services.close();
    }

    /** The demo built for this test. */
    public Demo demo() {
        return demo;
    }

    /** The settings it was built with: defaults, in the test's data folder. */
    public FerryConfig config() {
        return config;
    }
}
