package dev.ferry.demos.sign;

/**
 * Which frames of a clip the model sees, as its contract says. Indices may repeat: a clip
 * shorter than the model's frame count has frames repeated, evenly, to make up the count.
 */
final class FrameSampling {
    private FrameSampling() {
    }

    /** T indices into a clip of {@code count} frames starting at frame {@code first}. */
    static int[] indices(VideoContract contract, int first, int count) {
        int[] local = switch (contract.sampling()) {
            case "uniform" -> uniform(count, contract.frames());
            case "linspace" -> linspace(count, contract.frames());
            default -> segments(count, contract.segments(), contract.segmentFrames());
        };
        for (int i = 0; i < local.length; i++) {
            local[i] += first;
        }
        return local;
    }

    /** The centre frame of each of T equal parts: {@code floor((i + 0.5) · N / T)}. */
    static int[] uniform(int count, int frames) {
        int[] out = new int[frames];
        for (int i = 0; i < frames; i++) {
            out[i] = (int) Math.min(count - 1, Math.floor((i + 0.5) * count / frames));
        }
        return out;
    }

    /**
     * T indices from the first frame to the last, evenly spaced and rounded, as NumPy's
     * {@code round(linspace(0, N − 1, T))} gives them: {@code i · ((N − 1) / (T − 1))}, halves to
     * even. Models trained on frames picked this way (the Sign2Text models) see their first and last
     * frame; {@link #uniform} would skip both ends.
     */
    static int[] linspace(int count, int frames) {
        int[] out = new int[frames];
        if (frames == 1) {
            return out;
        }
        double step = (double) (count - 1) / (frames - 1);
        for (int i = 0; i < frames; i++) {
            out[i] = (int) Math.rint(i * step);
        }
        out[frames - 1] = count - 1;
        return out;
    }

    /**
     * S equal parts, L consecutive frames from the middle of each: part s starts at
     * {@code floor(s · N / S)}; the run starts {@code floor((part length − L) / 2)} into it
     * (not before the part's start); frames past the end of the clip repeat its last frame.
     */
    static int[] segments(int count, int segments, int run) {
        int[] out = new int[segments * run];
        for (int s = 0; s < segments; s++) {
            int start = (int) Math.floor((double) s * count / segments);
            int end = (int) Math.floor((double) (s + 1) * count / segments);
            int from = start + Math.max(0, (end - start - run) / 2);
            for (int j = 0; j < run; j++) {
                out[s * run + j] = Math.min(count - 1, from + j);
            }
        }
        return out;
    }
}
