package dev.ferry.app.cli;

import dev.ferry.core.json.Json;
import dev.ferry.demos.sign.SignBenchmark;
import dev.ferry.demos.sign.SignBenchmark.Measurement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Decode + preprocessing time and peak memory (RSS) of the sign demo on generated 720p videos, each"
            + " length and mode measured in a fresh JVM so the peaks compare. Passes when the longest video's peak is"
            + " within 10% of the shortest's. No model needed: a stand-in takes the model's place."})
public final class SignBenchCommand implements Callable<Integer> {
    static final double ALLOWED_GROWTH = 0.10;

    @Option(names = "--seconds", split = ",", defaultValue = "10,120",
            description = "Video lengths to measure, in seconds (default ${DEFAULT-VALUE}).")
    List<Integer> lengths;

    @Option(names = "--heap", defaultValue = "1g", description = "-Xmx of each measuring JVM (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--measure", hidden = true, description = "Measure this video in this JVM and print one JSON line.")
    Path measure;

    @Option(names = "--windowed", hidden = true)
    boolean windowed;

    @Override
    public Integer call() throws Exception {
        if (measure != null) {
            System.out.println(Json.MAPPER.writeValueAsString(SignBenchmark.measure(measure, windowed)));
            return 0;
        }
        Path dir = Files.createTempDirectory("ferry-bench-sign-");
        try {
            List<Measurement> clip = new ArrayList<>();
            List<Measurement> windows = new ArrayList<>();
            for (int seconds : lengths) {
                long t = System.nanoTime();
                Path video = SignBenchmark.writeVideo(dir.resolve(seconds + "s-720p.mp4"), seconds);
                System.out.printf(Locale.ROOT, "wrote %s (%.1f MB) in %.1f s%n", video.getFileName(),
                        Files.size(video) / 1e6, (System.nanoTime() - t) / 1e9);
                clip.add(child(video, false));
                windows.add(child(video, true));
            }
            boolean clipFlat = report("whole clip, 16 frames", clip);
            boolean windowsFlat = report("2 s windows every 1 s, 16 frames each", windows);
            System.out.println(clipFlat && windowsFlat ? "PASS: peak memory flat with video length"
                    : "FAIL: peak memory grew more than 10% with video length");
            return clipFlat && windowsFlat ? 0 : 1;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Runs the measurement in a fresh JVM with this one's class path. */
    private Measurement child(Path video, boolean windowedRun) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                "dev.ferry.app.Main", "bench", "sign", "--measure", video.toString()));
        if (windowedRun) {
            command.add("--windowed");
        }
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("the measuring JVM failed on " + video.getFileName() + ": " + out);
        }
        String json = out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new IOException("no measurement from the measuring JVM: " + out));
        return Json.MAPPER.readValue(json, Measurement.class);
    }

    private static boolean report(String mode, List<Measurement> runs) {
        System.out.println();
        System.out.println(mode + ":");
        System.out.printf(Locale.ROOT, "  %-16s %7s %7s %9s %8s %11s %13s %9s %10s%n", "video", "seconds", "frames",
                "converted", "windows", "decode ms", "preprocess ms", "total ms", "peak RSS");
        for (Measurement m : runs) {
            System.out.printf(Locale.ROOT, "  %-16s %7.1f %7d %9d %8d %11.0f %13.0f %9.0f %7.0f MB%n", m.video(),
                    m.seconds(), m.frames(), m.converted(), m.windows(), m.decodeMs(), m.preprocessMs(), m.totalMs(),
                    m.peakRssMb());
        }
        double first = runs.get(0).peakRssMb();
        double last = runs.get(runs.size() - 1).peakRssMb();
        double growth = first > 0 ? (last - first) / first : 0;
        System.out.printf(Locale.ROOT, "  peak RSS %+.1f%% from the shortest to the longest video (allowed: +%.0f%%)%n",
                growth * 100, ALLOWED_GROWTH * 100);
        return growth <= ALLOWED_GROWTH;
    }
}
