package dev.ferry.core.storage;

import java.util.Locale;
import java.util.Map;

/**
 * The content type of an output file, from its extension (uploads are recognised by their
 * bytes instead: {@link MediaTypes}). One fixed table shared by the
 * worker (which records each file's type) and the API (which serves it), so both always
 * agree and the answer does not depend on the machine's MIME database.
 */
public final class OutputFileTypes {

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("json", "application/json"),
            Map.entry("jsonl", "application/x-ndjson"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("log", "text/plain; charset=utf-8"),
            Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("tsv", "text/tab-separated-values; charset=utf-8"),
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("xml", "application/xml"),
            Map.entry("srt", "application/x-subrip"),
            Map.entry("vtt", "text/vtt; charset=utf-8"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("bmp", "image/bmp"),
            Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("m4v", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("mkv", "video/x-matroska"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("avi", "video/x-msvideo"),
            Map.entry("wav", "audio/wav"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("flac", "audio/flac"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("opus", "audio/opus"),
            Map.entry("m4a", "audio/mp4"),
            Map.entry("npy", MediaTypes.OCTET_STREAM),
            Map.entry("onnx", MediaTypes.OCTET_STREAM));

    private OutputFileTypes() {}

    /** The type of {@code fileName} (a name or a relative path); {@link MediaTypes#OCTET_STREAM} when the extension is unknown. */
    public static String of(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return MediaTypes.OCTET_STREAM;
        }
        return BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), MediaTypes.OCTET_STREAM);
    }

    /** Types a browser would run scripts in; served sandboxed so an output cannot act as the API's origin. */
    public static boolean isActive(String type) {
        return type.startsWith("text/html") || type.startsWith("image/svg+xml");
    }
}
