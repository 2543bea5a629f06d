package dev.ferry.demos.av;

import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.storage.JobInputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Opens a file with FFmpeg and turns FFmpeg's refusals into a user's words. Every pass over
 * a file opens a fresh grabber: nothing native outlives the pass.
 */
final class Grabbers {
    private Grabbers() {
    }

    /** A started grabber; the caller closes it. A file FFmpeg cannot open is bad input. */
    static FFmpegFrameGrabber open(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (size == 0) {
            throw DemoFailure.badInput(name(file) + " is empty (0 bytes)");
        }
        FfmpegLog.quiet();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        try {
            grabber.start();
            return grabber;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            close(grabber);
            throw DemoFailure.badInput(name(file) + " is not a media file FFmpeg can read, or it is damaged or"
                    + " truncated (" + size + " bytes)");
        }
    }

    static void close(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            // Releasing native memory of a file already read: nothing left to save.
        }
    }

    /** The name the user gave the file: messages go to users, who should not see server paths. */
    static String name(Path file) {
        return JobInputs.originalName(file);
    }
}
