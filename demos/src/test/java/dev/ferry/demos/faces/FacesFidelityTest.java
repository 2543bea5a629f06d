package dev.ferry.demos.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.config.InferenceSettings;
import dev.ferry.demos.TestInference;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.testkit.TestModels;
import dev.ferry.testkit.TestPhotos;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The faces fidelity set (real photos with hand-labelled faces, faceless photos, pasted group
 * photos with faces 40 to 300 pixels wide) through the detector a job's {@code detector=auto}
 * picks once BlazeFace is installed, and through the Haar cascade.
 */
class FacesFidelityTest {
    @RegisterExtension
    static final TestInference models = new TestInference(ModelCatalog.builtIn(), new InferenceSettings(2, "all", 2));

    static FidelityScore blazeFace;
    static FidelityScore haar;

    @BeforeAll
    static void measure() throws Exception {
        models.store.install(BlazeFaceDetectorTest.FRONT, TestModels.blazeFaceFront());
        List<TruthPhoto> set = FidelitySet.load(TestPhotos.folder());
        try {
            blazeFace = score(FaceDetectors.AUTO, set);
            haar = score(FaceDetectors.HAAR, set);
        } finally {
            set.forEach(TruthPhoto::close);
        }
    }

    @Test
    void blazeFaceFindsEveryFaceAndNoneWherePeopleAreNot() {
        assertEquals(BlazeFaceDetectorTest.FRONT.model(), blazeFace.detector());
        assertEquals(17, blazeFace.photos());
        assertEquals(25, blazeFace.faces());
        assertEquals(List.of(), blazeFace.missed(), blazeFace.toString());
        assertEquals(0, blazeFace.falsePositives(), blazeFace.toString());
        // the cameraman is seen in profile: BlazeFace's box takes in his ear, the label stops in front of it
        assertEquals(List.of("cameraman#0"), blazeFace.disagreeing(), blazeFace.toString());
        assertTrue(blazeFace.meanIou() >= 0.75, blazeFace.toString());
    }

    @Test
    void blazeFaceBeatsTheHaarCascadeOnTheSameSet() {
        assertTrue(blazeFace.found() > haar.found(), blazeFace + " against " + haar);
        assertTrue(blazeFace.falsePositives() <= haar.falsePositives(), blazeFace + " against " + haar);
        assertTrue(blazeFace.agreeing() > haar.agreeing(), blazeFace + " against " + haar);
        assertTrue(blazeFace.meanIou() > haar.meanIou(), blazeFace + " against " + haar);
    }

    private static FidelityScore score(String detectorParam, List<TruthPhoto> set) {
        Optional<ModelLease> lease = FaceDetectors.acquire(models.store, models.inference, detectorParam);
        try (FaceDetector detector = FacesBenchmark.withDefaults(lease)) {
            return FidelityScore.measure(detector, set);
        } finally {
            lease.ifPresent(ModelLease::close);
        }
    }
}
