package dev.ferry.demos.vectorization;

/**
 * Whether a new shape keeps clear of one already placed on a {@link Diagrams diagram}: what
 * makes two strokes indistinguishable even to a person (overlapping, grazing, tangent, a free
 * end lying on another stroke) is avoided, crossings at fair angles are not.
 */
final class Clearance {
    private static final double MIN_CROSSING_ANGLE = Math.toRadians(20);

    private Clearance() {}

    static boolean lineFits(Line l, Primitive other, double clearance) {
        if (other instanceof Line o) {
            double cos = Math.abs(((l.x2() - l.x1()) * (o.x2() - o.x1()) + (l.y2() - l.y1()) * (o.y2() - o.y1()))
                    / (l.length() * o.length()));
            boolean grazing = cos > Math.cos(MIN_CROSSING_ANGLE) && segmentsDistance(l, o) < 3 * clearance;
            return !grazing && endsClearOf(l, o, clearance) && endsClearOf(o, l, clearance);
        }
        if (other instanceof Circle c) {
            return notTangent(l, c.cx(), c.cy(), c.r(), clearance) && endsClearOf(l, c, clearance);
        }
        Arc a = (Arc) other;
        return notTangent(l, a.cx(), a.cy(), a.r(), clearance) && endsClearOf(l, a, clearance)
                && endsClear(a, l, clearance);
    }

    /** A circle (or the circle of an arc) keeps away from {@code other}'s circle and from being tangent to it. */
    static boolean circleFits(double cx, double cy, double r, Primitive other, double clearance) {
        if (other instanceof Line l) {
            return notTangent(l, cx, cy, r, clearance);
        }
        if (other instanceof Circle c) {
            return circlesApart(cx, cy, r, c.cx(), c.cy(), c.r(), clearance);
        }
        Arc a = (Arc) other;
        return circlesApart(cx, cy, r, a.cx(), a.cy(), a.r(), clearance)
                && endsClear(a, new Circle(cx, cy, r, 1), clearance);
    }

    /** Neither end of {@code arc} lies near {@code other}. */
    static boolean endsClear(Arc arc, Primitive other, double clearance) {
        return other.distanceTo(arc.x1(), arc.y1()) > clearance && other.distanceTo(arc.x2(), arc.y2()) > clearance;
    }

    private static boolean endsClearOf(Line l, Primitive other, double clearance) {
        return other.distanceTo(l.x1(), l.y1()) > clearance && other.distanceTo(l.x2(), l.y2()) > clearance;
    }

    /** Two circles neither touch nor cross at a grazing angle (they would share ink over a long stretch). */
    private static boolean circlesApart(double ax, double ay, double ar, double bx, double by, double br, double clearance) {
        double d = Math.hypot(ax - bx, ay - by);
        if (Math.abs(d - (ar + br)) <= clearance || Math.abs(d - Math.abs(ar - br)) <= clearance) {
            return false;
        }
        boolean crossing = d < ar + br && d > Math.abs(ar - br);
        double cos = Math.abs(d * d - ar * ar - br * br) / (2 * ar * br);
        return !crossing || cos < Math.cos(MIN_CROSSING_ANGLE);
    }

    /** The line does not graze the circle: it keeps away from it or crosses it clearly. */
    private static boolean notTangent(Line l, double cx, double cy, double r, double clearance) {
        return Math.abs(segmentDistance(l, cx, cy) - r) > 2 * clearance;
    }

    private static double segmentDistance(Line l, double x, double y) {
        return l.distanceTo(x, y);
    }

    private static double segmentsDistance(Line a, Line b) {
        if (crosses(a, b)) {
            return 0;
        }
        return Math.min(Math.min(segmentDistance(a, b.x1(), b.y1()), segmentDistance(a, b.x2(), b.y2())),
                Math.min(segmentDistance(b, a.x1(), a.y1()), segmentDistance(b, a.x2(), a.y2())));
    }

    private static boolean crosses(Line a, Line b) {
        double d1 = side(a, b.x1(), b.y1());
        double d2 = side(a, b.x2(), b.y2());
        double d3 = side(b, a.x1(), a.y1());
        double d4 = side(b, a.x2(), a.y2());
        return d1 * d2 < 0 && d3 * d4 < 0;
    }

    private static double side(Line l, double x, double y) {
        return (l.x2() - l.x1()) * (y - l.y1()) - (l.y2() - l.y1()) * (x - l.x1());
    }
}
