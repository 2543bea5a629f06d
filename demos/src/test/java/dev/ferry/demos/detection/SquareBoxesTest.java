package dev.ferry.demos.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SquareBoxesTest {
    @Test
    void aBoxBecomesASquareAroundItsCentreWithTheMargin() {
        assertEquals(new Box(130, 80, 370, 320), SquareBoxes.square(new Box(150, 150, 350, 250), 0.1, 1000, 1000));
    }

    @Test
    void aSquarePastTheEdgeIsMovedInside() {
        assertEquals(new Box(0, 0, 120, 120), SquareBoxes.square(new Box(0, 0, 100, 50), 0.1, 1000, 1000));
        assertEquals(new Box(880, 880, 1000, 1000), SquareBoxes.square(new Box(900, 950, 1000, 1000), 0.1, 1000, 1000));
    }

    @Test
    void aSquareLargerThanThePageShrinksToItsShorterSide() {
        assertEquals(new Box(100, 0, 400, 300), SquareBoxes.square(new Box(0, 0, 500, 100), 0.1, 500, 300));
    }
}
