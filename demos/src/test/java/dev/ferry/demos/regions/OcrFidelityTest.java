package dev.ferry.demos.regions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.config.InferenceSettings;
import dev.ferry.demos.TestInference;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real PP-OCRv4 models on pages of known text, set in four TrueType fonts and sizes,
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
        OcrFidelity.FontScore score = OcrFidelity.measure(ocr, font, 2);
        assertTrue(score.errors().rate() <= MAX_CER, font + ": CER " + score.errors().rate() + "; read:\n" + score.read());
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
        return OcrFidelity.read(ocr, image).text();
    }
}
