package dev.ferry.app.cli;

import dev.ferry.core.demo.ModelState;
import dev.ferry.demos.inference.ModelStatus;
import dev.ferry.demos.inference.ModelStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Hashes every installed model again and checks it against its contract; exits 1 if any is corrupt.")
public final class ModelsVerifyCommand implements Callable<Integer> {
    @Mixin
    DataOption data = new DataOption();

    @Override
    public Integer call() {
        List<ModelStatus> models = ModelStore.of(data.config()).verify();
        ModelTable.print(models, System.out);
        return models.stream().anyMatch(m -> m.state() == ModelState.CORRUPT) ? 1 : 0;
    }
}
