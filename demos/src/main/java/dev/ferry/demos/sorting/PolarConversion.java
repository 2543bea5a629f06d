package dev.ferry.demos.sorting;

/**
 * SorterBot's conversion of a point on a photo to the arm's polar position
 * (sorterbot_cloud, src/utils/coord_conversion.py, object_to_polar). The photo is taken at the
 * base rotation its name gives; the arm's axis lies {@code arm_radius} pixels below the
 * photo's centre. A point {@code a} pixels left or right of the centre line and {@code b}
 * pixels above the centre is {@code atan(a / (b + arm_radius))} off the photo's rotation and
 * {@code hypot(a, b + arm_radius)} from the axis; both are scaled to pulse widths linearly.
 */
final class PolarConversion {
    private PolarConversion() {}

    /**
     * @param x, y          the point, in the photo's pixels (origin top-left)
     * @param basePulseWidth the base servo's pulse width when the photo was taken
     */
    static ArmPosition toArm(double x, double y, int width, int height, int basePulseWidth, ArmConstants arm) {
        double halfW = width / 2.0;
        double halfH = height / 2.0;
        double a = Math.abs(halfW - x);
        double b = halfH - y;
        // atan2 and hypot equal the original's atan(a / (b + r)) and a / sin(gamma) (b + r when a is 0)
        // wherever those are defined, and stay finite where the original divided by zero.
        double gamma = Math.atan2(a, b + arm.armRadius());
        double distance = Math.hypot(a, b + arm.armRadius());
        double turn = arm.rotationRangeAsPw() * Math.toDegrees(gamma) / arm.rotationRangeAsDeg();
        double s0 = basePulseWidth + (x > halfW ? -turn : turn);
        double rAtBottom = arm.armRadius() - halfH;
        double s1 = (arm.distMaxAsPw() - arm.distMinAsPw()) * (distance - rAtBottom) / height + arm.distMinAsPw();
        return new ArmPosition(s0, s1);
    }
}
