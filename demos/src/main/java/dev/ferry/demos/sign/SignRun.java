package dev.ferry.demos.sign;

import dev.ferry.core.demo.DemoContext;
import dev.ferry.demos.av.VideoReader;
import dev.ferry.demos.av.VideoTrack;
import dev.ferry.demos.inference.ModelContract;
import dev.ferry.demos.inference.StageClock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/** One video through the sign pipeline: plan the windows, decode and classify, rank and merge into predictions. */
final class SignRun {
    private final VideoReader reader;
    private final VideoContract video;
    private final ModelContract contract;
    private final StageClock clock;

    /** The job's parameters that shape a run. */
    record Options(int topK, double windowSeconds, double strideSeconds, double minProbability) {
        static Options from(DemoContext ctx) {
            return new Options((int) ctx.longParam("top_k"), ctx.doubleParam("window"), ctx.doubleParam("stride"),
                    ctx.doubleParam("min_probability"));
        }
    }

    SignRun(VideoReader reader, VideoContract video, ModelContract contract, StageClock clock) {
        this.reader = reader;
        this.video = video;
        this.contract = contract;
        this.clock = clock;
    }

    Predictions predict(String model, String source, ClipClassifier classifier, Options options, IntConsumer decoded)
            throws Exception {
        boolean windowed = options.windowSeconds() > 0;
        List<ClipWindow> windows = windowed
                ? WindowPlan.sliding(video, reader.frameCount(), reader.frameRate(), options.windowSeconds(),
                        options.strideSeconds())
                : WindowPlan.whole(video, reader.frameCount());
        FramePreprocessor preprocessor = new FramePreprocessor(contract, video);
        List<WindowOutcome> outcomes = new SignPipeline(preprocessor, classifier, clock).run(reader, windows, decoded);
        VideoTrack track = reader.track();
        if (!windowed) {
            WindowOutcome clip = outcomes.get(0);
            return predictions(model, source, "clip", Guess.top(clip.probabilities(), options.topK(), contract),
                    clip.frames(), List.of(), List.of(), track);
        }
        List<WindowReport> reports = outcomes.stream().map(o -> new WindowReport(o.window().number(),
                seconds(o.window().first()), seconds(o.window().end()), o.frames(),
                Guess.top(o.probabilities(), options.topK(), contract))).toList();
        return predictions(model, source, "windows", bestPerLabel(reports, options.topK()), List.of(), reports,
                Timeline.of(reports, options.minProbability()), track);
    }

    private Predictions predictions(String model, String source, String mode, List<Guess> top, List<FrameUse> frames,
                                    List<WindowReport> windows, List<SignedWord> timeline, VideoTrack track) {
        return new Predictions(model, source, mode, Guess.round(reader.durationSeconds()), reader.frameCount(),
                Guess.round(reader.frameRate()), track.width(), track.height(), track.rotation(), reader.info().format(),
                top, frames, windows, timeline);
    }

    /** Labels ranked by their highest probability in any window (among each window's top k). */
    private static List<Guess> bestPerLabel(List<WindowReport> windows, int k) {
        Map<String, Double> best = new LinkedHashMap<>();
        windows.forEach(w -> w.topK().forEach(g -> best.merge(g.label(), g.probability(), Math::max)));
        return best.entrySet().stream()
                .map(e -> new Guess(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingDouble(Guess::probability).reversed())
                .limit(k)
                .toList();
    }

    private double seconds(int frame) {
        return Guess.round(reader.secondsOf(frame));
    }
}
