package dev.ferry.demos.watermarks;

import ai.onnxruntime.OrtException;
import dev.ferry.demos.matching.SimilarityEngine;
import dev.ferry.demos.media.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.bytedeco.opencv.global.opencv_imgcodecs;

/**
 * Turns each photo into its queries: cut, evened out, saved under {@code crops/} as matched and
 * added to the engine (which keeps their features, not their pixels), numbered from 0 in the
 * order they are cut, which is their {@code query_index} and their number in the engine.
 */
final class QueryReader {
    static final String CROPS = "crops";

    private final QueryCutter cutter;
    private final SimilarityEngine engine;
    private final Path outputs;
    private final List<MatchesReport.Query> queries = new ArrayList<>();

    QueryReader(QueryCutter cutter, SimilarityEngine engine, Path outputs) {
        this.cutter = cutter;
        this.engine = engine;
        this.outputs = outputs;
    }

    /** @param photo the page's number in the job, from 0 */
    MatchesReport.Photo read(int photo, Page page, BooleanSupplier cancelled) throws OrtException, IOException {
        try (PhotoQueries cut = cutter.cut(page.image(), cancelled)) {
            List<Integer> numbers = new ArrayList<>();
            for (PhotoQueries.Query q : cut.queries()) {
                int number = queries.size();
                String crop = CROPS + "/" + number + ".jpg";
                Files.createDirectories(outputs.resolve(CROPS));
                if (!opencv_imgcodecs.imwrite(outputs.resolve(crop).toString(), q.image())) {
                    throw new IOException("OpenCV could not write " + crop);
                }
                engine.add(q.image());
                queries.add(new MatchesReport.Query(number, photo, q.box(), crop));
                numbers.add(number);
            }
            Optional<MatchesReport.Detected> detection = cut.detected()
                    ? Optional.of(new MatchesReport.Detected(cut.boxes(), cut.scores()))
                    : Optional.empty();
            return new MatchesReport.Photo(photo, page.source(), page.width(), page.height(), cut.detected(), detection,
                    numbers);
        }
    }

    /** The queries cut so far, by {@code query_index}. */
    List<MatchesReport.Query> queries() {
        return List.copyOf(queries);
    }

    int count() {
        return queries.size();
    }
}
