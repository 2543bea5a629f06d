package dev.ferry.demos.vectorization;

/**
 * The OpenCV engine's sensitivities, in pixels of the page unless said otherwise.
 *
 * @param thresholdBlock    the neighbourhood the paper's brightness is measured over; larger than the thickest stroke
 * @param minContrast       how much darker than the paper around it a pixel must be to be ink (0.2 = 20 %)
 * @param minBlob           ink specks and pinholes in strokes smaller than this many pixels are noise
 * @param fitTolerance      how far a stroke's centre may stray from the line or circle fitted to it
 * @param minLineLength     shorter lines are dropped
 * @param lineMergeDistance how far apart two collinear pieces of one line may lie and still be joined
 * @param circleMinRadius   smaller circles and arcs are not looked for
 * @param circleMaxRadius   larger ones are not looked for (a stroke that curves less is a line)
 * @param arcMinAngle       arcs covering less of their circle are dropped, in degrees
 * @param minConfidence     primitives with less of their length drawn in ink are dropped
 */
public record TraceOptions(int thresholdBlock, double minContrast, int minBlob, double fitTolerance,
                           double minLineLength, double lineMergeDistance, double circleMinRadius,
                           double circleMaxRadius, double arcMinAngle, double minConfidence) {

    public static final TraceOptions DEFAULTS = new TraceOptions(41, 0.2, 8, 1.5, 10, 3, 4, 0, 20, 0.6);

    /** {@code circleMaxRadius} 0 means no limit. */
    double maxRadius() {
        return circleMaxRadius > 0 ? circleMaxRadius : Double.MAX_VALUE;
    }
}
