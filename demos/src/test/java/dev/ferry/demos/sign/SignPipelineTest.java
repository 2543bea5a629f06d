package dev.ferry.demos.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.demos.av.SyntheticVideo;
import dev.ferry.demos.av.VideoReader;
import dev.ferry.demos.inference.ModelContract;
import dev.ferry.demos.inference.StageClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's memory: how many frames it holds does not depend on the length of the video. */
class SignPipelineTest {
    private static final VideoContract FIVE = new VideoContract("NTCHW", 5, "uniform", 0, 0, 0, Optional.empty(), false);
    private static final ModelContract CONTRACT = new ModelContract(VideoContract.TASK, "",
            new ModelContract.ImageInput("video", "NCHW", 8, 8, false, "rgb"), null, List.of("a", "b"), null, null);

    @TempDir
    Path dir;

    @Test
    void aLongerVideoIsClassifiedWithTheSameFrameBuffers() throws Exception {
        Run short_ = run(60);
        Run long_ = run(240);

        assertEquals(11, short_.windows);
        assertEquals(47, long_.windows);
        assertEquals(short_.buffers, long_.buffers, "frame buffers held: " + short_.buffers + " for 6 s, "
                + long_.buffers + " for 24 s");
        assertTrue(long_.buffers <= 10, "two windows' worth of frames at most: " + long_.buffers);
        assertEquals(List.of(1, 3, 5, 7, 9), long_.firstFrames);
    }

    private record Run(int windows, int buffers, List<Integer> firstFrames) {
    }

    private Run run(int frames) throws Exception {
        Path video = SyntheticVideo.write(dir.resolve(frames + ".mp4"), "mp4", 32, 32, 10, frames, 0,
                (i, bgr) -> bgr.put(new Scalar(i % 256, 0, 0, 0)));
        Set<float[]> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<List<float[]>> inputs = new ArrayList<>();
        ClipClassifier counting = clip -> {
            seen.addAll(clip);
            inputs.add(clip);
            return new double[] {0.5, 0.5};
        };
        VideoReader reader = VideoReader.open(video);
        List<ClipWindow> windows = WindowPlan.sliding(FIVE, reader.frameCount(), reader.frameRate(), 1.0, 0.5);
        List<WindowOutcome> outcomes = new SignPipeline(new FramePreprocessor(CONTRACT, FIVE), counting,
                new StageClock()).run(reader, windows, i -> { });
        List<Integer> first = outcomes.get(0).frames().stream().map(FrameUse::index).toList();
        return new Run(outcomes.size(), seen.size(), first);
    }
}
