package dev.ferry.demos.vectorization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Straight lines from straight pieces. A junction cuts a line into pieces (a line crossing
 * another is cut in two, and thinning bends both a little where they meet), so each piece,
 * longest first, seeds a line that gathers every other piece lying within
 * {@code mergeDistance} of it (but for its ends, which thinning bends towards the junction) and
 * joined to it by ink; the line is
 * fitted again to all their points after each addition. Its ends are the outermost points,
 * moved on to where the ink really stops (thinning eats half a stroke's width at a free end).
 */
final class LineAssembler {
    /** Share of a gap's length that must be inked for two pieces to be one line. */
    private static final double GAP_INK = 0.9;

    private final Ink ink;
    private final double mergeDistance;
    private final double strokeWidth;
    private final int maxExtension;

    LineAssembler(Ink ink, double mergeDistance, double strokeWidth, int maxExtension) {
        this.ink = ink;
        this.mergeDistance = mergeDistance;
        this.strokeWidth = strokeWidth;
        this.maxExtension = maxExtension;
    }

    List<Line> assemble(List<Piece> pieces) {
        List<Piece.Straight> free = new ArrayList<>();
        for (Piece p : pieces) {
            if (p instanceof Piece.Straight s) {
                free.add(s);
            } else {
                // a gentle curve no circle took: it may still be a stretch of a line bent at a junction
                LineFit fit = LineFit.of(p.points());
                if (fit.maxError() <= mergeDistance) {
                    free.add(new Piece.Straight(p.points(), fit));
                }
            }
        }
        free.sort(Comparator.comparingDouble((Piece.Straight s) -> s.fit().length()).reversed());
        List<Line> lines = new ArrayList<>();
        while (!free.isEmpty()) {
            Piece.Straight seed = free.remove(0);
            lines.add(grow(seed, free));
        }
        return lines;
    }

    private Line grow(Piece.Straight seed, List<Piece.Straight> free) {
        Points all = new Points(seed.points().size() * 2);
        all.addAll(seed.points());
        LineFit line = seed.fit();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int i = 0; i < free.size(); i++) {
                Piece.Straight p = free.get(i);
                if (joins(line, p)) {
                    all.addAll(p.points());
                    line = LineFit.of(all);
                    free.remove(i--);
                    grew = true;
                }
            }
        }
        double start = line.tMin() - ink.inkedRun(line.xAt(line.tMin()), line.yAt(line.tMin()), -line.dx(), -line.dy(),
                maxExtension);
        double end = line.tMax() + ink.inkedRun(line.xAt(line.tMax()), line.yAt(line.tMax()), line.dx(), line.dy(),
                maxExtension);
        double x1 = line.xAt(start);
        double y1 = line.yAt(start);
        double x2 = line.xAt(end);
        double y2 = line.yAt(end);
        return new Line(x1, y1, x2, y2, ink.alongLine(x1, y1, x2, y2));
    }

    private boolean joins(LineFit line, Piece.Straight p) {
        Points pts = p.points();
        int last = pts.size() - 1;
        // thinning bends a stroke's centre line towards a junction for about a stroke's width: the ends may stray
        double slack = mergeDistance + strokeWidth;
        if (Math.abs(line.distance(pts.x(0), pts.y(0))) > slack
                || Math.abs(line.distance(pts.x(last), pts.y(last))) > slack) {
            return false;
        }
        int skip = (int) Math.min(Math.ceil(strokeWidth), last / 2);
        for (int i = skip; i <= last - skip; i++) {
            if (Math.abs(line.distance(pts.x(i), pts.y(i))) > mergeDistance) {
                return false;
            }
        }
        double a = line.along(pts.x(0), pts.y(0));
        double b = line.along(pts.x(last), pts.y(last));
        double from = Math.min(a, b);
        double to = Math.max(a, b);
        if (to < line.tMin()) {
            return gapInked(line, to, line.tMin());
        }
        if (from > line.tMax()) {
            return gapInked(line, line.tMax(), from);
        }
        return true;
    }

    private boolean gapInked(LineFit line, double from, double to) {
        return ink.alongLine(line.xAt(from), line.yAt(from), line.xAt(to), line.yAt(to)) >= GAP_INK;
    }
}
