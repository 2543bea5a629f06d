package dev.ferry.demos.av;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * What a file is, from its bytes: FFmpeg probes the container and its streams, the file's
 * name plays no part.
 */
public final class MediaProbe {
    private MediaProbe() {
    }

    /** Opens, probes and closes {@code file}; bad input when FFmpeg cannot read it. */
    public static MediaInfo probe(Path file) {
        FFmpegFrameGrabber grabber = Grabbers.open(file);
        try {
            return describe(grabber);
        } finally {
            Grabbers.close(grabber);
        }
    }

    /** The tracks of a started grabber: the first video and audio streams, as the grabber decodes. */
    static MediaInfo describe(FFmpegFrameGrabber grabber) {
        AVFormatContext oc = grabber.getFormatContext();
        String format = oc.iformat().name().getString();
        OptionalDouble duration = oc.duration() == avutil.AV_NOPTS_VALUE || oc.duration() <= 0
                ? OptionalDouble.empty()
                : OptionalDouble.of(oc.duration() / (double) avutil.AV_TIME_BASE);
        return new MediaInfo(format, duration, video(grabber, oc), audio(grabber, oc));
    }

    /** The index of the stream the grabber decodes video from: the first video stream. */
    static int videoStreamIndex(AVFormatContext oc) {
        return firstStream(oc, avutil.AVMEDIA_TYPE_VIDEO);
    }

    private static int firstStream(AVFormatContext oc, int type) {
        for (int i = 0; i < oc.nb_streams(); i++) {
            if (oc.streams(i).codecpar().codec_type() == type) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<VideoTrack> video(FFmpegFrameGrabber grabber, AVFormatContext oc) {
        int index = videoStreamIndex(oc);
        if (!grabber.hasVideo() || index < 0) {
            return Optional.empty();
        }
        AVStream stream = oc.streams(index);
        if ((stream.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) != 0) {
            return Optional.empty(); // an album cover inside an audio file
        }
        AVCodecParameters par = stream.codecpar();
        int rotation = rotation(grabber);
        boolean sideways = rotation == 90 || rotation == 270;
        int width = sideways ? par.height() : par.width();
        int height = sideways ? par.width() : par.height();
        return Optional.of(new VideoTrack(avcodec.avcodec_get_name(par.codec_id()).getString(), width, height,
                grabber.getVideoFrameRate(), Math.max(0, stream.nb_frames()), rotation));
    }

    private static Optional<AudioTrack> audio(FFmpegFrameGrabber grabber, AVFormatContext oc) {
        int index = firstStream(oc, avutil.AVMEDIA_TYPE_AUDIO);
        if (!grabber.hasAudio() || index < 0) {
            return Optional.empty();
        }
        AVCodecParameters par = oc.streams(index).codecpar();
        return Optional.of(new AudioTrack(avcodec.avcodec_get_name(par.codec_id()).getString(),
                grabber.getSampleRate(), grabber.getAudioChannels()));
    }

    /**
     * Degrees clockwise that turn stored frames upright. FFmpeg's display matrix gives the
     * counter-clockwise angle of the transform; older files carry a {@code rotate} tag instead.
     */
    static int rotation(FFmpegFrameGrabber grabber) {
        double counterClockwise = grabber.getDisplayRotation();
        double clockwise = -counterClockwise;
        if (counterClockwise == 0) {
            Map<String, String> metadata = grabber.getVideoMetadata();
            String tag = metadata == null ? null : metadata.get("rotate");
            if (tag != null) {
                try {
                    clockwise = Double.parseDouble(tag.trim());
                } catch (NumberFormatException e) {
                    clockwise = 0;
                }
            }
        }
        long quarter = Math.round(clockwise / 90.0);
        return (int) Math.floorMod(quarter * 90, 360);
    }
}
