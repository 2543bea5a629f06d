package dev.ferry.demos.asr;

import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * One recording through the demo: blocks of samples are decoded as they are needed, the
 * voice-activity detector cuts speech segments as it hears them, and each segment is
 * transcribed as soon as it closes, so memory depends on the longest segment, not on the
 * recording.
 */
final class AsrPipeline {
    /** Progress is reported every this many seconds of audio. */
    private static final double PROGRESS_EVERY_S = 10;

    /**
     * @param seconds   of audio heard
     * @param timingsMs time per stage: decode, vad, features, model, search
     */
    record Outcome(List<SpeechSegment> segments, List<TranscribedSegment> transcribed, List<FailedSegment> failed,
                   double seconds, Map<String, Double> timingsMs) {
        double speechSeconds() {
            return segments.stream().mapToDouble(SpeechSegment::seconds).sum();
        }
    }

    private AsrPipeline() {}

    static Outcome run(Iterator<float[]> audio, int sampleRate, SileroVad vad, VadOptions options,
                       Optional<Transcriber> transcriber, BooleanSupplier cancelled, DoubleConsumer progress)
            throws Exception {
        List<TranscribedSegment> transcribed = new ArrayList<>();
        List<FailedSegment> failed = new ArrayList<>();
        VoiceActivity activity = new VoiceActivity(vad, options, sampleRate, (segment, samples) -> {
            if (transcriber.isPresent()) {
                try {
                    transcribed.add(transcriber.get().transcribe(segment, samples));
                } catch (OrtException | IllegalArgumentException e) {
                    failed.add(new FailedSegment(segment.index(), segment.startSeconds(), segment.endSeconds(),
                            "the model failed on this segment: " + e.getMessage()));
                }
            }
        });
        long decodeNanos = 0;
        long samples = 0;
        double reported = 0;
        while (true) {
            long t0 = System.nanoTime();
            if (!audio.hasNext()) {
                decodeNanos += System.nanoTime() - t0;
                break;
            }
            float[] block = audio.next();
            decodeNanos += System.nanoTime() - t0;
            activity.accept(block);
            samples += block.length;
            double seconds = samples / (double) sampleRate;
            if (seconds - reported >= PROGRESS_EVERY_S) {
                reported = seconds;
                progress.accept(seconds);
            }
            if (cancelled.getAsBoolean()) {
                throw new dev.ferry.core.demo.JobCancelledException("cancelled while transcribing");
            }
        }
        activity.finish();
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("decode", ms(decodeNanos));
        timings.put("vad", ms(activity.vadNanos()));
        transcriber.ifPresent(t -> {
            timings.put("features", ms(t.featureNanos()));
            timings.put("model", ms(t.modelNanos()));
            timings.put("search", ms(t.searchNanos()));
        });
        return new Outcome(activity.segments(), transcribed, failed, samples / (double) sampleRate, timings);
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
