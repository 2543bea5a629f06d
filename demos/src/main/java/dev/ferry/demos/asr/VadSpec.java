package dev.ferry.demos.asr;

import java.util.List;
import java.util.Objects;

/**
 * The {@code vad} section of a voice-activity model's model.json: how to feed a stateful
 * Silero-style model one window at a time. Each run takes the window with the last
 * {@code context_ms} of the previous one in front of it, the recurrent state and the sample
 * rate, and returns the window's speech probability and the next state.
 *
 * @param sampleRates the rates the model takes (Silero v5: 8000 and 16000)
 * @param windowMs    audio per run (Silero v5: 32 ms, 512 samples at 16 kHz)
 * @param contextMs   of the previous window put in front of each (Silero v5: 4 ms, 64 samples at 16 kHz)
 * @param output      the probability output, shape {@code [1, 1]}
 * @param stateInput  the recurrent state input
 * @param stateOutput the next state
 * @param rateInput   the sample-rate input, an int64 scalar
 * @param stateShape  the state's shape (Silero v5: {@code [2, 1, 128]})
 */
public record VadSpec(List<Integer> sampleRates, double windowMs, double contextMs, String output, String stateInput,
                      String stateOutput, String rateInput, List<Long> stateShape) {
    public VadSpec {
        Objects.requireNonNull(sampleRates, "vad.sample_rates is missing");
        Objects.requireNonNull(output, "vad.output is missing");
        Objects.requireNonNull(stateInput, "vad.state_input is missing");
        Objects.requireNonNull(stateOutput, "vad.state_output is missing");
        Objects.requireNonNull(rateInput, "vad.rate_input is missing");
        Objects.requireNonNull(stateShape, "vad.state_shape is missing");
        sampleRates = List.copyOf(sampleRates);
        stateShape = List.copyOf(stateShape);
        if (windowMs <= 0 || contextMs < 0) {
            throw new IllegalArgumentException("vad.window_ms must be positive and vad.context_ms not negative");
        }
    }

    public boolean takes(int sampleRate) {
        return sampleRates.contains(sampleRate);
    }

    public int window(int sampleRate) {
        return (int) Math.round(sampleRate * windowMs / 1000);
    }

    public int context(int sampleRate) {
        return (int) Math.round(sampleRate * contextMs / 1000);
    }

    public int stateSize() {
        return Math.toIntExact(stateShape.stream().mapToLong(Long::longValue).reduce(1, (a, b) -> a * b));
    }
}
