package dev.ferry.demos.vectorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Arcs run clockwise on the page from their start angle; three points fix one either way round. */
class ArcTest {
    @Test
    void throughThreePointsFollowsThemInOrder() {
        // (10, 0) → (0, 10) → (−10, 0) round the origin: through the bottom of the page, angles 0 → 180
        Arc below = Arc.through(10, 0, 0, 10, -10, 0, 1).orElseThrow();
        assertEquals(0, below.startAngle(), 1e-9);
        assertEquals(180, below.endAngle(), 1e-9);
        // the same ends through the top: it runs from 180 to 360
        Arc above = Arc.through(10, 0, 0, -10, -10, 0, 1).orElseThrow();
        assertEquals(180, above.startAngle(), 1e-9);
        assertEquals(360, above.endAngle(), 1e-9);
        assertEquals(-10, above.x1(), 1e-9);
        assertEquals(10, above.x2(), 1e-9);
        assertTrue(Arc.through(0, 0, 1, 1, 2, 2, 1).isEmpty(), "collinear points fix no arc");
    }

    @Test
    void anglesAreKeptInOneTurn() {
        Arc a = new Arc(0, 0, 5, -30, 60, 1);
        assertEquals(330, a.startAngle(), 1e-9);
        assertEquals(420, a.endAngle(), 1e-9);
        assertEquals(90, a.sweep(), 1e-9);
        assertEquals(5 * Math.PI / 2, a.length(), 1e-9);
        assertEquals(0, a.distanceTo(5 * Math.cos(Math.toRadians(10)), 5 * Math.sin(Math.toRadians(10))), 1e-9);
        assertEquals(Math.hypot(7.5, 5 * Math.sin(Math.toRadians(60))), a.distanceTo(-5, 0), 1e-9,
                "off the arc: the distance to its nearer end, (2.5, 4.33) at 60°");
    }

    @Test
    void svgArcsTakeTheLargeArcFlagPastHalfATurn() {
        String svg = SvgDrawing.of(100, 100, java.util.List.of(new Arc(50, 50, 20, 0, 270, 0.5)), 2,
                java.util.Optional.empty(), "t");
        assertTrue(svg.contains("d=\"M 70 50 A 20 20 0 1 1 50 30\""), svg);
        assertEquals("1.5", SvgDrawing.number(1.50));
        assertEquals("0", SvgDrawing.number(-0.001));
        assertEquals("12", SvgDrawing.number(12.004));
    }
}
