package dev.ferry.demos.av;

import dev.ferry.core.demo.DemoFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The length a WAV header declares, checked against the file. FFmpeg quietly clamps a WAV's
 * duration to the bytes present, so a header that claims more audio than the file holds (a
 * cut upload, a broken writer) would pass unnoticed; this makes it an error users can act on.
 */
final class WavHeader {
    private static final int SCAN = 64 * 1024;
    private static final long STREAMING = 0xFFFFFFFFL; // writers that do not know the length yet

    private WavHeader() {
    }

    /** Bad input when the data chunk declares more bytes than follow it in {@code file}. */
    static void requireHonest(Path file) {
        ByteBuffer head;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            head = ByteBuffer.wrap(in.readNBytes(SCAN)).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (head.limit() < 12 || head.getInt(0) != 0x46464952 || head.getInt(8) != 0x45564157) {
            return; // not RIFF/WAVE (RF64, W64): FFmpeg's reading stands
        }
        long byteRate = 0;
        for (int at = 12; at + 8 <= head.limit(); ) {
            int id = head.getInt(at);
            long length = Integer.toUnsignedLong(head.getInt(at + 4));
            if (id == 0x20746d66 && at + 16 <= head.limit()) { // "fmt "
                byteRate = Integer.toUnsignedLong(head.getInt(at + 16));
            } else if (id == 0x61746164) { // "data"
                long held = size - (at + 8);
                if (length != 0 && length != STREAMING && length > held + 1 && byteRate > 0) {
                    throw DemoFailure.badInput(String.format(Locale.ROOT,
                            "%s: its WAV header declares %.2f s of audio but the file holds %.2f s; it is truncated"
                                    + " or its header is wrong", Grabbers.name(file), length / (double) byteRate,
                            held / (double) byteRate));
                }
                return;
            }
            at += 8 + length + (length & 1);
        }
    }
}
