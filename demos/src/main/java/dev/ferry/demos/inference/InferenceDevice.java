package dev.ferry.demos.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import dev.ferry.core.config.DeviceSetting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where ONNX Runtime runs models: the CPU, or one CUDA device. {@link #resolve} turns the
 * {@code FERRY_DEVICE} setting into a device a worker can really use, so a missing GPU is
 * an error at start-up rather than a failure in the first job.
 */
public record InferenceDevice(Kind kind, int index) {
    private static final Logger LOG = LoggerFactory.getLogger(InferenceDevice.class);
    private static final AtomicBoolean WARNED_AUTO = new AtomicBoolean();

    public static final InferenceDevice CPU = new InferenceDevice(Kind.CPU, 0);

    public enum Kind { CPU, CUDA }

    public static InferenceDevice cuda(int index) {
        return new InferenceDevice(Kind.CUDA, index);
    }

    /**
     * Resolves {@code auto}, {@code cpu}, {@code cuda} or {@code cuda:N}, as {@link DeviceSetting} reads them.
     *
     * @throws IllegalArgumentException when the setting is none of those
     * @throws IllegalStateException    when a CUDA device is named but cannot run a model here
     */
    public static InferenceDevice resolve(String setting) {
        return resolve(DeviceSetting.parse(setting));
    }

    /**
     * A device that can run models here: the CPU, or a CUDA device a probe model ran on.
     *
     * @throws IllegalStateException when a CUDA device is named but cannot run a model here
     */
    public static InferenceDevice resolve(DeviceSetting setting) {
        return switch (setting.kind()) {
            case CPU -> CPU;
            case AUTO -> firstCudaOrCpu();
            case CUDA -> {
                cudaProblem(setting.index()).ifPresent(problem -> {
                    throw new IllegalStateException("FERRY_DEVICE=" + setting + " cannot be used: " + problem);
                });
                yield cuda(setting.index());
            }
        };
    }

    private static InferenceDevice firstCudaOrCpu() {
        Optional<String> problem = cudaProblem(0);
        if (problem.isEmpty()) {
            return cuda(0);
        }
        if (WARNED_AUTO.compareAndSet(false, true)) {
            LOG.warn("FERRY_DEVICE=auto: no usable CUDA device ({}); running models on the CPU", problem.get());
        }
        return CPU;
    }

    /** Adds this device's execution provider; the CPU needs none. */
    void applyTo(OrtSession.SessionOptions options) throws OrtException {
        if (kind == Kind.CUDA) {
            options.addCUDA(index);
        }
    }

    /** Why CUDA device {@code index} cannot run a model, or empty when a probe model ran on it. */
    static Optional<String> cudaProblem(int index) {
        if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            return Optional.of("this build of ONNX Runtime has no CUDA execution provider (build Ferry with the gpu"
                    + " Maven profile: mvn -Pgpu package)");
        }
        try {
            probe(cuda(index));
            return Optional.empty();
        } catch (OrtException | RuntimeException e) {
            return Optional.of("CUDA device " + index + " did not run a probe model: " + e.getMessage());
        }
    }

    /** Runs a one-operator model on {@code device}; throws when the device cannot. */
    static void probe(InferenceDevice device) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            device.applyTo(options);
            try (OrtSession session = env.createSession(probeModel(), options);
                 OnnxTensor x = OnnxTensor.createTensor(env, new float[] {1f});
                 OrtSession.Result result = session.run(Map.of("x", x))) {
                float y = ((float[]) result.get(0).getValue())[0];
                if (y != 1f) {
                    throw new IllegalStateException("the probe model returned " + y + " instead of 1");
                }
            }
        }
    }

    /** An Identity model over {@code float[1]}, written by the testkit's ONNX writer (ProbeModelTest checks it). */
    static byte[] probeModel() {
        try (InputStream in = InferenceDevice.class.getResourceAsStream("probe.onnx")) {
            if (in == null) {
                throw new IllegalStateException("probe.onnx is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return kind == Kind.CPU ? "cpu" : "cuda:" + index;
    }
}
