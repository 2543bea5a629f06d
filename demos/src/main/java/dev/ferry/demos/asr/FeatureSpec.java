package dev.ferry.demos.asr;

import java.util.Locale;
import java.util.Objects;

/**
 * The {@code features} section of a recognition model's model.json: what its input is.
 *
 * @param type        {@code waveform}: the samples themselves, {@code [1, samples]} (wav2vec2, HuBERT);
 *                    {@code log_mel}: log-mel spectrogram frames computed here (Conformer, QuartzNet)
 * @param sampleRate  the rate the audio is brought to (16000, or 8000 for telephone models)
 * @param normalize   waveform: zero mean and unit variance per segment, as wav2vec2's feature extractor
 *                    does when {@code do_normalize} is set
 * @param mel         log_mel: how the spectrogram is computed
 * @param layout      log_mel: {@code mels_first} for {@code [1, n_mels, frames]} (NeMo), {@code time_first}
 *                    for {@code [1, frames, n_mels]}
 * @param lengthInput the name of an int64 {@code [1]} input taking the number of frames (NeMo's
 *                    {@code length}), or samples for a waveform; empty when the model has none
 */
public record FeatureSpec(String type, int sampleRate, boolean normalize, MelSpec mel, String layout, String lengthInput) {
    public FeatureSpec {
        type = Objects.requireNonNullElse(type, "waveform").toLowerCase(Locale.ROOT);
        sampleRate = sampleRate == 0 ? 16_000 : sampleRate;
        layout = Objects.requireNonNullElse(layout, "mels_first").toLowerCase(Locale.ROOT);
        lengthInput = Objects.requireNonNullElse(lengthInput, "");
        if (!type.equals("waveform") && !type.equals("log_mel")) {
            throw new IllegalArgumentException("features.type must be waveform or log_mel, not " + type);
        }
        if (type.equals("log_mel") && mel == null) {
            throw new IllegalArgumentException("features.mel is needed for log_mel features");
        }
        if (!layout.equals("mels_first") && !layout.equals("time_first")) {
            throw new IllegalArgumentException("features.layout must be mels_first or time_first, not " + layout);
        }
        if (sampleRate < 1000) {
            throw new IllegalArgumentException("features.sample_rate must be at least 1000 Hz");
        }
    }

    public boolean logMel() {
        return type.equals("log_mel");
    }
}
