package dev.ferry.demos.faces;

import java.util.List;

/** A landmark of a face, in the page's own pixels. */
public record FaceKeypoint(String name, int x, int y) {
    /** BlazeFace's six keypoints, in its output order; right and left are the person's own. */
    public static final List<String> BLAZEFACE_NAMES =
            List.of("right_eye", "left_eye", "nose_tip", "mouth", "right_ear_tragion", "left_ear_tragion");
}
