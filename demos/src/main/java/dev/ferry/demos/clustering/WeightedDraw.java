package dev.ferry.demos.clustering;

/** k-means++ seeding's draw, shared by both engines: an index picked with odds proportional to its weight. */
final class WeightedDraw {
    private WeightedDraw() {}

    /**
     * The first index at which the running sum of {@code weights} passes {@code target}.
     *
     * @param target a uniform draw in [0, sum of the weights)
     */
    static int index(double[] weights, double target) {
        double running = 0;
        for (int i = 0; i < weights.length; i++) {
            running += weights[i];
            if (running > target) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
