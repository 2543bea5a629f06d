package dev.ferry.demos.asr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.ferry.demos.inference.ModelLease;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
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
    private final long[] stateShape;
    private final OnnxTensor rate;
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
        this.stateShape = spec.stateShape().stream().mapToLong(Long::longValue).toArray();
        this.rate = OnnxTensor.createTensor(lease.env(), LongBuffer.wrap(new long[] {sampleRate}), new long[0]);
        this.cancelled = cancelled;
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
        try (OnnxTensor samples = OnnxTensor.createTensor(lease.env(), FloatBuffer.wrap(input), new long[] {1, input.length});
             OnnxTensor recurrent = OnnxTensor.createTensor(lease.env(), FloatBuffer.wrap(state), stateShape);
             OrtSession.Result out = lease.run(Map.of(lease.contract().input().name(), samples,
                     spec.stateInput(), recurrent, spec.rateInput(), rate), cancelled)) {
            ((OnnxTensor) out.get(spec.stateOutput()).orElseThrow(() -> missing(spec.stateOutput())))
                    .getFloatBuffer().get(state);
            return ((OnnxTensor) out.get(spec.output()).orElseThrow(() -> missing(spec.output())))
                    .getFloatBuffer().get(0);
        }
    }

    private static IllegalStateException missing(String output) {
        return new IllegalStateException("the voice-activity model has no output '" + output + "'");
    }

    @Override
    public void close() {
        rate.close();
    }
}
