package dev.ferry.demos.media;

import dev.ferry.core.error.ErrorCode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A PDF, one page per PDF page rendered with PDFBox at {@code FERRY_PDF_DPI}. A page so
 * large that the resolution would exceed {@code FERRY_MAX_PIXELS} is rendered at the
 * highest resolution that fits, with a warning, rather than refused: its size is not the
 * sender's fault the way a bomb's header is.
 */
final class PdfDocument implements Document {
    private final String source;
    private final PDDocument pdf;
    private final PDFRenderer renderer;
    private final float dpi;
    private final long maxPixels;
    private final Consumer<String> warnings;

    PdfDocument(String source, Path file, float dpi, long maxPixels, Consumer<String> warnings) {
        this.source = source;
        this.dpi = dpi;
        this.maxPixels = maxPixels;
        this.warnings = warnings;
        try {
            this.pdf = Loader.loadPDF(file.toFile());
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw new MediaException(ErrorCode.BAD_PDF, source + " is password-protected");
        } catch (IOException e) {
            throw new MediaException(ErrorCode.BAD_PDF, source + " is not a readable PDF: " + e.getMessage());
        }
        this.renderer = new PDFRenderer(pdf);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public OptionalInt pageCount() {
        return OptionalInt.of(pdf.getNumberOfPages());
    }

    @Override
    public Iterator<PageRef> pages() {
        int count = pdf.getNumberOfPages();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public PageRef next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int index = next++;
                return new PageRef(source + "#page=" + (index + 1), () -> render(index));
            }
        };
    }

    private Mat render(int index) {
        PDRectangle box = pdf.getPage(index).getCropBox();
        double pixelsAtDpi = (box.getWidth() * dpi / 72.0) * (box.getHeight() * dpi / 72.0);
        float pageDpi = dpi;
        if (pixelsAtDpi > maxPixels) {
            pageDpi = (float) Math.floor(dpi * Math.sqrt(maxPixels / pixelsAtDpi));
            warnings.accept(source + " page " + (index + 1) + " is rendered at " + pageDpi + " dpi instead of " + dpi
                    + " to stay within FERRY_MAX_PIXELS");
            if (pageDpi < 1) {
                throw new MediaException(ErrorCode.TOO_MANY_PIXELS, source + " page " + (index + 1) + " is too large to render");
            }
        }
        try {
            BufferedImage image = renderer.renderImageWithDPI(index, pageDpi, ImageType.RGB);
            return BufferedImages.toBgrMat(image);
        } catch (IOException e) {
            throw new MediaException(ErrorCode.BAD_PDF, source + " page " + (index + 1) + " cannot be rendered: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            pdf.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
