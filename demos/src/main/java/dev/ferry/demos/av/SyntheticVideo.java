package dev.ferry.demos.av;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Writes videos whose frames a caller paints, for the benchmark and the tests: H.264 in MP4
 * (or MOV, MKV), VP8 in WebM, MPEG-4 Part 2 in AVI, optionally with a display rotation in the
 * container. Encoded at high quality, so a flat colour decodes within a few levels of itself.
 */
public final class SyntheticVideo {
    /** Paints frame {@code index} into {@code bgr} (8-bit, three channels, the stored size). */
    @FunctionalInterface
    public interface Painter {
        void paint(int index, Mat bgr);
    }

    private SyntheticVideo() {
    }

    /**
     * @param container mp4, mov, mkv, webm or avi
     * @param rotation  0, 90, 180 or 270: degrees clockwise a player turns the stored frames
     */
    public static Path write(Path file, String container, int width, int height, int fps, int frames,
                             int rotation, Painter painter) throws FrameRecorder.Exception {
        FfmpegLog.quiet();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
             Mat canvas = new Mat(height, width, opencv_core.CV_8UC3)) {
            recorder.setFormat(container.equals("mkv") ? "matroska" : container);
            recorder.setFrameRate(fps);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setGopSize(fps);
            // Small frames get a generous floor, so test colours survive the encoder.
            int bitrate = Math.max(width * height * fps / 4, 2_000_000);
            switch (container) {
                case "webm" -> {
                    recorder.setVideoCodec(avcodec.AV_CODEC_ID_VP8);
                    recorder.setVideoBitrate(bitrate);
                    recorder.setVideoOption("deadline", "realtime");
                    recorder.setVideoOption("cpu-used", "8");
                }
                case "avi" -> {
                    recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                    recorder.setVideoQuality(2);
                }
                default -> {
                    recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
                    recorder.setVideoBitrate(bitrate);
                }
            }
            if (rotation != 0) {
                // The display matrix holds the counter-clockwise angle.
                recorder.setDisplayRotation(-rotation);
            }
            recorder.start();
            for (int i = 0; i < frames; i++) {
                painter.paint(i, canvas);
                recorder.record(converter.convert(canvas));
            }
            recorder.stop();
        }
        return file;
    }
}
