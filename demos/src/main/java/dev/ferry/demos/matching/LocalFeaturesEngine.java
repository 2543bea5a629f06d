package dev.ferry.demos.matching;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The local-features engine: SIFT keypoints of each image kept (descriptors, not pixels),
 * every pair verified by {@link PairVerifier}, scored by its inliers. Works with no model,
 * and on line drawings and engravings where global features see only "hatching". Each
 * unordered pair is verified once: ranking image j after image i reuses the pair found
 * for i, turned round. Also re-ranks another engine's shortlist. A candidate-only image keeps
 * no mirrored keypoints: the query's mirror is matched against it. Not thread-safe.
 */
public final class LocalFeaturesEngine implements CorpusEngine, Reranker {
    private final FeatureExtractor extractor = new FeatureExtractor();
    private final PairVerifier verifier;
    private final boolean mirrors;
    private final List<ImageFeatures> images = new ArrayList<>();
    /** Unordered pairs verified so far, by {@link #pairIndex}; those that matched are in {@link #matched}. */
    private final BitSet verified = new BitSet();
    private final Map<Long, Candidate> matched = new HashMap<>();
    private long bytes;

    /** @param transpositions what a copy may have undergone; mirrors cost a second set of descriptors per image */
    public LocalFeaturesEngine(Set<Transposition> transpositions) {
        if (transpositions.isEmpty()) {
            throw new IllegalArgumentException("no transposition to try");
        }
        this.verifier = new PairVerifier(transpositions);
        this.mirrors = transpositions.stream().anyMatch(Transposition::mirrors);
    }

    @Override
    public void add(Mat bgr) {
        keep(extractor.describe(bgr, mirrors));
    }

    @Override
    public void addCandidate(Mat bgr) {
        keep(extractor.describe(bgr, false));
    }

    @Override
    public void writeCandidate(int image, DataOutputStream out) throws IOException {
        images.get(image).writePlain(out);
    }

    @Override
    public void readCandidate(DataInputStream in) throws IOException {
        keep(ImageFeatures.readPlain(in));
    }

    private void keep(ImageFeatures features) {
        bytes += features.bytes();
        images.add(features);
    }

    /** Every pair is compared and up to 512 KB of descriptors are kept an image. */
    @Override
    public int capacity() {
        return 1000;
    }

    @Override
    public int size() {
        return images.size();
    }

    /** What the kept keypoints and descriptors take, in bytes. */
    public long bytes() {
        return bytes;
    }

    /** Keypoints found in image {@code image}, for a report. */
    public int keypoints(int image) {
        return images.get(image).plain().size();
    }

    @Override
    public List<Candidate> rank(int query, IntPredicate among, int k, double minScore) {
        List<Candidate> found = new ArrayList<>();
        for (int j = 0; j < images.size(); j++) {
            if (j != query && among.test(j)) {
                verify(query, j).filter(c -> c.score() >= minScore).ifPresent(found::add);
            }
        }
        return best(found, k);
    }

    @Override
    public List<Candidate> rerank(int query, List<Candidate> shortlist, double minScore) {
        List<Candidate> found = new ArrayList<>();
        for (Candidate c : shortlist) {
            if (c.image() != query) {
                verify(query, c.image()).filter(v -> v.score() >= minScore).ifPresent(found::add);
            }
        }
        return best(found, found.size());
    }

    /** Query against candidate, from what was found for the pair either way round when it was verified before. */
    Optional<Candidate> verify(int query, int candidate) {
        int low = Math.min(query, candidate);
        int high = Math.max(query, candidate);
        long pair = pairIndex(low, high);
        if (!verified.get(Math.toIntExact(pair))) {
            verifier.verify(images.get(low), images.get(high), high).ifPresent(c -> matched.put(pair, c));
            verified.set(Math.toIntExact(pair));
        }
        Candidate lowToHigh = matched.get(pair);
        if (lowToHigh == null) {
            return Optional.empty();
        }
        return Optional.of(query == low ? lowToHigh : turnedRound(lowToHigh, low));
    }

    /** The pair seen from its candidate: the inverse transposition, the points swapped. */
    private static Candidate turnedRound(Candidate c, int image) {
        List<PointPair> swapped = c.inliers().stream().map(PointPair::swapped).toList();
        return new Candidate(image, c.score(), c.transposition().inverse(), swapped);
    }

    /** Unordered pairs numbered so the numbers stay put as images are added. */
    private static long pairIndex(int low, int high) {
        return (long) high * (high - 1) / 2 + low;
    }

    private static List<Candidate> best(List<Candidate> found, int k) {
        return found.stream().sorted(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingInt(Candidate::image)).limit(k).toList();
    }

    @Override
    public void close() {
        images.forEach(ImageFeatures::close);
        extractor.close();
        verifier.close();
    }
}
