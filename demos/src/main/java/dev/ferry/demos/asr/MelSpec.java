package dev.ferry.demos.asr;

import java.util.Locale;
import java.util.Objects;

/**
 * How a log-mel spectrogram is computed, in the terms of torchaudio, librosa and NeMo, so a
 * model's preprocessing can be copied from its training configuration.
 *
 * @param nFft        FFT size in samples (NeMo at 16 kHz: 512)
 * @param winLength   window length in samples, at most {@code n_fft} (NeMo: 0.025 s = 400)
 * @param hopLength   hop in samples (NeMo: 0.01 s = 160)
 * @param nMels       mel bands (64 or 80)
 * @param fMin        lowest frequency, Hz
 * @param fMax        highest frequency, Hz; 0 for half the sample rate
 * @param window      {@code hann}, {@code hamming} or {@code none}
 * @param periodic    a periodic window (torch.hann_window's default, torchaudio) or a symmetric one
 *                    ({@code false}: NeMo builds its window with {@code periodic=False})
 * @param preemphasis {@code y[n] = x[n] - a·x[n-1]} before framing; 0 for none (NeMo: 0.97)
 * @param center      frames are centred on {@code n·hop}, the signal padded by {@code n_fft/2} on each side
 * @param padMode     {@code constant} (zeros, NeMo) or {@code reflect} (torch.stft's default)
 * @param power       1 for magnitude, 2 for power
 * @param melScale    {@code slaney} (librosa's default, NeMo) or {@code htk} (torchaudio's default)
 * @param melNorm     {@code slaney}: each filter divided by its width (librosa's default, NeMo); {@code none}
 * @param log         {@code ln} or {@code log10}
 * @param logGuard    {@code add}: log(x + guard), NeMo; {@code clamp}: log(max(x, guard))
 * @param guardValue  the guard (NeMo: 2^-24)
 * @param normalize   {@code per_feature}: each band to zero mean, unit variance over the segment (NeMo);
 *                    {@code none}
 */
public record MelSpec(int nFft, int winLength, int hopLength, int nMels, double fMin, double fMax, String window,
                      Boolean periodic, double preemphasis, Boolean center, String padMode, double power, String melScale,
                      String melNorm, String log, String logGuard, double guardValue, String normalize) {
    public MelSpec {
        if (nFft < 2 || hopLength < 1 || nMels < 1) {
            throw new IllegalArgumentException("features.mel needs n_fft, hop_length and n_mels");
        }
        winLength = winLength == 0 ? nFft : winLength;
        if (winLength > nFft) {
            throw new IllegalArgumentException("features.mel.win_length must not exceed n_fft");
        }
        window = lower(window, "hann");
        periodic = periodic == null || periodic;
        center = center == null || center;
        padMode = lower(padMode, "constant");
        power = power == 0 ? 2 : power;
        melScale = lower(melScale, "slaney");
        melNorm = lower(melNorm, "slaney");
        log = lower(log, "ln");
        logGuard = lower(logGuard, "add");
        guardValue = guardValue == 0 ? Math.pow(2, -24) : guardValue;
        normalize = lower(normalize, "none");
        oneOf("window", window, "hann", "hamming", "none");
        oneOf("pad_mode", padMode, "constant", "reflect");
        oneOf("mel_scale", melScale, "slaney", "htk");
        oneOf("mel_norm", melNorm, "slaney", "none");
        oneOf("log", log, "ln", "log10");
        oneOf("log_guard", logGuard, "add", "clamp");
        oneOf("normalize", normalize, "per_feature", "none");
    }

    private static String lower(String value, String fallback) {
        return Objects.requireNonNullElse(value, fallback).toLowerCase(Locale.ROOT);
    }

    private static void oneOf(String field, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return;
            }
        }
        throw new IllegalArgumentException("features.mel." + field + " must be one of " + String.join(", ", allowed)
                + ", not " + value);
    }
}
