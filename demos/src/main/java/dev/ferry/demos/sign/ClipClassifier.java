package dev.ferry.demos.sign;

import java.util.List;

/** T preprocessed frames in, one probability per label out: the model, or a stand-in when only decoding is timed. */
@FunctionalInterface
interface ClipClassifier {
    double[] classify(List<float[]> frames) throws Exception;
}
