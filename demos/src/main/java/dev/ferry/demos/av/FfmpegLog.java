package dev.ferry.demos.av;

import org.bytedeco.ffmpeg.global.avutil;

/** FFmpeg writes every damaged packet and every opened file to stderr; the failure a user sees is ours. */
final class FfmpegLog {
    private FfmpegLog() {
    }

    static {
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
    }

    /** Loads this class, which silences FFmpeg once per process. */
    static void quiet() {
        // the static initialiser did the work
    }
}
