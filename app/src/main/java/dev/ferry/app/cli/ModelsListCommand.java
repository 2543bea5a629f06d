package dev.ferry.app.cli;

import dev.ferry.demos.inference.ModelStatus;
import dev.ferry.demos.inference.ModelStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Each demo's models (the manifest's and any installed by hand): present, missing or corrupt.")
public final class ModelsListCommand implements Callable<Integer> {
    @Mixin
    DataOption data = new DataOption();

    @Parameters(index = "0", arity = "0..1", paramLabel = "<demo>", description = "Only this demo's models.")
    String demo;

    @Override
    public Integer call() {
        ModelStore store = ModelStore.of(data.config());
        List<ModelStatus> models = demo == null ? store.list() : store.list(demo);
        ModelTable.print(models, System.out);
        return 0;
    }
}
