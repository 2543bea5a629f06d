package dev.ferry.demos.watermarks;

import dev.ferry.core.hash.Sha256;
import dev.ferry.core.sources.SourceImage;
import dev.ferry.core.sources.SourceIndex;
import dev.ferry.core.sources.SourceStore;
import dev.ferry.demos.matching.CorpusEngine;
import dev.ferry.demos.media.ImageDecoder;
import dev.ferry.demos.media.MediaException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A source's images as an engine's candidates, described once per engine and kept under the
 * source's {@code features/<engine>/} folder, one file per {@code key}: the key names all the
 * description depends on (the file format, {@link PaperContrast#VERSION}, the engine's own
 * settings and, for a model, its sha256), so a changed model or method never reads a stale
 * file. A file is written beside its final name and renamed into place once whole, so two jobs
 * describing one source at once each rename a complete file and a reader never sees half of
 * one. An image that cannot be decoded is left out of the matching, and said so by every job.
 */
final class SourceFeatures {
    private static final int FORMAT = 1;

    /** How the progress of describing a source is told; a cancelled job stops there. */
    @FunctionalInterface
    interface Progress {
        void image(int number, int total, String name);
    }

    /**
     * The source's images as the engine holds them.
     *
     * @param sourceIndex for each candidate added, in order, its {@code source_index}
     * @param unreadable  the images left out, each with why
     * @param cached      whether the features were read from an earlier job's file
     */
    record Indexed(List<Integer> sourceIndex, List<String> unreadable, boolean cached) {}

    private final SourceStore store;
    private final ImageDecoder decoder;
    private final PaperContrast contrast;

    SourceFeatures(SourceStore store, ImageDecoder decoder, PaperContrast contrast) {
        this.store = store;
        this.decoder = decoder;
        this.contrast = contrast;
    }

    /** The file name the features of {@code settings} are kept under: a hash of all they depend on. */
    static String fileName(String settings) {
        return Sha256.hex("watermark-features/" + FORMAT + "/" + PaperContrast.VERSION + "/" + settings).substring(0, 32)
                + ".features";
    }

    /**
     * Adds the source's images to {@code engine} as candidates, from the kept file when there is
     * one, else described now and kept.
     *
     * @param engineKey the engine's folder, e.g. {@code local} or {@code embedding-features}
     * @param settings  what the engine's description depends on beyond the source
     */
    Indexed load(String uid, String engineKey, String settings, CorpusEngine engine, Progress progress)
            throws IOException {
        Path file = store.featuresDir(uid, engineKey).resolve(fileName(settings));
        if (Files.isRegularFile(file)) {
            return read(file, engine);
        }
        return describe(uid, file, engine, progress);
    }

    private static Indexed read(Path file, CorpusEngine engine) throws IOException {
        List<Integer> indices = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != FORMAT) {
                throw new IOException("features file " + file + " is of another format");
            }
            int images = in.readInt();
            for (int n = 0; n < images; n++) {
                int index = in.readInt();
                if (in.readBoolean()) {
                    engine.readCandidate(in);
                    indices.add(index);
                } else {
                    unreadable.add(in.readUTF());
                }
            }
        }
        return new Indexed(indices, unreadable, true);
    }

    private Indexed describe(String uid, Path file, CorpusEngine engine, Progress progress) throws IOException {
        SourceIndex index = store.index(uid);
        List<Integer> indices = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".writing-", ".features");
        try {
            try (ZipFile zip = new ZipFile(store.file(uid, SourceStore.IMAGES).toFile());
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
                out.writeInt(FORMAT);
                out.writeInt(index.images().size());
                for (SourceImage image : index.images()) {
                    progress.image(image.index() + 1, index.images().size(), image.name());
                    out.writeInt(image.index());
                    Mat decoded;
                    try {
                        decoded = decode(zip, image);
                    } catch (MediaException e) {
                        String why = image.name() + ": " + e.getMessage();
                        out.writeBoolean(false);
                        out.writeUTF(why.length() > 500 ? why.substring(0, 500) : why);
                        unreadable.add(why);
                        continue;
                    }
                    try (decoded; Mat even = contrast.apply(decoded)) {
                        engine.addCandidate(even);
                    }
                    out.writeBoolean(true);
                    engine.writeCandidate(engine.size() - 1, out);
                    indices.add(image.index());
                }
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return new Indexed(indices, unreadable, false);
    }

    private Mat decode(ZipFile zip, SourceImage image) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(image.name()))) {
            return decoder.decode(in.readAllBytes());
        }
    }
}
