package dev.ferry.core.storage;

import com.fasterxml.jackson.core.JsonParser;
import dev.ferry.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Tells what a file is from its bytes, never from its name or a client's Content-Type, which
 * anyone can set to anything. Knows the formats demos take (images, audio, video, documents,
 * archives, JSON and text); anything else is {@code application/octet-stream}.
 */
public final class MediaTypes {
    public static final String OCTET_STREAM = "application/octet-stream";
    private static final int HEAD_BYTES = 64;
    /** Text is judged on its first MiB: enough to tell, without reading a huge upload twice. */
    private static final int TEXT_SAMPLE_BYTES = 1 << 20;
    /** Larger text is called text/plain without parsing it whole as JSON. */
    private static final long JSON_MAX_BYTES = 16L << 20;

    private MediaTypes() {}

    public static String sniff(Path file) {
        try {
            byte[] head = head(file);
            if (head.length == 0) {
                return OCTET_STREAM;
            }
            String binary = binaryType(head);
            if (binary != null) {
                return binary;
            }
            if (!isUtf8Text(file)) {
                return OCTET_STREAM;
            }
            return looksLikeJson(head) && Files.size(file) <= JSON_MAX_BYTES && isJson(file) ? "application/json" : "text/plain";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The binary format the first bytes of a file show (images, audio, video, PDF, ZIP), else {@link #OCTET_STREAM}. */
    public static String sniff(byte[] head) {
        String binary = binaryType(head);
        return binary == null ? OCTET_STREAM : binary;
    }

    /**
     * Whether {@code type} is one of {@code accepts}; an entry may be a whole range
     * ({@code image/*}) or anything ({@code *}{@code /*}). Parameters such as {@code ;charset} are ignored.
     */
    public static boolean matches(String type, List<String> accepts) {
        String actual = bare(type);
        for (String accepted : accepts) {
            String pattern = bare(accepted);
            if (pattern.equals("*/*") || pattern.equals(actual)
                    || pattern.endsWith("/*") && actual.startsWith(pattern.substring(0, pattern.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    static String binaryType(byte[] h) {
        if (startsWith(h, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(h, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (ascii(h, 0, "GIF87a") || ascii(h, 0, "GIF89a")) {
            return "image/gif";
        }
        if (ascii(h, 0, "RIFF")) {
            return riffType(h);
        }
        if (startsWith(h, 0, 'I', 'I', 0x2A, 0x00) || startsWith(h, 0, 'M', 'M', 0x00, 0x2A)) {
            return "image/tiff";
        }
        if (isBmp(h)) {
            return "image/bmp";
        }
        if (ascii(h, 0, "%PDF-")) {
            return "application/pdf";
        }
        if (startsWith(h, 0, 'P', 'K', 0x03, 0x04) || startsWith(h, 0, 'P', 'K', 0x05, 0x06)) {
            return "application/zip";
        }
        if (ascii(h, 0, "fLaC")) {
            return "audio/flac";
        }
        if (ascii(h, 0, "OggS")) {
            return contains(h, "theora") ? "video/ogg" : "audio/ogg";
        }
        if (ascii(h, 4, "ftyp")) {
            return isoBaseMediaType(h);
        }
        if (startsWith(h, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return contains(h, "webm") ? "video/webm" : "video/x-matroska";
        }
        if (ascii(h, 0, "ID3") || isMpegAudioFrame(h)) {
            return "audio/mpeg";
        }
        return null;
    }

    private static String riffType(byte[] h) {
        if (ascii(h, 8, "WEBP")) {
            return "image/webp";
        }
        if (ascii(h, 8, "WAVE")) {
            return "audio/wav";
        }
        if (ascii(h, 8, "AVI ")) {
            return "video/x-msvideo";
        }
        return null;
    }

    /** MP4, MOV and their relatives share one container; the brand says which. */
    private static String isoBaseMediaType(byte[] h) {
        String brand = h.length >= 12 ? new String(h, 8, 4, StandardCharsets.ISO_8859_1) : "";
        return switch (brand) {
            case "qt  " -> "video/quicktime";
            case "M4A ", "M4B " -> "audio/mp4";
            case "avif", "avis" -> "image/avif";
            case "heic", "heix", "mif1", "msf1" -> "image/heic";
            default -> "video/mp4";
        };
    }

    /** "BM" alone is too weak (text can start so); the DIB header size must be one BMP defines. */
    private static boolean isBmp(byte[] h) {
        if (h.length < 18 || h[0] != 'B' || h[1] != 'M') {
            return false;
        }
        int dib = (h[14] & 0xFF) | (h[15] & 0xFF) << 8 | (h[16] & 0xFF) << 16 | (h[17] & 0xFF) << 24;
        return dib == 12 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124;
    }

    /** An MPEG audio frame header: 11 sync bits, a defined version and layer, a usable bitrate. */
    private static boolean isMpegAudioFrame(byte[] h) {
        if (h.length < 4 || (h[0] & 0xFF) != 0xFF || (h[1] & 0xE0) != 0xE0) {
            return false;
        }
        int version = (h[1] >> 3) & 0x3;
        int layer = (h[1] >> 1) & 0x3;
        int bitrate = (h[2] >> 4) & 0xF;
        int sampleRate = (h[2] >> 2) & 0x3;
        return version != 1 && layer != 0 && bitrate != 0 && bitrate != 0xF && sampleRate != 3;
    }

    private static boolean isUtf8Text(Path file) throws IOException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(TEXT_SAMPLE_BYTES);
        }
        for (byte b : sample) {
            if (b == 0) {
                return false;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int length = sample.length == TEXT_SAMPLE_BYTES ? withoutCutCharacter(sample) : sample.length;
        try {
            decoder.decode(ByteBuffer.wrap(sample, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A sample cut from a longer file may end inside a multi-byte character; drop that tail. */
    private static int withoutCutCharacter(byte[] sample) {
        int end = sample.length;
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (sample[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        int lead = end - back - 1;
        if (lead >= 0 && (sample[lead] & 0xC0) == 0xC0) {
            return lead;
        }
        return end;
    }

    private static boolean looksLikeJson(byte[] head) {
        for (byte b : head) {
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            return b == '{' || b == '[';
        }
        return false;
    }

    /** A streaming parse: the whole document must be one JSON value and nothing after it. */
    private static boolean isJson(Path file) throws IOException {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(file.toFile())) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        }
    }

    private static boolean startsWith(byte[] h, int offset, int... expected) {
        if (h.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((h[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] h, int offset, String text) {
        return startsWith(h, offset, text.chars().toArray());
    }

    private static boolean contains(byte[] h, String text) {
        return new String(h, StandardCharsets.ISO_8859_1).contains(text);
    }

    private static String bare(String type) {
        int semicolon = type.indexOf(';');
        return (semicolon >= 0 ? type.substring(0, semicolon) : type).strip().toLowerCase(Locale.ROOT);
    }
}
