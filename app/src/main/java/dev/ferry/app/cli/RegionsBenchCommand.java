package dev.ferry.app.cli;

import dev.ferry.demos.regions.OcrBenchmark;
import dev.ferry.demos.regions.RegionsBenchmark;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "regions", mixinStandardHelpOptions = true,
        description = {"Pages per second of the regions demo's text-line model (PP-OCRv4) on rendered A4 pages, and where"
            + " the time goes. Needs the model: ferry models pull regions.",
            "With --ocr: the character error rate of the demo's OCR per font on pages of known text, lines/s and"
            + " ms per page. Needs the three text models: ferry models pull regions."})
public final class RegionsBenchCommand implements Callable<Integer> {
    @Mixin
    DataOption data = new DataOption();

    @Option(names = "--pages", defaultValue = "20",
            description = "Pages to time (with --ocr: per font), after one warm-up page (default ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--ocr", description = "Read the text of pages of known text and report its character error rate.")
    boolean ocr;

    @Option(names = "--device", description = "cpu, auto or cuda:N (FERRY_DEVICE).")
    String device;

    @Override
    public Integer call() throws Exception {
        if (pages < 1) {
            throw new IllegalArgumentException("--pages must be at least 1");
        }
        Map<String, String> overrides = new HashMap<>();
        if (device != null) {
            overrides.put("FERRY_DEVICE", device);
        }
        System.out.print(ocr ? OcrBenchmark.run(data.config(overrides), pages).format()
                : RegionsBenchmark.run(data.config(overrides), pages).format());
        return 0;
    }
}
