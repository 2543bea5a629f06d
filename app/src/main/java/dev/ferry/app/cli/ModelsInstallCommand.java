package dev.ferry.app.cli;

import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStatus;
import dev.ferry.demos.inference.ModelStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Installs a model from a local file (offline). A manifest model is checked against the"
            + " manifest's sha256; a model of your own needs its contract, --contract model.json (docs/demos.md).",
            "A manifest model whose labels ship in a file of their own (regions text_recognition: ppocr_keys_v1.txt)"
            + " reads it from beside the model, or from --labels."})
public final class ModelsInstallCommand implements Callable<Integer> {
    @Mixin
    DataOption data = new DataOption();

    @Parameters(index = "0", paramLabel = "<demo>")
    String demo;

    @Parameters(index = "1", paramLabel = "<model>")
    String model;

    @Option(names = "--from", required = true, paramLabel = "<file>", description = "The model's .onnx file.")
    Path from;

    @Option(names = "--contract", paramLabel = "<model.json>", description = "The model's contract, for a model not in the manifest.")
    Path contract;

    @Option(names = "--labels", paramLabel = "<file>",
            description = "The labels file of a manifest model that has one (checked by its sha256), when it is not beside the model.")
    Path labels;

    @Override
    public Integer call() throws Exception {
        ModelStore store = ModelStore.of(data.config());
        ModelRef ref = new ModelRef(demo, model);
        ModelStatus installed = contract != null ? store.install(ref, from, contract)
                : labels != null ? store.installWithLabels(ref, from, labels)
                : store.install(ref, from);
        ModelTable.print(List.of(installed), System.out);
        return installed.usable() ? 0 : 1;
    }
}
