package dev.ferry.demos.clustering;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Drawn shapes with known classes, each copy shifted, turned and scaled at random: the data
 * of the clustering tests and of {@code ferry bench clustering}. Black on white, antialiased.
 * The classes are told apart by their outline, not by where they sit, how they are turned or
 * how large they are, which is exactly what transformation-invariant clustering must see.
 */
public final class ShapeSet {
    /** Class names, in class order; {@link #generate} uses the first {@code classes} of them. */
    public static final List<String> NAMES =
            List.of("triangle", "square", "star", "plus", "arrow", "el", "tee", "ring", "half_disk", "disk");

    /** One drawn shape and its class. */
    public record Sample(BufferedImage image, int shapeClass) {
        public String name() {
            return NAMES.get(shapeClass);
        }
    }

    /** How much the copies vary: shift as a fraction of the size, turn in radians, scale range. */
    public record Variation(double shift, double turn, double minScale, double maxScale) {
        public static final Variation STRONG = new Variation(0.1, 2 * Math.PI, 0.75, 1.2);
        public static final Variation NONE = new Variation(0, 0, 1, 1);
    }

    private ShapeSet() {}

    /** {@code perClass} copies of each of the first {@code classes} shapes, classes interleaved. */
    public static List<Sample> generate(int classes, int perClass, int size, Variation variation, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Sample> samples = new ArrayList<>();
        for (int copy = 0; copy < perClass; copy++) {
            for (int c = 0; c < classes; c++) {
                samples.add(new Sample(draw(c, size, variation, random), c));
            }
        }
        return samples;
    }

    public static BufferedImage draw(int shapeClass, int size, Variation v, SplittableRandom random) {
        double scale = v.minScale() + (v.maxScale() - v.minScale()) * random.nextDouble();
        double turn = v.turn() * random.nextDouble();
        double dx = v.shift() * size * (2 * random.nextDouble() - 1);
        double dy = v.shift() * size * (2 * random.nextDouble() - 1);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size, size);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            AffineTransform at = new AffineTransform();
            at.translate(size / 2.0 + dx, size / 2.0 + dy);
            at.rotate(turn);
            at.scale(0.3 * size * scale, 0.3 * size * scale);
            g.fill(at.createTransformedShape(outline(shapeClass)));
        } finally {
            g.dispose();
        }
        return image;
    }

    public static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shape of a class within [-1, 1]². */
    static Shape outline(int shapeClass) {
        return switch (NAMES.get(shapeClass)) {
            case "triangle" -> polygon(0, -1, 0.95, 0.8, -0.95, 0.8);
            case "square" -> new Rectangle2D.Double(-0.8, -0.8, 1.6, 1.6);
            case "star" -> star();
            case "plus" -> union(new Rectangle2D.Double(-1, -0.28, 2, 0.56), new Rectangle2D.Double(-0.28, -1, 0.56, 2));
            case "arrow" -> polygon(-1, -0.25, 0.2, -0.25, 0.2, -0.7, 1, 0, 0.2, 0.7, 0.2, 0.25, -1, 0.25);
            case "el" -> polygon(-0.7, -1, -0.2, -1, -0.2, 0.5, 0.7, 0.5, 0.7, 1, -0.7, 1);
            case "tee" -> union(new Rectangle2D.Double(-1, -1, 2, 0.5), new Rectangle2D.Double(-0.25, -0.5, 0.5, 1.5));
            case "ring" -> ring();
            case "half_disk" -> halfDisk();
            default -> new Ellipse2D.Double(-0.9, -0.9, 1.8, 1.8);
        };
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }

    private static Shape star() {
        double[] xy = new double[20];
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? 1 : 0.42;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            xy[2 * i] = r * Math.cos(a);
            xy[2 * i + 1] = r * Math.sin(a);
        }
        return polygon(xy);
    }

    private static Shape union(Shape a, Shape b) {
        Area area = new Area(a);
        area.add(new Area(b));
        return area;
    }

    private static Shape ring() {
        Area area = new Area(new Ellipse2D.Double(-1, -1, 2, 2));
        area.subtract(new Area(new Ellipse2D.Double(-0.55, -0.55, 1.1, 1.1)));
        return area;
    }

    private static Shape halfDisk() {
        Area area = new Area(new Ellipse2D.Double(-1, -1, 2, 2));
        area.subtract(new Area(new Rectangle2D.Double(-1, 0.1, 2, 1)));
        return area;
    }
}
