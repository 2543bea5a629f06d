package dev.ferry.demos.inference;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.ferry.core.config.InferenceSettings;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.hash.Sha256;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ONNX Runtime for one process: the one environment, the device, and the models loaded
 * once and shared by every job ({@link #acquire}). A model is checked against its sha256
 * and warmed up with a dummy input when it loads, so the first job does not pay for that.
 */
public final class Inference implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Inference.class);
    private static final java.util.Set<OnnxJavaType> WARMABLE =
            java.util.EnumSet.of(OnnxJavaType.FLOAT, OnnxJavaType.INT64, OnnxJavaType.UINT8, OnnxJavaType.INT8);

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final InferenceSettings settings;
    private final InferenceDevice device;
    private final SessionCache cache;
    private final RunTerminator terminator = new RunTerminator();

    public Inference(InferenceSettings settings, InferenceDevice device) {
        this.settings = settings;
        this.device = device;
        this.cache = new SessionCache(settings.maxLoadedModels(), this::load);
    }

    public InferenceDevice device() {
        return device;
    }

    public OrtEnvironment env() {
        return env;
    }

    /** How many models are loaded now. */
    public int loadedModels() {
        return cache.size();
    }

    /**
     * The model, loaded (or already loaded) and held for the caller until the lease is closed.
     *
     * @throws DemoFailure {@code model_corrupt} or {@code model_invalid} when it cannot be loaded
     */
    public ModelLease acquire(InstalledModel model) {
        try {
            return new ModelLease(cache.acquire(model), env, terminator);
        } catch (DemoFailure e) {
            throw e;
        } catch (OrtException e) {
            throw ModelFailures.invalid(model.ref(), "ONNX Runtime cannot load it: " + e.getMessage());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load " + model.ref(), e);
        }
    }

    /**
     * Unloads every model not in use now (models in use are unloaded when released), and stops
     * watching runs for cancellation.
     */
    @Override
    public void close() {
        cache.clear();
        terminator.close();
    }

    private LoadedModel load(InstalledModel model) throws Exception {
        long start = System.nanoTime();
        String actual = Sha256.of(model.onnxFile());
        String expected = model.contract().provenance().sha256();
        if (!expected.isEmpty() && !expected.equals(actual)) {
            throw ModelFailures.corrupt(model.ref(), "sha256 " + actual + ", expected " + expected);
        }
        OrtSession.SessionOptions options = sessionOptions(model.contract());
        OrtSession session;
        try {
            session = env.createSession(model.onnxFile().toString(), options);
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
        LoadedModel loaded = new LoadedModel(model, session, options);
        try {
            checkInput(model, session);
            warmUp(model, session);
        } catch (Exception | Error e) {
            loaded.evict();
            throw e;
        }
        LOG.info("loaded model {} on {} in {} ms", model.ref(), device, (System.nanoTime() - start) / 1_000_000);
        return loaded;
    }

    private OrtSession.SessionOptions sessionOptions(ModelContract contract) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            int threads = threads(contract);
            if (threads > 0) {
                options.setIntraOpNumThreads(threads);
            }
            options.setOptimizationLevel(switch (settings.optimization()) {
                case "none" -> OrtSession.SessionOptions.OptLevel.NO_OPT;
                case "basic" -> OrtSession.SessionOptions.OptLevel.BASIC_OPT;
                case "extended" -> OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
                default -> OrtSession.SessionOptions.OptLevel.ALL_OPT;
            });
            device.applyTo(options);
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    /**
     * {@code FERRY_ONNX_THREADS}, capped by the contract's {@code session.intra_op_threads}: a
     * model as small as a voice-activity detector, run thousands of times on tiny inputs, is
     * several times faster on one thread than waiting on a pool.
     */
    private int threads(ModelContract contract) {
        int hint = contract.section("session").map(s -> s.path("intra_op_threads").asInt(0)).orElse(0);
        int configured = settings.onnxThreads();
        if (hint <= 0) {
            return configured;
        }
        return configured > 0 ? Math.min(configured, hint) : hint;
    }

    private static void checkInput(InstalledModel model, OrtSession session) {
        String name = model.contract().input().name();
        if (!session.getInputNames().contains(name)) {
            throw ModelFailures.invalid(model.ref(), "model.json names input '" + name + "' but the graph's inputs are "
                    + session.getInputNames());
        }
    }

    /**
     * One run on zeros of the contract's input size, so memory and kernels are ready before the
     * first job; inputs the contract's {@code warm_up} section names get its shape and value.
     */
    private void warmUp(InstalledModel model, OrtSession session) throws OrtException {
        ModelContract.ImageInput spec = model.contract().input();
        Map<String, ModelContract.WarmUpInput> given = model.contract().warmUp();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            for (Map.Entry<String, NodeInfo> e : session.getInputInfo().entrySet()) {
                if (!(e.getValue().getInfo() instanceof TensorInfo info) || !WARMABLE.contains(info.type)) {
                    LOG.debug("no warm-up for {}: input {} is not a float, int64 or byte tensor", model.ref(), e.getKey());
                    return;
                }
                ModelContract.WarmUpInput fixed = given.get(e.getKey());
                if (fixed != null) {
                    long[] shape = fixed.shape().stream().mapToLong(Long::longValue).toArray();
                    inputs.put(e.getKey(), filled(info.type, shape, fixed.value()));
                    continue;
                }
                long[] shape = info.getShape().clone();
                for (int i = 0; i < shape.length; i++) {
                    if (shape[i] < 0) {
                        shape[i] = switch (shape.length - i) {
                            case 1 -> spec.width();
                            case 2 -> spec.height();
                            case 3 -> spec.channels().equals("gray") ? 1 : 3;
                            default -> 1;
                        };
                    }
                }
                inputs.put(e.getKey(), filled(info.type, shape, 0));
            }
            session.run(inputs).close();
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private OnnxTensor filled(OnnxJavaType type, long[] shape, double value) throws OrtException {
        long count = 1;
        for (long d : shape) {
            count *= Math.max(d, 1);
        }
        int n = Math.toIntExact(count);
        return switch (type) {
            case FLOAT -> {
                float[] values = new float[n];
                java.util.Arrays.fill(values, (float) value);
                yield OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
            }
            case INT64 -> {
                long[] values = new long[n];
                java.util.Arrays.fill(values, (long) value);
                yield OnnxTensor.createTensor(env, LongBuffer.wrap(values), shape);
            }
            case UINT8, INT8 -> {
                byte[] values = new byte[n];
                java.util.Arrays.fill(values, (byte) value);
                yield OnnxTensor.createTensor(env, ByteBuffer.wrap(values), shape, type);
            }
            default -> throw new IllegalArgumentException("no warm-up input for tensors of type " + type);
        };
    }
}
