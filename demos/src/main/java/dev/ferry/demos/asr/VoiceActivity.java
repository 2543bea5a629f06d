package dev.ferry.demos.asr;

import java.util.ArrayList;
import java.util.List;

/**
 * Speech segments of a recording fed block by block: each window goes through the
 * voice-activity model, the {@link Segmenter} closes segments as the silence after them is
 * heard, and each closed segment is handed on with its audio. Only the audio a segment may
 * still need is kept.
 */
final class VoiceActivity {
    /** Receives each segment with its samples, in order. */
    interface Listener {
        void segment(SpeechSegment segment, float[] samples) throws Exception;
    }

    private final SileroVad vad;
    private final Segmenter segmenter;
    private final AudioTail tail = new AudioTail();
    private final Listener listener;
    private final int sampleRate;
    private final List<SpeechSegment> segments = new ArrayList<>();
    private final List<long[]> closed = new ArrayList<>();
    private long analysed;
    private long vadNanos;

    VoiceActivity(SileroVad vad, VadOptions options, int sampleRate, Listener listener) {
        this.vad = vad;
        this.sampleRate = sampleRate;
        this.listener = listener;
        this.segmenter = new Segmenter(options, sampleRate, vad.window(), (from, to) -> closed.add(new long[] {from, to}));
    }

    /** The next samples of the recording. */
    void accept(float[] block) throws Exception {
        tail.append(block);
        int window = vad.window();
        while (tail.end() - analysed >= window) {
            long t0 = System.nanoTime();
            float p = vad.next(tail.array(), tail.indexOf(analysed));
            vadNanos += System.nanoTime() - t0;
            analysed += window;
            segmenter.accept(p);
            handOn();
        }
        tail.discardBefore(Math.min(segmenter.earliestNeeded(), analysed));
    }

    /** The end of the recording: the last part-window is heard padded with silence. */
    void finish() throws Exception {
        long total = tail.end();
        int window = vad.window();
        if (total > analysed) {
            float[] last = new float[window];
            float[] rest = tail.slice(analysed, total);
            System.arraycopy(rest, 0, last, 0, rest.length);
            long t0 = System.nanoTime();
            float p = vad.next(last, 0);
            vadNanos += System.nanoTime() - t0;
            analysed += window;
            segmenter.accept(p);
        }
        segmenter.finish(total);
        handOn();
    }

    /** Every segment handed on so far. */
    List<SpeechSegment> segments() {
        return List.copyOf(segments);
    }

    long vadNanos() {
        return vadNanos;
    }

    private void handOn() throws Exception {
        for (long[] range : closed) {
            SpeechSegment segment = new SpeechSegment(segments.size() + 1, range[0], Math.min(range[1], tail.end()), sampleRate);
            segments.add(segment);
            listener.segment(segment, tail.slice(segment.start(), segment.end()));
        }
        closed.clear();
    }
}
