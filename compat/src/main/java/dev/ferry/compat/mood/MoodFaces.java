package dev.ferry.compat.mood;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.job.JobId;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.DataFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The faces a {@code faces} job found on the picture, read from its {@code faces.json}
 * (docs/demos.md, faces): what Ferry computes of each face, and nothing it does not.
 */
record MoodFaces(List<Face> faces) {
    static final String REPORT = "faces.json";

    /**
     * @param score   the detector's confidence in [0, 1], when the detector gives one (BlazeFace; the Haar cascade gives none)
     * @param emotion the most likely emotion, with an emotion model installed
     */
    record Face(int x, int y, int width, int height, Optional<Double> score, Optional<Emotion> emotion) {
        long area() {
            return (long) width * height;
        }
    }

    /** @param confidence in [0, 1] */
    record Emotion(String label, double confidence) {}

    /** The job's faces, or empty when its report is gone (the job expired). */
    static Optional<MoodFaces> of(DataFolder data, JobId job) {
        Path report = data.outputsDir(job).resolve(REPORT);
        if (!Files.isRegularFile(report)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(Json.MAPPER.readTree(report.toFile())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static MoodFaces parse(JsonNode report) {
        List<Face> faces = new ArrayList<>();
        // one picture is one page
        for (JsonNode face : report.path("pages").path(0).path("faces")) {
            JsonNode box = face.path("box");
            JsonNode dominant = face.path("dominant_emotion");
            faces.add(new Face(box.path("x").asInt(), box.path("y").asInt(), box.path("width").asInt(), box.path("height").asInt(),
                    face.hasNonNull("confidence") ? Optional.of(face.get("confidence").asDouble()) : Optional.empty(),
                    dominant.isObject() ? Optional.of(new Emotion(dominant.path("label").asText(), dominant.path("confidence").asDouble()))
                            : Optional.empty()));
        }
        return new MoodFaces(List.copyOf(faces));
    }

    /** The face /analyze/ speaks of when there are several: the largest, the one nearest the camera. */
    Optional<Face> largest() {
        return faces.stream().max(Comparator.comparingLong(Face::area));
    }
}
