package dev.ferry.demos.sorting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.demos.detection.Box;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DuplicateMergeTest {
    private static final Box BOX = new Box(0, 0, 10, 10);

    @Test
    void sightingsOnNeighbouringPhotosWithinTheDistanceAreOneObjectAtTheirMean() {
        List<SortingObject> objects = DuplicateMerge.merge(List.of(
                item(1000, 1400, 1500), item(1200, 1480, 1540), item(1400, 1700, 1500)), 150);
        assertEquals(2, objects.size());
        assertEquals(new ArmPosition(1440, 1520), objects.get(0).position());
        assertEquals(List.of(1000, 1200), objects.get(0).sightings().stream().map(Sighting::photo).toList());
        assertEquals(new ArmPosition(1700, 1500), objects.get(1).position());
    }

    @Test
    void bothPulseWidthsMustBeWithinTheDistance() {
        List<SortingObject> objects = DuplicateMerge.merge(List.of(item(1000, 1400, 1500), item(1200, 1410, 1650)), 150);
        assertEquals(2, objects.size(), "s1 differs by exactly the distance: the original's test is strict");
    }

    @Test
    void twoObjectsOnOnePhotoStayTwoAndEachTakesItsNearestSightingOnTheNext() {
        List<SortingObject> objects = DuplicateMerge.merge(List.of(
                item(1000, 1400, 1500), item(1000, 1450, 1500),
                item(1200, 1455, 1500), item(1200, 1405, 1500)), 150);
        assertEquals(List.of(new ArmPosition(1402.5, 1500), new ArmPosition(1452.5, 1500)),
                objects.stream().map(SortingObject::position).toList());
    }

    @Test
    void sightingsAtTheSamePositionMerge() {
        assertEquals(1, DuplicateMerge.merge(List.of(item(1000, 1400, 1500), item(1200, 1400, 1500)), 150).size());
    }

    @Test
    void itemsAndContainersNeverMerge() {
        Sighting container = new Sighting(1200, Sighting.Kind.CONTAINER, 0.9, BOX, new ArmPosition(1400, 1500),
                Optional.empty());
        assertEquals(2, DuplicateMerge.merge(List.of(item(1000, 1400, 1500), container), 150).size());
    }

    private static Sighting item(int photo, double s0, double s1) {
        return new Sighting(photo, Sighting.Kind.ITEM, 0.9, BOX, new ArmPosition(s0, s1), Optional.of(new float[] {1}));
    }
}
