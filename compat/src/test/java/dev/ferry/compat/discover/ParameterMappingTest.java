package dev.ferry.compat.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.api.http.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParameterMappingTest {

    @Test
    void regionsWatermarksAreSquareCropsWithAFivePercentMargin() {
        // discover-api app/regions/regions.py, EXTRACTOR_POSTPROCESS_KWARGS: {"squarify": True, "margin": 0.05}
        assertEquals(Map.of("model", "fasterrcnn_watermark_extraction", "postprocess", "square", "margin", 0.05),
                ParameterMapping.toFerry("regions", Map.of("model", "fasterrcnn_watermark_extraction.pt", "postprocess", "watermarks")));
        assertEquals(Map.of(), ParameterMapping.toFerry("regions", Map.of("postprocess", "none", "tracking_url", "ignored")));
        ApiException bad = assertThrows(ApiException.class, () -> ParameterMapping.toFerry("regions", Map.of("postprocess", "blur")));
        assertEquals(Optional.of("postprocess"), bad.field());
    }

    @Test
    void vectorizationRunsOpenCvWithoutAModelAndOnnxWithOne() {
        assertEquals(Map.of(), ParameterMapping.toFerry("vectorization", Map.of()));
        assertEquals(Map.of("engine", "onnx", "model", "checkpoint0045"),
                ParameterMapping.toFerry("vectorization", Map.of("model", "checkpoint0045")));
    }

    @Test
    void clusteringMapsDtiParametersAndRefusesWhatTikCannotDo() {
        // the parameters discover-demo sends (front/dticlustering/forms.py)
        assertEquals(Map.of("n_prototypes", 6, "transformation", "identity"), ParameterMapping.toFerry("clustering",
                Map.of("n_prototypes", 6, "background_option", "0_dti", "transformation_sequence", "identity_color")));
        assertEquals("affine", ParameterMapping.toFerry("clustering", Map.of("transformation_sequence", "identity_color_affine"))
                .get("transformation"));
        assertEquals(Optional.of("background_option"), assertThrows(ApiException.class,
                () -> ParameterMapping.toFerry("clustering", Map.of("background_option", "1_learn_bg"))).field());
        assertEquals(Optional.of("transformation_sequence"), assertThrows(ApiException.class,
                () -> ParameterMapping.toFerry("clustering", Map.of("transformation_sequence", "identity_tps"))).field());
    }

    @Test
    void similarityRunsTheNamedFeatureExtractorAndVerifiesForSegswap() {
        // discover-api app/similarity/routes.py, start_similarity: feat_net, algorithm, transpositions (a list)
        assertEquals(Map.of("engine", "embedding", "model", "dino_deitsmall16_pretrain", "transpositions", "none,rot180"),
                ParameterMapping.toFerry("similarity", Map.of("feat_net", "dino_deitsmall16_pretrain.pth", "algorithm", "cosine",
                        "transpositions", List.of("none", "ROT180"), "cosine_n_filter", 10)));
        assertEquals(true, ParameterMapping.toFerry("similarity", Map.of("feat_net", "resnet", "algorithm", "segswap")).get("rerank"));
        assertEquals(Map.of(), ParameterMapping.toFerry("similarity", Map.of("algorithm", "segswap", "segswap_n", 10)));
        assertEquals(Optional.of("algorithm"), assertThrows(ApiException.class,
                () -> ParameterMapping.toFerry("similarity", Map.of("algorithm", "euclid"))).field());
        assertEquals(Optional.of("transpositions"), assertThrows(ApiException.class,
                () -> ParameterMapping.toFerry("similarity", Map.of("transpositions", List.of()))).field());
    }
}
