package dev.ferry.demos.inference;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxTensorLike;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.ferry.core.demo.JobCancelledException;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A job's hold on a loaded model: the model stays loaded until the lease is closed.
 * Runs are thread-safe, so jobs running at once share one session.
 */
public final class ModelLease implements AutoCloseable {
    private final LoadedModel loaded;
    private final OrtEnvironment env;
    private final RunTerminator terminator;
    private boolean released;

    ModelLease(LoadedModel loaded, OrtEnvironment env, RunTerminator terminator) {
        this.loaded = loaded;
        this.env = env;
        this.terminator = terminator;
    }

    LoadedModel loaded() {
        return loaded;
    }

    public OrtEnvironment env() {
        return env;
    }

    public InstalledModel model() {
        return loaded.model();
    }

    public ModelContract contract() {
        return loaded.model().contract();
    }

    public Map<String, NodeInfo> inputs() throws OrtException {
        return loaded.session().getInputInfo();
    }

    public Map<String, NodeInfo> outputs() throws OrtException {
        return loaded.session().getOutputInfo();
    }

    /**
     * Runs the model. While it runs, {@code cancelled} is polled and a true answer terminates
     * the run inside ONNX Runtime; the call then throws {@link JobCancelledException}.
     * The caller closes the result.
     */
    public OrtSession.Result run(Map<String, ? extends OnnxTensorLike> inputs, BooleanSupplier cancelled)
            throws OrtException {
        if (cancelled.getAsBoolean()) {
            throw new JobCancelledException("cancelled before running " + model().ref());
        }
        try (OrtSession.RunOptions options = new OrtSession.RunOptions();
             RunTerminator.Watch watch = terminator.watch(options, cancelled)) {
            try {
                return loaded.session().run(inputs, options);
            } catch (OrtException e) {
                if (watch.terminated()) {
                    throw new JobCancelledException("model run of " + model().ref() + " stopped: the job was cancelled");
                }
                throw e;
            }
        }
    }

    /**
     * Runs the model on {@code image}, its one input, and copies out its first output, a
     * float tensor (what detectors answer); see {@link #run} for {@code cancelled}.
     */
    public FloatOutput runOnImage(OnnxTensor image, BooleanSupplier cancelled) throws OrtException {
        try (OrtSession.Result result = run(Map.of(contract().input().name(), image), cancelled)) {
            OnnxTensor output = (OnnxTensor) result.get(0);
            FloatBuffer values = output.getFloatBuffer();
            float[] copy = new float[values.remaining()];
            values.get(copy);
            return new FloatOutput(copy, output.getInfo().getShape());
        }
    }

    /** A float tensor copied out of a run: its values, row-major, and its shape. */
    public record FloatOutput(float[] values, long[] shape) {}

    @Override
    public synchronized void close() {
        if (!released) {
            released = true;
            loaded.release();
        }
    }
}
