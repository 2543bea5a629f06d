package dev.ferry.core.config;

import java.util.Set;

/**
 * How ONNX Runtime runs models in a worker.
 *
 * @param onnxThreads     intra-op threads per model session; 0 lets ONNX Runtime choose (one per core)
 * @param optimization    graph optimisation level: {@code all}, {@code extended}, {@code basic} or {@code none}
 * @param maxLoadedModels sessions kept loaded at once; the least recently used beyond this is closed
 */
public record InferenceSettings(int onnxThreads, String optimization, int maxLoadedModels) {
    public static final Set<String> OPTIMIZATION_LEVELS = Set.of("all", "extended", "basic", "none");

    public InferenceSettings {
        if (onnxThreads < 0) {
            throw new IllegalArgumentException("FERRY_ONNX_THREADS must be 0 (automatic) or more, got " + onnxThreads);
        }
        if (!OPTIMIZATION_LEVELS.contains(optimization)) {
            throw new IllegalArgumentException("FERRY_ONNX_OPTIMIZATION must be one of all, extended, basic, none; got '"
                    + optimization + "'");
        }
        if (maxLoadedModels < 1) {
            throw new IllegalArgumentException("FERRY_MAX_LOADED_MODELS must be at least 1, got " + maxLoadedModels);
        }
    }
}
