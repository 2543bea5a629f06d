package dev.ferry.api.jobs;

import java.util.Locale;
import java.util.Map;

/** The Content-Type of an output file, from its extension: outputs are written by demos, so their names are trusted. */
final class OutputTypes {
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("json", "application/json"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("zip", "application/zip"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("wav", "audio/wav"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("srt", "application/x-subrip"),
            Map.entry("vtt", "text/vtt; charset=utf-8"));

    private OutputTypes() {}

    static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(extension, "application/octet-stream");
    }

    /** Types a browser would run scripts in; served sandboxed so an output cannot act as the API's origin. */
    static boolean isActive(String type) {
        return type.startsWith("text/html") || type.startsWith("image/svg+xml");
    }
}
