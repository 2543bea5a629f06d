package dev.ferry.demos.sorting;

import dev.ferry.core.demo.DemoContext;

/**
 * The geometry of one arm, as SorterBot's arm_config.yaml gives it and its client sends it with
 * {@code get_commands_of_session}: pulse widths are the servos' PWM widths in microseconds.
 *
 * @param armRadius         distance from the arm's axis to the centre of the camera's view, in image pixels
 * @param rotationRangeAsDeg how far the base turns, in degrees, over {@code rotationRangeAsPw}
 * @param rotationRangeAsPw  the base servo's pulse-width range over that turn
 * @param distMinAsPw        the reach servo's pulse width at the image's bottom edge
 * @param distMaxAsPw        the reach servo's pulse width one image height further
 */
public record ArmConstants(double armRadius, double rotationRangeAsDeg, double rotationRangeAsPw, double distMinAsPw,
                           double distMaxAsPw) {
    public static final String ARM_RADIUS = "arm_radius";
    public static final String ROTATION_RANGE_AS_DEG = "rotation_range_as_deg";
    public static final String ROTATION_RANGE_AS_PW = "rotation_range_as_pw";
    public static final String DIST_MIN_AS_PW = "dist_min_as_pw";
    public static final String DIST_MAX_AS_PW = "dist_max_as_pw";

    static ArmConstants of(DemoContext ctx) {
        return new ArmConstants(ctx.doubleParam(ARM_RADIUS), ctx.doubleParam(ROTATION_RANGE_AS_DEG),
                ctx.doubleParam(ROTATION_RANGE_AS_PW), ctx.doubleParam(DIST_MIN_AS_PW), ctx.doubleParam(DIST_MAX_AS_PW));
    }
}
