package dev.ferry.demos.ctc;

/** Turns a segment's CTC scores into the token sequence it most likely says. */
public interface CtcDecoder {
    int[] decode(CtcScores scores, int blank);

    /** {@code greedy}, or {@code beam} with {@code width} prefixes kept. */
    static CtcDecoder named(String name, int width) {
        return switch (name) {
            case "greedy" -> new GreedyDecoder();
            case "beam" -> new PrefixBeamSearch(width);
            default -> throw new IllegalArgumentException("decoder must be greedy or beam, not " + name);
        };
    }
}
