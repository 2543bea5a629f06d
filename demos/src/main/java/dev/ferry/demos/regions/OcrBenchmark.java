package dev.ferry.demos.regions;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.demos.DemoServices;
import dev.ferry.demos.inference.Inference;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ferry bench regions --ocr}: the demo's three text models (lines, direction,
 * recognition) over pages of known text in each {@link PrintedPages.PageFont}, measured by
 * {@link OcrFidelity} as the fidelity tests measure them: character error rate per font and
 * overall, lines per second and milliseconds per page. One page warms up first, not counted.
 */
public final class OcrBenchmark {
    private OcrBenchmark() {}

    /** The scores per font, and the device they were read on. */
    public record Report(String device, int pagesPerFont, List<OcrFidelity.FontScore> fonts) {
        public String format() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                    "regions OCR (%s, %s, %s) on %s: %d pages of %dx%d per font, skew ±%.1f°, noise %.0f%n",
                    RegionsDemo.DEFAULT_MODEL, RegionsDemo.DIRECTION_MODEL, RegionsDemo.RECOGNITION_MODEL, device,
                    pagesPerFont, OcrFidelity.PAGE_WIDTH, OcrFidelity.PAGE_HEIGHT, OcrFidelity.SKEW_DEGREES,
                    OcrFidelity.NOISE));
            s.append(String.format(Locale.ROOT, "  %-20s %4s %5s %6s %7s %9s %10s%n",
                    "font", "size", "pages", "lines", "CER", "lines/s", "ms/page"));
            CharacterErrors all = new CharacterErrors(0, 0);
            int pages = 0;
            int lines = 0;
            long nanos = 0;
            for (OcrFidelity.FontScore f : fonts) {
                s.append(row(f.font().load().getFontName(), String.valueOf(f.font().size()), f.pages(), f.lines(),
                        f.errors(), f.nanos()));
                all = all.plus(f.errors());
                pages += f.pages();
                lines += f.lines();
                nanos += f.nanos();
            }
            s.append(row("overall", "", pages, lines, all, nanos));
            s.append("  (time to find and read the lines of a decoded page; CER: edits over the truth's characters)\n");
            return s.toString();
        }

        private static String row(String name, String size, int pages, int lines, CharacterErrors errors, long nanos) {
            double seconds = nanos / 1e9;
            return String.format(Locale.ROOT, "  %-20s %4s %5d %6d %6.2f%% %9.1f %10.1f%n", name, size, pages, lines,
                    errors.rate() * 100, lines / seconds, seconds * 1000 / pages);
        }
    }

    /** With the settings of {@code config}: its data folder's models, device and threads. */
    public static Report run(FerryConfig config, int pagesPerFont) throws Exception {
        try (DemoServices services = DemoServices.forWorker(config)) {
            return run(services.models(), services.inference(), pagesPerFont);
        }
    }

    public static Report run(ModelStore store, Inference inference, int pagesPerFont) throws Exception {
        try (ModelLease lines = acquire(store, inference, RegionsDemo.DEFAULT_MODEL);
             ModelLease direction = acquire(store, inference, RegionsDemo.DIRECTION_MODEL);
             ModelLease recognition = acquire(store, inference, RegionsDemo.RECOGNITION_MODEL)) {
            PageOcr ocr = new PageOcr(lines, direction, recognition);
            OcrFidelity.measure(ocr, PrintedPages.PageFont.values()[0], 1);
            List<OcrFidelity.FontScore> fonts = new ArrayList<>();
            for (PrintedPages.PageFont font : PrintedPages.PageFont.values()) {
                fonts.add(OcrFidelity.measure(ocr, font, pagesPerFont));
            }
            return new Report(inference.device().toString(), pagesPerFont, fonts);
        }
    }

    private static ModelLease acquire(ModelStore store, Inference inference, String model) {
        return inference.acquire(store.require(new ModelRef(RegionsDemo.NAME, model)));
    }
}
