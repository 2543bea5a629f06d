package dev.ferry.demos.asr;

import dev.ferry.core.json.Json;
import dev.ferry.core.storage.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Writes a job's files: segments.json always; transcript.json, .srt and .vtt when there was a recognition model. */
final class AsrWriter {
    static final String SEGMENTS = "segments.json";
    static final String TRANSCRIPT = "transcript.json";
    static final String SRT = "transcript.srt";
    static final String VTT = "transcript.vtt";

    private AsrWriter() {}

    static void segments(Path dir, SegmentsReport report) {
        AtomicFiles.write(dir.resolve(SEGMENTS), Json.writeBytes(report));
    }

    static void transcript(Path dir, List<TranscribedSegment> segments, String languageCode) {
        AtomicFiles.write(dir.resolve(TRANSCRIPT), Json.writeBytes(GoogleTranscript.of(segments, languageCode)));
        List<Subtitles.Cue> cues = Subtitles.cues(segments);
        AtomicFiles.write(dir.resolve(SRT), Subtitles.srt(cues).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(dir.resolve(VTT), Subtitles.vtt(cues).getBytes(StandardCharsets.UTF_8));
    }
}
