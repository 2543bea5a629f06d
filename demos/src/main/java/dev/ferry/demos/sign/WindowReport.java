package dev.ferry.demos.sign;

import java.util.List;

/** One window of a long video in predictions.json. */
public record WindowReport(int number, double startSeconds, double endSeconds, List<FrameUse> frames,
                           List<Guess> topK) {
}
