package dev.ferry.demos.av;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What probing a file found: the container FFmpeg recognised and its first video and audio
 * tracks. {@code durationSeconds} is what the container declares, which a truncated file or
 * a lying header can overstate.
 */
public record MediaInfo(String format, OptionalDouble durationSeconds, Optional<VideoTrack> video,
                        Optional<AudioTrack> audio) {

    /** A still image (a PNG, a JPEG...) that FFmpeg opens as a one-frame video. */
    public boolean isStillImage() {
        return format.equals("image2") || format.endsWith("_pipe");
    }
}
