package dev.ferry.demos.faces;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import dev.ferry.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The faces fidelity set described by {@code fidelity-set.json} beside this class: real photos
 * with hand-labelled faces, photos without a visible face, and group photos pasted together
 * from the labelled faces ({@link GroupPhoto}). The photos come from Debian packages unpacked
 * into a media folder, so the set is the same on every machine; the test and
 * {@code ferry bench faces} both measure on it.
 */
public final class FidelitySet {
    record Manifest(List<Photo> photos, List<GroupPhoto.Layout> groups) {}

    record Photo(String name, String path, List<int[]> faces) {
        List<FaceBox> boxes() {
            return faces.stream().map(f -> new FaceBox(f[0], f[1], f[2], f[3])).toList();
        }
    }

    private FidelitySet() {}

    /** {@code ~/.cache/ferry/test-media}: where scripts/fetch-test-media.sh unpacks by default. */
    public static Path defaultMediaFolder() {
        return Path.of(System.getProperty("user.home"), ".cache", "ferry", "test-media");
    }

    /** Every photo of the set, real ones first, then the pasted groups; close each. */
    public static List<TruthPhoto> load(Path mediaFolder) throws IOException {
        Manifest manifest = manifest();
        Map<String, TruthPhoto> real = new LinkedHashMap<>();
        List<TruthPhoto> out = new ArrayList<>();
        try {
            for (Photo p : manifest.photos()) {
                TruthPhoto photo = new TruthPhoto(p.name(), read(mediaFolder, p.path()), p.boxes());
                real.put(p.name(), photo);
                out.add(photo);
            }
            for (GroupPhoto.Layout layout : manifest.groups()) {
                try (Mat background = read(mediaFolder, layout.background())) {
                    out.add(GroupPhoto.compose(layout, background, real::get));
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            out.forEach(TruthPhoto::close);
            throw e;
        }
    }

    private static Manifest manifest() throws IOException {
        try (InputStream in = FidelitySet.class.getResourceAsStream("fidelity-set.json")) {
            if (in == null) {
                throw new IllegalStateException("fidelity-set.json is missing from the class path");
            }
            return Json.MAPPER.readValue(in, Manifest.class);
        }
    }

    private static Mat read(Path mediaFolder, String relative) throws IOException {
        Path file = mediaFolder.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IOException("photo " + file + " of the faces fidelity set is missing: run"
                    + " scripts/fetch-test-media.sh, or give the folder it unpacked to");
        }
        Mat image = imread(file.toString());
        if (image.empty()) {
            image.close();
            throw new IOException("photo " + file + " cannot be decoded");
        }
        return image;
    }
}
