package dev.ferry.demos.av;

/**
 * A video track as stored: coded size, frame rate, frame count as the container declares it
 * (0 when it does not, as Matroska and WebM), and the display rotation in degrees clockwise
 * (0, 90, 180 or 270) that turns stored frames upright. {@link #width()} and {@link #height()}
 * are the upright size.
 */
public record VideoTrack(String codec, int width, int height, double frameRate, long declaredFrames,
                         int rotation) {
}
