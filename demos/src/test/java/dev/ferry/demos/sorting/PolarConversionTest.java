package dev.ferry.demos.sorting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The conversion against values worked out by hand with SorterBot's own formula
 * (coord_conversion.py, object_to_polar) for boxes whose centres are whole pixels.
 */
class PolarConversionTest {
    /** arm_config.yaml.example's constants. */
    static final ArmConstants ARM = new ArmConstants(1500, 130, 1400, 1100, 2000);
    private static final double EPS = 1e-9;

    @Test
    void aPointRightOfTheCentreLineTurnsTheBaseBack() {
        // 640 × 480 at 1500, box (400, 100)-(440, 180): a = 100, b = 100, gamma = atan(100 / 1600)
        ArmPosition p = PolarConversion.toArm(420, 140, 640, 480, 1500, ARM);
        assertEquals(1461.485629807721, p.s0(), EPS);
        assertEquals(1743.3536641027622, p.s1(), EPS);
    }

    @Test
    void aPointLeftOfTheCentreLineAndBelowItTurnsTheBaseOnAndReachesLess() {
        ArmPosition p = PolarConversion.toArm(220, 300, 640, 480, 1500, ARM);
        assertEquals(1542.7807255157763, p.s0(), EPS);
        assertEquals(1444.0025863649198, p.s1(), EPS);
    }

    @Test
    void thePhotosCentreIsThePhotosOwnRotationAtMidReach() {
        // a = 0: the original's division by sin(0) fell back to b + arm_radius
        ArmPosition p = PolarConversion.toArm(320, 240, 640, 480, 1500, ARM);
        assertEquals(1500.0, p.s0(), EPS);
        assertEquals(1550.0, p.s1(), EPS);
    }

    @Test
    void otherConstantsAndAnotherPhotoSize() {
        ArmConstants arm = new ArmConstants(1200, 180, 2000, 1000, 1800);
        ArmPosition p = PolarConversion.toArm(20, 30, 1000, 800, 900, arm);
        assertEquals(1088.889938373764, p.s0(), EPS);
        assertEquals(1841.7368851311105, p.s1(), EPS);
    }
}
