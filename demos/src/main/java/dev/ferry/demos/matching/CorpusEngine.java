package dev.ferry.demos.matching;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A {@link SimilarityEngine} whose description of a corpus image (one that is only ever a
 * candidate, never a query) can be saved and read back, so a fixed collection is described
 * once and reused by every job that searches it. Candidates are added after the queries
 * ranked against them.
 */
public interface CorpusEngine extends SimilarityEngine {
    /** Describes {@code bgr} as image number {@link #size()}, a candidate only; the caller keeps and closes {@code bgr}. */
    void addCandidate(Mat bgr);

    /** Saves what the engine keeps of candidate {@code image}, for {@link #readCandidate}. */
    void writeCandidate(int image, DataOutputStream out) throws IOException;

    /** Adds, as image number {@link #size()}, a candidate saved by {@link #writeCandidate}. */
    void readCandidate(DataInputStream in) throws IOException;
}
