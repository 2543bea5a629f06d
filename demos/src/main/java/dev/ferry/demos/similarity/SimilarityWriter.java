package dev.ferry.demos.similarity;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.demos.matching.Candidate;
import dev.ferry.demos.matching.PointPair;
import dev.ferry.demos.matching.Transposition;
import dev.ferry.demos.media.FailedPage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a job's findings: pairs.json (discover-api's pairs, the same pairs as objects, and
 * the index of sources and images), topk.json (each image's best candidates), inliers.json
 * (the matched points of each pair) and pictures of the best pairs under {@code pairs/}.
 */
final class SimilarityWriter {
    static final String PAIRS = "pairs.json";
    static final String TOPK = "topk.json";
    static final String INLIERS = "inliers.json";
    /** Pictures drawn for the best pairs only: each is a file of tens of kilobytes. */
    static final int MAX_PICTURES = 50;

    /** What pairs.json's parameters say the job was run with. */
    record Parameters(String engine, int topk, double minScore, List<String> transpositions, List<Integer> queries,
                      boolean rerank) {}

    record Index(Map<String, SetReader.Source> sources, List<IndexedImage> images, List<String> transpositions) {}

    /** One pair as an object: the same as the tuple, with names; {@code idI}, {@code idJ} name crops. */
    record NamedPair(int i, int j, double score, String trI, String trJ, String sourceI, String sourceJ,
                     @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> idI,
                     @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> idJ, int inliers,
                     Optional<String> picture) {}

    record PairsFile(Parameters parameters, Index index, List<List<Object>> pairs, List<NamedPair> namedPairs,
                     List<FailedPage> failedPages, List<String> warnings) {}

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Neighbour(int image, String source, Optional<String> id, double score, String transposition, int inliers) {}

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record TopK(int image, String source, Optional<String> id, List<Neighbour> top) {}

    record Inliers(int i, int j, List<float[]> points) {}

    private SimilarityWriter() {}

    /** @return the pairs, best first */
    static List<Pair> write(Path outputs, SetReader.Read read, Map<Integer, List<Candidate>> ranked, Parameters parameters,
                            List<String> warnings) {
        List<Pair> pairs = pairs(ranked);
        List<IndexedImage> images = read.images();
        List<Pair> pictured = pairs.subList(0, Math.min(MAX_PICTURES, pairs.size()));
        for (Pair p : pictured) {
            AtomicFiles.write(outputs.resolve(p.picture()), PairPicture.draw(images.get(p.i()), images.get(p.j()), p));
        }
        List<String> table = Transposition.ALL.stream().map(Transposition::wireName).toList();
        List<List<Object>> tuples = pairs.stream().<List<Object>>map(p -> List.of(p.i(), p.j(), round(p.score()),
                p.trI().ordinal(), p.trJ().ordinal())).toList();
        List<NamedPair> named = pairs.stream().map(p -> new NamedPair(p.i(), p.j(), round(p.score()), p.trI().wireName(),
                p.trJ().wireName(), images.get(p.i()).source(), images.get(p.j()).source(), images.get(p.i()).id(),
                images.get(p.j()).id(), p.inliers().size(),
                pictured.contains(p) ? Optional.of(p.picture()) : Optional.empty())).toList();
        json(outputs.resolve(PAIRS), new PairsFile(parameters, new Index(read.sources(), images, table), tuples, named,
                read.failed(), warnings));
        json(outputs.resolve(TOPK), ranked.entrySet().stream().map(e -> new TopK(e.getKey(),
                images.get(e.getKey()).source(), images.get(e.getKey()).id(), e.getValue().stream().map(c -> new Neighbour(
                        c.image(), images.get(c.image()).source(), images.get(c.image()).id(), round(c.score()),
                        c.transposition().wireName(), c.inliers().size())).toList())).toList());
        json(outputs.resolve(INLIERS), pairs.stream().map(p -> new Inliers(p.i(), p.j(), p.inliers().stream()
                .map(SimilarityWriter::point).toList())).toList());
        return pairs;
    }

    /** Each pair once, from whichever image listed it, best first. */
    static List<Pair> pairs(Map<Integer, List<Candidate>> ranked) {
        Map<Long, Pair> unique = new LinkedHashMap<>();
        ranked.forEach((query, candidates) -> candidates.forEach(c -> {
            Pair p = Pair.of(query, c);
            unique.putIfAbsent((long) p.i() << 32 | p.j(), p);
        }));
        List<Pair> pairs = new ArrayList<>(unique.values());
        pairs.sort(Comparator.comparingDouble(Pair::score).reversed().thenComparingInt(Pair::i).thenComparingInt(Pair::j));
        return pairs;
    }

    private static float[] point(PointPair p) {
        return new float[] {Math.round(p.qx() * 10) / 10f, Math.round(p.qy() * 10) / 10f, Math.round(p.cx() * 10) / 10f,
                Math.round(p.cy() * 10) / 10f};
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }

    private static void json(Path file, Object value) {
        try {
            AtomicFiles.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write " + file.getFileName(), e);
        }
    }
}
