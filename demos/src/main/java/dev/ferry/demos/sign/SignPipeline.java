package dev.ferry.demos.sign;

import dev.ferry.demos.av.VideoReader;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.inference.StageClock.Stage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntConsumer;

/**
 * Decodes a video once, keeps only the preprocessed frames that a window still to be
 * classified needs, and classifies each window as soon as its last frame has been decoded.
 * Memory therefore depends on the window and the model's frame count, never on the length of
 * the video; the frames' float arrays are reused once dropped, so a long video does not leave
 * the garbage collector a growing heap either.
 */
final class SignPipeline {
    private final FramePreprocessor preprocessor;
    private final ClipClassifier classifier;
    private final StageClock clock;
    private final ArrayDeque<float[]> spare = new ArrayDeque<>();

    SignPipeline(FramePreprocessor preprocessor, ClipClassifier classifier, StageClock clock) {
        this.preprocessor = preprocessor;
        this.classifier = classifier;
        this.clock = clock;
    }

    /** @param decoded hears every decoded frame's index: progress, and the place a cancelled job stops */
    List<WindowOutcome> run(VideoReader reader, List<ClipWindow> windows, IntConsumer decoded) throws Exception {
        TreeSet<Integer> needed = new TreeSet<>();
        windows.forEach(w -> {
            for (int i : w.frames()) {
                needed.add(i);
            }
        });
        int[] wanted = needed.stream().mapToInt(Integer::intValue).toArray();
        Map<Integer, float[]> frames = new HashMap<>();
        Map<Integer, Double> times = new HashMap<>();
        List<WindowOutcome> outcomes = new ArrayList<>();
        long[] outside = {0};
        long start = System.nanoTime();
        reader.read(wanted, frame -> {
            long t = System.nanoTime();
            float[] into = spare.isEmpty() ? new float[preprocessor.valuesPerFrame()] : spare.pop();
            frames.put(frame.index(), preprocessor.chw(frame.image(), into));
            times.put(frame.index(), frame.seconds());
            long mark = clock.lap(Stage.PREPROCESS, t);
            while (outcomes.size() < windows.size() && windows.get(outcomes.size()).lastFrame() <= frame.index()) {
                outcomes.add(classify(windows.get(outcomes.size()), frames, times));
                forgetBefore(outcomes.size() < windows.size() ? windows.get(outcomes.size()).frames()[0]
                        : Integer.MAX_VALUE, frames, times);
            }
            outside[0] += System.nanoTime() - t;
            clock.lap(Stage.INFERENCE, mark);
        }, decoded);
        clock.lap(Stage.DECODE, start + outside[0]);
        return outcomes;
    }

    private WindowOutcome classify(ClipWindow window, Map<Integer, float[]> frames, Map<Integer, Double> times)
            throws Exception {
        List<float[]> input = new ArrayList<>(window.frames().length);
        List<FrameUse> used = new ArrayList<>(window.frames().length);
        for (int index : window.frames()) {
            input.add(frames.get(index));
            used.add(new FrameUse(index, times.get(index)));
        }
        return new WindowOutcome(window, used, classifier.classify(input));
    }

    private void forgetBefore(int first, Map<Integer, float[]> frames, Map<Integer, Double> times) {
        frames.entrySet().removeIf(e -> {
            if (e.getKey() < first) {
                spare.push(e.getValue());
                return true;
            }
            return false;
        });
        times.keySet().removeIf(i -> i < first);
    }
}
