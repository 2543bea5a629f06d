package dev.ferry.demos.vectorization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Circles and arcs from curved pieces. Junctions cut a circle into arcs (every line crossing it
 * cuts it twice), so each curved piece, longest first, seeds a circle that gathers every other
 * piece one circle fits together with the group within the tolerance — fitted to all their
 * points but those within a stroke's width of a piece's end, which thinning bends towards the
 * junction. The angles the pieces cover are joined across gaps that are drawn in ink (where a
 * junction interrupted the traced stroke but not the stroke itself). Covering the whole turn
 * makes a circle; otherwise each covered stretch of at least {@code minSweep} is an arc, its
 * ends followed along the circle to where the ink stops. Pieces used are taken out of
 * {@code pieces}; the rest are left for the straight lines.
 */
final class CurveAssembler {
    private static final double FULL_TURN = 2 * Math.PI;
    /** Share of a gap's length that must be inked for it to be bridged. */
    private static final double GAP_INK = 0.9;

    private final Ink ink;
    private final double tolerance;
    private final double minRadius;
    private final double maxRadius;
    private final double minSweep;
    private final int maxExtension;
    private final int endSkip;

    /** @param minSweep the smallest arc kept, in radians */
    CurveAssembler(Ink ink, double tolerance, double minRadius, double maxRadius, double minSweep, double strokeWidth,
                   int maxExtension) {
        this.ink = ink;
        this.tolerance = tolerance;
        this.minRadius = minRadius;
        this.maxRadius = maxRadius;
        this.minSweep = minSweep;
        this.maxExtension = maxExtension;
        this.endSkip = (int) Math.ceil(strokeWidth);
    }

    List<Primitive> assemble(List<Piece> pieces) {
        List<Primitive> found = new ArrayList<>();
        List<Piece.Curved> seeds = pieces.stream()
                .filter(p -> p instanceof Piece.Curved)
                .map(p -> (Piece.Curved) p)
                .sorted(Comparator.comparingInt((Piece.Curved c) -> c.points().size()).reversed())
                .toList();
        for (Piece.Curved seed : seeds) {
            if (pieces.contains(seed)) {
                found.addAll(grow(seed, pieces));
            }
        }
        return found;
    }

    private List<Primitive> grow(Piece.Curved seed, List<Piece> pieces) {
        List<Piece> group = new ArrayList<>(List.of(seed));
        Points inner = new Points(seed.points().size() * 4);
        inner.addAll(inner(seed.points()));
        CircleFit circle = seed.fit();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Piece p : pieces) {
                if (group.contains(p) || !near(p, circle)) {
                    continue;
                }
                // one circle must fit them all: the seed's own circle is uncertain away from its ends
                Points jointInner = new Points(inner.size() + p.points().size());
                jointInner.addAll(inner);
                jointInner.addAll(inner(p.points()));
                Optional<CircleFit> fit = CircleFit.of(jointInner).filter(c -> c.maxError() <= tolerance);
                if (fit.isPresent()) {
                    group.add(p);
                    inner = jointInner;
                    circle = fit.get();
                    grew = true;
                }
            }
        }
        if (circle.r() < minRadius || circle.r() > maxRadius) {
            return List.of();
        }
        List<Primitive> found = new ArrayList<>();
        for (Stretch s : stretches(group, circle)) {
            if (s.to - s.from >= FULL_TURN - 1e-9) {
                found.add(new Circle(circle.cx(), circle.cy(), circle.r(),
                        ink.alongArc(circle.cx(), circle.cy(), circle.r(), 0, FULL_TURN)));
                pieces.removeAll(s.pieces);
            } else if (s.to - s.from >= minSweep) {
                found.add(arc(circle, s));
                pieces.removeAll(s.pieces);
            }
        }
        return found;
    }

    /** The points of a piece but those within a stroke's width of its ends, which thinning bends towards junctions. */
    private Points inner(Points p) {
        int skip = Math.min(endSkip, (p.size() - 1) / 2);
        return p.slice(skip, p.size() - 1 - skip);
    }

    /** A quick test before a joint fit: the piece's ends and middle lie near the circle. */
    private boolean near(Piece p, CircleFit circle) {
        Points pts = p.points();
        double slack = 3 * tolerance;
        return distance(pts, 0, circle) <= slack && distance(pts, pts.size() - 1, circle) <= slack
                && distance(pts, pts.size() / 2, circle) <= slack;
    }

    private static double distance(Points p, int i, CircleFit c) {
        return Math.abs(Math.hypot(p.x(i) - c.cx(), p.y(i) - c.cy()) - c.r());
    }

    private Arc arc(CircleFit c, Stretch s) {
        double from = s.from - ink.inkedArcRun(c.cx(), c.cy(), c.r(), s.from, -1, maxExtension);
        double to = s.to + ink.inkedArcRun(c.cx(), c.cy(), c.r(), s.to, 1, maxExtension);
        to = Math.min(to, from + FULL_TURN - 1e-6);
        return new Arc(c.cx(), c.cy(), c.r(), Math.toDegrees(from), Math.toDegrees(to),
                ink.alongArc(c.cx(), c.cy(), c.r(), from, to));
    }

    /** An angular stretch of the circle, {@code from} ≤ {@code to} (radians), and the pieces covering it. */
    private static final class Stretch {
        double from;
        double to;
        final List<Piece> pieces = new ArrayList<>();

        Stretch(double from, double to, Piece piece) {
            this.from = from;
            this.to = to;
            pieces.add(piece);
        }
    }

    /** The stretches the group's pieces cover, joined where they overlap or the gap between them is inked. */
    private List<Stretch> stretches(List<Piece> group, CircleFit circle) {
        List<Stretch> each = new ArrayList<>();
        for (Piece p : group) {
            CircleFit on = CircleFit.describe(p.points(), circle.cx(), circle.cy(), circle.r());
            double from = on.sweep() >= 0 ? on.start() : on.start() + on.sweep();
            double sweep = Math.min(FULL_TURN, Math.abs(on.sweep()));
            from = ((from % FULL_TURN) + FULL_TURN) % FULL_TURN;
            each.add(new Stretch(from, from + sweep, p));
        }
        each.sort(Comparator.comparingDouble(s -> s.from));
        List<Stretch> joined = new ArrayList<>();
        for (Stretch s : each) {
            Stretch last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && bridged(circle, last.to, s.from)) {
                last.to = Math.max(last.to, s.to);
                last.pieces.addAll(s.pieces);
            } else {
                joined.add(s);
            }
        }
        if (joined.size() > 1) {
            Stretch first = joined.get(0);
            Stretch last = joined.get(joined.size() - 1);
            if (bridged(circle, last.to, first.from + FULL_TURN)) {
                last.to = Math.max(last.to, first.to + FULL_TURN);
                last.pieces.addAll(first.pieces);
                joined.remove(0);
            }
        }
        if (joined.size() == 1) {
            Stretch only = joined.get(0);
            if (only.to - only.from < FULL_TURN && bridged(circle, only.to, only.from + FULL_TURN)) {
                only.to = only.from + FULL_TURN;
            }
        }
        for (Stretch s : joined) {
            s.to = Math.min(s.to, s.from + FULL_TURN);
        }
        return joined;
    }

    private boolean bridged(CircleFit c, double from, double to) {
        return to <= from || ink.alongArc(c.cx(), c.cy(), c.r(), from, to) >= GAP_INK;
    }
}
