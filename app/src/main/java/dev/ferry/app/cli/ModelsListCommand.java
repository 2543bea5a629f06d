package dev.ferry.app.cli;

import dev.ferry.core.demo.Demo;
import dev.ferry.demos.DemoServices;
import dev.ferry.demos.InstalledDemos;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStatus;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Each demo's models (those its demos load, the manifest's and any installed by hand): present, missing or corrupt.")
public final class ModelsListCommand implements Callable<Integer> {
    @Mixin
    DataOption data = new DataOption();

    @Parameters(index = "0", arity = "0..1", paramLabel = "<demo>", description = "Only this demo's models.")
    String demo;

    @Override
    public Integer call() {
        try (DemoServices services = DemoServices.forApi(data.config())) {
            // The demos say which models they load, as GET /api/v1/demos shows; the store says in what state.
            List<ModelStatus> models = services.models().list(expected(InstalledDemos.build(services).all()));
            ModelTable.print(demo == null ? models : models.stream().filter(m -> m.demo().equals(demo)).toList(), System.out);
        }
        return 0;
    }

    private static List<ModelRef> expected(Collection<Demo> demos) {
        return demos.stream().flatMap(d -> d.models().stream().map(m -> new ModelRef(d.name(), m.name()))).toList();
    }
}
