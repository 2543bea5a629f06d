package dev.ferry.compat.discover;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.json.Json;
import dev.ferry.demos.media.Page;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A document's ZIP as discover's {@code document_download} sends it (app/shared/dataset/routes.py):
 * {@code images/<file>} per page, then {@code images.json}, a list of discover's
 * {@code Image.to_dict()} ({@code id, src, path, metadata}; app/shared/dataset/utils.py), which
 * discover-demo reads to find a crop's page by its {@code source} (front/datasets/models.py).
 * Each page is encoded and written as it comes, so only one is held; the answer starts with the
 * first page, which leaves the status free until then.
 */
final class ImagesZip {
    private static final int JPEG_QUALITY = 90;
    private final Context ctx;
    private final String fileName;
    private final ArrayNode images = Json.MAPPER.createArrayNode();
    private ZipOutputStream zip;

    ImagesZip(Context ctx, DiscoverDocument doc) {
        this.ctx = ctx;
        this.fileName = doc.uid().replaceAll("[^A-Za-z0-9._^-]", "_") + ".zip";
    }

    boolean started() {
        return zip != null;
    }

    /**
     * @param id     the page's id, which the annotations' crops name as their {@code source}
     * @param number the page's number in the task
     */
    void add(String id, int number, Page page) {
        // discover-demo unzips only files with an image extension, so the id alone is not the entry's name
        String path = "images/" + id + ".jpg";
        write(path, jpeg(page.image()));
        ObjectNode image = images.addObject().put("id", id).put("src", page.source()).put("path", path);
        image.putObject("metadata").put("page", number);
    }

    /** Writes {@code images.json} and ends the ZIP. */
    void finish() {
        write("images.json", Json.writeBytes(images));
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String name, byte[] bytes) {
        try {
            if (zip == null) {
                ctx.contentType("application/zip").header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
                zip = new ZipOutputStream(ctx.outputStream());
            }
            zip.putNextEntry(new ZipEntry(name));
            zip.write(bytes);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] jpeg(Mat image) {
        try (BytePointer out = new BytePointer(); IntPointer params = new IntPointer(opencv_imgcodecs.IMWRITE_JPEG_QUALITY, JPEG_QUALITY)) {
            if (!opencv_imgcodecs.imencode(".jpg", image, out, params)) {
                throw new IllegalStateException("OpenCV could not encode a page");
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }
}
