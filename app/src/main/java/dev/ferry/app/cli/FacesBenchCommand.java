package dev.ferry.app.cli;

import dev.ferry.demos.faces.FacesBenchmark;
import dev.ferry.demos.faces.FidelitySet;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "faces", mixinStandardHelpOptions = true,
        description = {"Fidelity of the faces demo's detectors on the faces fidelity set (real photos with labelled faces,"
            + " faceless photos, pasted group photos): faces found, boxes within 15 %, false positives, mean IoU and"
            + " time per photo, for the Haar cascade and each installed BlazeFace model (ferry models pull faces)."})
public final class FacesBenchCommand implements Callable<Integer> {
    @Mixin
    DataOption data = new DataOption();

    @Option(names = "--photos", description = "The folder scripts/fetch-test-media.sh unpacked the photos to"
            + " (default: ~/.cache/ferry/test-media).")
    Path photos;

    @Override
    public Integer call() throws Exception {
        Path folder = photos != null ? photos : FidelitySet.defaultMediaFolder();
        System.out.print(FacesBenchmark.format(FacesBenchmark.run(data.config(), folder)));
        return 0;
    }
}
