package dev.ferry.demos;

import dev.ferry.core.json.Json;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.demos.inference.ModelContract;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Installs test graphs into a model store the way an operator installs a model of their own. */
public final class TestStores {
    private TestStores() {}

    public static ModelContract yoloContract(int size, List<String> labels) {
        return new ModelContract("yolo", "test detector",
                new ModelContract.ImageInput("images", "NCHW", size, size, false, "rgb"),
                ModelContract.Normalization.UNIT, labels, Map.of("confidence", 0.25, "iou", 0.45), null);
    }

    /** Writes {@code onnx} and {@code contract} to files and installs them as {@code demo/model}. */
    public static void install(ModelStore store, String demo, String model, byte[] onnx, ModelContract contract)
            throws IOException {
        Path dir = Files.createTempDirectory("ferry-model-");
        Path file = Files.write(dir.resolve("model.onnx"), onnx);
        Path json = Files.write(dir.resolve("model.json"), Json.writeBytes(contract));
        try {
            store.install(new ModelRef(demo, model), file, json);
        } finally {
            DataFolder.deleteTree(dir);
        }
    }
}
