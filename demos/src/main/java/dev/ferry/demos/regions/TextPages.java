package dev.ferry.demos.regions;

import dev.ferry.demos.detection.Box;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Printed-looking pages rendered with Java2D, with the exact pixel box of every text line:
 * ground truth for tests of text detection, and the pages {@code ferry bench regions} runs.
 */
public final class TextPages {
    private static final String[] WORDS = ("the river carried boats of grain and timber down to the harbour where"
            + " merchants weighed every cargo before the tide turned again each morning clerks wrote the"
            + " ledgers by hand and bound them in leather volumes now kept in the city archive").split(" ");

    private TextPages() {}

    /** A rendered page and the ink box of each of its lines, in pixels. */
    public record Rendered(BufferedImage image, List<Box> lines) {
        public byte[] png() {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(image, "png", out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * @param fontSize text height in pixels; lines are spaced twice that apart
     * @param seed     picks the words, so the same seed renders the same page
     */
    public static Rendered render(int width, int height, int fontSize, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(20, 20, 20));
            Font font = new Font(Font.SERIF, Font.PLAIN, fontSize);
            g.setFont(font);
            FontRenderContext frc = g.getFontRenderContext();
            Random random = new Random(seed);
            int margin = width / 10;
            List<Box> lines = new ArrayList<>();
            for (int baseline = margin + fontSize; baseline + fontSize / 2 < height - margin; baseline += fontSize * 2) {
                String text = line(random, font, frc, width - 2 * margin - random.nextInt(Math.max(1, width / 4)));
                int x = margin + random.nextInt(Math.max(1, width / 20));
                GlyphVector glyphs = font.createGlyphVector(frc, text);
                g.drawGlyphVector(glyphs, x, baseline);
                Rectangle ink = glyphs.getPixelBounds(frc, x, baseline);
                lines.add(new Box(ink.x, ink.y, ink.x + ink.width, ink.y + ink.height));
            }
            return new Rendered(image, lines);
        } finally {
            g.dispose();
        }
    }

    private static String line(Random random, Font font, FontRenderContext frc, int maxWidth) {
        StringBuilder text = new StringBuilder(WORDS[random.nextInt(WORDS.length)]);
        while (true) {
            String next = text + " " + WORDS[random.nextInt(WORDS.length)];
            if (font.getStringBounds(next, frc).getWidth() > maxWidth) {
                return text.toString();
            }
            text.setLength(0);
            text.append(next);
        }
    }
}
