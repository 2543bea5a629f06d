package dev.ferry.demos.watermarks;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.demos.media.FailedPage;
import java.util.List;
import java.util.Optional;

/**
 * {@code matches.json}: discover-api's watermark answer (detection boxes, and per query its
 * matches with {@code similarity}, {@code best_source_flip}, {@code best_query_flip},
 * {@code query_index}, {@code source_index}) with named fields beside them, for every photo of
 * the job.
 *
 * @param queryFlips  the transpositions tried on the queries; {@code best_query_flip} indexes it
 * @param sourceFlips what source images were tried under: only as they are
 * @param matches     per query, by {@code query_index}, its matches best first
 */
record MatchesReport(SourceInfo source, String engine, List<String> queryFlips, List<String> sourceFlips,
                     List<Photo> photos, List<Query> queries, List<List<Match>> matches,
                     List<FailedPage> failedPages, List<String> warnings) {
    static final String FILE = "matches.json";

    record SourceInfo(String uid, String name, int images) {}

    /**
     * One photo (page) of the job.
     *
     * @param photo     the page's number in the job, from 0
     * @param detection the detector's boxes, present when it ran ({@code detected})
     * @param queries   the {@code query_index} of each query cut from it
     */
    record Photo(int photo, String source, int width, int height, boolean detected,
                 @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Detected> detection, List<Integer> queries) {}

    /** Relative {@code [x0, y0, x1, y1]} boxes of the photo, best first, and their scores. */
    record Detected(List<double[]> boxes, List<Double> scores) {}

    /**
     * @param box  the relative box cut: the detected box squared, or {@code [0, 0, 1, 1]} for the whole photo
     * @param crop the query as matched, under the job's outputs
     */
    record Query(int queryIndex, int photo, double[] box, String crop) {}

    /**
     * @param similarity     the engine's score, 0 to 1
     * @param bestQueryFlip  index in {@code query_flips} of what turns the query into the source image's orientation
     * @param sourceIndex    the image's place in the source's {@code index.json}
     * @param inliers        matched points that verify the match (local engine); 0 without
     */
    record Match(double similarity, int bestSourceFlip, int bestQueryFlip, int queryIndex, int sourceIndex,
                 String sourceImage, String transposition, int inliers) {}
}
