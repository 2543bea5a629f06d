package dev.ferry.demos.regions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.config.InferenceSettings;
import dev.ferry.demos.TestInference;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.media.ImageDecoder;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real PP-OCRv4 models on pages of known text, set in three TrueType fonts and sizes,
 * skewed 1.5° and noisy: the character error rate of each font stays within 3 %.
 */
class OcrFidelityTest {
    static final double MAX_CER = 0.03;

    @RegisterExtension
    static final TestInference models = new TestInference(ModelCatalog.builtIn(), new InferenceSettings(2, "all", 2));
    static ModelLease lines;
    static ModelLease direction;
    static ModelLease recognition;
    static PageOcr ocr;

    @BeforeAll
    static void install() throws Exception {
        OcrTestModels.install(models.store);
        lines = lease(RegionsDemo.DEFAULT_MODEL);
        direction = lease(RegionsDemo.DIRECTION_MODEL);
        recognition = lease(RegionsDemo.RECOGNITION_MODEL);
        ocr = new PageOcr(lines, direction, recognition);
    }

    @AfterAll
    static void release() {
        recognition.close();
        direction.close();
        lines.close();
    }

    private static ModelLease lease(String model) {
        return models.inference.acquire(models.store.require(new ModelRef(RegionsDemo.NAME, model)));
    }

    @ParameterizedTest
    @EnumSource(PrintedPages.PageFont.class)
    void eachFontReadsWithinThreePercentOfCharacterErrors(PrintedPages.PageFont font) throws Exception {
        CharacterErrors errors = new CharacterErrors(0, 0);
        StringBuilder seen = new StringBuilder();
        for (long seed = 1; seed <= 2; seed++) {
            PrintedPages.Printed page = PrintedPages.render(font, 1000, 700, seed % 2 == 0 ? -1.5 : 1.5, 12, seed);
            String read = read(page.image());
            errors = errors.plus(CharacterErrors.of(page.text(), read));
            seen.append(read);
        }
        assertTrue(errors.rate() <= MAX_CER, font + ": CER " + errors.rate() + "; read:\n" + seen);
    }

    @Test
    void aPageUpsideDownReadsRightThanksToTheDirectionClassifier() throws Exception {
        PrintedPages.Printed page = PrintedPages.render(PrintedPages.PageFont.DEJAVU_SERIF, 1000, 700, 1, 8, 5);
        BufferedImage turned = new AffineTransformOp(AffineTransform.getRotateInstance(Math.PI, 500, 350),
                AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(page.image(), null);
        String read = read(turned);
        // upside down, the last line is on top: the lines come in reverse order, each one reading right
        java.util.List<String> reversed = new java.util.ArrayList<>(page.lines());
        java.util.Collections.reverse(reversed);
        String truth = String.join("\n", reversed) + "\n";
        CharacterErrors errors = CharacterErrors.of(truth, read);
        assertTrue(errors.rate() <= MAX_CER, "CER " + errors.rate() + "; read:\n" + read);
    }

    private static String read(BufferedImage image) throws Exception {
        byte[] png = new TextPages.Rendered(toBgr(image), java.util.List.of()).png();
        try (Mat mat = new ImageDecoder(100_000_000L).decode(png)) {
            return ocr.read(mat, new StageClock()).text();
        }
    }

    private static BufferedImage toBgr(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        out.getGraphics().drawImage(image, 0, 0, null);
        return out;
    }
}
