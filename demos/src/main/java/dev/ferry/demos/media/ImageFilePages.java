package dev.ferry.demos.media;

import dev.ferry.core.storage.JobInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/** Each input file is one image page, decoded by OpenCV from its bytes (whatever its name says). */
public final class ImageFilePages implements PageSource {
    @Override
    public List<PageRef> pages(List<Path> inputs) {
        Set<String> used = new HashSet<>();
        return inputs.stream().map(input -> (PageRef) new ImageFile(input, uniqueStem(input, used))).toList();
    }

    /** Decodes encoded image bytes (JPEG, PNG, TIFF, WebP, BMP...) into an 8-bit BGR image. */
    public static Mat decode(byte[] bytes) throws PageException {
        Mat image;
        try (BytePointer data = new BytePointer(bytes); Mat buffer = new Mat(1, bytes.length, opencv_core.CV_8UC1, data)) {
            image = opencv_imgcodecs.imdecode(buffer, opencv_imgcodecs.IMREAD_COLOR);
        } catch (RuntimeException e) {
            throw new PageException("not a readable image (" + e.getMessage() + ")", e);
        }
        if (image == null || image.empty()) {
            throw new PageException("not a readable image");
        }
        return image;
    }

    private static String uniqueStem(Path input, Set<String> used) {
        String file = input.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        String name = stem;
        for (int i = 2; !used.add(name); i++) {
            name = stem + "-" + i;
        }
        return name;
    }

    private record ImageFile(Path file, String name) implements PageRef {
        @Override
        public String source() {
            return JobInputs.originalName(file);
        }

        @Override
        public Page load() throws PageException {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new PageException("cannot read the file: " + e.getMessage(), e);
            }
            return new Page(name, source(), decode(bytes));
        }
    }
}
