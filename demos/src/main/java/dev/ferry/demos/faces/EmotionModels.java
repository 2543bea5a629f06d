package dev.ferry.demos.faces;

import ai.onnxruntime.OrtException;
import dev.ferry.core.demo.DemoFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emotion models installed in the model store, {@code <data>/models/faces/<model>/}
 * with {@code model.onnx} and {@code model.json}. A model is loaded on first use and kept
 * for the life of the process, shared by its jobs. Nothing is downloaded here: a missing
 * model means faces without emotions.
 */
final class EmotionModels {
    private static final Map<Path, EmotionClassifier> LOADED = new ConcurrentHashMap<>();

    private EmotionModels() {}

    static Path folder(Path dataDir, String model) {
        return dataDir.resolve("models").resolve("faces").resolve(model);
    }

    /** The classifier for {@code model}, or empty when it is not installed. */
    static Optional<EmotionClassifier> find(Path dataDir, String model) {
        Path dir = folder(dataDir, model).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("model.onnx"))) {
            return Optional.empty();
        }
        return Optional.of(LOADED.computeIfAbsent(dir, d -> load(model, d)));
    }

    private static EmotionClassifier load(String name, Path dir) {
        EmotionContract contract;
        try {
            contract = EmotionContract.read(dir.resolve("model.json"));
        } catch (IllegalArgumentException e) {
            throw new DemoFailure("model_invalid", "emotion model '" + name + "': " + e.getMessage(), false);
        }
        try {
            return new EmotionClassifier(name, contract, new OrtEmotionModel(dir.resolve("model.onnx"), contract.inputName()));
        } catch (OrtException e) {
            throw new DemoFailure("model_invalid", "emotion model '" + name + "' in " + dir + " cannot be loaded: "
                    + e.getMessage() + ". Run `ferry models verify` or pull it again with `ferry models pull faces "
                    + name + "`", false);
        }
    }
}
