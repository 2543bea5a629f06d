package dev.ferry.demos.inference;

import dev.ferry.core.config.FerryConfig;
import java.util.function.Function;

/**
 * Where a demo finds its model store and loaded models: the process's own, set up from the
 * worker's settings (demos made by ServiceLoader), or ones given by a test or a benchmark.
 */
public record ModelAccess(Function<FerryConfig, ModelStore> stores, Function<FerryConfig, Inference> inferences) {

    public static ModelAccess process() {
        return new ModelAccess(ProcessModels::store, ProcessModels::inference);
    }

    public static ModelAccess of(ModelStore store, Inference inference) {
        return new ModelAccess(settings -> store, settings -> inference);
    }

    public ModelStore store(FerryConfig settings) {
        return stores.apply(settings);
    }

    public Inference inference(FerryConfig settings) {
        return inferences.apply(settings);
    }
}
