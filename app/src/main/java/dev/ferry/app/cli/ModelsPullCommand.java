package dev.ferry.app.cli;

import dev.ferry.demos.inference.ModelPuller;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStatus;
import dev.ferry.demos.inference.ModelStore;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Downloads a demo's models (all but those the manifest pulls only on request, or the one named)"
            + " from Ferry's model manifest, verifies their sha256 and installs them. A broken download resumes on the"
            + " next pull; models already present are kept."})
public final class ModelsPullCommand implements Callable<Integer> {
    @Mixin
    DataOption data = new DataOption();

    @Parameters(index = "0", paramLabel = "<demo>")
    String demo;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<model>")
    String model;

    @Override
    public Integer call() throws Exception {
        ModelStore store = ModelStore.of(data.config());
        List<ModelStatus> pulled = new ModelPuller(store).pull(demo, Optional.ofNullable(model), new Printed(System.err));
        ModelTable.print(pulled, System.out);
        return pulled.stream().allMatch(ModelStatus::usable) ? 0 : 1;
    }

    /** Progress on stderr, one line per tenth of the download (every 16 MiB when the size is unknown): fine in logs too. */
    static final class Printed implements ModelPuller.Progress {
        private static final long STEP_UNKNOWN = 16L << 20;
        private final PrintStream err;
        private long lastStep = -1;

        Printed(PrintStream err) {
            this.err = err;
        }

        @Override
        public void update(ModelRef ref, long bytes, long totalBytes) {
            long step = totalBytes > 0 ? bytes * 10 / totalBytes : bytes / STEP_UNKNOWN;
            if (step == lastStep) {
                return;
            }
            lastStep = step;
            String total = totalBytes > 0 ? " of " + ModelTable.size(totalBytes) + " (" + step * 10 + "%)" : "";
            err.println(ref + ": " + ModelTable.size(bytes) + total);
        }
    }
}
