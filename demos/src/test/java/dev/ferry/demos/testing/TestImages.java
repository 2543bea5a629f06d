package dev.ferry.demos.testing;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Images made by tests: encoded gradients in every format, a page of text, a PDF, forged headers. */
public final class TestImages {
    private TestImages() {}

    /** A colour gradient of the given size encoded as {@code ext} (".jpg", ".png", ".tif", ".webp", ".bmp") by OpenCV. */
    public static byte[] gradient(int width, int height, String ext) {
        try (Mat mat = new Mat(height, width, CV_8UC3); BytePointer out = new BytePointer()) {
            try (UByteIndexer px = mat.createIndexer()) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        px.put(y, x, 0, x * 255 / width);
                        px.put(y, x, 1, y * 255 / height);
                        px.put(y, x, 2, 128);
                    }
                }
            }
            if (!imencode(ext, mat, out)) {
                throw new IllegalStateException("OpenCV cannot encode " + ext);
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    /** A white page with lines of black text, as PNG: a page with no face on it. */
    public static byte[] textPage(int width, int height) {
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 22));
        for (int y = 60, line = 0; y < height - 40; y += 34, line++) {
            g.drawString("Line " + line + ": the quick brown fox jumps over the lazy dog, 0123456789.", 40, y);
        }
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(page, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG signature and header chunk declaring {@code width × height}, then a valid end: a decompression bomb's header. */
    public static byte[] pngHeader(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        byte[] ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array();
        b.putInt(13).put(ihdr).putInt(crc(ihdr));
        byte[] iend = "IEND".getBytes();
        b.putInt(0).put(iend).putInt(crc(iend));
        return b.array();
    }

    /** A 24-bit BMP of {@code width × height} black pixels: compresses to almost nothing. */
    public static byte[] blackBmp(int width, int height) {
        int row = (width * 3 + 3) & ~3;
        int size = 54 + row * height;
        ByteBuffer b = ByteBuffer.allocate(size).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(size).putInt(0).putInt(54);
        b.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 24).putInt(0)
                .putInt(row * height).putInt(2835).putInt(2835).putInt(0).putInt(0);
        return b.array();
    }

    /** A PDF of two pages, portrait and landscape A4, with a line of text each. */
    public static byte[] pdf() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (PDRectangle size : List.of(PDRectangle.A4, new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()))) {
                PDPage page = new PDPage(size);
                doc.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                    text.beginText();
                    text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 24);
                    text.newLineAtOffset(72, size.getHeight() - 100);
                    text.showText("A page with words and no faces");
                    text.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return (int) crc.getValue();
    }
}
