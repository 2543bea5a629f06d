package dev.ferry.demos.ctc;

/**
 * A segment's CTC output as log-probabilities, {@code frames × vocabulary}, row-major, with
 * the seconds each frame covers.
 */
public record CtcScores(float[] logProbs, int frames, int vocabulary, double frameSeconds) {
    /** From the model's raw output as its contract says it is: logits, log-probabilities or probabilities. */
    public static CtcScores of(float[] raw, int frames, int vocabulary, String scores, double frameSeconds) {
        float[] out = scores.equals("log_probs") ? raw : new float[raw.length];
        if (scores.equals("probs")) {
            for (int i = 0; i < raw.length; i++) {
                out[i] = (float) Math.log(Math.max(raw[i], 1e-30f));
            }
        } else if (scores.equals("logits")) {
            for (int t = 0; t < frames; t++) {
                logSoftmax(raw, out, t * vocabulary, vocabulary);
            }
        }
        return new CtcScores(out, frames, vocabulary, frameSeconds);
    }

    public float logProb(int frame, int token) {
        return logProbs[frame * vocabulary + token];
    }

    public double probability(int frame, int token) {
        return Math.exp(logProb(frame, token));
    }

    public int best(int frame) {
        int base = frame * vocabulary;
        int best = 0;
        for (int v = 1; v < vocabulary; v++) {
            if (logProbs[base + v] > logProbs[base + best]) {
                best = v;
            }
        }
        return best;
    }

    private static void logSoftmax(float[] in, float[] out, int offset, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, in[offset + i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(in[offset + i] - max);
        }
        float logSum = (float) (max + Math.log(sum));
        for (int i = 0; i < n; i++) {
            out[offset + i] = in[offset + i] - logSum;
        }
    }
}
