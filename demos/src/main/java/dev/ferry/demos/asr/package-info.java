/**
 * The {@code asr} demo: speech segments and transcripts of a recording.
 *
 * <p>A job ({@link dev.ferry.demos.asr.AsrJob}) streams the audio through FFmpeg
 * ({@code dev.ferry.demos.av}) at the recognition model's rate, runs the Silero VAD window by
 * window ({@link dev.ferry.demos.asr.SileroVad}), cuts speech segments as their silences are
 * heard ({@link dev.ferry.demos.asr.Segmenter}, {@link dev.ferry.demos.asr.VoiceActivity}), and
 * hands each to a CTC model ({@link dev.ferry.demos.asr.CtcRecognizer}: waveform or log-mel
 * input, as the model's {@link dev.ferry.demos.asr.CtcContract} says), greedy or beam decoding,
 * a Viterbi alignment of the chosen tokens ({@link dev.ferry.demos.ctc.CtcAligner}) and words
 * with times and confidences ({@link dev.ferry.demos.asr.Words}). The outputs are Google-shaped
 * JSON ({@link dev.ferry.demos.asr.GoogleTranscript}), SRT and WebVTT
 * ({@link dev.ferry.demos.asr.Subtitles}) and the segments. Models come from the store like
 * every model: nothing here downloads.
 */
package dev.ferry.demos.asr;
