package dev.ferry.demos.vectorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a traced stroke into pieces that are each a straight line or a circular arc: a run of
 * points is kept whole when a line (tried first) or a circle fits all of it within
 * {@code tolerance} pixels; otherwise it is cut at the point farthest from its chord — a corner,
 * or the change from straight to curved — and each half is tried again. Neighbouring pieces
 * that one line or one circle fits together are joined again afterwards, since a cut is not
 * always where the shape changes.
 */
final class StrokeSplitter {
    /** Fewer points do not tell a curve from noise. */
    private static final int MIN_CURVE_POINTS = 6;

    private final double tolerance;
    private final double minRadius;
    private final double maxRadius;

    StrokeSplitter(double tolerance, double minRadius, double maxRadius) {
        this.tolerance = tolerance;
        this.minRadius = minRadius;
        this.maxRadius = maxRadius;
    }

    List<Piece> split(Points stroke) {
        List<Piece> pieces = new ArrayList<>();
        split(stroke, 0, stroke.size() - 1, pieces);
        return joinNeighbours(pieces);
    }

    private void split(Points all, int from, int to, List<Piece> out) {
        if (to - from < 1) {
            return;
        }
        Points run = all.slice(from, to);
        Optional<Piece> whole = fit(run);
        if (whole.isPresent()) {
            out.add(whole.get());
            return;
        }
        int cut = farthest(all, from, to);
        if (cut <= from || cut >= to) {
            out.add(new Piece.Straight(run, LineFit.of(run)));
            return;
        }
        split(all, from, cut, out);
        split(all, cut, to, out);
    }

    /**
     * A line or a circle that fits every point of {@code run}; when both do, the circle only if
     * it fits at least twice as closely (a gentle arc's halves pass for lines within the tolerance).
     */
    private Optional<Piece> fit(Points run) {
        LineFit line = LineFit.of(run);
        Optional<Piece> curve = curve(run);
        if (line.maxError() <= tolerance) {
            boolean curved = curve.isPresent() && ((Piece.Curved) curve.get()).fit().maxError() * 2 < line.maxError();
            return curved ? curve : Optional.of(new Piece.Straight(run, line));
        }
        return curve;
    }

    private Optional<Piece> curve(Points run) {
        if (run.size() < MIN_CURVE_POINTS) {
            return Optional.empty();
        }
        return CircleFit.of(run)
                .filter(c -> c.maxError() <= tolerance && c.r() >= minRadius && c.r() <= maxRadius
                        && sagitta(c) >= tolerance)
                .map(c -> new Piece.Curved(run, c));
    }

    /**
     * How far the arc bulges from its chord. A straight stroke with a hooked end fails the line
     * test and fits a huge circle; a real curve bulges more than the tolerance a line is allowed.
     */
    private static double sagitta(CircleFit c) {
        double half = Math.min(Math.PI, Math.abs(c.sweep()) / 2);
        return c.r() * (1 - Math.cos(half));
    }

    /** The point of {@code from..to} farthest from the chord between them, or from {@code from} on a closed run. */
    private static int farthest(Points p, int from, int to) {
        double ax = p.x(from);
        double ay = p.y(from);
        double bx = p.x(to);
        double by = p.y(to);
        double chord = Math.hypot(bx - ax, by - ay);
        int best = (from + to) / 2;
        double bestDistance = -1;
        for (int i = from + 1; i < to; i++) {
            double d = chord < 1
                    ? Math.hypot(p.x(i) - ax, p.y(i) - ay)
                    : Math.abs((bx - ax) * (ay - p.y(i)) - (ax - p.x(i)) * (by - ay)) / chord;
            if (d > bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    private List<Piece> joinNeighbours(List<Piece> pieces) {
        List<Piece> out = new ArrayList<>(pieces);
        boolean joined = true;
        while (joined && out.size() > 1) {
            joined = false;
            for (int i = 0; i + 1 < out.size(); i++) {
                Optional<Piece> both = join(out.get(i), out.get(i + 1));
                if (both.isPresent()) {
                    out.set(i, both.get());
                    out.remove(i + 1);
                    joined = true;
                }
            }
        }
        return out;
    }

    /** Two consecutive pieces as one; two straight pieces join only as a line, never as a curve. */
    private Optional<Piece> join(Piece a, Piece b) {
        Points both = new Points(a.points().size() + b.points().size());
        both.addAll(a.points());
        // consecutive pieces share their cut point
        both.addAll(b.points().slice(1, b.points().size() - 1));
        if (a instanceof Piece.Straight && b instanceof Piece.Straight) {
            LineFit line = LineFit.of(both);
            return line.maxError() <= tolerance ? Optional.of(new Piece.Straight(both, line)) : Optional.empty();
        }
        return curve(both);
    }
}
