package dev.ferry.compat.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.api.http.ApiException;
import dev.ferry.core.storage.InputSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The request shapes of discover-api app/shared/routes.py, receive_task. */
class DiscoverRequestTest {

    @Test
    void documentsMayBeAJsonStringAndTheOtherKeysAreTheParameters() {
        DiscoverRequest request = DiscoverRequest.of(Map.of(
                "experiment_id", "exp-1",
                "notify_url", "https://front.example/notify?token=t",
                "documents", "[{\"type\": \"iiif\", \"src\": \"https://eida.obspm.fr/iiif/wit3/manifest.json\"}]",
                "model", "illustration_extraction.pt"));

        assertEquals("exp-1", request.experimentId());
        assertEquals(Optional.of("https://front.example/notify?token=t"), request.notifyUrl());
        assertEquals(List.of(new DiscoverDocument("iiif", "https://eida.obspm.fr/iiif/wit3/manifest.json",
                "eidaobspmfr^iiif^wit3^manifestjson")), request.documents());
        assertEquals(Map.of("model", "illustration_extraction.pt"), request.parameters());
    }

    @Test
    void parametersWinOverTopLevelKeysAndAnExperimentIdIsMadeWhenMissing() {
        DiscoverRequest request = DiscoverRequest.of(Map.of(
                "documents", List.of(Map.of("type", "zip", "src", "https://x.example/a.zip", "uid", "mine")),
                "parameters", Map.of("model", "m"), "model", "ignored"));

        assertEquals(Map.of("model", "m"), request.parameters());
        assertEquals("mine", request.documents().get(0).uid());
        assertEquals(request.experimentId(), UUID.fromString(request.experimentId()).toString());
    }

    @Test
    void clusteringsDatasetUrlIsAZipDocumentAndItsParametersMayBeAJsonString() {
        DiscoverRequest request = DiscoverRequest.of(Map.of("dataset_url", "https://front.example/media/d.zip",
                "dataset_id", "d1", "parameters", "{\"n_prototypes\": 4}"));

        assertEquals("zip", request.documents().get(0).type());
        assertEquals("https://front.example/media/d.zip", request.documents().get(0).src());
        assertEquals(Map.of("n_prototypes", 4), request.parameters());
    }

    @Test
    void badDocumentsAreRefusedNamingTheEntry() {
        ApiException type = assertThrows(ApiException.class, () -> DiscoverRequest.of(Map.of(
                "documents", List.of(Map.of("type", "iiif", "src", "https://a.example/m.json"), Map.of("type", "tiff", "src", "https://b")))));
        assertEquals(400, type.status());
        assertEquals(Optional.of("documents[1].type"), type.field());

        ApiException src = assertThrows(ApiException.class, () -> DiscoverRequest.of(Map.of(
                "documents", List.of(Map.of("type", "pdf", "src", "file:///etc/passwd")))));
        assertEquals(Optional.of("documents[0].src"), src.field());

        ApiException json = assertThrows(ApiException.class, () -> DiscoverRequest.of(Map.of("documents", "[{")));
        assertTrue(json.getMessage().contains("not valid JSON"), json.getMessage());
        assertEquals(400, assertThrows(ApiException.class, () -> DiscoverRequest.of(Map.of())).status());
    }

    @Test
    void documentsBecomeUrlInputsButAUrlListIsRefused() {
        InputSpec spec = StartHandler.inputs(List.of(new DiscoverDocument("pdf", "https://a.example/r.pdf", "r"),
                new DiscoverDocument("img", "https://a.example/p.jpg", "p")));
        assertEquals(List.of(new InputSpec.UrlInput("https://a.example/r.pdf"), new InputSpec.UrlInput("https://a.example/p.jpg")),
                spec.inputs());

        ApiException list = assertThrows(ApiException.class, () -> StartHandler.inputs(List.of(
                new DiscoverDocument("url_list", "https://a.example/list.json", "l"))));
        assertEquals(Optional.of("documents[0].type"), list.field());
        assertTrue(list.getMessage().contains("url_list"), list.getMessage());
        assertEquals(400, assertThrows(ApiException.class, () -> StartHandler.inputs(List.of())).status());
    }
}
