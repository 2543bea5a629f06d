package dev.ferry.demos.asr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.ferry.demos.inference.ModelLease;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Speech probability of consecutive windows of one recording, from a stateful Silero-style
 * model ({@link VadSpec}). The state and the context carried from window to window belong
 * to one recording, so each job has its own instance over the shared session.
 */
final class SileroVad implements AutoCloseable {
    private final ModelLease lease;
    private final VadSpec spec;
    private final int window;
    private final float[] input;
    private final float[] state;
    private final FloatBuffer inputBuffer;
    private final FloatBuffer stateBuffer;
    private final Map<String, OnnxTensor> tensors;
    private final BooleanSupplier cancelled;

    SileroVad(ModelLease lease, int sampleRate, BooleanSupplier cancelled) throws OrtException {
        this.lease = lease;
        this.spec = lease.contract().section("vad", VadSpec.class);
        if (!spec.takes(sampleRate)) {
            throw new IllegalArgumentException("the voice-activity model takes " + spec.sampleRates() + " Hz, not "
                    + sampleRate);
        }
        this.window = spec.window(sampleRate);
        this.input = new float[spec.context(sampleRate) + window];
        this.state = new float[spec.stateSize()];
        this.inputBuffer = direct(input.length);
        this.stateBuffer = direct(state.length);
        this.cancelled = cancelled;
        // Tensors over direct buffers read the buffers at each run: filled anew, they are reused for every window.
        this.tensors = new HashMap<>();
        try {
            tensors.put(lease.contract().input().name(),
                    OnnxTensor.createTensor(lease.env(), inputBuffer, new long[] {1, input.length}));
            tensors.put(spec.stateInput(), OnnxTensor.createTensor(lease.env(), stateBuffer,
                    spec.stateShape().stream().mapToLong(Long::longValue).toArray()));
            tensors.put(spec.rateInput(),
                    OnnxTensor.createTensor(lease.env(), LongBuffer.wrap(new long[] {sampleRate}), new long[0]));
        } catch (OrtException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Samples per window: what {@link #next} takes. */
    int window() {
        return window;
    }

    /** The speech probability of the next {@link #window()} samples of {@code audio} from {@code offset}. */
    float next(float[] audio, int offset) throws OrtException {
        int context = input.length - window;
        System.arraycopy(input, window, input, 0, context);
        System.arraycopy(audio, offset, input, context, window);
        inputBuffer.clear();
        inputBuffer.put(input);
        stateBuffer.clear();
        stateBuffer.put(state);
        try (OrtSession.Result out = lease.run(tensors, cancelled)) {
            ((OnnxTensor) out.get(spec.stateOutput()).orElseThrow(() -> missing(spec.stateOutput())))
                    .getFloatBuffer().get(state);
            return ((OnnxTensor) out.get(spec.output()).orElseThrow(() -> missing(spec.output())))
                    .getFloatBuffer().get(0);
        }
    }

    private static IllegalStateException missing(String output) {
        return new IllegalStateException("the voice-activity model has no output '" + output + "'");
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    @Override
    public void close() {
        tensors.values().forEach(OnnxTensor::close);
    }
}
