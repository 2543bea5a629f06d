package dev.ferry.demos.faces;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * OpenCV's frontal-face Haar cascade, which ships inside the OpenCV jar: faces with no
 * model to download. Large pages are scaled down to {@code maxSide} for detection (the
 * cascade's cost grows with the pixel count) and the boxes scaled back up. It gives no
 * confidence score.
 */
public final class HaarFaceDetector implements FaceDetector {
    static final String CASCADE = "haarcascade_frontalface_alt.xml";
    private static volatile File cascadeFile;

    private final CascadeClassifier cascade;
    private final double scaleFactor;
    private final int minNeighbors;
    private final int minFaceSize;
    private final int maxSide;

    public HaarFaceDetector(double scaleFactor, int minNeighbors, int minFaceSize, int maxSide) {
        this.cascade = new CascadeClassifier(cascadeFile().getAbsolutePath());
        if (cascade.empty()) {
            cascade.close();
            throw new IllegalStateException("OpenCV could not load the face cascade " + cascadeFile());
        }
        this.scaleFactor = scaleFactor;
        this.minNeighbors = minNeighbors;
        this.minFaceSize = minFaceSize;
        this.maxSide = maxSide;
    }

    /** The cascade XML taken out of the OpenCV jar once per process (JavaCPP caches it on disk). */
    static File cascadeFile() {
        if (cascadeFile == null) {
            synchronized (HaarFaceDetector.class) {
                if (cascadeFile == null) {
                    String resource = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/haarcascades/" + CASCADE;
                    try {
                        cascadeFile = Loader.cacheResource(resource);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot extract " + resource + " from the OpenCV jar", e);
                    }
                    if (cascadeFile == null) {
                        throw new IllegalStateException(resource + " is missing from the OpenCV jar on the class path");
                    }
                }
            }
        }
        return cascadeFile;
    }

    @Override
    public String name() {
        return "opencv_haar_frontalface";
    }

    @Override
    public List<FaceDetection> detect(Mat bgr) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(bgr.cols(), bgr.rows()));
        int minSide = Math.max(1, (int) Math.round(minFaceSize * scale));
        try (Mat gray = new Mat(); RectVector found = new RectVector(); Size min = new Size(minSide, minSide); Size max = new Size()) {
            cvtColor(bgr, gray, COLOR_BGR2GRAY);
            if (scale < 1.0) {
                try (Size small = new Size((int) Math.round(bgr.cols() * scale), (int) Math.round(bgr.rows() * scale))) {
                    resize(gray, gray, small, 0, 0, INTER_AREA);
                }
            }
            equalizeHist(gray, gray);
            cascade.detectMultiScale(gray, found, scaleFactor, minNeighbors, 0, min, max);
            List<FaceDetection> faces = new ArrayList<>();
            for (long i = 0; i < found.size(); i++) {
                Rect r = found.get(i);
                FaceBox box = new FaceBox((int) Math.round(r.x() / scale), (int) Math.round(r.y() / scale),
                        (int) Math.round(r.width() / scale), (int) Math.round(r.height() / scale));
                faces.add(new FaceDetection(box.clampTo(bgr.cols(), bgr.rows()), Optional.empty(), List.of()));
            }
            faces.sort(java.util.Comparator.comparingInt((FaceDetection d) -> d.box().y()).thenComparingInt(d -> d.box().x()));
            return faces;
        }
    }

    @Override
    public void close() {
        cascade.close();
    }
}
