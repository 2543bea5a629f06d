package dev.ferry.demos.vectorization;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Line drawings rendered with Java2D with the exact geometry of every line, circle and arc:
 * ground truth for the vectorization tests, and the diagrams {@code ferry bench vectorization}
 * runs. They look scanned: paper lit unevenly with a stain, strokes slightly blurred, grain
 * noise. Shapes are placed so that each stays recognisable — no two lines overlap or cross at
 * a grazing angle, no line or circle touches a circle tangentially, and no free end of a line
 * or arc lies on another stroke — while crossings at fair angles are common.
 */
public final class Diagrams {
    private static final int TRIES = 400;

    private Diagrams() {}

    /** A rendered diagram (grey, 8 bits) and what was drawn on it. */
    public record Diagram(BufferedImage image, List<Primitive> truth, double strokeWidth) {
        public byte[] png() {
            return encode("png");
        }

        public byte[] jpeg() {
            return encode("jpg");
        }

        private byte[] encode(String format) {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(image, format, out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A diagram whose number of shapes and stroke width grow with its size; the same seed draws the same diagram. */
    public static Diagram draw(int width, int height, long seed) {
        double area = (double) width * height;
        int lines = (int) Math.max(4, Math.min(40, Math.round(area / 60_000)));
        int curves = (int) Math.max(3, Math.min(12, Math.round(area / 150_000)));
        double stroke = 1.5 + Math.min(width, height) / 600.0;
        return draw(width, height, seed, lines, curves, curves, stroke);
    }

    public static Diagram draw(int width, int height, long seed, int lines, int circles, int arcs, double strokeWidth) {
        Random random = new Random(seed);
        // strokes closer than this are hard to tell apart even by eye
        double clearance = 4 + 3 * strokeWidth;
        return render(width, height, place(width, height, random, lines, circles, arcs, clearance), strokeWidth, random);
    }

    /** Given shapes drawn on scanned-looking paper; {@code seed} picks the paper's shading and noise. */
    public static Diagram render(int width, int height, List<Primitive> shapes, double strokeWidth, long seed) {
        return render(width, height, shapes, strokeWidth, new Random(seed));
    }

    private static Diagram render(int width, int height, List<Primitive> shapes, double strokeWidth, Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        int[] paper = paper(width, height, random);
        image.getRaster().setPixels(0, 0, width, height, paper);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(new Color(45, 45, 45));
            g.setStroke(new BasicStroke((float) strokeWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
            for (Primitive p : shapes) {
                if (p instanceof Line l) {
                    g.draw(new Line2D.Double(l.x1(), l.y1(), l.x2(), l.y2()));
                } else if (p instanceof Circle c) {
                    g.draw(new Ellipse2D.Double(c.cx() - c.r(), c.cy() - c.r(), 2 * c.r(), 2 * c.r()));
                } else if (p instanceof Arc a) {
                    // Java2D's angles turn counter-clockwise on the page, the arc's clockwise
                    g.draw(new Arc2D.Double(a.cx() - a.r(), a.cy() - a.r(), 2 * a.r(), 2 * a.r(),
                            -a.endAngle(), a.sweep(), Arc2D.OPEN));
                }
            }
        } finally {
            g.dispose();
        }
        int[] pixels = image.getRaster().getPixels(0, 0, width, height, (int[]) null);
        pixels = noisy(blurred(pixels, width, height), random);
        image.getRaster().setPixels(0, 0, width, height, pixels);
        return new Diagram(image, List.copyOf(shapes), strokeWidth);
    }

    private static List<Primitive> place(int width, int height, Random random, int lines, int circles, int arcs,
                                         double clearance) {
        double side = Math.min(width, height);
        double margin = side * 0.05;
        List<Primitive> shapes = new ArrayList<>();
        for (int i = 0, tries = 0; i < circles && tries < TRIES; tries++) {
            double r = side * (0.03 + 0.09 * random.nextDouble());
            Circle c = new Circle(margin + r + random.nextDouble() * (width - 2 * margin - 2 * r),
                    margin + r + random.nextDouble() * (height - 2 * margin - 2 * r), r, 1);
            if (shapes.stream().allMatch(s -> Clearance.circleFits(c.cx(), c.cy(), c.r(), s, clearance))) {
                shapes.add(c);
                i++;
            }
        }
        for (int i = 0, tries = 0; i < arcs && tries < TRIES; tries++) {
            double r = side * (0.05 + 0.15 * random.nextDouble());
            double cx = margin + r + random.nextDouble() * (width - 2 * margin - 2 * r);
            double cy = margin + r + random.nextDouble() * (height - 2 * margin - 2 * r);
            double start = random.nextDouble() * 360;
            Arc a = new Arc(cx, cy, r, start, start + 60 + random.nextDouble() * 210, 1);
            if (shapes.stream().allMatch(s -> Clearance.circleFits(cx, cy, r, s, clearance)
                    && Clearance.endsClear(a, s, clearance))) {
                shapes.add(a);
                i++;
            }
        }
        for (int i = 0, tries = 0; i < lines && tries < TRIES; tries++) {
            double length = side * (0.15 + 0.45 * random.nextDouble());
            double angle = random.nextDouble() * Math.PI;
            double x1 = margin + random.nextDouble() * (width - 2 * margin);
            double y1 = margin + random.nextDouble() * (height - 2 * margin);
            double x2 = x1 + length * Math.cos(angle);
            double y2 = y1 + length * Math.sin(angle);
            if (x2 < margin || x2 > width - margin || y2 < margin || y2 > height - margin) {
                continue;
            }
            Line l = new Line(x1, y1, x2, y2, 1);
            if (shapes.stream().allMatch(s -> Clearance.lineFits(l, s, clearance))) {
                shapes.add(l);
                i++;
            }
        }
        return shapes;
    }

    /** Paper grey from about 235 down to about 175 across the page, darker still under a stain. */
    private static int[] paper(int width, int height, Random random) {
        double angle = random.nextDouble() * 2 * Math.PI;
        double gx = Math.cos(angle) / width;
        double gy = Math.sin(angle) / height;
        double sx = random.nextDouble() * width;
        double sy = random.nextDouble() * height;
        double stain = Math.min(width, height) * 0.25;
        int[] grey = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double shade = 205 + 60 * (gx * (x - width / 2.0) + gy * (y - height / 2.0));
                double d2 = ((x - sx) * (x - sx) + (y - sy) * (y - sy)) / (stain * stain);
                grey[y * width + x] = (int) Math.round(shade - 35 * Math.exp(-d2));
            }
        }
        return grey;
    }

    /** A 3×3 binomial blur: about a scanner's softness. */
    private static int[] blurred(int[] p, int w, int h) {
        int[] rows = new int[p.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                rows[i] = p[i] * 2 + p[y * w + Math.max(0, x - 1)] + p[y * w + Math.min(w - 1, x + 1)];
            }
        }
        int[] out = new int[p.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                out[i] = (rows[i] * 2 + rows[Math.max(0, y - 1) * w + x] + rows[Math.min(h - 1, y + 1) * w + x] + 8) / 16;
            }
        }
        return out;
    }

    private static int[] noisy(int[] p, Random random) {
        for (int i = 0; i < p.length; i++) {
            p[i] = (int) Math.max(0, Math.min(255, Math.round(p[i] + random.nextGaussian() * 10)));
        }
        return p;
    }
}
