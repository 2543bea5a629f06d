package dev.ferry.demos.regions;

import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.media.ImageDecoder;
import java.awt.image.BufferedImage;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Pages of known text in one font read by the demo's OCR, and how far what was read is from
 * the truth: the one measurement the OCR fidelity tests assert on and
 * {@code ferry bench regions --ocr} reports, so the figures in the docs are the tested ones.
 */
public final class OcrFidelity {
    public static final int PAGE_WIDTH = 1000;
    public static final int PAGE_HEIGHT = 700;
    /** Pages lean this much, alternately clockwise and back, as a scan would. */
    public static final double SKEW_DEGREES = 1.5;
    /** Standard deviation of the grey noise on each pixel. */
    public static final double NOISE = 12;
    private static final ImageDecoder DECODER = new ImageDecoder(100_000_000L);

    private OcrFidelity() {}

    /**
     * One font's pages read.
     *
     * @param nanos time spent reading (finding and reading the lines), not rendering
     */
    public record FontScore(PrintedPages.PageFont font, int pages, int lines, CharacterErrors errors, long nanos,
                            String read) {}

    /** The page of {@code seed}: seeds alternate the skew's direction. */
    public static PrintedPages.Printed page(PrintedPages.PageFont font, long seed) {
        double skew = seed % 2 == 0 ? -SKEW_DEGREES : SKEW_DEGREES;
        return PrintedPages.render(font, PAGE_WIDTH, PAGE_HEIGHT, skew, NOISE, seed);
    }

    /** Pages of seeds 1 to {@code pages}, each read and compared with its text. */
    public static FontScore measure(PageOcr ocr, PrintedPages.PageFont font, int pages) throws Exception {
        CharacterErrors errors = new CharacterErrors(0, 0);
        StringBuilder seen = new StringBuilder();
        int lines = 0;
        long nanos = 0;
        for (long seed = 1; seed <= pages; seed++) {
            PrintedPages.Printed page = page(font, seed);
            byte[] png = page.png();
            long start = System.nanoTime();
            PageOcr.Read read = read(ocr, png);
            nanos += System.nanoTime() - start;
            errors = errors.plus(CharacterErrors.of(page.text(), read.text()));
            lines += read.lines();
            seen.append(read.text());
        }
        return new FontScore(font, pages, lines, errors, nanos, seen.toString());
    }

    /** A page image read as a job reads it: from its encoded file. */
    public static PageOcr.Read read(PageOcr ocr, BufferedImage image) throws Exception {
        return read(ocr, new TextPages.Rendered(bgr(image), List.of()).png());
    }

    private static PageOcr.Read read(PageOcr ocr, byte[] png) throws Exception {
        try (Mat mat = DECODER.decode(png)) {
            return ocr.read(mat, new StageClock());
        }
    }

    private static BufferedImage bgr(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        out.getGraphics().drawImage(image, 0, 0, null);
        return out;
    }
}
