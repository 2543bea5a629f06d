package dev.ferry.demos.sign;

import java.util.List;

/** A window (or the whole clip) after the model: the frames it saw, in model order, and a probability per label. */
record WindowOutcome(ClipWindow window, List<FrameUse> frames, double[] probabilities) {
}
