package dev.ferry.demos.av;

import dev.ferry.core.demo.DemoFailure;
import java.util.OptionalDouble;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * A video stream's frames counted from its packets, without decoding them: cheap, exact, and
 * the way to tell a truncated file, whose packets stop short of what its container declares.
 *
 * @param endSeconds      where the video's last packet ends
 * @param declaredSeconds what the container says the video stream lasts: the stream's own duration,
 *                        or Matroska's per-track {@code DURATION} tag, or the file's duration when the
 *                        file has no other track (sound) that could be longer than the video
 */
record PacketCount(int frames, double endSeconds, OptionalDouble declaredSeconds) {

    /** Reads every packet of a started grabber's file. */
    static PacketCount of(FFmpegFrameGrabber grabber) {
        AVFormatContext oc = grabber.getFormatContext();
        int index = MediaProbe.videoStreamIndex(oc);
        AVStream stream = oc.streams(index);
        double timeBase = avutil.av_q2d(stream.time_base());
        long start = stream.start_time() == avutil.AV_NOPTS_VALUE ? 0 : stream.start_time();
        int frames = 0;
        long end = Long.MIN_VALUE;
        try {
            for (AVPacket packet = grabber.grabPacket(); packet != null; packet = grabber.grabPacket()) {
                if (packet.stream_index() == index) {
                    frames++;
                    long pts = packet.pts() != avutil.AV_NOPTS_VALUE ? packet.pts() : packet.dts();
                    if (pts != avutil.AV_NOPTS_VALUE) {
                        end = Math.max(end, pts + Math.max(0, packet.duration()));
                    }
                }
                avcodec.av_packet_unref(packet);
            }
        } catch (FrameGrabber.Exception e) {
            throw DemoFailure.badInput("the video cannot be read: " + e.getMessage());
        }
        double endSeconds = end == Long.MIN_VALUE ? 0 : (end - start) * timeBase;
        return new PacketCount(frames, endSeconds, declaredSeconds(oc, stream, timeBase));
    }

    /** Whether the packets stop well short (over 1 s and 10%) of the video's declared duration. */
    boolean endsEarly() {
        if (declaredSeconds.isEmpty() || endSeconds <= 0) {
            return false;
        }
        double declared = declaredSeconds.getAsDouble();
        return endSeconds < declared - Math.max(1.0, 0.1 * declared);
    }

    private static OptionalDouble declaredSeconds(AVFormatContext oc, AVStream stream, double timeBase) {
        if (stream.duration() != avutil.AV_NOPTS_VALUE && stream.duration() > 0) {
            return OptionalDouble.of(stream.duration() * timeBase);
        }
        AVDictionaryEntry tag = avutil.av_dict_get(stream.metadata(), "DURATION", null, 0);
        if (tag != null && tag.value() != null) {
            String[] hms = tag.value().getString().trim().split(":");
            if (hms.length == 3) {
                try {
                    return OptionalDouble.of(Integer.parseInt(hms[0]) * 3600 + Integer.parseInt(hms[1]) * 60
                            + Double.parseDouble(hms[2]));
                } catch (NumberFormatException e) {
                    return OptionalDouble.empty();
                }
            }
        }
        boolean onlyTrack = oc.nb_streams() == 1;
        return onlyTrack && oc.duration() != avutil.AV_NOPTS_VALUE && oc.duration() > 0
                ? OptionalDouble.of(oc.duration() / (double) avutil.AV_TIME_BASE)
                : OptionalDouble.empty();
    }
}
