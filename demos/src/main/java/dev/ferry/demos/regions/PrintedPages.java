package dev.ferry.demos.regions;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Pages of known Latin text for OCR fidelity: sentences with digits and punctuation set in a
 * TrueType font loaded from its file (so every machine with the Debian package renders the
 * same glyphs), then turned by a slight skew and sprinkled with noise as a scan would be.
 * Tests and {@code ferry bench regions --ocr} read them.
 */
public final class PrintedPages {
    private static final String[] SENTENCES = {
            "The ledger of 1874 lists 312 barrels of flour, 45 crates of tea and 7 casks of wine.",
            "On 14 March the harbour master wrote: \"Tide at 6:45; wind north-east, force 4.\"",
            "Invoice No. 2081 was paid in full (5 pounds, 12 shillings) on the 3rd of June.",
            "Each volume holds about 480 pages; volumes 9 to 17 were rebound in 1923.",
            "Clerks checked every cargo twice, and errors were rare: fewer than 1 in 200!",
            "Send the samples to Room 36, North Wing, before 10:30 on Friday, please.",
            "The bridge is 1,250 metres long and carries 2 roads, 1 railway and a footpath.",
            "Why did the price of coal rise by 18% between 1911 and 1913? Nobody knows.",
            "Temperatures fell to -12 degrees; the canal froze and 64 barges were trapped.",
            "Her letter, dated 29/08/1902, asks for 3 copies of the map and a receipt.",
    };

    /** Fonts from Debian packages that scripts/setup-test-deps.sh installs. */
    public enum PageFont {
        DEJAVU_SERIF("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "fonts-dejavu-core", 26),
        LIBERATION_SERIF("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf", "fonts-liberation", 24),
        DEJAVU_SANS_MONO("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "fonts-dejavu-core", 30),
        LIBERATION_SANS("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "fonts-liberation", 22);

        private final String file;
        private final String debianPackage;
        private final int size;

        PageFont(String file, String debianPackage, int size) {
            this.file = file;
            this.debianPackage = debianPackage;
            this.size = size;
        }

        /** The text height in pixels it is set at: each font at its own size. */
        public int size() {
            return size;
        }

        public Font load() {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, Path.of(file).toFile()).deriveFont((float) size);
            } catch (IOException e) {
                throw new UncheckedIOException(file + " is missing: install the Debian package " + debianPackage, e);
            } catch (FontFormatException e) {
                throw new IllegalStateException(file + " is not a TrueType font", e);
            }
        }

        public boolean installed() {
            return Files.isRegularFile(Path.of(file));
        }
    }

    /** A rendered page and its lines' text, top to bottom. */
    public record Printed(BufferedImage image, List<String> lines) {
        public String text() {
            return String.join("\n", lines) + "\n";
        }

        public byte[] png() {
            return new TextPages.Rendered(image, List.of()).png();
        }
    }

    private PrintedPages() {}

    /**
     * @param skewDegrees the page turned by this much (positive: clockwise)
     * @param noise       standard deviation of the grey noise added to each pixel, 0 to 255
     * @param seed        picks the sentences and the noise
     */
    public static Printed render(PageFont pageFont, int width, int height, double skewDegrees, double noise, long seed) {
        Font font = pageFont.load();
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        List<String> lines;
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.rotate(Math.toRadians(skewDegrees), width / 2.0, height / 2.0);
            g.setColor(new Color(25, 25, 25));
            g.setFont(font);
            int margin = width / 10;
            lines = wrap(sentences(random), font, g.getFontRenderContext(), width - 2 * margin);
            int step = pageFont.size() * 2;
            int fit = (height - 2 * margin) / step;
            lines = lines.subList(0, Math.min(lines.size(), fit));
            for (int i = 0; i < lines.size(); i++) {
                g.drawString(lines.get(i), margin, margin + pageFont.size() + i * step);
            }
        } finally {
            g.dispose();
        }
        addNoise(image, noise, random);
        return new Printed(image, List.copyOf(lines));
    }

    private static List<String> sentences(Random random) {
        List<String> out = new ArrayList<>(List.of(SENTENCES));
        java.util.Collections.shuffle(out, random);
        return out;
    }

    private static List<String> wrap(List<String> sentences, Font font, FontRenderContext frc, int maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : String.join(" ", sentences).split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringBounds(next, frc).getWidth() > maxWidth) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(next);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static void addNoise(BufferedImage image, double sigma, Random random) {
        byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i += 3) {
            int delta = (int) Math.round(random.nextGaussian() * sigma);
            for (int c = 0; c < 3; c++) {
                pixels[i + c] = (byte) Math.max(0, Math.min(255, (pixels[i + c] & 0xff) + delta));
            }
        }
    }
}
