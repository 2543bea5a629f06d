package dev.ferry.demos.inference;

import java.util.List;
import java.util.Map;

/**
 * A demo whose jobs load models from the store. The API asks it which models a job's
 * parameters name, so a job naming a missing model is refused at submit
 * ({@link ModelStore#checkJob}) instead of failing on a worker.
 */
public interface UsesModels {
    /** The demo's model names a job with these validated parameters loads. */
    List<String> modelsFor(Map<String, Object> params);
}
