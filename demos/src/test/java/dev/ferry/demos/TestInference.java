package dev.ferry.demos;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.config.InferenceSettings;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.demos.inference.Inference;
import dev.ferry.demos.inference.InferenceDevice;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A data folder of its own with a model store in it, and ONNX Runtime on the CPU loading from
 * it, for one test class. Register it with {@code @RegisterExtension static final
 * TestInference models = new TestInference(catalog, settings);} and install models in a
 * {@code @BeforeAll} method; the models are unloaded and the folder deleted after the class.
 */
public final class TestInference implements AfterAllCallback {
    /** The data folder the store keeps its models in. */
    public final Path folder;
    public final ModelStore store;
    public final Inference inference;

    public TestInference(ModelCatalog catalog, InferenceSettings settings) {
        try {
            folder = Files.createTempDirectory("ferry-models-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store = new ModelStore(folder, catalog);
        inference = new Inference(settings, InferenceDevice.CPU);
    }

    /** Services of this store and these loaded models, pages read with {@code config}'s settings. */
    public DemoServices services(FerryConfig config) {
        return TestDemos.services(store, inference, config);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        inference.close();
        DataFolder.deleteTree(folder);
    }
}
