package dev.ferry.demos.faces;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.demos.media.FailedPage;
import java.util.List;
import java.util.Optional;

/**
 * The content of {@code faces.json}.
 *
 * @param emotionModel the emotion model used, absent when none is installed
 * @param note         what the reader should know, e.g. how to install the emotion model
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record FacesReport(
        String detector,
        Optional<String> emotionModel,
        Optional<String> note,
        List<PageFaces> pages,
        List<FailedPage> failedPages,
        List<String> warnings) {

    /** The faces of one page and the file its annotated copy was written to. */
    public record PageFaces(int page, String source, int width, int height, String annotated, List<Face> faces) {}

    /**
     * One face: where it is, its keypoints when the detector gives them (left out otherwise)
     * and, with an emotion model, what it shows (most likely first).
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Face(FaceBox box, Optional<Double> confidence,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FaceKeypoint> keypoints,
                       List<Emotion> emotions, Optional<Emotion> dominantEmotion) {}
}
