package dev.ferry.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaTypesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"png,image/png", "jpg,image/jpeg", "gif,image/gif", "bmp,image/bmp", "tiff,image/tiff"})
    void imagesWrittenByImageIo(String format, String expected) throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xFF0000);
        Path file = dir.resolve("image." + format);
        assertTrue(ImageIO.write(image, format, file.toFile()), "ImageIO writes " + format);
        assertEquals(expected, MediaTypes.sniff(file));
    }

    @Test
    void wavWrittenByJavaSound() throws IOException {
        byte[] samples = new byte[1600];
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        Path file = dir.resolve("tone.wav");
        try (AudioInputStream in = new AudioInputStream(new java.io.ByteArrayInputStream(samples), format, 800)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        assertEquals("audio/wav", MediaTypes.sniff(file));
    }

    @Test
    void zipWrittenByZipOutputStream() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("a.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("application/zip", MediaTypes.sniff(write("a.zip", bytes.toByteArray())));
    }

    /** Container headers as the formats' specifications lay them out (hex). */
    @ParameterizedTest
    @CsvSource({
        "255044462d312e370a312030206f626a0a,application/pdf",
        "52494646240000005745425056503820,image/webp",
        "5249464624000000415649204c495354,video/x-msvideo",
        "664c614300000022,audio/flac",
        "4f6767530002000001766f72626973,audio/ogg",
        "49443304000000000000,audio/mpeg",
        "000000186674797069736f6d00000200,video/mp4",
        "00000014667479707174202000000200,video/quicktime",
        "0000001c667479704d34412000000000,audio/mp4",
    })
    void containerHeaders(String hex, String expected) throws IOException {
        byte[] bytes = concat(HexFormat.of().parseHex(hex), "padding padding".getBytes(StandardCharsets.US_ASCII));
        assertEquals(expected, MediaTypes.sniff(write("f.bin", bytes)));
    }

    @Test
    void matroskaAndWebmByDocType() throws IOException {
        byte[] ebml = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x82, (byte) 0x84};
        assertEquals("video/webm", MediaTypes.sniff(write("v.webm", concat(ebml, "webm".getBytes(StandardCharsets.US_ASCII)))));
        assertEquals("video/x-matroska", MediaTypes.sniff(write("v.mkv", concat(ebml, "matroska".getBytes(StandardCharsets.US_ASCII)))));
    }

    @Test
    void mpegAudioFrameWithoutTag() throws IOException {
        // MPEG-1 layer III, 128 kbit/s, 44.1 kHz
        assertEquals("audio/mpeg", MediaTypes.sniff(write("a.mp3", new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64, 0, 0, 0, 0})));
    }

    @Test
    void jsonTextAndBinary() throws IOException {
        assertEquals("application/json", MediaTypes.sniff(write("a.json", "  {\"a\": [1, 2, {\"b\": null}]}\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals("text/plain", MediaTypes.sniff(write("b.json", "{\"a\": 1} trailing".getBytes(StandardCharsets.UTF_8))));
        assertEquals("text/plain", MediaTypes.sniff(write("c.txt", "Grüße, 世界\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals("text/plain", MediaTypes.sniff(write("BM.txt", "BM is how this line starts".getBytes(StandardCharsets.UTF_8))));
        assertEquals(MediaTypes.OCTET_STREAM, MediaTypes.sniff(write("d.bin", new byte[] {(byte) 0xC3, 0x28, 0x41})));
        assertEquals(MediaTypes.OCTET_STREAM, MediaTypes.sniff(write("e.bin", new byte[] {'a', 0, 'b'})));
        assertEquals(MediaTypes.OCTET_STREAM, MediaTypes.sniff(write("empty", new byte[0])));
    }

    @Test
    void longTextCutInsideACharacterIsStillText() throws IOException {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        byte[] text = new byte[(1 << 20) + 2];
        for (int i = 0; i + 3 <= text.length; i += 3) {
            System.arraycopy(euro, 0, text, i, 3);
        }
        text[text.length - 2] = 'x';
        text[text.length - 1] = 'y';
        assertEquals("text/plain", MediaTypes.sniff(write("long.txt", text)));
    }

    @Test
    void matchesRangesAndWildcards() {
        assertTrue(MediaTypes.matches("image/png", List.of("image/*")));
        assertTrue(MediaTypes.matches("video/mp4", List.of("image/*", "video/mp4")));
        assertTrue(MediaTypes.matches("application/zip", List.of("*/*")));
        assertTrue(MediaTypes.matches("text/plain; charset=utf-8", List.of("TEXT/PLAIN")));
        assertFalse(MediaTypes.matches("application/pdf", List.of("image/*")));
        assertFalse(MediaTypes.matches("imagex/png", List.of("image/*")));
        assertFalse(MediaTypes.matches("image/png", List.of()));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
