package dev.ferry.demos.av;

import dev.ferry.core.demo.DemoFailure;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The frames of a video — MP4, WebM, MOV, AVI, MKV, whatever FFmpeg demuxes — read by index.
 * Opening probes the file and counts its frames from the container's packets (no decoding);
 * {@link #read} then decodes once from the start and converts to BGR only the frames asked
 * for, so memory does not grow with the length of the video. Frames come upright: the
 * display rotation is applied.
 */
public final class VideoReader {
    /** Frames the decoder may come up short of the packet count before the file counts as damaged. */
    private static final int TAIL = 3;

    private final Path file;
    private final MediaInfo info;
    private final VideoTrack track;
    private final int frameCount;
    private final double durationSeconds;

    private VideoReader(Path file, MediaInfo info, VideoTrack track, int frameCount, double durationSeconds) {
        this.file = file;
        this.info = info;
        this.track = track;
        this.frameCount = frameCount;
        this.durationSeconds = durationSeconds;
    }

    /**
     * Probes {@code file} and counts its frames. Bad input when it is not a media file, is a
     * still image, has no video stream, holds no frames, or stops short of what its
     * container declares (a truncated file).
     */
    public static VideoReader open(Path file) {
        FFmpegFrameGrabber grabber = Grabbers.open(file);
        try {
            MediaInfo info = MediaProbe.describe(grabber);
            String name = Grabbers.name(file);
            if (info.isStillImage()) {
                throw DemoFailure.badInput(name + " is an image (" + info.format() + "), not a video");
            }
            if (info.video().isEmpty()) {
                throw DemoFailure.badInput(name + " has no video stream"
                        + (info.audio().isPresent() ? " (it is audio only)" : ""));
            }
            VideoTrack track = info.video().get();
            PacketCount count = PacketCount.of(grabber);
            if (count.frames() == 0) {
                throw DemoFailure.badInput(name + " has a video stream without frames");
            }
            if (track.declaredFrames() > count.frames() || count.endsEarly()) {
                throw DemoFailure.badInput(String.format(Locale.ROOT,
                        "%s is truncated: its video stops after %d frames (%.2f s) of the %s its container declares",
                        name, count.frames(), count.endSeconds(), track.declaredFrames() > count.frames()
                                ? track.declaredFrames() + " frames"
                                : String.format(Locale.ROOT, "%.2f s", count.declaredSeconds().orElse(0))));
            }
            double duration = count.endSeconds() > 0 ? count.endSeconds()
                    : count.frames() / (track.frameRate() > 0 ? track.frameRate() : 25.0);
            return new VideoReader(file, info, track, count.frames(), duration);
        } finally {
            Grabbers.close(grabber);
        }
    }

    public MediaInfo info() {
        return info;
    }

    public VideoTrack track() {
        return track;
    }

    /** Frames in the video, counted from its packets. */
    public int frameCount() {
        return frameCount;
    }

    /** From the first frame to the end of the last, in seconds. */
    public double durationSeconds() {
        return durationSeconds;
    }

    /** Frames per second over the whole video (the average, whatever the container's nominal rate). */
    public double frameRate() {
        return frameCount / durationSeconds;
    }

    /** The nominal time of frame {@code index}, for planning before decoding. */
    public double secondsOf(int index) {
        return index / frameRate();
    }

    /**
     * Decodes from the start and gives {@code sink} each frame whose index is in
     * {@code wanted} (ascending, distinct), stopping after the last. {@code decoded} hears the
     * index of every decoded frame, a place to report progress or stop a cancelled job (by
     * throwing). Should the decoder yield a few frames fewer than the container holds, the
     * missing last indices get the last frame.
     */
    public void read(int[] wanted, FrameSink sink, IntConsumer decoded) throws Exception {
        for (int i = 0; i < wanted.length; i++) {
            if (wanted[i] < 0 || wanted[i] >= frameCount || (i > 0 && wanted[i] <= wanted[i - 1])) {
                throw new IllegalArgumentException("frame indices must be ascending, distinct and below "
                        + frameCount + ": " + wanted[i]);
            }
        }
        if (wanted.length == 0) {
            return;
        }
        FFmpegFrameGrabber grabber = Grabbers.open(file);
        Mat last = null;
        double lastSeconds = 0;
        int next = 0;
        try {
            long origin = Long.MIN_VALUE;
            for (int index = 0; next < wanted.length; index++) {
                boolean want = wanted[next] == index;
                boolean tail = index >= frameCount - TAIL;
                Frame frame = grabber.grabFrame(false, true, want || tail, false, false);
                if (frame == null) {
                    break;
                }
                decoded.accept(index);
                origin = origin == Long.MIN_VALUE ? frame.timestamp : origin;
                double seconds = (frame.timestamp - origin) / 1e6;
                if (want || tail) {
                    // Freed here, not by the collector: a long video converts thousands of frames between collections.
                    try (BytePointer data = new BytePointer((ByteBuffer) frame.image[0].position(0));
                         Mat stored = new Mat(frame.imageHeight, frame.imageWidth, opencv_core.CV_8UC3, data,
                                 frame.imageStride);
                         Mat upright = upright(stored)) {
                        if (want) {
                            sink.accept(new VideoFrame(index, seconds, upright));
                            next++;
                        }
                        if (tail) {
                            if (last != null) {
                                last.close();
                            }
                            last = upright.clone();
                            lastSeconds = seconds;
                        }
                    }
                }
            }
            if (next < wanted.length) {
                if (last == null || wanted.length - next > TAIL) {
                    throw DemoFailure.badInput(Grabbers.name(file) + " is damaged: its frames stop decoding before"
                            + " frame " + wanted[next] + " of " + frameCount);
                }
                for (; next < wanted.length; next++) {
                    sink.accept(new VideoFrame(wanted[next], lastSeconds, last));
                }
            }
        } finally {
            if (last != null) {
                last.close();
            }
            Grabbers.close(grabber);
        }
    }

    /**
     * The frame upright: a view of {@code stored} (the grabber's BGR buffer, wrapped here rather
     * than by JavaCV's converter, which infers the channel count from the row stride and gets it
     * wrong when FFmpeg pads the rows of narrow frames), or a turned copy of it.
     */
    private Mat upright(Mat stored) {
        if (track.rotation() == 0) {
            return new Mat(stored);
        }
        Mat turned = new Mat();
        int code = switch (track.rotation()) {
            case 90 -> opencv_core.ROTATE_90_CLOCKWISE;
            case 180 -> opencv_core.ROTATE_180;
            default -> opencv_core.ROTATE_90_COUNTERCLOCKWISE;
        };
        opencv_core.rotate(stored, turned, code);
        return turned;
    }
}
