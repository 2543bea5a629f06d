package dev.ferry.demos.clustering;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.demos.media.FailedPage;
import java.util.List;
import java.util.Optional;

/**
 * The content of clusters.json.
 *
 * @param loss        {@code loss_meaning} per point: the loss after seeding and after each iteration, or
 *                    the distance of each merge; empty with {@code assign_to}
 * @param assignedTo  the reference images, {@code <job id>/<pattern>}, when items were assigned to them
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
record ClustersReport(String engine, Optional<String> transformation, Optional<String> model, int size, long seed,
                      int items, int nClusters, int iterations, boolean converged, List<Double> loss,
                      Optional<String> lossMeaning, Optional<String> assignedTo, List<Cluster> clusters,
                      List<FailedPage> failedPages, List<String> warnings) {

    /**
     * @param name       the reference group, with {@code assign_to}
     * @param prototype  its picture, relative to the outputs folder
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Cluster(int cluster, Optional<String> name, String prototype, int size, double meanDistance, List<Member> members) {}

    /**
     * @param original  the item as read (at most 1024 pixels a side), relative to the outputs folder
     * @param aligned   tik: the item resampled onto the prototype
     * @param transform tik: {@code [[a, b, c], [d, e, f]]} mapping a prototype pixel (x, y) to (a·x + b·y + c,
     *                  d·x + e·y + f) in the item brought to {@code size × size}
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Member(int item, String source, String original, Optional<String> aligned, double distance,
                  Optional<List<List<Double>>> transform) {}
}
