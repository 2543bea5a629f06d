package dev.ferry.compat.discover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * discover's similarity parameters (app/similarity/routes.py, start_similarity) as Ferry's
 * similarity demo takes them. A {@code feat_net} names a feature extractor, so it runs the
 * embedding engine on that model; without one, the local-features engine, which needs none.
 * {@code algorithm: segswap} is discover's verifying matcher: Ferry verifies by local features,
 * as a rerank of the embedding engine or as the local engine itself. segswap_* and
 * cosine_n_filter tune discover's own engines and are ignored.
 */
final class SimilarityParameters {
    private SimilarityParameters() {}

    static Map<String, Object> toFerry(Map<String, Object> discover) {
        Map<String, Object> ferry = new LinkedHashMap<>();
        Optional<String> featNet = ParameterMapping.text(discover, "feat_net");
        featNet.ifPresent(model -> {
            ferry.put("engine", "embedding");
            ferry.put("model", ParameterMapping.modelStem(model));
        });
        String algorithm = ParameterMapping.text(discover, "algorithm").orElse("cosine");
        switch (algorithm) {
            case "cosine" -> { }
            case "segswap" -> featNet.ifPresent(model -> ferry.put("rerank", true));
            default -> throw DiscoverRequest.invalid("algorithm", "algorithm must be cosine or segswap; got '" + algorithm + "'");
        }
        Optional.ofNullable(discover.get("transpositions")).ifPresent(t -> ferry.put("transpositions", transpositions(t)));
        Optional.ofNullable(discover.get("topk")).ifPresent(topk -> ferry.put("topk", topk));
        return ferry;
    }

    /** discover sends a list of names (AllTranspose members, read case-blind); Ferry takes them comma-separated. */
    private static String transpositions(Object given) {
        if (!(given instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(String.class::isInstance)) {
            throw DiscoverRequest.invalid("transpositions", "transpositions must be a non-empty list of names, e.g. [\"none\", \"rot90\"]");
        }
        List<String> names = new ArrayList<>();
        list.forEach(name -> names.add(((String) name).strip().toLowerCase(Locale.ROOT)));
        return String.join(",", names);
    }
}
