package dev.ferry.demos.ctc;

/**
 * Where one decoded token sits in a segment's frames, and how sure the model was of it there.
 *
 * @param first       first frame emitting it
 * @param last        last frame emitting it
 * @param probability summed over those frames: the token's probability at each
 */
public record TokenSpan(int token, int first, int last, double probability) {
    public int frames() {
        return last - first + 1;
    }
}
