package dev.ferry.app.cli;

import dev.ferry.demos.vectorization.VectorizationBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "vectorization", mixinStandardHelpOptions = true,
        description = {"Diagrams per second of the vectorization demo's OpenCV engine on rendered diagrams of 2,000 x"
            + " 2,000 px (lines, circles, arcs on scanned-looking paper), where the time goes, and how many of the"
            + " drawn shapes it finds. Needs no model."})
public final class VectorizationBenchCommand implements Callable<Integer> {
    @Mixin
    DataOption data = new DataOption();

    @Option(names = "--diagrams", defaultValue = "10",
            description = "Diagrams to time, after one warm-up diagram (default ${DEFAULT-VALUE}).")
    int diagrams;

    @Option(names = "--size", defaultValue = "2000", description = "Width and height of the diagrams in pixels"
            + " (default ${DEFAULT-VALUE}).")
    int size;

    @Override
    public Integer call() throws Exception {
        if (diagrams < 1) {
            throw new IllegalArgumentException("--diagrams must be at least 1");
        }
        if (size < 100 || size > 20_000) {
            throw new IllegalArgumentException("--size must be between 100 and 20000");
        }
        System.out.print(VectorizationBenchmark.run(data.config(), diagrams, size).format());
        return 0;
    }
}
