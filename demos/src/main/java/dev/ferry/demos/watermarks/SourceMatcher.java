package dev.ferry.demos.watermarks;

import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.sources.Source;
import dev.ferry.core.sources.SourceIndex;
import dev.ferry.core.sources.SourceStore;
import dev.ferry.demos.matching.Candidate;
import dev.ferry.demos.matching.CorpusEngine;
import dev.ferry.demos.media.ImageDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Matches the queries an engine holds (numbered from 0) against a source's images, added to the
 * engine after them as candidates ({@link SourceFeatures}).
 */
final class SourceMatcher {
    /**
     * Where and under what key an engine's features of a source are kept.
     *
     * @param folder   the engine's folder under the source's {@code features/}, e.g. {@code local}
     * @param settings what the description depends on, e.g. the model's sha256
     */
    record FeatureKey(String folder, String settings) {}

    /**
     * @param matches    per query, its matches best first
     * @param features   {@code cached} or {@code computed}
     * @param unreadable source images left out, each with why
     */
    record Matched(List<List<MatchesReport.Match>> matches, String features, List<String> unreadable) {}

    private final SourceStore store;
    private final SourceFeatures features;

    SourceMatcher(SourceStore store, ImageDecoder decoder, PaperContrast contrast) {
        this.store = store;
        this.features = new SourceFeatures(store, decoder, contrast);
    }

    Matched match(DemoContext ctx, Source source, WatermarkSettings settings, FeatureKey key, CorpusEngine engine,
                  int queries) throws IOException {
        if (queries + source.images() > engine.capacity()) {
            throw DemoFailure.badInput("source " + source.uid() + " has " + source.images() + " images, more than engine "
                    + settings.engine() + " compares in one job (" + engine.capacity() + " images with the queries):"
                    + " use engine embedding");
        }
        SourceFeatures.Indexed indexed = features.load(source.uid(), key.folder(), key.settings(), engine,
                (n, total, name) -> ctx.progress(n - 1, total, "describing source image " + n + " of " + total + ": "
                        + name));
        SourceIndex index = store.index(source.uid());
        List<List<MatchesReport.Match>> matches = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            ctx.progress(q, queries, "matching query " + (q + 1) + " of " + queries);
            List<MatchesReport.Match> found = new ArrayList<>();
            for (Candidate c : engine.rank(q, image -> image >= queries, settings.topk(), settings.minScore())) {
                int sourceIndex = indexed.sourceIndex().get(c.image() - queries);
                found.add(new MatchesReport.Match(Math.round(c.score() * 10_000) / 10_000.0, 0,
                        settings.transpositions().indexOf(c.transposition()), q, sourceIndex,
                        index.images().get(sourceIndex).name(), c.transposition().wireName(), c.inliers().size()));
            }
            matches.add(found);
        }
        return new Matched(matches, indexed.cached() ? "cached" : "computed", indexed.unreadable());
    }
}
