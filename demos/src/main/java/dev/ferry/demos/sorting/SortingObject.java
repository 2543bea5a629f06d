package dev.ferry.demos.sorting;

import dev.ferry.demos.inference.EmbeddingModel;
import java.util.List;

/**
 * One item or container, after the sightings of it on neighbouring photos are merged.
 *
 * @param position  the mean of its sightings' positions
 * @param sightings the first one (in photo order) is where it was first seen
 */
record SortingObject(Sighting.Kind kind, ArmPosition position, List<Sighting> sightings) {
    Sighting first() {
        return sightings.get(0);
    }

    /** The mean of its sightings' feature vectors, at unit length: an item's look from every side it was seen. */
    float[] features() {
        float[] sum = null;
        for (Sighting s : sightings) {
            float[] v = s.features().orElseThrow();
            if (sum == null) {
                sum = new float[v.length];
            }
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i];
            }
        }
        return EmbeddingModel.unit(sum);
    }
}
